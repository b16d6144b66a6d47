#include "statusindicators.h"

#include "shelltr.h"

#include "security/accesscontrol.h"
#include "base/clock.h"
#include "store/outbox.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QHostAddress>
#include <QLocale>
#include <QMouseEvent>
#include <QPainter>
#include <QStyle>
#include <QTimer>

#include <algorithm>

namespace hexhub::shell {

void DeskStatusBar::paintEvent(QPaintEvent*)
{
    QPainter painter(this);
    if (const QString message = currentMessage(); !message.isEmpty()) {
        // A message hides the items that are not permanent; it ends where the first permanent one
        // (those still shown) begins, at the trailing end in either direction.
        const int margin = style()->pixelMetric(QStyle::PM_LayoutLeftMargin, nullptr, this);
        const bool ltr = isLeftToRight();
        int end = ltr ? width() - margin : margin;
        for (const QWidget* item : findChildren<QWidget*>(QString(), Qt::FindDirectChildrenOnly)) {
            if (item->isVisible() && !item->isWindow())
                end = ltr ? std::min(end, item->x() - margin) : std::max(end, item->geometry().right() + 1 + margin);
        }
        const QRect area = ltr ? QRect(margin, 0, std::max(0, end - margin), height())
                               : QRect(end, 0, std::max(0, width() - margin - end), height());
        painter.setPen(palette().color(QPalette::WindowText));
        painter.drawText(area, Qt::AlignLeading | Qt::AlignVCenter | Qt::TextSingleLine,
                         fontMetrics().elidedText(message, Qt::ElideRight, area.width()));
    }
    painter.setPen(palette().color(QPalette::Mid));
    painter.drawLine(0, 0, width() - 1, 0);
}

UserIndicator::UserIndicator(Session& session, QWidget* parent)
    : QLabel(parent)
    , m_session(session)
{
    setObjectName(QStringLiteral("userIndicator"));
    connect(&m_session, &Session::changed, this, &UserIndicator::refresh);
    refresh();
}

void UserIndicator::mousePressEvent(QMouseEvent* event)
{
    if (m_session.isSignedIn() && (event->button() == Qt::LeftButton || event->button() == Qt::RightButton)) {
        // Opens upwards from the status bar, over the name.
        Q_EMIT menuRequested(mapToGlobal(QPoint(0, 0)));
        event->accept();
        return;
    }
    QLabel::mousePressEvent(event);
}

void UserIndicator::refresh()
{
    const Principal who = m_session.principal();
    setCursor(who.isValid() ? Qt::PointingHandCursor : Qt::ArrowCursor);
    setToolTip(who.isValid() ? Tr::tr("Your account: change your password, lock this desk") : QString());
    if (!who.isValid()) {
        setText(Tr::tr("Not signed in"));
        return;
    }
    const QString name = who.displayName.isEmpty() ? who.name : who.displayName;
    QStringList roles;
    for (const QString& role : who.roles)
        roles << AccessControl::roleDisplayName(role);
    setText(Tr::tr("%1 (%2)").arg(name, roles.join(QStringLiteral(", "))));
}

StoreIndicator::StoreIndicator(Store& store, Outbox& outbox, QWidget* parent)
    : QLabel(parent)
    , m_store(store)
    , m_outbox(outbox)
{
    setObjectName(QStringLiteral("storeIndicator"));
    // Plain text with the dot painted beside it: a rich-text label would start Qt's whole text
    // document machinery at every desk's start, for one coloured character.
    setTextFormat(Qt::PlainText);
    connect(&m_store, &Store::stateChanged, this, [this] {
        refresh();
        checkEncryption(); // asked again at each (re)connection; it does nothing unless open
    });
    connect(&m_outbox, &Outbox::waitingChanged, this, &StoreIndicator::refresh);
    refresh();
    checkEncryption();
}

bool StoreIndicator::warnUnencrypted(const QString& host, bool encrypted)
{
    if (encrypted || host.isEmpty() || host.startsWith(QLatin1Char('/')))
        return false;
    if (host.compare(QLatin1String("localhost"), Qt::CaseInsensitive) == 0)
        return false;
    const QHostAddress address(host);
    return address.isNull() || !address.isLoopback();
}

void StoreIndicator::checkEncryption()
{
    if (m_store.url().kind != StoreUrl::Kind::PostgreSql || m_store.state() != Store::State::Open)
        return;
    // Asked on the store's reader thread: whether this session came over TLS.
    m_store.read([](Sql& sql) {
        return sql.scalar(QStringLiteral("SELECT COALESCE((SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()), false)"))
            .toBool();
    }).then(this, [this](bool encrypted) {
        m_unencrypted = warnUnencrypted(m_store.url().host, encrypted);
        refresh();
    }).onFailed(this, [] {
        // The store says itself when it cannot be read; nothing to add here.
    });
}

void StoreIndicator::setTheme(const Theme& theme)
{
    m_theme = theme;
    refresh();
}

void StoreIndicator::paintEvent(QPaintEvent* event)
{
    QLabel::paintEvent(event);
    QPainter painter(this);
    painter.setRenderHint(QPainter::Antialiasing);
    painter.setPen(Qt::NoPen);
    painter.setBrush(m_colour);
    const int dot = fontMetrics().height() / 2;
    painter.drawEllipse(QRect(2, (height() - dot) / 2, dot, dot));
}

void StoreIndicator::refresh()
{
    QString text;
    QColor colour;
    switch (m_store.state()) {
    case Store::State::Open:
        text = Tr::tr("Store connected");
        colour = m_theme.ok();
        break;
    case Store::State::Degraded:
        text = Tr::tr("Store degraded: other desks' events are delayed");
        colour = m_theme.warning();
        break;
    case Store::State::Offline:
        text = Tr::tr("Store offline: reconnecting");
        colour = m_theme.danger();
        break;
    case Store::State::Opening:
        text = Tr::tr("Store opening");
        colour = m_theme.warning();
        break;
    case Store::State::Closed:
    case Store::State::Failed:
        text = Tr::tr("Store closed");
        colour = m_theme.danger();
        break;
    }
    if (m_outbox.waiting() > 0)
        text += QStringLiteral(" · ") + Tr::tr("%n change(s) waiting for the server", nullptr, m_outbox.waiting());
    QString tip = m_store.url().toDisplayString();
    if (m_unencrypted && m_store.state() == Store::State::Open) {
        text += QStringLiteral(" · ") + Tr::tr("not encrypted");
        colour = m_theme.warning();
        tip += QLatin1Char('\n') + Tr::tr("The connection to the server is not encrypted: anyone on the network between "
                                          "can read and change what this desk sends. Add ?sslmode=verify-full&sslrootcert="
                                          "(the CA file) to the store URL.");
    }
    m_colour = colour;
    const int dot = fontMetrics().height() / 2;
    setContentsMargins(dot + dot / 2 + 2, 0, 0, 0);
    setText(text);
    update();
    setToolTip(tip);
}

ClockIndicator::ClockIndicator(const Clock& clock, QWidget* parent)
    : QLabel(parent)
    , m_clock(clock)
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("clockIndicator"));
    // Display refresh only: the label shows the Clock; no business timer runs on this.
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, &ClockIndicator::refresh);
    m_tick->start();
    refresh();
}

void ClockIndicator::refresh()
{
    const QString time = QLocale().toString(m_clock.now().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    if (!m_clock.isSimulated()) {
        setText(time);
        return;
    }
    if (m_clock.isPaused())
        setText(Tr::tr("%1 (simulated, paused)").arg(time));
    else
        setText(Tr::tr("%1 (simulated, %2x)").arg(time).arg(m_clock.rate()));
}

} // namespace hexhub::shell
