#pragma once

#include "shared/geo.h"
#include "base/hexhubcore_export.h"

#include <QDateTime>
#include <QFuture>
#include <QList>
#include <QMap>
#include <QRandomGenerator64>
#include <QRegularExpression>
#include <QString>
#include <QVariantList>

#include <functional>

namespace hexhub {

class Platform;
class Store;
class WriteTransaction;

/*!
 * Demo and training data (issue 7 section 2): a deterministic synthetic history of the made-up
 * district, written by every loaded module through its demo hook (ModuleContext::setDemoData()).
 * The same options (seed, incidents, end) give the same rows, byte for byte, on the same engine:
 * demoDataHash() compares them.
 */
struct HEXHUB_CORE_EXPORT DemoOptions
{
    //! How many incidents the history holds; the other records are in proportion (DemoContext::scaled()).
    qint64 incidents = 2000;
    //! Everything random is drawn from generators seeded with this (DemoContext::random()).
    quint64 seed = 1;
    //! The history ends here (UTC); the last hours' incidents are still open. Invalid: defaultEnd().
    QDateTime end = defaultEnd();
    //! The district's local time, in seconds east of UTC: the hour-of-day and weekday of the arrival
    //! curve are the district's (China Standard Time, UTC+8, by default).
    int utcOffsetSeconds = 8 * 3600;

    //! 2026-06-01T08:00Z.
    static QDateTime defaultEnd();
};

//! What a generation wrote: how long it took and how many rows each table gained.
struct HEXHUB_CORE_EXPORT DemoReport
{
    double seconds = 0;
    qint64 incidents = 0;
    QMap<QString, qint64> rows; //!< table -> rows written
    QStringList modules;        //!< the modules whose hooks ran, in order
    QMap<QString, double> moduleSeconds; //!< module -> seconds its hook took

    qint64 totalRows() const;
};

/*!
 * The made-up district of resources/district/district.geojson (compiled in at
 * :/hexhub/district/district.geojson): its streets, its police stations (a station_area polygon
 * each, with the "<Name> Police Station" landmark as the station's building) and its landmarks.
 */
struct HEXHUB_CORE_EXPORT DemoDistrict
{
    struct Street
    {
        QString name;
        bool major = false;
        QList<GeoPoint> points;
        double lengthM = 0;
    };
    struct Station
    {
        QString name;          //!< "Central": what units carry as their home station
        GeoPoint position;     //!< the police station building
        QList<GeoPoint> area;  //!< the station's area, a closed ring
    };
    struct Landmark
    {
        QString name;
        GeoPoint position;
    };

    QList<Street> streets;
    QList<Station> stations;
    QList<Landmark> landmarks;

    //! The district compiled into hexhub-core; throws Error when it cannot be read.
    static DemoDistrict load();
    //! Nothing with `error` set when the GeoJSON lacks streets or stations.
    static std::optional<DemoDistrict> fromGeoJson(const QByteArray& json, QString* error = nullptr);

    //! The point `fraction` (0..1) of the way along street `street`.
    GeoPoint alongStreet(int street, double fraction) const;
    //! The index of the station whose area holds `point`, else the nearest one.
    int stationFor(const GeoPoint& point) const;
    //! A street index drawn by length (major streets count double).
    int randomStreet(QRandomGenerator64& random) const;
};

/*!
 * Personal data in demo records is plainly synthetic and can never be mistaken for a real person's:
 *  - Names: "DEMO " then a family and a given name put together from a fixed table of invented
 *    syllables (namePattern()), e.g. "DEMO Zorvek Quilmabu".
 *  - Phone numbers: `100-5550-NNNN`. Mainland mobile numbers start 13 to 19 and no 11-digit number
 *    starts 100, so none of these can ring anyone (phonePattern()).
 *  - Resident ID numbers: 18 characters in the national layout with the region code 990000, which
 *    is assigned to no place: `990000` + birth date `YYYYMMDD` + a 3-digit sequence + the ISO 7064
 *    MOD 11-2 check character (idNumberPattern(), isSyntheticIdNumber()).
 *  - Vehicle plates: `DEMO-` + 5 digits; bank accounts: `DEMO-ACCT-` + 8 digits.
 */
class HEXHUB_CORE_EXPORT SyntheticIdentity
{
public:
    static QString personName(QRandomGenerator64& random);
    static QString phoneNumber(QRandomGenerator64& random);
    //! Born between 1950 and 2006.
    static QString idNumber(QRandomGenerator64& random);
    static QString vehiclePlate(QRandomGenerator64& random);
    static QString account(QRandomGenerator64& random);
    //! The MOD 11-2 check character of an ID number's first 17 digits ('0'..'9' or 'X').
    static QChar idCheckCharacter(QStringView first17);

    static QRegularExpression namePattern();
    static QRegularExpression phonePattern();
    static QRegularExpression idNumberPattern();
    //! Matches idNumberPattern(), a real calendar date and the right check character.
    static bool isSyntheticIdNumber(const QString& id);
};

/*!
 * What a module's demo hook receives: the transaction to write with, the options, seeded random
 * streams, the district, and a scale for proportional counts. Hooks run on the store's writer
 * thread in dependency order (the hub first), each after the previous one's rows, so a centre may
 * read the hub's rows (units, incidents) through txn().
 *
 * Rows are written in batches: after writing, call wrote(n); every kBatchRows rows it commits the
 * transaction and begins the next one, so a million rows never sit in one transaction. Use
 * insert() / insertReturningId(): prepared once, counted for you.
 */
class HEXHUB_CORE_EXPORT DemoContext
{
public:
    static constexpr qint64 kBatchRows = 50000;

    DemoContext(WriteTransaction& txn, const DemoOptions& options, const DemoDistrict& district, QString moduleId);

    WriteTransaction& txn() const { return m_txn; }
    const DemoOptions& options() const { return m_options; }
    const DemoDistrict& district() const { return m_district; }
    QString moduleId() const { return m_moduleId; }
    //! The end of the history in Clock ms.
    qint64 endMs() const { return m_endMs; }
    //! How many days the history covers: 200 incidents a day, at least 7 and at most 1095 days.
    qint64 historyDays() const;
    //! The start of the history in Clock ms: endMs() less historyDays().
    qint64 startMs() const { return m_endMs - historyDays() * 24 * 3600 * 1000; }
    //! A time drawn evenly from the history, or from its last `withinMs` when given.
    qint64 randomTime(QRandomGenerator64& random, qint64 withinMs = 0) const;
    //! The demo user of a built-in role, who writes and decides in the demo's records (the user the
    //! demo desk signs in for that role: "demo.case_management" for case_management_operator).
    static QString userOf(const QString& role);
    bool onPostgres() const;

    /*!
     * A generator seeded from the options' seed, this module's id and `stream`: the same stream
     * draws the same numbers whatever other modules or streams drew before it.
     */
    QRandomGenerator64 random(const QString& stream) const;
    //! max(minimum, round(incidents x perIncident)): a count in proportion to the history.
    qint64 scaled(double perIncident, qint64 minimum) const;

    //! Runs an INSERT (prepared once per transaction) and counts its row.
    void insert(const QString& sql, const QVariantList& params);
    //! The same, returning the generated key `id` of the new row.
    qint64 insertReturningId(const QString& sql, const QVariantList& params);
    //! Counts rows written otherwise; commits and begins a new transaction every kBatchRows rows.
    void wrote(qint64 rows = 1);
    //! Commits what is written and begins a new transaction.
    void commit();
    /*!
     * Work at every batch boundary of a bulk load: `beforeCommit` runs just before each commit,
     * `afterBegin` once the next transaction has begun (e.g. put an index trigger back for the
     * commit and take it away again). Cleared with empty functions; a hook must clear what it set.
     */
    void setBatchBoundary(std::function<void()> beforeCommit, std::function<void()> afterBegin);

private:
    WriteTransaction& m_txn;
    const DemoOptions& m_options;
    const DemoDistrict& m_district;
    QString m_moduleId;
    qint64 m_endMs = 0;
    qint64 m_pending = 0;
    std::function<void()> m_beforeCommit;
    std::function<void()> m_afterBegin;
};

using DemoDataHook = std::function<void(DemoContext&)>;

} // namespace hexhub
