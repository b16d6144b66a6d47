#include "syntheticfeedscenes.h"

#include "widgetstr.h"

#include <QLinearGradient>
#include <QPainter>
#include <QPainterPath>
#include <QRandomGenerator>
#include <cmath>

namespace hexhub::detail {

namespace {

constexpr double kWidth = 640; // the design space every scene draws in
constexpr double kHeight = 360;
constexpr double kPi = 3.14159265358979323846;

// Where something moving at `speed` (design pixels per second, negative: leftwards) is at `t`,
// wrapping round a loop a little wider than the picture so it drives out on one side and in on
// the other.
double loopPosition(double start, double speed, double t, double margin)
{
    const double span = kWidth + 2 * margin;
    double x = std::fmod(start + speed * t + margin, span);
    if (x < 0)
        x += span;
    return x - margin;
}

void scaleToDesign(QPainter& p, QSize size)
{
    p.scale(size.width() / kWidth, size.height() / kHeight);
}

// A car seen from the side, `length` long, facing right unless `leftwards`.
void drawCarSide(QPainter& p, QPointF rearBottom, double length, const QColor& colour, bool leftwards)
{
    const double h = length * 0.36;
    p.save();
    p.translate(rearBottom);
    if (leftwards)
        p.scale(-1, 1);
    p.setPen(Qt::NoPen);
    // cabin, then body over its lower edge
    QPainterPath cabin;
    cabin.moveTo(length * 0.22, -h * 0.55);
    cabin.lineTo(length * 0.32, -h);
    cabin.lineTo(length * 0.70, -h);
    cabin.lineTo(length * 0.82, -h * 0.55);
    cabin.closeSubpath();
    p.setBrush(colour.darker(115));
    p.drawPath(cabin);
    p.setBrush(QColor(0x9f, 0xb8, 0xcc));
    p.drawRect(QRectF(length * 0.34, -h * 0.92, length * 0.16, h * 0.34));
    p.drawRect(QRectF(length * 0.53, -h * 0.92, length * 0.15, h * 0.34));
    p.setBrush(colour);
    p.drawRoundedRect(QRectF(0, -h * 0.58, length, h * 0.42), h * 0.12, h * 0.12);
    p.setBrush(QColor(0xff, 0xe9, 0x9a));
    p.drawRect(QRectF(length - 3, -h * 0.5, 3, h * 0.12));
    p.setBrush(QColor(0xd0, 0x20, 0x20));
    p.drawRect(QRectF(0, -h * 0.5, 2.5, h * 0.12));
    p.setBrush(QColor(0x18, 0x18, 0x18));
    const double r = h * 0.2;
    p.drawEllipse(QPointF(length * 0.2, -r), r, r);
    p.drawEllipse(QPointF(length * 0.8, -r), r, r);
    p.setBrush(QColor(0x90, 0x90, 0x90));
    p.drawEllipse(QPointF(length * 0.2, -r), r * 0.45, r * 0.45);
    p.drawEllipse(QPointF(length * 0.8, -r), r * 0.45, r * 0.45);
    p.restore();
}

// A walking person seen from the side, `height` tall, feet at `feet`; `phase` swings the limbs.
void drawPerson(QPainter& p, QPointF feet, double height, const QColor& clothes, double phase, bool walking)
{
    const double swing = walking ? std::sin(phase) * 0.45 : std::sin(phase) * 0.06;
    const double leg = height * 0.45;
    const double hip = height * 0.47;
    const double shoulder = height * 0.80;
    p.save();
    p.translate(feet);
    QPen limb(clothes.darker(140), height * 0.11, Qt::SolidLine, Qt::RoundCap);
    p.setPen(limb);
    p.drawLine(QPointF(0, -hip), QPointF(std::sin(swing) * leg, -hip + std::cos(swing) * leg));
    p.drawLine(QPointF(0, -hip), QPointF(-std::sin(swing) * leg, -hip + std::cos(swing) * leg));
    limb.setColor(clothes);
    limb.setWidthF(height * 0.2);
    p.setPen(limb);
    p.drawLine(QPointF(0, -hip), QPointF(0, -shoulder));
    limb.setWidthF(height * 0.08);
    limb.setColor(clothes.darker(120));
    p.setPen(limb);
    const double arm = height * 0.36;
    p.drawLine(QPointF(0, -shoulder), QPointF(-std::sin(swing) * arm, -shoulder + std::cos(swing) * arm));
    p.drawLine(QPointF(0, -shoulder), QPointF(std::sin(swing) * arm, -shoulder + std::cos(swing) * arm));
    p.setPen(Qt::NoPen);
    p.setBrush(QColor(0xe0, 0xb8, 0x96));
    p.drawEllipse(QPointF(0, -height * 0.91), height * 0.09, height * 0.09);
    p.restore();
}

// Lit and dark windows in a grid, the same every time for the same seed.
void drawWindows(QPainter& p, const QRectF& area, int columns, int rows, quint32 seed, double lit)
{
    QRandomGenerator random(seed);
    const double w = area.width() / columns;
    const double h = area.height() / rows;
    p.setPen(Qt::NoPen);
    for (int r = 0; r < rows; ++r) {
        for (int c = 0; c < columns; ++c) {
            const bool on = random.generateDouble() < lit;
            p.setBrush(on ? QColor(0xf2, 0xd9, 0x8c) : QColor(0x2a, 0x30, 0x3a));
            p.drawRect(
                QRectF(area.left() + c * w + w * 0.2, area.top() + r * h + h * 0.2, w * 0.6, h * 0.6));
        }
    }
}

/*
 * A street from a pole-mounted camera: a skyline, a far pavement, two lanes of traffic driving
 * opposite ways and pedestrians on both pavements.
 */
class StreetScene final : public SyntheticScene
{
public:
    void prepare(QSize size, quint32 seed) override
    {
        m_phase = seed % 997;
        m_background = QImage(size, QImage::Format_RGB32);
        QPainter p(&m_background);
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, size);
        QLinearGradient sky(0, 0, 0, 150);
        sky.setColorAt(0, QColor(0x24, 0x33, 0x4f));
        sky.setColorAt(1, QColor(0x7d, 0x8c, 0xa5));
        p.fillRect(QRectF(0, 0, kWidth, 152), sky);
        QRandomGenerator random(seed);
        for (double x = -10; x < kWidth;) {
            const double w = 40 + random.bounded(50);
            const double top = 45 + random.bounded(80);
            p.fillRect(QRectF(x, top, w - 4, 152 - top),
                       QColor(0x2c, 0x34, 0x44).lighter(90 + random.bounded(30)));
            drawWindows(p, QRectF(x + 4, top + 6, w - 12, 140 - top), int(w / 12), int((140 - top) / 14),
                        random.generate(), 0.35);
            x += w;
        }
        p.fillRect(QRectF(0, 150, kWidth, 28), QColor(0x8d, 0x8b, 0x86));
        p.fillRect(QRectF(0, 176, kWidth, 3), QColor(0xc4, 0xc2, 0xbb));
        p.fillRect(QRectF(0, 179, kWidth, 120), QColor(0x3a, 0x3c, 0x40));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0xe8, 0xe8, 0xe0));
        for (double x = 0; x < kWidth; x += 48)
            p.drawRect(QRectF(x, 237, 28, 3));
        const double crossing = 120 + random.bounded(380);
        for (double y = 186; y < 292; y += 14)
            p.drawRect(QRectF(crossing, y, 56, 8));
        p.fillRect(QRectF(0, 298, kWidth, 3), QColor(0xc4, 0xc2, 0xbb));
        p.fillRect(QRectF(0, 301, kWidth, 59), QColor(0x9c, 0x99, 0x93));
        p.setPen(QPen(QColor(0x86, 0x83, 0x7d), 1));
        for (double x = 20; x < kWidth; x += 44)
            p.drawLine(QPointF(x, 301), QPointF(x - 14, 360));
        for (double x : {96.0, 360.0, 610.0}) {
            p.setPen(QPen(QColor(0x30, 0x33, 0x38), 3));
            p.drawLine(QPointF(x, 172), QPointF(x, 92));
            p.drawLine(QPointF(x, 92), QPointF(x + 16, 92));
            p.setPen(Qt::NoPen);
            p.setBrush(QColor(0xff, 0xe6, 0xa0));
            p.drawEllipse(QPointF(x + 16, 95), 5, 3);
        }
    }

    void paint(QPainter& p, double seconds) const override
    {
        const double t = seconds + m_phase;
        p.drawImage(0, 0, m_background);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, m_background.size());
        // pedestrians on the far pavement (behind the traffic)
        drawPerson(p, QPointF(loopPosition(500, -14, t, 20), 172), 22, QColor(0x8e, 0x44, 0x52), t * 7,
                   true);
        drawPerson(p, QPointF(loopPosition(180, 11, t, 20), 170), 21, QColor(0x3f, 0x5f, 0x8c), t * 6,
                   true);
        // far lane, leftwards; near lane, rightwards: one speed per lane, so no car drives through another
        const int shift = int(m_phase);
        for (int i = 0; i < 3; ++i)
            drawCarSide(p, QPointF(loopPosition(60 + i * 250, -58, t, 90), 230), 72, carColour(i + shift),
                        true);
        for (int i = 0; i < 3; ++i)
            drawCarSide(p, QPointF(loopPosition(i * 270, 84, t, 110), 292), 92, carColour(i + 3 + shift),
                        false);
        // a pedestrian on the near pavement, larger as they are closer
        drawPerson(p, QPointF(loopPosition(40, 24, t, 30), 326), 42, QColor(0x2e, 0x7d, 0x4f), t * 8, true);
        p.restore();
    }

private:
    static QColor carColour(int i)
    {
        static const QColor colours[] = {QColor(0xc9, 0xc9, 0xc4), QColor(0x2f, 0x6d, 0xb3),
                                         QColor(0x9a, 0x2b, 0x2b), QColor(0xe0, 0xb0, 0x1e),
                                         QColor(0x22, 0x22, 0x26), QColor(0xf0, 0xf0, 0xee),
                                         QColor(0x3c, 0x7a, 0x4a)};
        return colours[i % std::size(colours)];
    }

    QImage m_background;
    double m_phase = 0;
};

/*
 * A building's edge across the street: a person near the parapet and an officer moving slowly
 * towards them and back, clouds drifting, the mast light blinking.
 */
class RooftopScene final : public SyntheticScene
{
public:
    void prepare(QSize size, quint32 seed) override
    {
        m_phase = seed % 113;
        m_background = QImage(size, QImage::Format_RGB32);
        QPainter p(&m_background);
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, size);
        QLinearGradient sky(0, 0, 0, 210);
        sky.setColorAt(0, QColor(0x6f, 0x81, 0x99));
        sky.setColorAt(1, QColor(0xc6, 0xce, 0xd8));
        p.fillRect(QRectF(0, 0, kWidth, 360), sky);
        QRandomGenerator random(seed);
        for (double x = -20; x < kWidth;) {
            const double w = 30 + random.bounded(40);
            const double top = 150 + random.bounded(50);
            p.fillRect(QRectF(x, top, w - 3, 360 - top), QColor(0x9a, 0xa4, 0xb2));
            x += w;
        }
        // the building: facade, parapet, windows
        p.fillRect(QRectF(30, 200, 580, 160), QColor(0x6e, 0x5f, 0x55));
        p.fillRect(QRectF(24, 190, 592, 14), QColor(0x4c, 0x44, 0x3f));
        p.fillRect(QRectF(24, 188, 592, 3), QColor(0x8c, 0x84, 0x7c));
        drawWindows(p, QRectF(50, 220, 540, 140), 9, 3, random.generate(), 0.3);
        // the roof's own furniture: a water tank, a plant box, a mast
        p.setPen(QPen(QColor(0x3a, 0x34, 0x30), 2));
        p.drawLine(QPointF(96, 188), QPointF(100, 160));
        p.drawLine(QPointF(140, 188), QPointF(136, 160));
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(0x5a, 0x50, 0x48));
        p.drawRoundedRect(QRectF(88, 128, 60, 34), 6, 6);
        p.fillRect(QRectF(470, 168, 52, 22), QColor(0x80, 0x86, 0x8c));
        p.setPen(QPen(QColor(0x40, 0x40, 0x44), 2));
        p.drawLine(QPointF(560, 188), QPointF(560, 104));
        p.drawLine(QPointF(552, 124), QPointF(568, 124));
    }

    void paint(QPainter& p, double seconds) const override
    {
        const double t = seconds + m_phase;
        p.drawImage(0, 0, m_background);
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, m_background.size());
        p.setPen(Qt::NoPen);
        p.setBrush(QColor(255, 255, 255, 110));
        for (int i = 0; i < 3; ++i) {
            const double x = loopPosition(i * 230, 5 + i * 2, t, 80);
            const double y = 30 + i * 18;
            p.drawEllipse(QPointF(x, y), 46, 12);
            p.drawEllipse(QPointF(x + 26, y - 6), 30, 10);
        }
        if (std::fmod(t, 1.5) < 0.5) {
            p.setBrush(QColor(0xff, 0x30, 0x30));
            p.drawEllipse(QPointF(560, 102), 3.5, 3.5);
        }
        // the person by the edge sways; the officer edges closer and back, walking only while moving
        drawPerson(p, QPointF(300 + 2 * std::sin(t * 1.3), 189), 42, QColor(0x3a, 0x3a, 0x48), t * 1.3,
                   false);
        const double officerX = 410 + 48 * std::sin(t * 0.25);
        const bool moving = std::abs(std::cos(t * 0.25)) > 0.15;
        drawPerson(p, QPointF(officerX, 189), 44, QColor(0xc8, 0xe0, 0x2a), t * 5, moving);
        p.restore();
    }

private:
    QImage m_background;
    double m_phase = 0;
};

/*
 * A drone straight down over a district: roads, roofs, a park and a car park, traffic on the
 * roads, the view panning slowly on a loop, with a crosshair and its height and heading.
 */
class DroneScene final : public SyntheticScene
{
public:
    void prepare(QSize size, quint32 seed) override
    {
        m_size = size;
        m_phase = seed % 120;
        // the ground, twice the picture each way, drawn once; a frame copies a window of it
        m_ground = QImage(size * 2, QImage::Format_RGB32);
        QPainter p(&m_ground);
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, size);
        p.fillRect(QRectF(0, 0, 2 * kWidth, 2 * kHeight), QColor(0x5b, 0x76, 0x49));
        QRandomGenerator random(seed);
        p.setPen(Qt::NoPen);
        for (int i = 0; i < 400; ++i) {
            p.setBrush(QColor(0x52, 0x6c, 0x42, 160));
            p.drawEllipse(QPointF(random.bounded(1280), random.bounded(720)), 6 + random.bounded(10),
                          4 + random.bounded(8));
        }
        // blocks between the roads: roofs with shadows, a park, a car park
        const double xs[] = {0, 398, 918, 1280};
        const double ys[] = {0, 278, 575, 720};
        for (int bx = 0; bx < 3; ++bx) {
            for (int by = 0; by < 3; ++by) {
                const QRectF block(xs[bx] + 16, ys[by] + 16, xs[bx + 1] - xs[bx] - 50,
                                   ys[by + 1] - ys[by] - 50);
                if (bx == 0 && by == 0) {
                    for (int i = 0; i < 60; ++i) {
                        const QPointF c(block.left() + random.bounded(int(block.width())),
                                        block.top() + random.bounded(int(block.height())));
                        p.setBrush(QColor(0x2f, 0x4f, 0x2a));
                        p.drawEllipse(c, 11, 11);
                        p.setBrush(QColor(0x48, 0x6e, 0x3a));
                        p.drawEllipse(c - QPointF(2, 2), 7, 7);
                    }
                } else if (bx == 2 && by == 1) {
                    p.fillRect(block, QColor(0x55, 0x57, 0x5b));
                    p.setPen(QPen(QColor(0xdd, 0xdd, 0xd5), 1));
                    for (double x = block.left() + 8; x < block.right() - 20; x += 22) {
                        p.drawLine(QPointF(x, block.top() + 10), QPointF(x, block.top() + 50));
                        p.drawLine(QPointF(x, block.bottom() - 50), QPointF(x, block.bottom() - 10));
                    }
                    p.setPen(Qt::NoPen);
                    for (double x = block.left() + 11; x < block.right() - 30; x += 22) {
                        if (random.bounded(3) == 0)
                            continue;
                        p.setBrush(QColor::fromHsv(random.bounded(360), 120 + random.bounded(100),
                                                   120 + random.bounded(120)));
                        p.drawRoundedRect(QRectF(x, block.top() + 14, 16, 32), 3, 3);
                    }
                } else {
                    drawRoofs(p, block, random);
                }
            }
        }
        for (double y : {278.0, 575.0}) {
            p.fillRect(QRectF(0, y - 18, 1280, 36), QColor(0x47, 0x4a, 0x4f));
            p.setBrush(QColor(0xd8, 0xd2, 0xb0));
            for (double x = 0; x < 1280; x += 30)
                p.drawRect(QRectF(x, y - 1, 16, 2));
        }
        for (double x : {398.0, 918.0}) {
            p.fillRect(QRectF(x - 18, 0, 36, 720), QColor(0x47, 0x4a, 0x4f));
            p.setBrush(QColor(0xd8, 0xd2, 0xb0));
            for (double y = 0; y < 720; y += 30)
                p.drawRect(QRectF(x - 1, y, 2, 16));
        }
        for (double x : {398.0, 918.0}) {
            for (double y : {278.0, 575.0})
                p.fillRect(QRectF(x - 18, y - 18, 36, 36), QColor(0x47, 0x4a, 0x4f));
        }
    }

    void paint(QPainter& p, double seconds) const override
    {
        const double t = seconds + m_phase;
        // the view pans round a slow loop inside the ground picture, in whole pixels (a plain copy)
        const double w = 2 * kPi / 120;
        const QPointF centre(640 + 300 * std::sin(w * t), 360 + 160 * std::sin(w * t * 1.7));
        const QPointF origin = centre - QPointF(kWidth / 2, kHeight / 2);
        const double sx = m_size.width() / kWidth;
        const double sy = m_size.height() / kHeight;
        const QPoint source(int(std::lround(origin.x() * sx)), int(std::lround(origin.y() * sy)));
        p.drawImage(QPoint(0, 0), m_ground, QRect(source, m_size));
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        p.scale(sx, sy);
        p.translate(-source.x() / sx, -source.y() / sy);
        // traffic: each road its direction and lane
        p.setPen(Qt::NoPen);
        const QColor colours[] = {QColor(0xe6, 0xe6, 0xe6), QColor(0xb0, 0x24, 0x24),
                                  QColor(0x24, 0x4c, 0x8c), QColor(0x1e, 0x1e, 0x1e),
                                  QColor(0xd8, 0xb4, 0x20)};
        for (int i = 0; i < 5; ++i) {
            const double along = std::fmod(i * 263 + t * 38, 1280.0);
            drawCarTop(p, QPointF(along, 287), 0, colours[i]);
            drawCarTop(p, QPointF(1280 - std::fmod(i * 311 + t * 31, 1280.0), 566), 180,
                       colours[(i + 2) % 5]);
            const double down = std::fmod(i * 157 + t * 27, 720.0);
            drawCarTop(p, QPointF(389, down), 90, colours[(i + 1) % 5]);
            drawCarTop(p, QPointF(927, 720 - std::fmod(i * 171 + t * 33, 720.0)), 270,
                       colours[(i + 3) % 5]);
        }
        p.restore();

        // the camera's own marks: crosshair, frame corners, height and heading
        p.save();
        p.setRenderHint(QPainter::Antialiasing);
        scaleToDesign(p, m_size);
        p.setPen(QPen(QColor(255, 255, 255, 210), 1.5));
        const QPointF c(kWidth / 2, kHeight / 2);
        p.drawLine(c + QPointF(-24, 0), c + QPointF(-8, 0));
        p.drawLine(c + QPointF(8, 0), c + QPointF(24, 0));
        p.drawLine(c + QPointF(0, -24), c + QPointF(0, -8));
        p.drawLine(c + QPointF(0, 8), c + QPointF(0, 24));
        for (const QPointF& corner :
             {QPointF(40, 50), QPointF(600, 50), QPointF(40, 284), QPointF(600, 284)}) {
            const double dx = corner.x() < c.x() ? 18 : -18;
            const double dy = corner.y() < c.y() ? 18 : -18;
            p.drawLine(corner, corner + QPointF(dx, 0));
            p.drawLine(corner, corner + QPointF(0, dy));
        }
        const double dx = std::cos(w * t) * 300 * w;
        const double dy = std::cos(w * t * 1.7) * 160 * w * 1.7;
        const int heading = (int(std::lround(std::atan2(dx, -dy) * 180 / kPi)) + 360) % 360;
        const double speed = std::hypot(dx, dy) * 0.25; // a design pixel is about a quarter of a metre
        QFont font = p.font();
        font.setPixelSize(13);
        font.setBold(true);
        p.setFont(font);
        const QString telemetry = widgets::Tr::tr("ALT %1 m   HDG %2°   SPD %3 m/s")
                                      .arg(120)
                                      .arg(heading, 3, 10, QLatin1Char('0'))
                                      .arg(speed, 0, 'f', 1);
        p.setPen(QColor(0, 0, 0, 160));
        p.drawText(QRectF(1, 295, kWidth, 20), Qt::AlignHCenter, telemetry);
        p.setPen(Qt::white);
        p.drawText(QRectF(0, 294, kWidth, 20), Qt::AlignHCenter, telemetry);
        p.restore();
    }

private:
    static void drawRoofs(QPainter& p, const QRectF& block, QRandomGenerator& random)
    {
        const int columns = std::max(1, int(block.width() / 110));
        const int rows = std::max(1, int(block.height() / 100));
        const double cw = block.width() / columns;
        const double rh = block.height() / rows;
        for (int c = 0; c < columns; ++c) {
            for (int r = 0; r < rows; ++r) {
                const QRectF roof(block.left() + c * cw + 6, block.top() + r * rh + 6,
                                  cw - 12 - random.bounded(20), rh - 12 - random.bounded(20));
                p.fillRect(roof.translated(5, 5), QColor(0x2e, 0x36, 0x2a));
                const int grey = 120 + random.bounded(80);
                p.fillRect(roof, random.bounded(4) == 0 ? QColor(0x9a, 0x5a, 0x44)
                                                        : QColor(grey, grey, grey - 6));
                p.fillRect(QRectF(roof.center() - QPointF(6, 5), QSizeF(12, 10)), QColor(0x70, 0x74, 0x78));
            }
        }
    }

    static void drawCarTop(QPainter& p, QPointF centre, double degrees, const QColor& colour)
    {
        p.save();
        p.translate(centre);
        p.rotate(degrees);
        p.setBrush(colour);
        p.drawRoundedRect(QRectF(-8, -4, 16, 8), 2, 2);
        p.setBrush(QColor(0x26, 0x30, 0x3a));
        p.drawRect(QRectF(2, -3, 3, 6));
        p.restore();
    }

    QSize m_size;
    QImage m_ground;
    double m_phase = 0;
};

} // namespace

QStringList syntheticSceneNames()
{
    return {QStringLiteral("street"), QStringLiteral("rooftop"), QStringLiteral("drone")};
}

std::unique_ptr<SyntheticScene> makeSyntheticScene(const QString& name)
{
    if (name == QLatin1String("street"))
        return std::make_unique<StreetScene>();
    if (name == QLatin1String("rooftop"))
        return std::make_unique<RooftopScene>();
    if (name == QLatin1String("drone"))
        return std::make_unique<DroneScene>();
    return nullptr;
}

} // namespace hexhub::detail
