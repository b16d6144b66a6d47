#include "shared/geo.h"

#include "base/coretr.h"

#include <QCoreApplication>

#include <cmath>
#include <numbers>

namespace hexhub {

namespace {

constexpr double kEarthRadius = 6371008.8;      // mean radius, metres (IUGG)
constexpr double kMercatorRadius = 6378137.0;   // EPSG:3857 sphere
constexpr double kMercatorMaxLatitude = 85.05112877980659;

double radians(double degrees)
{
    return degrees * std::numbers::pi / 180.0;
}

double degrees(double radians)
{
    return radians * 180.0 / std::numbers::pi;
}

} // namespace

bool GeoPoint::isValid() const
{
    return std::isfinite(latitude) && std::isfinite(longitude) && latitude >= -90 && latitude <= 90 && longitude >= -180
           && longitude <= 180;
}

double GeoPoint::distanceTo(const GeoPoint& other) const
{
    const double phi1 = radians(latitude);
    const double phi2 = radians(other.latitude);
    const double dPhi = phi2 - phi1;
    const double dLambda = radians(other.longitude - longitude);
    const double a = std::sin(dPhi / 2) * std::sin(dPhi / 2) + std::cos(phi1) * std::cos(phi2) * std::sin(dLambda / 2) * std::sin(dLambda / 2);
    return 2 * kEarthRadius * std::asin(std::min(1.0, std::sqrt(a)));
}

double GeoPoint::bearingTo(const GeoPoint& other) const
{
    const double phi1 = radians(latitude);
    const double phi2 = radians(other.latitude);
    const double dLambda = radians(other.longitude - longitude);
    const double y = std::sin(dLambda) * std::cos(phi2);
    const double x = std::cos(phi1) * std::sin(phi2) - std::sin(phi1) * std::cos(phi2) * std::cos(dLambda);
    return std::fmod(degrees(std::atan2(y, x)) + 360.0, 360.0);
}

QPointF GeoPoint::toWebMercator() const
{
    const double lat = std::clamp(latitude, -kMercatorMaxLatitude, kMercatorMaxLatitude);
    return QPointF(kMercatorRadius * radians(longitude),
                   kMercatorRadius * std::log(std::tan(std::numbers::pi / 4 + radians(lat) / 2)));
}

GeoPoint GeoPoint::fromWebMercator(const QPointF& metres)
{
    return GeoPoint{degrees(2 * std::atan(std::exp(metres.y() / kMercatorRadius)) - std::numbers::pi / 2),
                    degrees(metres.x() / kMercatorRadius)};
}

QJsonObject GeoPoint::toJson() const
{
    return QJsonObject{{QStringLiteral("lat"), latitude}, {QStringLiteral("lon"), longitude}};
}

std::optional<GeoPoint> GeoPoint::fromJson(const QJsonObject& json, QString* error)
{
    const QJsonValue lat = json.value(QStringLiteral("lat"));
    const QJsonValue lon = json.value(QStringLiteral("lon"));
    if (!lat.isDouble() || !lon.isDouble()) {
        if (error)
            *error = Tr::tr("a position needs numbers \"lat\" and \"lon\"");
        return std::nullopt;
    }
    const GeoPoint p{lat.toDouble(), lon.toDouble()};
    if (!p.isValid()) {
        if (error)
            *error = Tr::tr("position %1, %2 is off the globe (latitude -90 to 90, longitude -180 to 180)")
                         .arg(p.latitude)
                         .arg(p.longitude);
        return std::nullopt;
    }
    return p;
}

QJsonObject Location::toJson() const
{
    QJsonObject json{{QStringLiteral("address"), address}};
    if (point)
        json.insert(QStringLiteral("point"), point->toJson());
    return json;
}

std::optional<Location> Location::fromJson(const QJsonObject& json, QString* error)
{
    Location location;
    const QJsonValue address = json.value(QStringLiteral("address"));
    if (!address.isUndefined() && !address.isString()) {
        if (error)
            *error = Tr::tr("an address must be text");
        return std::nullopt;
    }
    location.address = address.toString();
    if (json.contains(QStringLiteral("point"))) {
        const auto point = GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject(), error);
        if (!point)
            return std::nullopt;
        location.point = point;
    }
    return location;
}

} // namespace hexhub
