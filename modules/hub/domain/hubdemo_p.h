#pragma once
// What the hub's demo files share: time spans, the supervisor, units and categories, two random helpers.

#include "module/demodata.h"
#include "shared/geo.h"

#include <QRandomGenerator64>
#include <QString>
#include <QStringList>

#include <array>
#include <cmath>
#include <initializer_list>
#include <vector>

namespace hexhub::hub {

namespace detail {

constexpr qint64 kMinute = 60 * 1000;
constexpr qint64 kHour = 60 * kMinute;
constexpr qint64 kDay = 24 * kHour;
extern const QString kSupervisor;

struct CategoryMix
{
    const char* id;
    int weight;
    std::array<int, 3> priority; // percent P1, P2, P3; the rest P4
    int centreShare;             // percent handled by `centre`
    const char* centre;
    std::array<const char*, 4> what; // "%1" is the place
};

struct Category
{
    QString id;
    const CategoryMix* mix = nullptr;
    QStringList kinds; // one unit kind per unit its run card asks for (at most four)
};

struct UnitRow
{
    QString callSign;
    QString kind;
    int station = 0;
};

inline GeoPoint jitter(const GeoPoint& p, double metres, QRandomGenerator64& random)
{
    const double dLat = (random.generateDouble() * 2 - 1) * metres / 111320.0;
    const double dLon = (random.generateDouble() * 2 - 1) * metres / (111320.0 * std::cos(p.latitude * M_PI / 180));
    return GeoPoint{p.latitude + dLat, p.longitude + dLon};
}

inline int pick(QRandomGenerator64& random, std::initializer_list<int> weights)
{
    int total = 0;
    for (int w : weights)
        total += w;
    int r = random.bounded(total);
    int i = 0;
    for (int w : weights) {
        if (r < w)
            return i;
        r -= w;
        ++i;
    }
    return i - 1;
}

std::vector<Category> loadCategories(WriteTransaction& txn);
void writeIncidents(DemoContext& demo, const std::vector<UnitRow>& units, const std::vector<Category>& categories,
                    std::vector<qint64>& incidentIds);

} // namespace detail

// The hub's demo files use these unqualified, as they did when it was one file.
using detail::Category;
using detail::CategoryMix;
using detail::jitter;
using detail::kDay;
using detail::kHour;
using detail::kMinute;
using detail::kSupervisor;
using detail::loadCategories;
using detail::pick;
using detail::UnitRow;
using detail::writeIncidents;

} // namespace hexhub::hub
