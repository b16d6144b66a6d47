#include "notifications.h"

#include "shelltr.h"

#include "bus/event.h"
#include "bus/eventbridge.h"
#include "bus/eventbus.h"
#include "module/modulemanager.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QKeyEvent>
#include <QLabel>
#include <QListWidget>
#include <QLoggingCategory>
#include <QLibrary>
#include <QStandardPaths>
#include <QTimer>
#include <QVBoxLayout>
#include <QtEndian>

#include <algorithm>
#include <cmath>
#include <utility>

Q_LOGGING_CATEGORY(lcNotify, "hexhub.shell.notifications", QtInfoMsg)

namespace hexhub::shell {

namespace {

constexpr int kKeep = 200; // the list keeps the newest; older acknowledged ones go

// A short two-tone alert as a WAV file, written once: no binary asset to ship or license.
QString alertSound()
{
    const QString path = QDir(QStandardPaths::writableLocation(QStandardPaths::TempLocation)).filePath(QStringLiteral("hexhub-alert.wav"));
    if (QFile::exists(path))
        return path;
    constexpr int rate = 22050;
    QByteArray samples;
    for (int i = 0; i < rate * 6 / 10; ++i) {
        const double t = double(i) / rate;
        const double tone = t < 0.3 ? 880.0 : 660.0;
        const double envelope = std::min(1.0, std::min(t, 0.6 - t) * 40.0);
        const qint16 v = qint16(std::sin(2 * M_PI * tone * t) * 12000 * envelope);
        samples.append(reinterpret_cast<const char*>(&v), 2);
    }
    QByteArray wav("RIFF");
    auto put32 = [&wav](quint32 v) { v = qToLittleEndian(v); wav.append(reinterpret_cast<const char*>(&v), 4); };
    auto put16 = [&wav](quint16 v) { v = qToLittleEndian(v); wav.append(reinterpret_cast<const char*>(&v), 2); };
    put32(quint32(36 + samples.size()));
    wav.append("WAVEfmt ");
    put32(16);
    put16(1);
    put16(1);
    put32(rate);
    put32(rate * 2);
    put16(2);
    put16(16);
    wav.append("data");
    put32(quint32(samples.size()));
    wav.append(samples);
    QFile file(path);
    if (!file.open(QIODevice::WriteOnly) || file.write(wav) != wav.size())
        return {};
    return path;
}

} // namespace

NotificationCenter::NotificationCenter(EventBus& bus, Store& store, Outbox& outbox, const ModuleManager& modules,
                                       QObject* parent)
    : QObject(parent)
    , m_modules(modules)
{
    // Every module's events, posted when the module describes them as worth a notification.
    bus.subscribe(QStringLiteral("*"), &m_receiver, [this](const Event& e) { onEvent(e); });
    // A training scenario's injects (training.injected): the desk shows each one, also those for a
    // centre that is not there yet, saying which module will handle it.
    bus.subscribe(QStringLiteral("training.injected"), &m_receiver, [this](const Event& e) {
        const QString label = e.payload.value(QStringLiteral("label")).toString();
        const QString module = e.payload.value(QStringLiteral("handledBy")).toString();
        const QString title = Tr::tr("Exercise: %1").arg(label);
        const QString body = module.isEmpty() ? QString() : Tr::tr("Handled by: %1").arg(m_modules.displayName(module));
        if (e.caughtUp) // an exercise that ran while this desk was closed: in the catch-up's summary
            countCaughtUp(e, Notification::Level::Important, title, body);
        else
            post(Notification::Level::Important, title, body, e.occurredAt);
    });
    connect(&store, &Store::stateChanged, this, [this](Store::State state) {
        if (state == Store::State::Offline)
            post(Notification::Level::Important, Tr::tr("Store offline"),
                 Tr::tr("The server cannot be reached; Hexhub keeps trying. Meanwhile the hub's work (incidents, "
                        "dispatches, tasks, units, categories, cameras, snapshots and clips) is kept on this desk and "
                        "sent when it is back; accounts wait for the server."),
                 QDateTime::currentDateTimeUtc());
        else if (state == Store::State::Open && !m_items.isEmpty()
                 && m_items.last().title == Tr::tr("Store offline"))
            post(Notification::Level::Info, Tr::tr("Store connected again"), QString(), QDateTime::currentDateTimeUtc());
    });
    connect(&outbox, &Outbox::attentionNeeded, this, [this](const OutboxEntry& entry) {
        post(Notification::Level::Important, Tr::tr("A change needs your decision"), entry.summary(),
             QDateTime::currentDateTimeUtc());
    });
    connect(&outbox, &Outbox::commandKept, this, [this](const OfflineCommand& command) {
        post(Notification::Level::Info, Tr::tr("Kept on this desk until the server is back"), command.summary,
             QDateTime::currentDateTimeUtc());
    });
    m_caughtUpQuiet = new QTimer(this);
    m_caughtUpQuiet->setSingleShot(true);
    m_caughtUpQuiet->setInterval(kCaughtUpQuietMs);
    connect(m_caughtUpQuiet, &QTimer::timeout, this, &NotificationCenter::postCaughtUp);
    // The sound library is loaded once the desk is up and quiet, so the first priority alert does
    // not wait for it (and the start does not either).
    QTimer::singleShot(3000, this, [this] { canPlaySound(); });
}

bool NotificationCenter::canPlaySound()
{
    // Loaded the first time it matters, not at the start: see sound/alertsound.cpp.
    if (m_soundChecked)
        return m_sound != nullptr;
    m_soundChecked = true;
    const QString path = QDir(QCoreApplication::applicationDirPath())
                             .absoluteFilePath(QStringLiteral("../" HEXHUB_LIBDIR_FOR_SHELL "/hexhub/hexhub_alertsound.so"));
    QLibrary library(path);
    using Create = QObject* (*)(const char*, QObject*);
    const auto create = reinterpret_cast<Create>(library.resolve("hexhub_create_alert_sound"));
    if (!create) {
        qCWarning(lcNotify) << "no alert sound:" << library.errorString();
        return false;
    }
    const QString wav = alertSound();
    m_sound = wav.isEmpty() ? nullptr : create(QFile::encodeName(wav).constData(), this);
    // No audio output (a server room, CI): the desk works silently and says so once in the log.
    if (!m_sound)
        qCInfo(lcNotify) << "no audio output: priority notifications are shown, not heard";
    return m_sound != nullptr;
}

NotificationCenter::~NotificationCenter() = default;

void NotificationCenter::onEvent(const Event& event)
{
    const EventDescription described = m_modules.describe(event);
    if (described.notify == EventDescription::Notify::No)
        return;
    QString title = described.title.isEmpty() ? described.text : described.title;
    // Training (a demo store marks every event): nobody may take an exercise for the real thing.
    if (event.payload.value(QStringLiteral("exercise")).toBool())
        title = Tr::tr("Exercise: %1").arg(title);
    const Notification::Level level = described.notify == EventDescription::Notify::Priority ? Notification::Level::Priority
                                      : described.notify == EventDescription::Notify::Important
                                          ? Notification::Level::Important
                                          : Notification::Level::Info;
    // Under a title of its own, the detail (or the line itself); a bare line is all title.
    const QString body = !described.detail.isEmpty() ? described.detail
                         : described.title.isEmpty() ? QString()
                                                     : described.text;
    if (event.caughtUp) {
        countCaughtUp(event, level, title, body);
        return;
    }
    post(level, title, body, event.occurredAt);
}

void NotificationCenter::followCatchUp(const EventBridge* bridge)
{
    if (!bridge)
        return;
    // Connected before asking, so a catch-up finished in between is not missed.
    connect(bridge, &EventBridge::catchUpDone, this, [this] {
        m_catchUpOpen = false;
        if (m_caughtUp.events > 0 && !m_caughtUpQuiet->isActive())
            postCaughtUp();
    });
    m_catchUpOpen = !bridge->catchUpFinished();
}

void NotificationCenter::countCaughtUp(const Event& event, Notification::Level level, const QString& title, const QString& body)
{
    if (!event.remote)
        return; // this desk's own work of an earlier run: nothing the operator needs telling
    m_lastCaughtUp.start();
    if (++m_caughtUp.events == 1)
        m_caughtUp.firstText = body;
    QStringList& titles = m_caughtUp.titles;
    // The most urgent lead the list, each after those as urgent that came before it.
    qsizetype at = titles.size();
    if (level == Notification::Level::Priority)
        at = m_caughtUp.priority++;
    else if (level == Notification::Level::Important)
        at = m_caughtUp.priority + m_caughtUp.important++;
    titles.insert(std::min(at, titles.size()), title);
    while (titles.size() > kCaughtUpTitles)
        titles.removeLast();
    m_caughtUpQuiet->start();
}

void NotificationCenter::postCaughtUp()
{
    // More pages of the catch-up to come: wait for them (within reason).
    if (m_catchUpOpen && m_lastCaughtUp.isValid() && m_lastCaughtUp.elapsed() < kCaughtUpMaxWaitMs) {
        m_caughtUpQuiet->start();
        return;
    }
    const CaughtUp seen = std::exchange(m_caughtUp, CaughtUp{});
    if (seen.events == 0)
        return;
    if (seen.events == 1) {
        // One is shown as itself.
        post(seen.priority > 0 ? Notification::Level::Priority : seen.important > 0 ? Notification::Level::Important
                                                                                     : Notification::Level::Info,
             seen.titles.value(0), seen.firstText, QDateTime::currentDateTimeUtc());
        return;
    }
    const Notification::Level level = seen.priority > 0    ? Notification::Level::Priority
                                      : seen.important > 0 ? Notification::Level::Important
                                                           : Notification::Level::Info;
    QStringList lines = seen.titles;
    if (seen.events > seen.titles.size())
        lines << Tr::tr("and %n more; the timelines and the boards have them all.", "", int(seen.events - seen.titles.size()));
    if (seen.priority > 0)
        lines.prepend(Tr::tr("%n of them priority:", "", seen.priority));
    post(level, Tr::tr("%n events while this desk was closed", "", seen.events), lines.join(u'\n'),
         QDateTime::currentDateTimeUtc());
}

void NotificationCenter::post(Notification::Level level, const QString& title, const QString& text, const QDateTime& at)
{
    Notification n{m_nextId++, level, title, text, at, false};
    m_items << n;
    while (m_items.size() > kKeep) {
        const auto old = std::find_if(m_items.begin(), m_items.end(), [](const Notification& x) { return x.acknowledged; });
        if (old == m_items.end())
            break; // never drop one nobody has seen
        m_items.erase(old);
    }
    if (level == Notification::Level::Priority && m_soundEnabled && canPlaySound()) {
        QMetaObject::invokeMethod(m_sound, "play");
        ++m_soundsPlayed;
    }
    Q_EMIT posted(n);
    Q_EMIT changed();
}

int NotificationCenter::unacknowledged() const
{
    return int(std::count_if(m_items.begin(), m_items.end(), [](const Notification& n) { return !n.acknowledged; }));
}

void NotificationCenter::acknowledge(int id)
{
    for (Notification& n : m_items) {
        if (n.id == id && !n.acknowledged) {
            n.acknowledged = true;
            Q_EMIT changed();
            return;
        }
    }
}

void NotificationCenter::acknowledgeAll()
{
    for (Notification& n : m_items)
        n.acknowledged = true;
    Q_EMIT changed();
}

Toast::Toast(QWidget* parent)
    : QFrame(parent)
    , m_title(new QLabel(this))
    , m_text(new QLabel(this))
    , m_hide(new QTimer(this))
{
    setObjectName(QStringLiteral("toast"));
    setFrameShape(QFrame::StyledPanel);
    setAutoFillBackground(true);
    setBackgroundRole(QPalette::ToolTipBase);
    QFont bold = m_title->font();
    bold.setBold(true);
    m_title->setFont(bold);
    m_text->setWordWrap(true);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(14, 10, 14, 10);
    layout->addWidget(m_title);
    layout->addWidget(m_text);
    setFixedWidth(360);
    m_hide->setSingleShot(true);
    connect(m_hide, &QTimer::timeout, this, &QWidget::hide);
    hide();
}

void Toast::showNotification(const Notification& notification)
{
    m_title->setText(notification.title);
    m_text->setText(notification.text);
    m_text->setVisible(!notification.text.isEmpty());
    // As tall as its lines need at its fixed width (a catch-up's summary runs to several; adjustSize()
    // measures a wrapped label at its preferred width, not this one, and cut them off).
    layout()->activate();
    resize(width(), layout()->hasHeightForWidth() ? layout()->totalHeightForWidth(width()) : sizeHint().height());
    place();
    show();
    raise();
    m_hide->start(notification.level == Notification::Level::Priority ? 15000 : 8000);
}

QString Toast::text() const
{
    return m_title->text() + u'\n' + m_text->text();
}

void Toast::place()
{
    if (QWidget* owner = parentWidget())
        move(owner->width() - width() - 16, 16);
}

NotificationList::NotificationList(NotificationCenter& center, QWidget* parent)
    : QWidget(parent)
    , m_center(center)
    , m_empty(new QLabel(this))
    , m_list(new QListWidget(this))
{
    setObjectName(QStringLiteral("notificationList"));
    m_list->setObjectName(QStringLiteral("notifications"));
    // A notification of several lines (a catch-up's summary) wraps in the panel's width.
    m_list->setWordWrap(true);
    m_list->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    m_empty->setWordWrap(true);
    m_empty->setContentsMargins(4, 4, 4, 4);
    layout->addWidget(m_empty);
    layout->addWidget(m_list, 1);
    m_list->installEventFilter(this);
    connect(&m_center, &NotificationCenter::changed, this, &NotificationList::refresh);
    connect(m_list, &QListWidget::itemActivated, this,
            [this](QListWidgetItem* item) { m_center.acknowledge(item->data(Qt::UserRole).toInt()); });
    refresh();
}

int NotificationList::rows() const
{
    return m_list->count();
}

void NotificationList::refresh()
{
    const int current = m_list->currentRow();
    m_list->clear();
    const QList<Notification>& items = m_center.all();
    m_empty->setText(Tr::tr("No notifications yet."));
    m_empty->setVisible(items.isEmpty());
    for (auto it = items.rbegin(); it != items.rend(); ++it) {
        const QString when = it->at.toLocalTime().toString(QStringLiteral("HH:mm:ss"));
        auto* item = new QListWidgetItem(QStringLiteral("%1  %2%3").arg(when, it->title,
                                                                           it->text.isEmpty() ? QString() : QStringLiteral(": ") + it->text));
        item->setData(Qt::UserRole, it->id);
        QFont f = m_list->font(); // the list's own size (a wall's is large)
        f.setBold(!it->acknowledged);
        item->setFont(f);
        if (it->acknowledged)
            item->setForeground(palette().color(QPalette::PlaceholderText));
        m_list->addItem(item);
    }
    m_list->setCurrentRow(std::clamp(current, 0, m_list->count() - 1));
}

void NotificationList::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange || event->type() == QEvent::FontChange || event->type() == QEvent::StyleChange)
        refresh();
    QWidget::changeEvent(event);
}

bool NotificationList::eventFilter(QObject* watched, QEvent* event)
{
    if (watched == m_list && event->type() == QEvent::KeyPress) {
        auto* key = static_cast<QKeyEvent*>(event);
        if ((key->key() == Qt::Key_Delete || key->key() == Qt::Key_Return || key->key() == Qt::Key_Enter)
            && m_list->currentItem()) {
            m_center.acknowledge(m_list->currentItem()->data(Qt::UserRole).toInt());
            return true;
        }
    }
    return QWidget::eventFilter(watched, event);
}

} // namespace hexhub::shell
