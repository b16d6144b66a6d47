#include "trainerconsole.h"

#include "review.h"
#include "trainingtr.h"

#include "base/clock.h"
#include "module/platform.h"
#include "scenariorun.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QEvent>
#include <QFileInfo>
#include <QFileDialog>
#include <QGridLayout>
#include <QHeaderView>
#include <QJsonDocument>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSlider>
#include <QSplitter>
#include <QSqlQuery>
#include <QTableWidget>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::training {

namespace {

constexpr qint64 kMinute = 60 * 1000;

QTableWidget* makeTable(QWidget* parent, int columns)
{
    auto* t = new QTableWidget(0, columns, parent);
    t->setEditTriggers(QAbstractItemView::NoEditTriggers);
    t->setSelectionBehavior(QAbstractItemView::SelectRows);
    t->verticalHeader()->hide();
    t->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    t->setWordWrap(false);
    return t;
}

QColor outcomeInk(ScenarioOutcome outcome)
{
    switch (outcome) {
    case ScenarioOutcome::Met: return QColor(0x2e, 0x9d, 0x4f);
    case ScenarioOutcome::Late: return QColor(0xd0, 0x8b, 0x02);
    case ScenarioOutcome::Missed: return QColor(0xc8, 0x3a, 0x32);
    default: return {};
    }
}

//! A scenario's problems, one a line.
QString linesOf(const QList<ScenarioProblem>& problems)
{
    QStringList lines;
    for (const ScenarioProblem& p : problems)
        lines << p.toString();
    return lines.join(QLatin1Char('\n'));
}

} // namespace

TrainerConsole::TrainerConsole(Platform& platform, QWidget* parent)
    : QWidget(parent)
    , m_platform(platform)
    , m_clock(qobject_cast<SimulatedClock*>(&platform.clock()))
    , m_scenarioLabel(new QLabel(this))
    , m_scenarios(new QComboBox(this))
    , m_open(new QPushButton(this))
    , m_traineeLabel(new QLabel(this))
    , m_trainees(new QComboBox(this))
    , m_summary(new QLabel(this))
    , m_start(new QPushButton(this))
    , m_stop(new QPushButton(this))
    , m_pause(new QPushButton(this))
    , m_speedLabel(new QLabel(this))
    , m_speed(new QSlider(Qt::Horizontal, this))
    , m_jump1(new QPushButton(this))
    , m_jump5(new QPushButton(this))
    , m_jump15(new QPushButton(this))
    , m_jumpNext(new QPushButton(this))
    , m_clockLabel(new QLabel(this))
    , m_timeline(makeTable(this, 4))
    , m_expected(makeTable(this, 3))
    , m_injects(new QComboBox(this))
    , m_inject(new QPushButton(this))
    , m_json(new QLineEdit(this))
    , m_injectJson(new QPushButton(this))
    , m_note(new QLineEdit(this))
    , m_annotate(new QPushButton(this))
    , m_review(new QPushButton(this))
    , m_message(new QLabel(this))
    , m_tick(new QTimer(this))
{
    setObjectName(QStringLiteral("trainerConsole"));
    m_scenarios->setObjectName(QStringLiteral("scenarios"));
    m_trainees->setObjectName(QStringLiteral("trainees"));
    m_scenarioLabel->setBuddy(m_scenarios);
    m_traineeLabel->setBuddy(m_trainees);
    m_summary->setWordWrap(true);
    m_summary->setTextFormat(Qt::PlainText);
    m_message->setWordWrap(true);
    m_message->setTextFormat(Qt::PlainText);
    m_message->hide();
    m_speed->setRange(int(SimulatedClock::kMinRate), int(SimulatedClock::kMaxRate));
    m_speed->setValue(m_clock ? int(m_clock->rate()) : 1);
    m_scenarios->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_scenarios->setMinimumContentsLength(24);
    m_injects->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_injects->setMinimumContentsLength(24);
    m_stop->setEnabled(false);
    m_review->setEnabled(false);
    m_timeline->horizontalHeader()->setSectionResizeMode(2, QHeaderView::Stretch); // what happened
    m_expected->horizontalHeader()->setSectionResizeMode(0, QHeaderView::Stretch); // what is expected

    auto* choose = new QGridLayout;
    choose->addWidget(m_scenarioLabel, 0, 0);
    choose->addWidget(m_scenarios, 0, 1);
    choose->addWidget(m_open, 0, 2);
    choose->addWidget(m_traineeLabel, 1, 0);
    choose->addWidget(m_trainees, 1, 1, 1, 2);
    choose->setColumnStretch(1, 1);

    auto* run = new QHBoxLayout;
    run->addWidget(m_start);
    run->addWidget(m_stop);
    run->addSpacing(12);
    run->addWidget(m_pause);
    run->addWidget(m_speedLabel);
    run->addWidget(m_speed, 1);
    auto* jumps = new QHBoxLayout;
    jumps->addWidget(m_jump1);
    jumps->addWidget(m_jump5);
    jumps->addWidget(m_jump15);
    jumps->addWidget(m_jumpNext);
    jumps->addStretch(1);
    jumps->addWidget(m_clockLabel);

    auto* split = new QSplitter(Qt::Vertical, this);
    split->addWidget(m_timeline);
    split->addWidget(m_expected);
    split->setStretchFactor(0, 3);
    split->setStretchFactor(1, 2);

    auto* inject = new QHBoxLayout;
    inject->addWidget(m_injects, 1);
    inject->addWidget(m_inject);
    auto* json = new QHBoxLayout;
    json->addWidget(m_json, 1);
    json->addWidget(m_injectJson);
    auto* note = new QHBoxLayout;
    note->addWidget(m_note, 1);
    note->addWidget(m_annotate);
    note->addWidget(m_review);

    auto* column = new QVBoxLayout(this);
    column->addLayout(choose);
    column->addWidget(m_summary);
    column->addLayout(run);
    column->addLayout(jumps);
    column->addWidget(m_message);
    column->addWidget(split, 1);
    column->addLayout(inject);
    column->addLayout(json);
    column->addLayout(note);

    connect(m_scenarios, &QComboBox::activated, this, &TrainerConsole::chooseScenario);
    connect(m_open, &QPushButton::clicked, this, [this] {
        const QString path = QFileDialog::getOpenFileName(this, tr("Open a scenario"), QString(), tr("Scenarios (*.json)"));
        if (!path.isEmpty())
            loadScenario(path);
    });
    connect(m_trainees, &QComboBox::activated, this, [this](int i) { setTrainee(m_trainees->itemData(i).toString()); });
    connect(m_start, &QPushButton::clicked, this, &TrainerConsole::startRun);
    connect(m_stop, &QPushButton::clicked, this, &TrainerConsole::stopRun);
    connect(m_pause, &QPushButton::clicked, this, [this] { setPaused(!(m_clock && m_clock->isPaused())); });
    connect(m_speed, &QSlider::valueChanged, this, &TrainerConsole::setSpeed);
    connect(m_jump1, &QPushButton::clicked, this, [this] { jump(kMinute); });
    connect(m_jump5, &QPushButton::clicked, this, [this] { jump(5 * kMinute); });
    connect(m_jump15, &QPushButton::clicked, this, [this] { jump(15 * kMinute); });
    connect(m_jumpNext, &QPushButton::clicked, this, &TrainerConsole::jumpToNext);
    connect(m_inject, &QPushButton::clicked, this, [this] { injectListed(m_injects->currentIndex()); });
    connect(m_injectJson, &QPushButton::clicked, this, [this] { injectJson(m_json->text()); });
    connect(m_json, &QLineEdit::returnPressed, this, [this] { injectJson(m_json->text()); });
    connect(m_annotate, &QPushButton::clicked, this, [this] { annotate(m_note->text()); });
    connect(m_note, &QLineEdit::returnPressed, this, [this] { annotate(m_note->text()); });
    connect(m_review, &QPushButton::clicked, this, &TrainerConsole::openReview);
    if (m_clock) {
        connect(m_clock, &Clock::pausedChanged, this, &TrainerConsole::refreshClock);
        connect(m_clock, &Clock::rateChanged, this, &TrainerConsole::refreshClock);
        connect(m_clock, &Clock::jumped, this, &TrainerConsole::refreshClock);
    }
    // The clock's face only: what the run does comes through its signals.
    m_tick->setInterval(500);
    connect(m_tick, &QTimer::timeout, this, &TrainerConsole::refreshClock);
    m_tick->start();

    retranslate();
    fillScenarios();
    fillTrainees();
    chooseScenario(0);
}

TrainerConsole::~TrainerConsole() = default;

void TrainerConsole::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QWidget::changeEvent(event);
}

void TrainerConsole::retranslate()
{
    m_scenarioLabel->setText(tr("&Scenario"));
    m_open->setText(tr("&Open file..."));
    m_traineeLabel->setText(tr("&Trainee"));
    m_start->setText(tr("Start"));
    m_stop->setText(tr("Stop"));
    m_jump1->setText(tr("+1 min"));
    m_jump5->setText(tr("+5 min"));
    m_jump15->setText(tr("+15 min"));
    m_jumpNext->setText(tr("Next event"));
    m_jumpNext->setToolTip(tr("Jump the simulated clock to the run's next inject or deadline"));
    m_inject->setText(tr("&Inject now"));
    m_json->setPlaceholderText(tr("An inject of your own, as in a scenario file: {\"kind\": \"event\", \"topic\": ..., \"payload\": {...}, \"handledBy\": \"hub\"}"));
    m_injectJson->setText(tr("Inject JSON"));
    m_note->setPlaceholderText(tr("A note at this moment, for the review"));
    m_annotate->setText(tr("&Annotate"));
    m_review->setText(tr("&Review"));
    m_timeline->setHorizontalHeaderLabels({tr("Time"), tr("Kind"), tr("What"), tr("Who")});
    m_expected->setHorizontalHeaderLabels({tr("Expected response"), tr("Outcome"), tr("Response")});
    if (!m_clock) {
        for (QWidget* w : std::initializer_list<QWidget*>{m_pause, m_speed, m_jump1, m_jump5, m_jump15, m_jumpNext}) {
            w->setEnabled(false);
            w->setToolTip(tr("Only a simulated clock can be paused, sped up or moved: start Hexhub with --demo."));
        }
    }
    fillScenarios();
    chooseScenario(std::max(0, m_scenarios->currentIndex()));
    refresh();
    refreshClock();
}

void TrainerConsole::fillScenarios()
{
    const QString current = m_scenarios->currentData().toString();
    const QSignalBlocker quiet(m_scenarios);
    m_scenarios->clear();
    for (const QString& path : Scenario::bundled() + m_files) {
        QList<ScenarioProblem> problems;
        const std::optional<Scenario> s = Scenario::fromFile(path, &problems);
        m_scenarios->addItem(s ? s->title.text() : QFileInfo(path).fileName(), path);
    }
    m_scenarios->setCurrentIndex(std::max(0, m_scenarios->findData(current)));
}

void TrainerConsole::fillTrainees()
{
    // The desk's users, read off the GUI thread (and never answered to a console that is gone).
    const QFuture<QStringList> users = m_platform.store().read([](Sql& sql) {
        QStringList names;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT name FROM users ORDER BY name"));
        while (q.next())
            names << q.value(0).toString();
        return names;
    });
    whenFinished(this, users, [this](QFuture<QStringList> read) {
        QStringList names;
        try {
            read.waitForFinished();
            names = read.result();
        } catch (const std::exception& e) {
            say(QString::fromUtf8(e.what()), true);
            return;
        }
        const QSignalBlocker quiet(m_trainees);
        m_trainees->clear();
        m_trainees->addItem(tr("Everyone but the trainer"), QString());
        for (const QString& n : names)
            m_trainees->addItem(n, n);
        // The demo's hub supervisor is the usual trainee at a demo desk.
        const int usual = m_trainees->findData(QStringLiteral("demo.hub_supervisor"));
        m_trainees->setCurrentIndex(std::max(0, m_trainee.isEmpty() ? usual : m_trainees->findData(m_trainee)));
        m_trainee = m_trainees->currentData().toString();
    });
}

void TrainerConsole::setTrainee(const QString& userName)
{
    m_trainee = userName;
    const int i = m_trainees->findData(userName);
    if (i >= 0)
        m_trainees->setCurrentIndex(i);
    if (m_run)
        m_run->setTrainee(userName);
}

bool TrainerConsole::loadScenario(const QString& path)
{
    QList<ScenarioProblem> problems;
    std::optional<Scenario> s = Scenario::fromFile(path, &problems);
    if (!s) {
        say(tr("%1 cannot run:\n%2").arg(QFileInfo(path).fileName(), linesOf(problems)), true);
        return false;
    }
    if (!Scenario::bundled().contains(path) && !m_files.contains(path))
        m_files << path;
    fillScenarios();
    m_scenarios->setCurrentIndex(m_scenarios->findData(path));
    chooseScenario(m_scenarios->currentIndex());
    return true;
}

void TrainerConsole::chooseScenario(int index)
{
    if (m_run && m_run->state() == ScenarioRun::State::Running)
        return; // the combo is disabled while a run is on; nothing changes under it
    const QString path = m_scenarios->itemData(index).toString();
    QList<ScenarioProblem> problems;
    m_scenario = path.isEmpty() ? std::nullopt : Scenario::fromFile(path, &problems);
    m_injects->clear();
    if (!m_scenario) {
        m_summary->clear();
        m_start->setEnabled(false);
        return;
    }
    QStringList modules;
    for (const QString& m : m_scenario->modules)
        modules << m;
    m_summary->setText(tr("%1\nPlanned duration %2. Handled by: %3.")
                           .arg(m_scenario->summary.text(), clockText(m_scenario->durationMs), modules.join(QStringLiteral(", "))));
    auto add = [this](const ScenarioInject& inject) {
        m_injects->addItem(QStringLiteral("T+%1  %2").arg(clockText(inject.atMs), inject.label.text()), inject.id);
    };
    for (const ScenarioInject& i : m_scenario->injects)
        add(i);
    for (const ScenarioBranch& b : m_scenario->branches) {
        for (const ScenarioInject& i : b.injects)
            add(i);
    }
    m_start->setEnabled(true);
}

bool TrainerConsole::startRun()
{
    if (!m_scenario)
        return false;
    if (m_run && m_run->state() == ScenarioRun::State::Running) {
        say(tr("A run is on: stop it first."), true);
        return false;
    }
    auto run = std::make_unique<ScenarioRun>(m_platform, *m_scenario);
    run->setTrainee(m_trainee);
    run->setLanguage(QLocale().name());
    connect(run.get(), &ScenarioRun::injected, this, &TrainerConsole::refresh);
    connect(run.get(), &ScenarioRun::actionSeen, this, &TrainerConsole::refresh);
    connect(run.get(), &ScenarioRun::annotated, this, &TrainerConsole::refresh);
    connect(run.get(), &ScenarioRun::scored, this, &TrainerConsole::refresh);
    connect(run.get(), &ScenarioRun::finished, this, [this] {
        refresh();
        m_start->setEnabled(true);
        m_stop->setEnabled(false);
        m_scenarios->setEnabled(true);
        say(tr("The run has ended: %1").arg(m_run ? QStringLiteral("%1%").arg(QLocale().toString(m_run->report().scorePercent, 'f', 0))
                                                  : QString()));
        Q_EMIT runFinished();
    });
    if (!run->start()) {
        say(run->error(), true);
        return false;
    }
    m_run = std::move(run);
    m_start->setEnabled(false);
    m_stop->setEnabled(true);
    m_review->setEnabled(true);
    m_scenarios->setEnabled(false);
    say(tr("Started %1.").arg(m_scenario->title.text()));
    refresh();
    Q_EMIT runStarted();
    return true;
}

void TrainerConsole::stopRun()
{
    if (m_run && m_run->state() == ScenarioRun::State::Running)
        m_run->stop();
}

void TrainerConsole::setPaused(bool paused)
{
    if (!m_clock)
        return;
    if (paused)
        m_clock->pause();
    else
        m_clock->resume();
    refreshClock();
}

void TrainerConsole::setSpeed(int rate)
{
    if (m_clock && m_clock->setRate(rate)) {
        const QSignalBlocker quiet(m_speed);
        m_speed->setValue(rate);
    }
    refreshClock();
}

void TrainerConsole::jump(qint64 ms)
{
    if (m_clock && ms > 0)
        m_clock->advance(ms);
    refreshClock();
}

void TrainerConsole::jumpToNext()
{
    if (!m_clock || !m_run)
        return;
    if (const std::optional<QDateTime> next = m_run->nextDue(); next && *next > m_clock->now())
        m_clock->jumpTo(*next);
    refreshClock();
}

bool TrainerConsole::injectListed(int index)
{
    if (!m_run || !m_scenario || index < 0)
        return false;
    const ScenarioInject* listed = m_scenario->inject(m_injects->itemData(index).toString());
    if (!listed)
        return false;
    ScenarioInject again = *listed;
    again.id.clear();  // "manual-N": the scenario's own one may still come
    again.ref.clear();
    const QList<ScenarioProblem> problems = m_run->injectNow(again);
    if (!problems.isEmpty()) {
        say(linesOf(problems), true);
        return false;
    }
    return true;
}

bool TrainerConsole::injectJson(const QString& json)
{
    if (!m_run || m_run->state() != ScenarioRun::State::Running) {
        say(tr("Start a run first: an inject belongs to a run."), true);
        return false;
    }
    QJsonParseError error{};
    const QJsonDocument doc = QJsonDocument::fromJson(json.toUtf8(), &error);
    if (!doc.isObject()) {
        say(error.error != QJsonParseError::NoError ? tr("Not JSON: %1 at character %2").arg(error.errorString()).arg(error.offset)
                                                    : tr("An inject is a JSON object."),
            true);
        return false;
    }
    const QList<ScenarioProblem> problems = m_run->injectNow(doc.object());
    if (!problems.isEmpty()) {
        say(linesOf(problems), true);
        return false;
    }
    m_json->clear();
    return true;
}

bool TrainerConsole::annotate(const QString& text)
{
    if (!m_run || !m_run->annotate(text.trimmed()))
        return false;
    m_note->clear();
    return true;
}

ReviewDialog* TrainerConsole::openReview()
{
    if (!m_run)
        return nullptr;
    if (m_reviewDialog)
        m_reviewDialog->close();
    m_reviewDialog = new ReviewDialog(m_run->report(), window());
    m_reviewDialog->setAttribute(Qt::WA_DeleteOnClose);
    m_reviewDialog->show();
    return m_reviewDialog;
}

QWidget* TrainerConsole::showReview()
{
    return openReview();
}

void TrainerConsole::refresh()
{
    if (!m_run) {
        m_timeline->setRowCount(0);
        m_expected->setRowCount(0);
        return;
    }
    const ScenarioReport r = m_run->report();
    m_timeline->setRowCount(int(r.timeline.size()));
    for (int i = 0; i < r.timeline.size(); ++i) {
        const ScenarioTimelineEntry& e = r.timeline[i];
        QString what = e.text;
        if (what.isEmpty())
            what = e.topic;
        const QStringList cells{QStringLiteral("T+") + clockText(e.offsetMs), entryKindName(e.kind), what, e.actor};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (e.kind == ScenarioTimelineEntry::Kind::Action)
                item->setForeground(outcomeInk(ScenarioOutcome::Met));
            else if (e.kind == ScenarioTimelineEntry::Kind::FailedInject)
                item->setForeground(outcomeInk(ScenarioOutcome::Missed));
            m_timeline->setItem(i, c, item);
        }
    }
    m_timeline->scrollToBottom();
    m_expected->setRowCount(int(r.scores.size()));
    for (int i = 0; i < r.scores.size(); ++i) {
        const ScenarioScore& s = r.scores[i];
        const QStringList cells{s.label.text(), scenarioOutcomeName(s.outcome), clockText(s.responseMs)};
        for (int c = 0; c < cells.size(); ++c) {
            auto* item = new QTableWidgetItem(cells[c]);
            if (c == 1 && outcomeInk(s.outcome).isValid())
                item->setForeground(outcomeInk(s.outcome));
            m_expected->setItem(i, c, item);
        }
    }
}

void TrainerConsole::refreshClock()
{
    const bool paused = m_clock && m_clock->isPaused();
    m_pause->setText(paused ? tr("&Resume") : tr("&Pause"));
    m_speedLabel->setText(tr("Speed %1x").arg(m_clock ? int(m_clock->rate()) : 1));
    const QString now = QLocale().toString(m_platform.clock().now().toLocalTime(), QStringLiteral("yyyy-MM-dd HH:mm:ss"));
    m_clockLabel->setText(m_run ? tr("%1 (simulated) - run T+%2").arg(now, clockText(m_run->elapsedMs()))
                                : tr("%1 (simulated)").arg(now));
}

void TrainerConsole::say(const QString& text, bool problem)
{
    m_message->setText(text);
    m_message->setStyleSheet(problem ? QStringLiteral("color: #c83a32") : QString());
    m_message->setVisible(!text.isEmpty());
}

} // namespace hexhub::training
