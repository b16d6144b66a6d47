#include "workspace.h"

#include "shelltr.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSettings>

namespace hexhub::shell {

namespace {

QStringList stringsFrom(const QJsonValue& v)
{
    QStringList list;
    for (const QJsonValue& s : v.toArray()) {
        if (s.isString() && !s.toString().isEmpty())
            list << s.toString();
    }
    return list;
}

// Keys of QSettings cannot hold every character a name can: the names go base64url-encoded.
QString keyFor(const QString& name)
{
    return QStringLiteral("workspaces/saved/") + QString::fromLatin1(name.toUtf8().toBase64(QByteArray::Base64UrlEncoding | QByteArray::OmitTrailingEquals));
}

} // namespace

QJsonObject Workspace::toJson() const
{
    QJsonArray floats;
    for (const FloatingPanel& f : floating)
        floats << QJsonObject{{QStringLiteral("panel"), f.panel}, {QStringLiteral("place"), f.place.toJson()}};
    QJsonArray wallList;
    for (const WallPlace& w : walls)
        wallList << QJsonObject{{QStringLiteral("screen"), w.screen},
                                {QStringLiteral("screenGeometry"), rectToJson(w.screenGeometry)},
                                {QStringLiteral("panels"), QJsonArray::fromStringList(w.panels)}};
    QJsonObject states;
    for (auto it = viewStates.begin(); it != viewStates.end(); ++it)
        states.insert(it.key(), it.value());
    return QJsonObject{{QStringLiteral("format"), 1},
                       {QStringLiteral("viewStates"), states},
                       {QStringLiteral("name"), name},
                       {QStringLiteral("module"), module},
                       {QStringLiteral("main"), main.toJson()},
                       {QStringLiteral("dockState"), QString::fromLatin1(dockState.toBase64())},
                       {QStringLiteral("docked"), QJsonArray::fromStringList(docked)},
                       {QStringLiteral("floating"), floats},
                       {QStringLiteral("walls"), wallList}};
}

std::optional<Workspace> Workspace::fromJson(const QJsonObject& json, QString* error)
{
    auto fail = [error](const QString& why) -> std::optional<Workspace> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (json.value(QStringLiteral("format")).toInt() != 1)
        return fail(Tr::tr("not a workspace this version of Hexhub knows (format %1)")
                        .arg(json.value(QStringLiteral("format")).toVariant().toString()));
    Workspace w;
    w.name = json.value(QStringLiteral("name")).toString();
    if (w.name.trimmed().isEmpty())
        return fail(Tr::tr("the workspace has no name"));
    w.module = json.value(QStringLiteral("module")).toString();
    w.main = WindowPlace::fromJson(json.value(QStringLiteral("main")).toObject());
    w.dockState = QByteArray::fromBase64(json.value(QStringLiteral("dockState")).toString().toLatin1());
    w.docked = stringsFrom(json.value(QStringLiteral("docked")));
    for (const QJsonValue& v : json.value(QStringLiteral("floating")).toArray()) {
        const QJsonObject o = v.toObject();
        const QString panel = o.value(QStringLiteral("panel")).toString();
        if (!panel.isEmpty())
            w.floating << FloatingPanel{panel, WindowPlace::fromJson(o.value(QStringLiteral("place")).toObject())};
    }
    for (const QJsonValue& v : json.value(QStringLiteral("walls")).toArray()) {
        const QJsonObject o = v.toObject();
        WallPlace wall{o.value(QStringLiteral("screen")).toString(), rectFromJson(o.value(QStringLiteral("screenGeometry"))),
                       stringsFrom(o.value(QStringLiteral("panels")))};
        if (!wall.screen.isEmpty() && !wall.panels.isEmpty())
            w.walls << wall;
    }
    const QJsonObject states = json.value(QStringLiteral("viewStates")).toObject();
    for (auto it = states.begin(); it != states.end(); ++it) {
        if (it.value().isObject())
            w.viewStates.insert(it.key(), it.value().toObject());
    }
    return w;
}

QString Workspace::defaultForRoles(const QStringList& roles)
{
    if (roles.contains(QStringLiteral("hub_supervisor")))
        return supervisorDefault();
    if (roles.contains(QStringLiteral("trainer")))
        return trainerDefault();
    return operatorDefault();
}

QString Workspace::displayName(const QString& name)
{
    if (name == operatorDefault())
        return Tr::tr("Desk operator");
    if (name == supervisorDefault())
        return Tr::tr("Hub supervisor (three screens)");
    if (name == trainerDefault())
        return Tr::tr("Trainer");
    return name;
}

Workspace Workspace::builtIn(const QString& name, const QList<ScreenPlace>& screens, const QStringList& moduleWallViews)
{
    Workspace w;
    w.name = name;
    const ScreenPlace primary = screens.value(0);
    w.main.screen = primary.name;
    w.main.screenGeometry = primary.geometry;
    const QRect area = primary.available.isValid() ? primary.available : primary.geometry;
    w.main.rect = QRect(area.topLeft(), area.size().boundedTo(QSize(1600, 1000)));
    w.main.maximized = true;
    w.docked = {QStringLiteral("shell.notifications"), QStringLiteral("shell.deadlines")};
    const QStringList overview{QStringLiteral("shell.clock"), QStringLiteral("shell.deadlines"), QStringLiteral("shell.notifications")};
    auto wallOn = [&](int index, const QStringList& panels) {
        if (index < screens.size())
            w.walls << WallPlace{screens[index].name, screens[index].geometry, panels};
    };
    if (name == supervisorDefault()) {
        w.module = QStringLiteral("hub");
        wallOn(1, overview);
        wallOn(2, moduleWallViews.isEmpty() ? QStringList{QStringLiteral("shell.deadlines"), QStringLiteral("shell.clock")}
                                            : moduleWallViews);
    } else if (name == trainerDefault()) {
        wallOn(1, overview);
    }
    return w;
}

WorkspaceStore::WorkspaceStore(QSettings& settings)
    : m_settings(settings)
{
}

QStringList WorkspaceStore::names() const
{
    QStringList names = Workspace::defaults();
    m_settings.beginGroup(QStringLiteral("workspaces/saved"));
    const QStringList keys = m_settings.childKeys();
    m_settings.endGroup();
    QStringList saved;
    for (const QString& key : keys) {
        const QString name = QString::fromUtf8(QByteArray::fromBase64(key.toLatin1(), QByteArray::Base64UrlEncoding));
        if (!name.isEmpty() && !names.contains(name))
            saved << name;
    }
    saved.sort(Qt::CaseInsensitive);
    return names + saved;
}

std::optional<Workspace> WorkspaceStore::load(const QString& name, QString* error) const
{
    const QString text = m_settings.value(keyFor(name)).toString();
    if (text.isEmpty())
        return std::nullopt;
    QJsonParseError parse;
    const QJsonDocument doc = QJsonDocument::fromJson(text.toUtf8(), &parse);
    if (!doc.isObject()) {
        if (error)
            *error = parse.errorString();
        return std::nullopt;
    }
    return Workspace::fromJson(doc.object(), error);
}

void WorkspaceStore::save(const Workspace& workspace)
{
    m_settings.setValue(keyFor(workspace.name), QString::fromUtf8(QJsonDocument(workspace.toJson()).toJson(QJsonDocument::Compact)));
}

void WorkspaceStore::remove(const QString& name)
{
    m_settings.remove(keyFor(name));
}

QString WorkspaceStore::lastUsedBy(const QString& user) const
{
    return m_settings.value(QStringLiteral("workspaces/lastUsed/") + keyFor(user).section(QLatin1Char('/'), -1)).toString();
}

void WorkspaceStore::setLastUsedBy(const QString& user, const QString& name)
{
    m_settings.setValue(QStringLiteral("workspaces/lastUsed/") + keyFor(user).section(QLatin1Char('/'), -1), name);
}

} // namespace hexhub::shell
