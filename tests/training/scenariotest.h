#pragma once
// What the scenario tests share: durations in milliseconds, the tower the bundled scenarios are set
// at, and a bundled scenario by its id, loaded and valid.

#include "testsupport.h"

#include "scenario.h"

#include <catch2/catch.hpp>

#include <QList>
#include <QString>


namespace hexhub::test::scenariotest {

using namespace hexhub;
using namespace hexhub::test;


inline constexpr qint64 kSecond = 1000;
inline constexpr qint64 kMinute = 60 * kSecond;
inline constexpr qint64 kHour = 60 * kMinute;

inline const GeoPoint kTower{31.2304, 121.4737};

inline QString bundledPath(const QString& id)
{
    return QStringLiteral(":/hexhub/scenarios/%1.json").arg(id);
}

inline Scenario loadBundled(const QString& id)
{
    QList<ScenarioProblem> problems;
    const auto scenario = Scenario::fromFile(bundledPath(id), &problems);
    for (const ScenarioProblem& p : problems)
        UNSCOPED_INFO(p.toString().toStdString());
    REQUIRE(scenario.has_value());
    return *scenario;
}

} // namespace hexhub::test::scenariotest
