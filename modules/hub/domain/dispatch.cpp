#include "hexhub/hub/dispatch.h"

#include "base/coretr.h"
#include "base/enumtable.h"
#include "shared/roadgraph.h"

#include <QCoreApplication>
#include <QSet>

#include <algorithm>
#include <array>
#include <cmath>

namespace hexhub {

namespace {

using detail::EnumRow;

constexpr std::array<EnumRow<UnitKind>, 7> kKinds{{
    {UnitKind::PatrolCar, "patrol_car", QT_TRANSLATE_NOOP("hexhub", "patrol car")},
    {UnitKind::FootPatrol, "foot_patrol", QT_TRANSLATE_NOOP("hexhub", "foot patrol")},
    {UnitKind::Traffic, "traffic", QT_TRANSLATE_NOOP("hexhub", "traffic unit")},
    {UnitKind::SpecialResponse, "special_response", QT_TRANSLATE_NOOP("hexhub", "special response team")},
    {UnitKind::Drone, "drone", QT_TRANSLATE_NOOP("hexhub", "drone")},
    {UnitKind::FireLiaison, "fire_liaison", QT_TRANSLATE_NOOP("hexhub", "fire liaison")},
    {UnitKind::MedicalLiaison, "medical_liaison", QT_TRANSLATE_NOOP("hexhub", "medical liaison")},
}};

struct SkillRow
{
    const char* id;
    const char* name;
};

constexpr std::array<SkillRow, 8> kSkills{{
    {"negotiator", QT_TRANSLATE_NOOP("hexhub", "negotiator")},
    {"air_cushion", QT_TRANSLATE_NOOP("hexhub", "air cushion")},
    {"first_aid", QT_TRANSLATE_NOOP("hexhub", "first aid")},
    {"explosives", QT_TRANSLATE_NOOP("hexhub", "explosives")},
    {"dog_handler", QT_TRANSLATE_NOOP("hexhub", "dog handler")},
    {"interpreter", QT_TRANSLATE_NOOP("hexhub", "interpreter")},
    {"diver", QT_TRANSLATE_NOOP("hexhub", "diver")},
    {"thermal_camera", QT_TRANSLATE_NOOP("hexhub", "thermal camera")},
}};

QString describeNeed(const RunCardNeed& need)
{
    if (need.kind && !need.skill.isEmpty())
        return Tr::tr("%1 with %2").arg(unitKindName(*need.kind), skillName(need.skill));
    if (need.kind)
        return unitKindName(*need.kind);
    return Tr::tr("a unit with %1").arg(skillName(need.skill));
}

} // namespace

QString skillName(const QString& id)
{
    for (const SkillRow& row : kSkills) {
        if (id == QLatin1String(row.id))
            return Tr::tr(row.name);
    }
    return id;
}

QStringList knownSkills()
{
    QStringList ids;
    for (const SkillRow& row : kSkills)
        ids << QString::fromLatin1(row.id);
    return ids;
}

QString unitKindId(UnitKind kind)
{
    return QString::fromLatin1(detail::rowOf(kKinds, kind).id);
}

std::optional<UnitKind> unitKindFromId(const QString& id)
{
    return detail::valueOf(kKinds, id);
}

QString unitKindName(UnitKind kind)
{
    return Tr::tr(detail::rowOf(kKinds, kind).name);
}

double unitKindSpeedKmh(UnitKind kind)
{
    // Speeds through an urban district with lights and traffic, not top speeds.
    switch (kind) {
    case UnitKind::FootPatrol:
        return 5;
    case UnitKind::Traffic:
    case UnitKind::SpecialResponse:
        return 45;
    case UnitKind::Drone:
        return 60;
    case UnitKind::PatrolCar:
    case UnitKind::FireLiaison:
    case UnitKind::MedicalLiaison:
        return 40;
    }
    return 40;
}

bool RunCardNeed::fits(const UnitSnapshot& unit) const
{
    return (!kind || unit.kind == *kind) && (skill.isEmpty() || unit.skills.contains(skill));
}

QList<Recommendation> recommendUnits(const RunCard& card, const GeoPoint& incident,
                                     const QList<UnitSnapshot>& units, double detour,
                                     const RoadGraph* roads)
{
    // How a unit's distance was reckoned, for its reason.
    enum class Basis { Road, StraightLine, OffRoadMap };
    struct Candidate
    {
        qsizetype unit;
        double metres;
        double seconds;
        Basis basis;
    };
    // Every available unit with a position, once.
    QList<qsizetype> placed;
    placed.reserve(units.size());
    for (qsizetype i = 0; i < units.size(); ++i) {
        const UnitSnapshot& u = units[i];
        if (u.available && u.position && u.position->isValid())
            placed.append(i);
    }
    // The ones on the ground, measured along the streets: one search from the incident for all.
    QList<std::optional<double>> byRoad(placed.size());
    if (roads && !roads->isEmpty() && incident.isValid()) {
        QList<GeoPoint> onGround;
        QList<qsizetype> at;
        for (qsizetype k = 0; k < placed.size(); ++k) {
            if (units[placed[k]].kind != UnitKind::Drone) {
                onGround.append(*units[placed[k]].position);
                at.append(k);
            }
        }
        const QList<std::optional<double>> metres = roads->distances(incident, onGround);
        for (qsizetype j = 0; j < at.size(); ++j)
            byRoad[at[j]] = metres[j];
    }
    // Each one's distance and time to the incident.
    QList<Candidate> candidates;
    candidates.reserve(placed.size());
    for (qsizetype k = 0; k < placed.size(); ++k) {
        const UnitSnapshot& u = units[placed[k]];
        const double speed = unitKindSpeedKmh(u.kind) / 3.6;
        if (byRoad[k]) {
            candidates.append({placed[k], *byRoad[k], *byRoad[k] / speed, Basis::Road});
            continue;
        }
        const bool flies = u.kind == UnitKind::Drone;
        const double metres = u.position->distanceTo(incident);
        const Basis basis = roads && !flies ? Basis::OffRoadMap : Basis::StraightLine;
        candidates.append({placed[k], metres, metres * (flies ? 1.0 : detour) / speed, basis});
    }
    std::sort(candidates.begin(), candidates.end(), [&](const Candidate& a, const Candidate& b) {
        return a.seconds != b.seconds ? a.seconds < b.seconds : units[a.unit].callSign < units[b.unit].callSign;
    });

    QList<Recommendation> result;
    QSet<qsizetype> taken;
    for (int n = 0; n < card.needs.size(); ++n) {
        const RunCardNeed& need = card.needs[n];
        int found = 0;
        for (const Candidate& c : std::as_const(candidates)) {
            if (found == need.count)
                break;
            const UnitSnapshot& u = units[c.unit];
            if (taken.contains(c.unit) || !need.fits(u))
                continue;
            taken.insert(c.unit);
            ++found;
            const int minutes = std::max(1, int(std::lround(c.seconds / 60)));
            QString reason;
            switch (c.basis) {
            case Basis::Road:
                reason = Tr::tr("%1: nearest available %2, %3 km by road, about %n min", nullptr, minutes);
                break;
            case Basis::StraightLine:
                reason = Tr::tr("%1: nearest available %2, %3 km in a straight line, about %n min", nullptr,
                                minutes);
                break;
            case Basis::OffRoadMap:
                reason = Tr::tr(
                    "%1: nearest available %2, %3 km in a straight line (off the road map), about %n min",
                    nullptr, minutes);
                break;
            }
            result.append({n, u.callSign, c.metres, c.seconds,
                           reason.arg(describeNeed(need), unitKindName(u.kind),
                                      QString::number(c.metres / 1000, 'f', 1)),
                           c.basis == Basis::Road});
        }
        if (found < need.count) {
            const bool unplaced = std::any_of(units.begin(), units.end(), [&](const UnitSnapshot& u) {
                return u.available && (!u.position || !u.position->isValid()) && need.fits(u);
            });
            QString reason = Tr::tr("%1: %2 more wanted, no available unit fits").arg(describeNeed(need)).arg(need.count - found);
            if (unplaced)
                reason += Tr::tr(" (some fit but their position is not known)");
            result.append({n, QString(), 0, 0, reason, false});
        }
    }
    return result;
}

} // namespace hexhub
