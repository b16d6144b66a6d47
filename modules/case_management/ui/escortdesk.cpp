// The escort team's board (escortdesk.h).
#include "escortdesk.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "casecontext.h"
#include "deskparts.h"
#include "formdialog.h"
#include "messageline.h"
#include "security/session.h"

#include <QEvent>
#include <QHeaderView>
#include <QKeyEvent>
#include <QLabel>
#include <QShortcut>
#include <QTableWidget>
#include <QVBoxLayout>
#include <memory>

namespace hexhub::cases {

namespace {

constexpr qint64 kMinute = 60'000;
constexpr qint64 kHour = 60 * kMinute;

QTableWidget* boardTable(QWidget* parent, const QString& name, int columns)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setObjectName(name);
    t->verticalHeader()->hide();
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->setSelectionMode(QAbstractItemView::SingleSelection);
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->horizontalHeader()->setStretchLastSection(true);
    return t;
}

} // namespace

EscortDesk::EscortDesk(CaseContext& context, QWidget* parent)
    : QWidget(parent)
    , m_context(context)
{
    setObjectName(QStringLiteral("case_management.escorts"));
    m_title = parts::titleLabel(this);
    m_title->setObjectName(QStringLiteral("escortTitle"));
    m_board = boardTable(this, QStringLiteral("escorts"), 7);
    m_crewsTitle = new QLabel(this);
    m_crews = boardTable(this, QStringLiteral("crews"), 5);
    m_crews->setMaximumHeight(180);
    m_crewsTitle->setBuddy(m_crews);
    m_message = new QLabel(this);
    makeMessageLine(m_message, QStringLiteral("message"));
    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_board, 1);
    layout->addWidget(m_message);
    layout->addWidget(m_crewsTitle);
    layout->addWidget(m_crews);
    setFocusProxy(m_board);

    const auto key = [this](QWidget* on, Qt::Key k, void (EscortDesk::*slot)()) {
        auto* shortcut = new QShortcut(QKeySequence(k), on, nullptr, nullptr, Qt::WidgetShortcut);
        connect(shortcut, &QShortcut::activated, this, slot);
    };
    key(m_board, Qt::Key_N, &EscortDesk::requestEscort);
    key(m_board, Qt::Key_A, &EscortDesk::assignCrew);
    key(m_board, Qt::Key_D, &EscortDesk::depart);
    key(m_board, Qt::Key_R, &EscortDesk::arrive);
    key(m_board, Qt::Key_X, &EscortDesk::cancelEscort);
    key(m_crews, Qt::Key_Space, &EscortDesk::toggleDuty);
    // Enter on an escort opens the person it is for on the custody page.
    auto* open = new QShortcut(QKeySequence(Qt::Key_Return), m_board, nullptr, nullptr, Qt::WidgetShortcut);
    connect(open, &QShortcut::activated, this, [this] {
        if (const Escort* e = currentEscort())
            Q_EMIT linkActivated(QStringLiteral("custody"), QString::number(e->custodyId));
    });

    reloadOnEvents(m_context.bus, this, {QStringLiteral("escort."), QStringLiteral("custody."), QStringLiteral("case.limit")}, 300,
                   [this] { reload(); });
    // Time left changes by the minute with no event at all.
    auto* minute = new ClockTimer(m_context.clock, this);
    minute->setInterval(kMinute);
    connect(minute, &ClockTimer::timeout, this, &EscortDesk::reload);
    minute->start();
    retranslate();
    reload();
}

void EscortDesk::retranslate()
{
    m_title->setText(tr("Escort team: today's work"));
    m_crewsTitle->setText(tr("Crews on the roster (Space puts the crew in view on or off duty)"));
    m_board->setHorizontalHeaderLabels({tr("Deadline"), tr("Wristband"), tr("Case"), tr("To"), tr("Crew"), tr("Vehicle"), tr("State")});
    m_crews->setHorizontalHeaderLabels({tr("Crew"), tr("Officers"), tr("Vehicle"), tr("On duty"), tr("On")});
    m_board->setToolTip(tr("N request · A assign a crew · D departed · R arrived · X cancel · Enter the person"));
}

void EscortDesk::changeEvent(QEvent* event)
{
    QWidget::changeEvent(event);
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        show(m_escorts, m_crewList);
    }
}

void EscortDesk::reload()
{
    // Today's work: what is open, and what ended since midnight (the clock's day, UTC as stored).
    const QDateTime now = m_context.clock.now();
    const qint64 since = QDateTime(now.date(), QTime(0, 0), Qt::UTC).toMSecsSinceEpoch();
    const QFuture<QList<Escort>> escorts = m_context.escorts.board(since);
    const QFuture<QList<EscortCrew>> crews = m_context.escorts.crews();
    const int generation = ++m_generation;
    // Both reads answered, the board shown; a newer reload meanwhile wins.
    whenLatest(this, m_read, escorts, [this, crews, generation](QFuture<QList<Escort>> done) {
        QList<Escort> board;
        try {
            board = done.result();
        } catch (const std::exception& e) {
            m_message->setText(parts::errorText(e));
            return;
        }
        whenFinished(this, crews, [this, board, generation](QFuture<QList<EscortCrew>> read) {
            if (generation != m_generation)
                return;
            try {
                show(board, read.result());
            } catch (const std::exception& e) {
                m_message->setText(parts::errorText(e));
            }
        });
    });
}

void EscortDesk::show(const QList<Escort>& escorts, const QList<EscortCrew>& crews)
{
    const qint64 keep = m_wanted > 0 ? m_wanted : (currentEscort() ? currentEscort()->id : 0);
    m_escorts = escorts;
    m_crewList = crews;
    const qint64 now = m_context.clock.nowMs();
    const QColor amber(0xd9, 0x8c, 0x00), red(0xc0, 0x39, 0x2b);
    m_board->setRowCount(int(escorts.size()));
    int current = escorts.isEmpty() ? -1 : 0;
    for (int row = 0; row < escorts.size(); ++row) {
        const Escort& e = escorts[row];
        if (e.id == keep)
            current = row;
        const qint64 left = e.deadlineAt - now;
        QString deadline;
        if (!e.open())
            deadline = e.state == QLatin1String("arrived") ? tr("arrived %1").arg(parts::stamp(e.arrivedAt)) : tr("cancelled");
        else
            deadline = left < 0 ? tr("%1 overdue").arg(formatDuration(-left)) : tr("in %1").arg(formatDuration(left));
        const auto kind = escortDestinationFromKey(e.destinationKind);
        const QString to = kind ? tr("%1 (%2)", "a place and its kind").arg(e.destination, escortDestinationName(*kind)) : e.destination;
        const QStringList cells{deadline, e.tag, e.caseNumber, to, e.crew, e.vehicle, escortStateName(e.state)};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            item->setData(Qt::UserRole, e.id);
            if (column == 0 && e.open() && left < 2 * kHour) {
                item->setBackground(left < 0 ? red : amber);
                item->setForeground(QColor(Qt::white));
            }
            if (!e.open())
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_board->setItem(row, column, item);
        }
    }
    if (current >= 0)
        m_board->setCurrentCell(current, 0);
    if (m_wanted > 0 && current >= 0 && escorts[current].id == m_wanted)
        m_wanted = 0;
    const int crewRow = m_crews->currentRow();
    m_crews->setRowCount(int(crews.size()));
    for (int row = 0; row < crews.size(); ++row) {
        const EscortCrew& c = crews[row];
        QString on = tr("free");
        for (const Escort& e : escorts)
            if (e.id == c.busyWith)
                on = tr("%1 to %2", "a wristband and where to").arg(e.tag, e.destination);
        const QStringList cells{c.callSign, c.officers, c.vehicle, c.onDuty ? tr("on duty") : tr("off duty"), c.busyWith > 0 ? on : tr("free")};
        for (int column = 0; column < cells.size(); ++column) {
            auto* item = new QTableWidgetItem(cells[column]);
            if (!c.onDuty)
                item->setForeground(palette().color(QPalette::Disabled, QPalette::Text));
            m_crews->setItem(row, column, item);
        }
    }
    if (crewRow >= 0 && crewRow < m_crews->rowCount())
        m_crews->setCurrentCell(crewRow, 0);
}

const Escort* EscortDesk::currentEscort() const
{
    const int row = m_board->currentRow();
    return row >= 0 && row < m_escorts.size() ? &m_escorts[row] : nullptr;
}

bool EscortDesk::showEscort(qint64 id)
{
    for (int row = 0; row < m_escorts.size(); ++row) {
        if (m_escorts[row].id == id) {
            m_board->setCurrentCell(row, 0);
            return true;
        }
    }
    m_wanted = id;
    reload();
    return false;
}

const Escort* EscortDesk::ready(const QStringList& states, const QString& refusal)
{
    if (!m_context.session.can(QString::fromLatin1(EscortService::kManagePermission))) {
        m_message->setText(tr("The escort team's work needs the escort permission; you may look."));
        return nullptr;
    }
    const Escort* e = currentEscort();
    if (!e) {
        m_message->setText(tr("Choose an escort on the board first."));
        return nullptr;
    }
    if (!states.contains(e->state)) {
        m_message->setText(refusal.arg(e->tag, escortStateName(e->state)));
        return nullptr;
    }
    return e;
}

void EscortDesk::done(const QString& text)
{
    m_message->setText(text);
    reload();
}

void EscortDesk::requestEscort()
{
    if (!m_context.session.can(QString::fromLatin1(EscortService::kManagePermission))) {
        m_message->setText(tr("The escort team's work needs the escort permission; you may look."));
        return;
    }
    FormDialog f(this, QStringLiteral("escortDialog"), tr("Request an escort"));
    QLineEdit* tag = f.line(QStringLiteral("tag"), tr("&Wristband"), tr("Of a person in the suite, e.g. W-0042"));
    QComboBox* kind = f.choice(QStringLiteral("destination"), tr("&To"));
    for (EscortDestination d : {EscortDestination::DetentionCentre, EscortDestination::Hospital, EscortDestination::Court, EscortDestination::Unit})
        kind->addItem(escortDestinationName(d), escortDestinationKey(d));
    QLineEdit* place = f.line(QStringLiteral("place"), tr("&Place"), tr("Which one: e.g. City Detention Centre No. 1"));
    QSpinBox* hours = f.number(QStringLiteral("hours"), tr("Arrive &within"), 1, 72, tr(" h"));
    hours->setValue(4);
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Why"), tr("A hearing, a treatment, a transfer"));
    // To the detention centre the person's 24-hour transfer sets the deadline: no hours to give.
    const auto follow = [kind, hours] {
        hours->setEnabled(kind->currentData().toString() != escortDestinationKey(EscortDestination::DetentionCentre));
    };
    connect(kind, &QComboBox::currentIndexChanged, kind, follow);
    follow();
    tag->setFocus();
    auto requested = std::make_shared<Escort>();
    if (f.run<Escort>([this, tag, kind, place, hours, reason, requested] {
            const QString wristband = tag->text().trimmed();
            CustodyFilter filter;
            filter.text = wristband;
            filter.limit = 50;
            NewEscort draft;
            draft.destination = escortDestinationFromKey(kind->currentData().toString()).value_or(EscortDestination::DetentionCentre);
            draft.place = place->text();
            draft.reason = reason->text();
            draft.deadlineAt = hours->isEnabled() ? m_context.clock.nowMs() + hours->value() * kHour : 0;
            // The wristband named, among those in the suite now; then the request, on this thread (the session's).
            return m_context.custody.people(filter)
                .then(this,
                      [this, wristband, draft](const QList<Custody>& people) {
                          for (const Custody& k : people) {
                              if (k.tag.compare(wristband, Qt::CaseInsensitive) == 0 && k.inSuite()) {
                                  NewEscort request = draft;
                                  request.custodyId = k.id;
                                  return m_context.escorts.request(request);
                              }
                          }
                          return QtFuture::makeExceptionalFuture<Escort>(
                              std::make_exception_ptr(ValidationError(tr("Nobody with wristband %1 is in the suite.").arg(wristband))));
                      })
                .unwrap()
                .then([requested](const Escort& e) {
                    *requested = e;
                    return e;
                });
        })) {
        m_wanted = requested->id;
        done(tr("Escort of %1 to %2 requested.").arg(requested->tag, requested->destination));
    }
}

void EscortDesk::assignCrew()
{
    const Escort* current = ready({QStringLiteral("requested")}, tr("The escort of %1 is %2: only a request is assigned a crew."));
    if (!current)
        return;
    const Escort e = *current;
    FormDialog f(this, QStringLiteral("assignDialog"), tr("Assign a crew to the escort of %1").arg(e.tag));
    QComboBox* crew = f.choice(QStringLiteral("crew"), tr("&Crew"));
    for (const EscortCrew& c : std::as_const(m_crewList))
        if (c.onDuty && c.busyWith == 0)
            crew->addItem(tr("%1 · %2 · %3", "a crew: call sign, officers, vehicle").arg(c.callSign, c.officers, c.vehicle), c.id);
    QLineEdit* vehicle = f.line(QStringLiteral("vehicle"), tr("&Vehicle"), tr("The crew's own unless another is taken"));
    if (crew->count() == 0) {
        m_message->setText(tr("No crew is on duty and free."));
        return;
    }
    crew->setFocus();
    if (f.run<Escort>(
            [this, e, crew, vehicle] { return m_context.escorts.assign(e.id, e.version, crew->currentData().toLongLong(), vehicle->text()); }))
        done(tr("Crew %1 assigned to the escort of %2.").arg(crew->currentText().section(QStringLiteral(" · "), 0, 0), e.tag));
}

void EscortDesk::depart()
{
    const Escort* current = ready({QStringLiteral("assigned")}, tr("The escort of %1 is %2: a crew leaves once it is assigned."));
    if (!current)
        return;
    const Escort e = *current;
    FormDialog f(this, QStringLiteral("departDialog"), tr("Escort of %1 leaving").arg(e.tag));
    auto* what = new QLabel(
        tr("%1 leaves the suite with crew %2 in %3 for %4. Enter records the departure.").arg(e.tag, e.crew, e.vehicle, e.destination), &f.dialog);
    what->setObjectName(QStringLiteral("what"));
    what->setWordWrap(true);
    f.form->addRow(what);
    f.buttons->setFocus();
    if (f.run<Escort>([this, e] { return m_context.escorts.depart(e.id, e.version); }))
        done(tr("%1 left with crew %2.").arg(e.tag, e.crew));
}

void EscortDesk::arrive()
{
    const Escort* current = ready({QStringLiteral("departed")}, tr("The escort of %1 is %2: only one on its way arrives."));
    if (!current)
        return;
    const Escort e = *current;
    FormDialog f(this, QStringLiteral("arriveDialog"), tr("Escort of %1 arrived at %2").arg(e.tag, e.destination));
    QLineEdit* receiver = f.line(QStringLiteral("receivedBy"), tr("&Received by"), tr("Who took the person at the destination"));
    receiver->setFocus();
    if (f.run<Escort>([this, e, receiver] { return m_context.escorts.arrive(e.id, e.version, receiver->text()); }))
        done(tr("%1 delivered to %2.").arg(e.tag, e.destination));
}

void EscortDesk::cancelEscort()
{
    const Escort* current =
        ready({QStringLiteral("requested"), QStringLiteral("assigned")}, tr("The escort of %1 is %2: one on its way or ended is not cancelled."));
    if (!current)
        return;
    const Escort e = *current;
    FormDialog f(this, QStringLiteral("cancelEscortDialog"), tr("Cancel the escort of %1").arg(e.tag));
    QLineEdit* reason = f.line(QStringLiteral("reason"), tr("&Why"), tr("It goes on record"));
    reason->setFocus();
    if (f.run<Escort>([this, e, reason] { return m_context.escorts.cancel(e.id, e.version, reason->text()); }))
        done(tr("The escort of %1 is cancelled.").arg(e.tag));
}

void EscortDesk::toggleDuty()
{
    if (!m_context.session.can(QString::fromLatin1(EscortService::kManagePermission))) {
        m_message->setText(tr("The escort team's work needs the escort permission; you may look."));
        return;
    }
    const int row = m_crews->currentRow();
    if (row < 0 || row >= m_crewList.size())
        return;
    const EscortCrew c = m_crewList[row];
    whenFinished(this, m_context.escorts.setOnDuty(c.id, !c.onDuty), [this](QFuture<EscortCrew> f) {
        try {
            const EscortCrew now = f.result();
            done(now.onDuty ? tr("Crew %1 is on duty.").arg(now.callSign) : tr("Crew %1 is off duty.").arg(now.callSign));
        } catch (const std::exception& e) {
            m_message->setText(parts::errorText(e));
        }
    });
}

} // namespace hexhub::cases
