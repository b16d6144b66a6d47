#pragma once

#include "base/hexhubcore_export.h"
#include "shared/geo.h"

#include <QHash>
#include <QList>
#include <QString>

#include <optional>
#include <vector>

namespace hexhub {

//! A place the address index found for what was typed.
struct HEXHUB_CORE_EXPORT PlaceMatch
{
    enum class Kind {
        Coordinates, //!< "31.2304, 121.4737" as typed
        Address,     //!< a house number on a street (from the map's address points, else along the street)
        Crossing,    //!< where two streets meet
        Landmark,    //!< a named place of the map
        Known,       //!< the address of an earlier incident, where it was placed
        Street,      //!< a street as a whole (its middle)
    };
    Kind kind = Kind::Street;
    QString text;  //!< as it goes into the incident's address
    GeoPoint point;
    bool estimated = false; //!< a house number placed by its distance along the street, not a mapped point
};

/*!
 * The places of a district, for resolving what a call-taker types as a person says it: a landmark
 * ("Harbour Tower"), a street and number ("141 Orchard Road", "Orchard Rd 141"), a crossing
 * ("Elm Road / Canal Road", "&", "@" or "and" between), coordinates, or the address of an earlier
 * incident. Built from any district's GeoJSON:
 *  - LineString / MultiLineString features with a `name` are streets (rivers and other `kind`s that
 *    are not streets or roads are left out);
 *  - Point features with `addr:housenumber` and `addr:street` (the OpenStreetMap keys) or
 *    `housenumber` and `street` are address points;
 *  - other Point features with a `name` are landmarks.
 * A street without address points has its house numbers along it: numbers 2k+1 and 2k+2 lie
 * 20 k metres from its first point (odd on one side, even on the other), as the demo's records are
 * numbered.
 *
 * Case and spacing do not matter, and Rd, St, Ave, Ln read as Road, Street, Avenue, Lane. Matches
 * are by prefix of the whole name or of any word of a street's or landmark's name; a lookup is a
 * binary search in sorted keys, so it stays in microseconds for a city's worth of addresses.
 * Immutable after finish(); safe to read from any thread.
 */
class HEXHUB_CORE_EXPORT AddressIndex
{
public:
    struct Street
    {
        QString name;
        QList<GeoPoint> points;
        double lengthM = 0;
    };

    //! Nothing, with `error` set, when the text is not GeoJSON or has no street and no landmark.
    static std::optional<AddressIndex> fromGeoJson(const QByteArray& json, QString* error = nullptr);

    //! The place of an earlier incident, found again by its address. The first one given for an
    //! address wins. Before finish().
    void addKnownPlace(const QString& address, const GeoPoint& point);
    //! Sorts what was added; resolve() is ready after it.
    void finish();

    //! At most `limit` places for `typed`, the likeliest first; empty when none fits.
    QList<PlaceMatch> resolve(const QString& typed, int limit = 8) const;

    const QList<Street>& streets() const { return m_streets; }
    //! Landmarks, address points and known places.
    qsizetype placeCount() const { return m_places.size(); }

    //! Metres from a street's first point of house number `number` (1, 2 -> 0; 3, 4 -> 20; ...).
    static double metresAlong(int number);
    //! The house number `metres` along a street (odd side).
    static int numberAt(double metres);
    //! The point `metres` along `street`.
    GeoPoint alongStreet(int street, double metres) const;
    //! Lower case, punctuation to spaces, single spaces, common abbreviations written out.
    static QString normalised(const QString& text);

private:
    struct Place
    {
        PlaceMatch::Kind kind;
        QString text;
        GeoPoint point;
    };
    struct Key
    {
        QString text;
        int place;     //!< index into m_places, or -1 - name index for a street
        bool wordStart; //!< a later word of the name, not its beginning
    };
    QList<PlaceMatch> crossings(const QString& a, const QString& b, int limit) const;
    QList<PlaceMatch> numbered(int number, const QString& suffix, const QString& street, int limit) const;
    //! Street names (as indices into m_names) whose name or a word of it starts with `prefix`,
    //! whole-name matches first.
    QList<int> streetsStarting(const QString& prefix, int limit) const;
    void addKeys(const QString& name, int place, bool words);
    void computeCrossings();

    QList<Street> m_streets;               //!< pieces, as the file gives them
    QList<int> m_nameOf;                   //!< piece -> its street name (index into m_names)
    QStringList m_names;                   //!< street names as shown, one per normalised name
    QList<QList<int>> m_piecesOf;          //!< name -> its pieces, in file order
    QList<QList<QPair<int, GeoPoint>>> m_crossingsOf; //!< name -> (other name, where they meet)
    QList<Place> m_places;
    QHash<QString, int> m_placeByKey;           //!< normalised text -> place (first wins)
    QHash<QString, GeoPoint> m_addressPoints;   //!< "number|normalised street" -> mapped point
    std::vector<Key> m_keys;                    //!< sorted by text after finish()
};

} // namespace hexhub
