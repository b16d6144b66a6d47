#pragma once

#include "demostore.h"
#include "module/platform.h"
#include "settingsdialog.h"
#include "theme.h"
#include "trainingbanner.h"

#include <QComboBox>
#include <QLabel>

class QApplication;

namespace hexhub {
class DemoSimulation;
class SimulatedClock;
}

namespace hexhub::shell {

//! Where demo mode keeps its store, audit key, settings and outbox: apart from any live desk's.
struct DemoFolder
{
    QString folder;
    StoreUrl store;
    QString auditKey;
    QString settings;
    QString outbox;

    //! `demo/` in the user's data folder (~/.local/share/hexhub/demo).
    static DemoFolder standard();
    static DemoFolder in(const QString& folder);
    //! `options` pointed at this folder (a store given on the command line is kept) and marked as an
    //! exercise on a simulated clock that stands still until the demo is ready.
    PlatformOptions apply(PlatformOptions options) const;
};

/*!
 * The presenter's role switcher: "View as" each built-in role. Choosing one signs in that role's
 * demo user (audited); the main window keeps its windows and checks every view's permission again.
 */
class RoleSwitcher final : public QComboBox
{
    Q_OBJECT
public:
    explicit RoleSwitcher(Platform& platform, QWidget* parent = nullptr);
    //! Signs in the demo user of `role`; the combo follows.
    void switchTo(const QString& role);

Q_SIGNALS:
    void switched(const QString& role);
    void failed(const QString& message);

protected:
    void changeEvent(QEvent* event) override;

private:
    void fill();

    Platform& m_platform;
};

class Language;
class MainWindow;

//! What the live simulation has done so far, on the training banner for the presenter.
class SimulationIndicator final : public QLabel
{
    Q_OBJECT
public:
    explicit SimulationIndicator(DemoSimulation& simulation, QWidget* parent = nullptr);
    void refresh();

protected:
    void changeEvent(QEvent* event) override;

private:
    DemoSimulation& m_simulation;
};

//! The trainer console (from the on-demand library hexhub_training.so); a label saying why when it
//! cannot be loaded.
QWidget* createTrainerConsole(Platform& platform, QWidget* parent);

/*!
 * Makes `window` a demo desk: the trainer console among its panels, the role switcher on its
 * training banner (put there now if not yet). Returns the role switcher.
 */
RoleSwitcher* setUpDemoWindow(MainWindow& window, Platform& platform, TrainingBanner& banner);

/*!
 * The demo desk on a training platform (DemoFolder::apply): start() opens the demo store (on first
 * use the synthetic district and `incidents` incidents of history), picks the clock up where the
 * demo left off, signs in the demo trainer and shows the main window with the training banner on
 * every window, the role switcher and the trainer console; then the live simulation runs on the
 * simulated clock. ready() when all that is up, failed() with the reason otherwise.
 */
class DemoDesk final : public QObject
{
    Q_OBJECT
public:
    DemoDesk(Platform& platform, Language* language, const Theme& theme, const DeskSettings& desk,
             qint64 incidents = DemoStore::kDefaultIncidents, QObject* parent = nullptr);
    ~DemoDesk() override;

    void start();
    MainWindow* window() const { return m_window.get(); }
    DemoSimulation* simulation() const { return m_simulation.get(); }
    RoleSwitcher* roles() const { return m_roles; }
    SimulationIndicator* indicator() const { return m_indicator; }
    const DemoStoreState& state() const { return m_state; }

Q_SIGNALS:
    void ready();
    void failed(const QString& message);

private:
    void show(const Principal& trainer);

    Platform& m_platform;
    Language* m_language;
    Theme m_theme;
    DeskSettings m_desk;
    qint64 m_incidents;
    SimulatedClock* m_clock;
    TrainingBanner m_banner; //!< before the window: it outlives none of its strips' windows
    DemoStoreState m_state;
    std::unique_ptr<MainWindow> m_window;
    std::unique_ptr<DemoSimulation> m_simulation;
    RoleSwitcher* m_roles = nullptr;
    SimulationIndicator* m_indicator = nullptr;
};

/*!
 * `hexhub --demo`: opens the demo store (on first use: the synthetic district and its history),
 * signs in the demo trainer, shows the main window with the training banner on every window, the
 * role switcher and the trainer console, and runs the live simulation on the simulated clock.
 */
int runDemo(QApplication& app, const PlatformOptions& options);

} // namespace hexhub::shell
