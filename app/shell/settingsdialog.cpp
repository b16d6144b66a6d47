#include "settingsdialog.h"

#include "shelltr.h"

#include "module/module.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "store/storeurl.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QSettings>
#include <QSpinBox>
#include <QUrl>
#include <QVBoxLayout>

namespace hexhub::shell {

DeskSettings DeskSettings::read(const QSettings& settings)
{
    DeskSettings s;
    s.language = settings.value(QStringLiteral("appearance/language"), s.language).toString();
    s.theme = settings.value(QStringLiteral("appearance/theme"), s.theme).toString();
    s.sounds = settings.value(QStringLiteral("notifications/sounds"), s.sounds).toBool();
    s.idleLockMinutes = std::clamp(settings.value(QStringLiteral("session/idleLockMinutes"), s.idleLockMinutes).toInt(), 0, 24 * 60);
    s.mapTileUrl = settings.value(QStringLiteral("map/tileUrl")).toString();
    s.storeUrl = settings.value(QStringLiteral("store/url")).toString();
    const QStringList off = settings.value(QStringLiteral("modules/disabled")).toStringList();
    s.disabledModules = QSet<QString>(off.begin(), off.end());
    return s;
}

void DeskSettings::write(QSettings& settings) const
{
    settings.setValue(QStringLiteral("appearance/language"), language);
    settings.setValue(QStringLiteral("appearance/theme"), theme);
    settings.setValue(QStringLiteral("notifications/sounds"), sounds);
    settings.setValue(QStringLiteral("session/idleLockMinutes"), idleLockMinutes);
    if (mapTileUrl.isEmpty())
        settings.remove(QStringLiteral("map/tileUrl"));
    else
        settings.setValue(QStringLiteral("map/tileUrl"), mapTileUrl);
    if (storeUrl.isEmpty())
        settings.remove(QStringLiteral("store/url"));
    else
        settings.setValue(QStringLiteral("store/url"), storeUrl);
    QStringList off(disabledModules.begin(), disabledModules.end());
    off.sort();
    settings.setValue(QStringLiteral("modules/disabled"), off);
}

PlatformOptions DeskSettings::startOptions(const PlatformOptions& commandLine, QString* problem) const
{
    PlatformOptions options = commandLine;
    if (options.store.kind == StoreUrl::Kind::Sqlite && options.store.path.isEmpty() && !storeUrl.isEmpty()) {
        QString error;
        if (const auto url = StoreUrl::parse(storeUrl, &error))
            options.store = *url;
        else if (problem)
            *problem = Tr::tr("The store in the settings is not a store address: %1. Using the default store.").arg(error);
    }
    options.disabledModules.unite(disabledModules);
    return options;
}

SettingsDialog::SettingsDialog(const DeskSettings& current, const ModuleManager& modules, bool mayConfigure, QWidget* parent)
    : QDialog(parent)
    , m_manager(modules)
    , m_initial(current)
    , m_language(new QComboBox(this))
    , m_theme(new QComboBox(this))
    , m_sounds(new QCheckBox(Tr::tr("Play a sound for priority notifications"), this))
    , m_idle(new QSpinBox(this))
    , m_mapTiles(new QLineEdit(this))
    , m_mapTilesProblem(new QLabel(this))
    , m_store(new QLineEdit(this))
    , m_storeProblem(new QLabel(this))
    , m_modules(new QListWidget(this))
    , m_moduleWarning(new QLabel(this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Save | QDialogButtonBox::Cancel, this))
    , m_mayConfigure(mayConfigure)
{
    setObjectName(QStringLiteral("settingsDialog"));
    setWindowTitle(Tr::tr("Settings"));
    auto* column = new QVBoxLayout(this);

    auto* now = new QGroupBox(Tr::tr("This desk (applies at once)"), this);
    auto* form = new QFormLayout(now);
    // Each language names itself, so whoever cannot read the current one still finds theirs.
    m_language->addItem(QStringLiteral("English"), QStringLiteral("en"));
    m_language->addItem(QStringLiteral("中文（简体）"), QStringLiteral("zh_CN"));
    m_language->setCurrentIndex(std::max(0, m_language->findData(current.language)));
    form->addRow(Tr::tr("&Language:"), m_language);
    m_theme->addItem(Tr::tr("Day"), QStringLiteral("day"));
    m_theme->addItem(Tr::tr("Night (for dark control rooms)"), QStringLiteral("night"));
    m_theme->setCurrentIndex(std::max(0, m_theme->findData(current.theme)));
    form->addRow(Tr::tr("&Theme:"), m_theme);
    m_sounds->setChecked(current.sounds);
    form->addRow(QString(), m_sounds);
    m_idle->setRange(0, 24 * 60);
    m_idle->setSuffix(Tr::tr(" min"));
    m_idle->setSpecialValueText(Tr::tr("Never"));
    m_idle->setValue(current.idleLockMinutes);
    form->addRow(Tr::tr("Lock when &idle for:"), m_idle);
    m_mapTiles->setObjectName(QStringLiteral("mapTiles"));
    m_mapTiles->setText(current.mapTileUrl);
    m_mapTiles->setPlaceholderText(Tr::tr("none: the maps draw their own streets"));
    m_mapTiles->setToolTip(Tr::tr("https://tiles.example.org/{z}/{x}/{y}.png"));
    form->addRow(Tr::tr("Map &tiles URL:"), m_mapTiles);
    auto* tilesNote = new QLabel(Tr::tr("Optional: a tile server drawn under the maps, tiles kept on this computer. "
                                        "The maps work offline without it."),
                                 now);
    tilesNote->setWordWrap(true);
    tilesNote->setEnabled(false); // a quiet note
    form->addRow(QString(), tilesNote);
    m_mapTilesProblem->setObjectName(QStringLiteral("mapTilesProblem"));
    m_mapTilesProblem->setWordWrap(true);
    m_mapTilesProblem->hide();
    form->addRow(QString(), m_mapTilesProblem);
    column->addWidget(now);

    auto* next = new QGroupBox(Tr::tr("From the next start"), this);
    auto* nextForm = new QFormLayout(next);
    m_store->setText(current.storeUrl);
    m_store->setPlaceholderText(Tr::tr("default: the store on this computer"));
    m_store->setToolTip(Tr::tr("sqlite:///absolute/path.db or postgresql://user@host:port/database"));
    nextForm->addRow(Tr::tr("&Store:"), m_store);
    m_storeProblem->setObjectName(QStringLiteral("storeProblem"));
    m_storeProblem->setWordWrap(true);
    m_storeProblem->hide();
    nextForm->addRow(QString(), m_storeProblem);
    for (const ModuleSpec* spec : modules.modules()) {
        const QString name = spec->instance && !spec->instance->displayName().isEmpty() ? spec->instance->displayName()
                                                                                      : spec->metadata.name;
        auto* item = new QListWidgetItem(name, m_modules);
        item->setData(Qt::UserRole, spec->id);
        item->setFlags(Qt::ItemIsUserCheckable | Qt::ItemIsEnabled | Qt::ItemIsSelectable);
        item->setCheckState(current.disabledModules.contains(spec->id) ? Qt::Unchecked : Qt::Checked);
        if (spec->state == ModuleSpec::State::Failed)
            item->setToolTip(spec->reason);
    }
    m_modules->setObjectName(QStringLiteral("modules"));
    nextForm->addRow(Tr::tr("&Modules:"), m_modules);
    m_moduleWarning->setObjectName(QStringLiteral("moduleWarning"));
    m_moduleWarning->setWordWrap(true);
    nextForm->addRow(QString(), m_moduleWarning);
    if (!mayConfigure) {
        auto* why = new QLabel(Tr::tr("Only an administrator changes the store and the modules of this desk."), next);
        why->setObjectName(QStringLiteral("configureRefused"));
        why->setWordWrap(true);
        nextForm->insertRow(0, why);
        m_store->setReadOnly(true);
        m_modules->setEnabled(false);
    }
    column->addWidget(next);
    column->addWidget(m_buttons);

    connect(m_modules, &QListWidget::itemChanged, this, &SettingsDialog::updateModuleWarning);
    connect(m_store, &QLineEdit::textChanged, m_storeProblem, &QLabel::hide);
    connect(m_mapTiles, &QLineEdit::textChanged, m_mapTilesProblem, &QLabel::hide);
    connect(m_buttons, &QDialogButtonBox::accepted, this, &SettingsDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    updateModuleWarning();
}

QSet<QString> SettingsDialog::goingWith(const ModuleManager& modules, const QSet<QString>& off)
{
    QSet<QString> gone = off;
    // Until nothing more falls: a module needing (not optionally) one that is gone goes too.
    for (bool more = true; more;) {
        more = false;
        for (const ModuleSpec* spec : modules.modules()) {
            if (gone.contains(spec->id))
                continue;
            for (const ModuleDependency& d : spec->metadata.dependencies) {
                if (!d.optional && gone.contains(d.id)) {
                    gone.insert(spec->id);
                    more = true;
                    break;
                }
            }
        }
    }
    return gone;
}

void SettingsDialog::updateModuleWarning()
{
    const DeskSettings chosen = settings();
    const QSet<QString> gone = goingWith(m_manager, chosen.disabledModules);
    QStringList alsoGoing;
    for (int i = 0; i < m_modules->count(); ++i) {
        QListWidgetItem* item = m_modules->item(i);
        const QString id = item->data(Qt::UserRole).toString();
        const bool dependentOff = gone.contains(id) && !chosen.disabledModules.contains(id);
        if (dependentOff)
            alsoGoing << item->text();
        QFont f = item->font();
        f.setStrikeOut(dependentOff);
        item->setFont(f);
    }
    if (alsoGoing.isEmpty())
        m_moduleWarning->setText(chosen.disabledModules.isEmpty() ? QString() : Tr::tr("Takes effect when Hexhub starts again."));
    else
        m_moduleWarning->setText(Tr::tr("These depend on a module you turned off and will not load either: %1. Takes effect when Hexhub starts again.")
                                     .arg(alsoGoing.join(Tr::tr(", "))));
}

DeskSettings SettingsDialog::settings() const
{
    DeskSettings s;
    s.language = m_language->currentData().toString();
    s.theme = m_theme->currentData().toString();
    s.sounds = m_sounds->isChecked();
    s.idleLockMinutes = m_idle->value();
    s.mapTileUrl = m_mapTiles->text().trimmed();
    s.storeUrl = m_store->text().trimmed();
    if (!m_mayConfigure) {
        s.storeUrl = m_initial.storeUrl;
        s.disabledModules = m_initial.disabledModules;
        return s;
    }
    for (int i = 0; i < m_modules->count(); ++i) {
        if (m_modules->item(i)->checkState() == Qt::Unchecked)
            s.disabledModules.insert(m_modules->item(i)->data(Qt::UserRole).toString());
    }
    return s;
}

QString SettingsDialog::mapTileUrlProblem(const QString& url)
{
    const QUrl parsed(url);
    const QString scheme = parsed.scheme();
    if (!parsed.isValid() || (scheme != QLatin1String("http") && scheme != QLatin1String("https") && scheme != QLatin1String("file")))
        return Tr::tr("an address starting with https:// or http:// is needed");
    QStringList missing;
    for (const QString& placeholder : {QStringLiteral("{z}"), QStringLiteral("{x}"), QStringLiteral("{y}")}) {
        if (!url.contains(placeholder))
            missing << placeholder;
    }
    if (!missing.isEmpty())
        return Tr::tr("%1 missing: the address says where each tile is with {z}, {x} and {y}").arg(missing.join(Tr::tr(", ")));
    return {};
}

void SettingsDialog::accept()
{
    const QString tiles = m_mapTiles->text().trimmed();
    if (!tiles.isEmpty()) {
        const QString problem = mapTileUrlProblem(tiles);
        if (!problem.isEmpty()) {
            m_mapTilesProblem->setText(Tr::tr("This is not a map tile address: %1").arg(problem));
            m_mapTilesProblem->show();
            m_mapTiles->setFocus();
            return; // nothing saved, as for the store below
        }
    }
    const QString url = m_store->text().trimmed();
    if (!url.isEmpty()) {
        QString error;
        const std::optional<StoreUrl> parsed = StoreUrl::parse(url, &error);
        if (parsed && !parsed->password.isEmpty())
            error = Tr::tr("it holds a password, which would be kept in plain text in the settings file; give the "
                           "password in ~/.pgpass instead");
        if (!parsed || !error.isEmpty()) {
            m_storeProblem->setText(Tr::tr("This is not a store address: %1").arg(error));
            m_storeProblem->show();
            m_store->setFocus();
            return; // nothing saved: the dialog stays open with what was typed
        }
    }
    QDialog::accept();
}

} // namespace hexhub::shell
