#pragma once

#include <QDialog>
#include <QSet>

class QCheckBox;
class QComboBox;
class QDialogButtonBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QSettings;
class QSpinBox;

namespace hexhub {
class ModuleManager;
struct PlatformOptions;
}

namespace hexhub::shell {

//! What the settings dialog edits; read from and written to the desk's settings file.
struct DeskSettings
{
    QString language = QStringLiteral("en"); //!< "en" or "zh_CN"
    QString theme = QStringLiteral("day");   //!< "day" or "night"
    bool sounds = true;                      //!< priority notifications sound (where an audio output exists)
    int idleLockMinutes = 10;                //!< 0: never
    //! Raster tiles under the maps: an XYZ address with {z}, {x} and {y} (key "map/tileUrl", read by
    //! the maps); empty: none, the maps draw their own layers only.
    QString mapTileUrl;
    QString storeUrl;                        //!< empty: the default store; used from the next start
    QSet<QString> disabledModules;           //!< not loaded from the next start

    static DeskSettings read(const QSettings& settings);
    void write(QSettings& settings) const;
    /*!
     * The options a desk starts with: the command line's, with the settings' store when the command
     * line names none, and the settings' disabled modules added. A store address in the settings that
     * does not parse is ignored with `problem` set.
     */
    PlatformOptions startOptions(const PlatformOptions& commandLine, QString* problem = nullptr) const;
};

/*!
 * Settings of this desk: language, theme, sounds, idle lock and map tiles apply as soon as they are
 * saved; the store and the modules from the next start. Turning a module off says which modules go
 * with it (those that depend on it). A store address that does not parse, or a map tile address
 * without its placeholders, is refused with the reason.
 */
class SettingsDialog final : public QDialog
{
    Q_OBJECT
public:
    /*!
     * `mayConfigure`: whether the one signed in may change the store and the modules (the
     * core.desk.configure permission, administrators'); without it that part is shown, not editable.
     */
    SettingsDialog(const DeskSettings& current, const ModuleManager& modules, bool mayConfigure, QWidget* parent = nullptr);

    DeskSettings settings() const;
    //! Why `url` is not a map tile address (http, https or file, with {z}, {x} and {y}); empty when it is one.
    static QString mapTileUrlProblem(const QString& url);
    //! The modules that do not load when `off` do not: `off` and every module depending on one of them.
    static QSet<QString> goingWith(const ModuleManager& modules, const QSet<QString>& off);

    QComboBox* languageBox() const { return m_language; }
    QComboBox* themeBox() const { return m_theme; }
    QCheckBox* soundsBox() const { return m_sounds; }
    QSpinBox* idleLockBox() const { return m_idle; }
    QLineEdit* mapTilesEdit() const { return m_mapTiles; }
    QLabel* mapTilesProblem() const { return m_mapTilesProblem; }
    QLineEdit* storeEdit() const { return m_store; }
    QListWidget* moduleList() const { return m_modules; }
    QLabel* moduleWarning() const { return m_moduleWarning; }
    QLabel* storeProblem() const { return m_storeProblem; }

    void accept() override;

private:
    void updateModuleWarning();

    const ModuleManager& m_manager;
    DeskSettings m_initial;
    QComboBox* m_language;
    QComboBox* m_theme;
    QCheckBox* m_sounds;
    QSpinBox* m_idle;
    QLineEdit* m_mapTiles;
    QLabel* m_mapTilesProblem;
    QLineEdit* m_store;
    QLabel* m_storeProblem;
    QListWidget* m_modules;
    QLabel* m_moduleWarning;
    QDialogButtonBox* m_buttons;
    bool m_mayConfigure;
};

} // namespace hexhub::shell
