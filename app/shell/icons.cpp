#include "icons.h"

#include <QFile>
#include <QIconEngine>
#include <QPainter>
#include <QSvgRenderer>

namespace hexhub::shell {

namespace {

// Paints the recoloured SVG at whatever size and scale Qt asks for, instead of scaling a bitmap.
class TintedSvgEngine final : public QIconEngine
{
public:
    explicit TintedSvgEngine(QByteArray svg)
        : m_svg(std::move(svg))
    {
    }
    void paint(QPainter* painter, const QRect& rect, QIcon::Mode mode, QIcon::State) override
    {
        QSvgRenderer renderer(mode == QIcon::Disabled ? m_disabled : m_svg);
        renderer.render(painter, rect);
    }
    QPixmap pixmap(const QSize& size, QIcon::Mode mode, QIcon::State state) override
    {
        QPixmap pixmap(size);
        pixmap.fill(Qt::transparent);
        QPainter painter(&pixmap);
        paint(&painter, QRect(QPoint(), size), mode, state);
        return pixmap;
    }
    QIconEngine* clone() const override { return new TintedSvgEngine(*this); }

    QByteArray m_svg;
    QByteArray m_disabled;
};

} // namespace

QIcon tintedIcon(const QString& svgPath, const QColor& colour, int logicalSize)
{
    Q_UNUSED(logicalSize)
    QFile file(svgPath);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QByteArray source = file.readAll();
    QByteArray svg = source;
    svg.replace("currentColor", colour.name().toLatin1());
    QColor faded = colour;
    faded.setAlphaF(0.35f);
    QByteArray disabled = source;
    disabled.replace("currentColor", faded.name(QColor::HexRgb).toLatin1());
    disabled.replace("<svg ", QByteArray("<svg opacity=\"0.4\" "));
    auto* engine = new TintedSvgEngine(svg);
    engine->m_disabled = disabled;
    return QIcon(engine);
}

} // namespace hexhub::shell
