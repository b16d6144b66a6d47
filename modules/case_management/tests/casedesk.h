#pragma once
// A case desk for the centre's domain tests (test_cases.cpp, test_custody.cpp): a throw-away Hexhub
// with the modules, four people and their roles, the case and custody services, and what the tests
// read back (counts, the hub's deadline queue).
#include "base/clock.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "security/accesscontrol.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"
#include "testsupport.h"

#include <QJsonDocument>
#include <catch2/catch.hpp>

namespace hexhub::test::casedesk {

using namespace hexhub::cases;

inline const QString kPassword = QStringLiteral("Desk-Passw0rd-42");
constexpr qint64 kHour = 3600'000;
constexpr qint64 kDay = 24 * kHour;

struct Desk
{
    TestPlatform tp{TestPlatform::Config::withModules({QStringLiteral(HEXHUB_MODULE_DIR)})};
    std::unique_ptr<CaseService> cases;
    std::unique_ptr<CustodyService> custody;

    Desk()
    {
        tp.start();
        // Carol and Colin keep cases; Hugo, the duty commander at the hub, approves; Dora holds both roles.
        const QList<std::pair<const char*, QStringList>> users{
            {"carol", {QStringLiteral("case_management_operator")}},
            {"colin", {QStringLiteral("case_management_operator")}},
            {"hugo", {QStringLiteral("hub_supervisor")}},
            {"dora", {QStringLiteral("case_management_operator"), QStringLiteral("hub_supervisor")}},
            {"ada", {QStringLiteral("administrator")}}};
        for (const auto& [name, roles] : users)
            await(tp->access().createUserBySystem(NewUser{QString::fromLatin1(name), QString::fromLatin1(name), kPassword, roles}));
        cases = std::make_unique<CaseService>(tp->store(), tp->session(), tp->audit());
        custody = std::make_unique<CustodyService>(tp->store(), tp->session(), tp->audit());
        as(QStringLiteral("carol"));
    }
    void as(const QString& name)
    {
        const SignInResult result = await(tp->access().signIn(name, kPassword));
        REQUIRE(result.principal.isValid());
        tp->session().setPrincipal(result.principal);
    }
    qint64 count(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toLongLong(); }));
    }
    QString text(const QString& sql, const QVariantList& params = {})
    {
        return await(tp->store().read([sql, params](Sql& s) { return s.scalar(sql, params).toString(); }));
    }
    qint64 now() { return tp->clock().nowMs(); }
    void advance(qint64 ms) { static_cast<SimulatedClock&>(tp->clock()).advance(ms); }
    //! The due time the hub's deadline queue was last given for `key` (0: none, or cleared after).
    qint64 queued(const QString& key)
    {
        return await(tp->store().read([key](Sql& s) {
            QSqlQuery q = s.exec(QStringLiteral("SELECT topic, payload FROM events WHERE topic IN ('deadline.set', 'deadline.cleared') "
                                                "AND payload LIKE ? ORDER BY seq"),
                                 {QStringLiteral("%\"") + key + QStringLiteral("\"%")});
            qint64 due = 0;
            while (q.next()) {
                const QJsonObject p = QJsonDocument::fromJson(q.value(1).toString().toUtf8()).object();
                if (p.value(QStringLiteral("key")).toString() != key)
                    continue;
                due = q.value(0).toString() == QLatin1String("deadline.set")
                          ? QDateTime::fromString(p.value(QStringLiteral("due")).toString(), Qt::ISODateWithMs).toMSecsSinceEpoch()
                          : 0;
            }
            return due;
        }));
    }
    const CaseLimit& ofRule(const QList<CaseLimit>& limits, const QString& rule)
    {
        for (const CaseLimit& l : limits)
            if (l.rule == rule)
                return l;
        FAIL("no limit " << rule.toStdString());
        return limits.first();
    }
};

inline QString key(const CaseLimit& l)
{
    return QStringLiteral("case_management.limit.%1").arg(l.id);
}

} // namespace hexhub::test::casedesk
