#include "demostore.h"

#include "security/accesscontrol.h"
#include "security/audit.h"
#include "base/clock.h"
#include "base/coretr.h"
#include "demogenerator.h"
#include "hexhub/hub/demo.h"
#include "module/demodata.h"
#include "base/error.h"
#include "module/platform.h"
#include "store/sql.h"
#include "store/store.h"

#include <QSqlQuery>

namespace hexhub {

namespace {

struct Found
{
    bool marked = false;
    quint64 seed = 0;
    qint64 incidents = 0;
    qint64 historyEnd = 0;
    qint64 lastEvent = 0;
    qint64 liveUsers = 0; //!< users not made by the demo: someone set this store up
    qint64 units = 0;
    QStringList users;
};

QFuture<void> makeUsers(Platform& platform, const QStringList& existing)
{
    QList<QFuture<qint64>> made;
    for (const QString& role : AccessControl::builtinRoles()) {
        const QString name = DemoStore::userName(role);
        if (existing.contains(name))
            continue;
        made << platform.access().createUserBySystem(
            NewUser{name, name, QString::fromLatin1(DemoStore::kPassword), {role}}); // the name is data: the same in every language
    }
    if (made.isEmpty())
        return QtFuture::makeReadyFuture();
    return QtFuture::whenAll(made.begin(), made.end()).then([](const QList<QFuture<qint64>>& all) {
        for (const QFuture<qint64>& f : all)
            f.result(); // rethrows a failure
    });
}

} // namespace

QString DemoStore::userName(const QString& role)
{
    return DemoContext::userOf(role);
}

QFuture<bool> DemoStore::isDemoStore(Platform& platform)
{
    return platform.store().read([](Sql& sql) { return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM demo_store")).toInt() > 0; });
}

QFuture<DemoStoreState> DemoStore::open(Platform& platform, qint64 incidents, quint64 seed)
{
    Platform* p = &platform;
    const QString storeName = platform.options().store.toDisplayString();
    return platform.store()
        .read([](Sql& sql) {
            Found f;
            QSqlQuery mark = sql.exec(QStringLiteral("SELECT seed, incidents, history_end FROM demo_store WHERE id = 1"));
            if (mark.next()) {
                f.marked = true;
                f.seed = mark.value(0).toULongLong();
                f.historyEnd = mark.value(2).toLongLong();
            }
            f.incidents = hub::incidentCount(sql);
            f.liveUsers = sql.scalar(QStringLiteral("SELECT COUNT(*) FROM users WHERE name NOT LIKE 'demo.%'")).toLongLong();
            f.units = hub::unitCount(sql);
            f.lastEvent = sql.scalar(QStringLiteral("SELECT MAX(occurred_at) FROM events")).toLongLong();
            QSqlQuery users = sql.exec(QStringLiteral("SELECT name FROM users WHERE name LIKE 'demo.%'"));
            while (users.next())
                f.users << users.value(0).toString();
            return f;
        })
        .then(p, [p, storeName, incidents, seed](const Found& found) {
            if (!found.marked && found.incidents > 0)
                throw StoreError(Tr::tr("%1 is not a demo store: it holds %n incident(s) and no demo mark. Demo mode never "
                                        "opens live data; name a new file, or none for the standard demo store.",
                                        nullptr, int(std::min<qint64>(found.incidents, INT_MAX)))
                                     .arg(storeName)
                                 + QLatin1Char(' ')
                                 + Tr::tr("(A demo store whose first start was interrupted is left like this too: delete it and "
                                          "the files beside it, and the next start makes it again.)"));
            if (!found.marked && (found.liveUsers > 0 || found.units > 0))
                throw StoreError(Tr::tr("%1 is not a demo store: it has users or units of its own, so it is set up for live "
                                        "work. Demo mode never opens live data; name a new file, or none for the standard "
                                        "demo store.")
                                     .arg(storeName));
            QFuture<DemoStoreState> filled;
            if (found.marked) {
                DemoStoreState state;
                state.seed = found.seed;
                state.incidents = found.incidents;
                state.resumeAt = QDateTime::fromMSecsSinceEpoch(std::max(found.historyEnd, found.lastEvent), Qt::UTC);
                filled = QtFuture::makeReadyFuture(state);
            } else {
                DemoOptions options;
                options.incidents = incidents;
                options.seed = seed;
                // The same district and history on every machine for the same seed: trainers can
                // write their material against it. The clock then starts where the history ends.
                options.end = DemoOptions::defaultEnd();
                // What the generator records of itself (demo.generated) is at the demo's time too.
                if (auto* simulated = dynamic_cast<SimulatedClock*>(&p->clock()))
                    simulated->jumpTo(options.end);
                filled = generateDemo(*p, options).then([options](const DemoReport&) {
                    DemoStoreState state;
                    state.generated = true;
                    state.seed = options.seed;
                    state.incidents = options.incidents;
                    state.resumeAt = options.end;
                    return state;
                });
            }
            // The demo's clock takes up where the demo left off before anything more is recorded: the
            // demo users made now are stamped with the demo's time, not the machine's, or the next
            // start would resume from today's date (units "en route" for months).
            return filled.then(p, [p, users = found.users](const DemoStoreState& state) {
                if (auto* simulated = dynamic_cast<SimulatedClock*>(&p->clock()))
                    simulated->jumpTo(state.resumeAt);
                return makeUsers(*p, users).then([state] { return state; });
            }).unwrap();
        })
        .unwrap();
}

QFuture<Principal> DemoStore::signIn(Platform& platform, const QString& role)
{
    Platform* p = &platform;
    const QString name = userName(role);
    return platform.access().principalFor(name).then([p, name, role](const Principal& principal) {
        if (!principal.isValid())
            throw NotFoundError(Tr::tr("There is no demo user for the role %1.").arg(role));
        return p->audit()
            .record(AuditEntry{name, QStringLiteral("session.demo_login"), QStringLiteral("user:") + name,
                               QStringLiteral("demo mode: signed in by the role switcher"), QStringLiteral("success")})
            .then([principal](qint64) { return principal; });
    }).unwrap();
}

} // namespace hexhub
