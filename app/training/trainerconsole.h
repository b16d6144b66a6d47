#pragma once

#include "scenario.h"

#include <QPointer>
#include <QWidget>

#include <memory>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSlider;
class QTableWidget;
class QTimer;

namespace hexhub {
class Platform;
class ScenarioRun;
class SimulatedClock;
}

namespace hexhub::training {

class ReviewDialog;

/*!
 * The trainer's console: choose a scenario (bundled, or a file, checked before it can run) and the
 * trainee, start and stop it, pause the simulated clock, set its speed (1x-60x), jump ahead, inject
 * an event by hand (one of the scenario's, or JSON of one's own), watch the trainee's actions as they
 * happen against what is expected, note a moment, and open the after-action review.
 */
class TrainerConsole final : public QWidget
{
    Q_OBJECT
public:
    explicit TrainerConsole(Platform& platform, QWidget* parent = nullptr);
    ~TrainerConsole() override;

    //! The scenario chosen now; null when none could be loaded.
    const Scenario* scenario() const { return m_scenario ? &*m_scenario : nullptr; }
    ScenarioRun* run() const { return m_run.get(); }
    //! Loads a scenario file (or resource) and chooses it; false with every problem shown.
    Q_INVOKABLE bool loadScenario(const QString& path);
    //! Chooses the trainee by user name; empty: everyone but the trainer.
    Q_INVOKABLE void setTrainee(const QString& userName);

    //! Starts the chosen scenario; false with the reason shown.
    Q_INVOKABLE bool startRun();
    Q_INVOKABLE void stopRun();
    Q_INVOKABLE void setPaused(bool paused);
    //! 1 to 60.
    Q_INVOKABLE void setSpeed(int rate);
    //! Moves the simulated clock forward; injects and windows on the way happen in order.
    Q_INVOKABLE void jump(qint64 ms);
    //! Moves the clock to the run's next inject or deadline.
    Q_INVOKABLE void jumpToNext();
    //! The inject at `index` of the chosen scenario's list, now, by hand.
    bool injectListed(int index);
    //! An inject written by hand in JSON (as in a scenario file); false with the problems shown.
    bool injectJson(const QString& json);
    Q_INVOKABLE bool annotate(const QString& text);
    //! Opens the review of the current (or last) run.
    ReviewDialog* openReview();
    //! The same for callers that know only QWidget (the shell's pictures).
    Q_INVOKABLE QWidget* showReview();

    QComboBox* scenarioBox() const { return m_scenarios; }
    QComboBox* traineeBox() const { return m_trainees; }
    QTableWidget* timeline() const { return m_timeline; }
    QTableWidget* expectations() const { return m_expected; }
    QLabel* message() const { return m_message; }

Q_SIGNALS:
    void runStarted();
    void runFinished();

protected:
    void changeEvent(QEvent* event) override;

private:
    void retranslate();
    void fillScenarios();
    void fillTrainees();
    void chooseScenario(int index);
    void refresh();
    void refreshClock();
    void say(const QString& text, bool problem = false);

    Platform& m_platform;
    SimulatedClock* m_clock;
    std::optional<Scenario> m_scenario;
    std::unique_ptr<ScenarioRun> m_run;
    QString m_trainee;
    QStringList m_files; //!< scenario files opened by hand, shown after the bundled ones

    QLabel* m_scenarioLabel;
    QComboBox* m_scenarios;
    QPushButton* m_open;
    QLabel* m_traineeLabel;
    QComboBox* m_trainees;
    QLabel* m_summary;
    QPushButton* m_start;
    QPushButton* m_stop;
    QPushButton* m_pause;
    QLabel* m_speedLabel;
    QSlider* m_speed;
    QPushButton* m_jump1;
    QPushButton* m_jump5;
    QPushButton* m_jump15;
    QPushButton* m_jumpNext;
    QLabel* m_clockLabel;
    QTableWidget* m_timeline;
    QTableWidget* m_expected;
    QComboBox* m_injects;
    QPushButton* m_inject;
    QLineEdit* m_json;
    QPushButton* m_injectJson;
    QLineEdit* m_note;
    QPushButton* m_annotate;
    QPushButton* m_review;
    QLabel* m_message;
    QTimer* m_tick;
    QPointer<ReviewDialog> m_reviewDialog;
};

} // namespace hexhub::training
