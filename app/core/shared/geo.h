#pragma once

#include "base/hexhubcore_export.h"

#include <QJsonObject>
#include <QPointF>
#include <QString>

#include <optional>

namespace hexhub {

/*!
 * A place on Earth in WGS 84 degrees: latitude -90..90, longitude -180..180. Incidents, units and
 * cameras carry one; distances between them rank units for dispatch and cameras for an incident.
 */
struct HEXHUB_CORE_EXPORT GeoPoint
{
    double latitude = 0;
    double longitude = 0;

    bool isValid() const;
    //! Great-circle distance in metres (haversine on a sphere of the Earth's mean radius).
    double distanceTo(const GeoPoint& other) const;
    //! Initial bearing towards `other` in degrees clockwise from north, 0..360.
    double bearingTo(const GeoPoint& other) const;
    //! Web Mercator (EPSG:3857) metres: x east, y north. Latitudes beyond +-85.05 are clamped.
    QPointF toWebMercator() const;
    static GeoPoint fromWebMercator(const QPointF& metres);

    QJsonObject toJson() const;
    //! Nullopt with `error` set when `json` has no numeric "lat"/"lon" or they are out of range.
    static std::optional<GeoPoint> fromJson(const QJsonObject& json, QString* error = nullptr);

    bool operator==(const GeoPoint&) const = default;
};

//! Where something is: the address people use, and the coordinates when known.
struct HEXHUB_CORE_EXPORT Location
{
    QString address;
    std::optional<GeoPoint> point;

    bool isEmpty() const { return address.trimmed().isEmpty() && !point; }
    QJsonObject toJson() const;
    static std::optional<Location> fromJson(const QJsonObject& json, QString* error = nullptr);

    bool operator==(const Location&) const = default;
};

} // namespace hexhub
