#include "module/demodata.h"

#include "base/coretr.h"

#include "security/audit.h"
#include "base/clock.h"
#include "base/error.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCryptographicHash>
#include <QDir>
#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>
#include <QSqlField>
#include <QSqlIndex>
#include <QSqlRecord>
#include <QtEndian>

#include <algorithm>
#include <cmath>

namespace hexhub {

// ---------------------------------------------------------------------------------------------
// Options and report

QDateTime DemoOptions::defaultEnd()
{
    return QDateTime(QDate(2026, 6, 1), QTime(8, 0), Qt::UTC);
}

qint64 DemoReport::totalRows() const
{
    qint64 total = 0;
    for (qint64 n : rows)
        total += n;
    return total;
}

// ---------------------------------------------------------------------------------------------
// The district

namespace {

GeoPoint pointOf(const QJsonValue& coordinate)
{
    const QJsonArray pair = coordinate.toArray(); // GeoJSON: [longitude, latitude]
    return GeoPoint{pair.at(1).toDouble(), pair.at(0).toDouble()};
}

bool insideRing(const GeoPoint& p, const QList<GeoPoint>& ring)
{
    bool inside = false;
    for (qsizetype i = 0, j = ring.size() - 1; i < ring.size(); j = i++) {
        const GeoPoint& a = ring[i];
        const GeoPoint& b = ring[j];
        if ((a.latitude > p.latitude) != (b.latitude > p.latitude)
            && p.longitude < (b.longitude - a.longitude) * (p.latitude - a.latitude) / (b.latitude - a.latitude) + a.longitude)
            inside = !inside;
    }
    return inside;
}

} // namespace

std::optional<DemoDistrict> DemoDistrict::fromGeoJson(const QByteArray& json, QString* error)
{
    QJsonParseError parseError;
    const QJsonDocument doc = QJsonDocument::fromJson(json, &parseError);
    if (doc.isNull()) {
        if (error)
            *error = parseError.errorString();
        return std::nullopt;
    }
    DemoDistrict district;
    QList<std::pair<QString, GeoPoint>> policeStations;
    for (const QJsonValue& value : doc.object().value(QStringLiteral("features")).toArray()) {
        const QJsonObject feature = value.toObject();
        const QJsonObject properties = feature.value(QStringLiteral("properties")).toObject();
        const QJsonObject geometry = feature.value(QStringLiteral("geometry")).toObject();
        const QString kind = properties.value(QStringLiteral("kind")).toString();
        const QString name = properties.value(QStringLiteral("name")).toString();
        const QJsonArray coordinates = geometry.value(QStringLiteral("coordinates")).toArray();
        if (kind == QLatin1String("street") && geometry.value(QStringLiteral("type")).toString() == QLatin1String("LineString")) {
            Street street{name, properties.value(QStringLiteral("major")).toBool(), {}, 0};
            for (const QJsonValue& c : coordinates)
                street.points << pointOf(c);
            for (qsizetype i = 1; i < street.points.size(); ++i)
                street.lengthM += street.points[i - 1].distanceTo(street.points[i]);
            if (street.points.size() >= 2 && street.lengthM > 0)
                district.streets << street;
        } else if (kind == QLatin1String("station_area") && !coordinates.isEmpty()) {
            Station station;
            station.name = name;
            station.name.remove(QStringLiteral(" Station area"));
            for (const QJsonValue& c : coordinates.first().toArray())
                station.area << pointOf(c);
            district.stations << station;
        } else if (kind == QLatin1String("landmark")) {
            const GeoPoint at = pointOf(coordinates);
            if (name.endsWith(QLatin1String(" Police Station")))
                policeStations << std::pair{name.chopped(int(qstrlen(" Police Station"))), at};
            else
                district.landmarks << Landmark{name, at};
        }
    }
    for (Station& station : district.stations) {
        // The station's building: its police station landmark, else the middle of its area.
        double lat = 0, lon = 0;
        for (const GeoPoint& p : station.area) {
            lat += p.latitude;
            lon += p.longitude;
        }
        station.position = station.area.isEmpty() ? GeoPoint{} : GeoPoint{lat / station.area.size(), lon / station.area.size()};
        for (const auto& [name, at] : policeStations) {
            if (name == station.name)
                station.position = at;
        }
    }
    if (district.streets.isEmpty() || district.stations.isEmpty()) {
        if (error)
            *error = Tr::tr("The district map has no streets or no station areas.");
        return std::nullopt;
    }
    return district;
}

DemoDistrict DemoDistrict::load()
{
    QFile file(QStringLiteral(":/hexhub/district/district.geojson"));
    if (!file.open(QIODevice::ReadOnly))
        throw Error(Tr::tr("Cannot read the district map %1: %2").arg(file.fileName(), file.errorString()));
    QString error;
    std::optional<DemoDistrict> district = fromGeoJson(file.readAll(), &error);
    if (!district)
        throw Error(Tr::tr("Cannot read the district map %1: %2").arg(file.fileName(), error));
    return *district;
}

GeoPoint DemoDistrict::alongStreet(int index, double fraction) const
{
    const Street& street = streets.at(index);
    double remaining = std::clamp(fraction, 0.0, 1.0) * street.lengthM;
    for (qsizetype i = 1; i < street.points.size(); ++i) {
        const GeoPoint& a = street.points[i - 1];
        const GeoPoint& b = street.points[i];
        const double segment = a.distanceTo(b);
        if (remaining <= segment || i == street.points.size() - 1) {
            const double t = segment > 0 ? std::min(1.0, remaining / segment) : 0;
            return GeoPoint{a.latitude + (b.latitude - a.latitude) * t, a.longitude + (b.longitude - a.longitude) * t};
        }
        remaining -= segment;
    }
    return street.points.last();
}

int DemoDistrict::stationFor(const GeoPoint& point) const
{
    int nearest = 0;
    double best = std::numeric_limits<double>::max();
    for (int i = 0; i < stations.size(); ++i) {
        if (insideRing(point, stations[i].area))
            return i;
        const double d = point.distanceTo(stations[i].position);
        if (d < best) {
            best = d;
            nearest = i;
        }
    }
    return nearest;
}

int DemoDistrict::randomStreet(QRandomGenerator64& random) const
{
    double total = 0;
    for (const Street& s : streets)
        total += s.lengthM * (s.major ? 2 : 1);
    double pick = random.generateDouble() * total;
    for (int i = 0; i < streets.size(); ++i) {
        pick -= streets[i].lengthM * (streets[i].major ? 2 : 1);
        if (pick < 0)
            return i;
    }
    return int(streets.size()) - 1;
}

// ---------------------------------------------------------------------------------------------
// Synthetic identities

namespace {

// Invented syllables: no combination is a common name in any language we know of, and the visible
// "DEMO" marker comes first anyway.
constexpr const char* kSyllables[] = {"zor", "vek", "quil", "mab", "tesh", "urn", "pim", "dax",
                                      "yol", "fen", "rik", "sov", "nub", "gli", "wex", "ota"};
constexpr int kSyllableCount = int(std::size(kSyllables));

QString syllables(QRandomGenerator64& random, int count)
{
    QString word;
    for (int i = 0; i < count; ++i)
        word += QLatin1String(kSyllables[random.bounded(kSyllableCount)]);
    word[0] = word[0].toUpper();
    return word;
}

QString syllableAlternation()
{
    QStringList all;
    for (const char* s : kSyllables)
        all << QString::fromLatin1(s);
    return all.join(QLatin1Char('|'));
}

} // namespace

QString SyntheticIdentity::personName(QRandomGenerator64& random)
{
    const QString family = syllables(random, 2);
    const QString given = syllables(random, 2 + random.bounded(2));
    return QStringLiteral("DEMO %1 %2").arg(family, given);
}

QString SyntheticIdentity::phoneNumber(QRandomGenerator64& random)
{
    return QStringLiteral("100-5550-%1").arg(random.bounded(10000), 4, 10, QLatin1Char('0'));
}

QChar SyntheticIdentity::idCheckCharacter(QStringView first17)
{
    static constexpr int kWeights[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
    static constexpr char kCheck[] = "10X98765432";
    int sum = 0;
    for (int i = 0; i < 17 && i < first17.size(); ++i)
        sum += (first17[i].unicode() - '0') * kWeights[i];
    return QLatin1Char(kCheck[sum % 11]);
}

QString SyntheticIdentity::idNumber(QRandomGenerator64& random)
{
    const QDate born = QDate(1950, 1, 1).addDays(random.bounded(qint64(QDate(1950, 1, 1).daysTo(QDate(2006, 12, 31)))));
    const QString first17 = QStringLiteral("990000%1%2")
                                .arg(born.toString(QStringLiteral("yyyyMMdd")))
                                .arg(random.bounded(1000), 3, 10, QLatin1Char('0'));
    return first17 + idCheckCharacter(first17);
}

QString SyntheticIdentity::vehiclePlate(QRandomGenerator64& random)
{
    return QStringLiteral("DEMO-%1").arg(random.bounded(100000), 5, 10, QLatin1Char('0'));
}

QString SyntheticIdentity::account(QRandomGenerator64& random)
{
    return QStringLiteral("DEMO-ACCT-%1").arg(random.bounded(100000000), 8, 10, QLatin1Char('0'));
}

QRegularExpression SyntheticIdentity::namePattern()
{
    const QString s = syllableAlternation();
    return QRegularExpression(QStringLiteral("^DEMO (?i:(?:%1){2}) (?i:(?:%1){2,3})$").arg(s));
}

QRegularExpression SyntheticIdentity::phonePattern()
{
    return QRegularExpression(QStringLiteral("^100-5550-[0-9]{4}$"));
}

QRegularExpression SyntheticIdentity::idNumberPattern()
{
    return QRegularExpression(QStringLiteral("^990000(19[5-9][0-9]|200[0-6])(0[1-9]|1[0-2])(0[1-9]|[12][0-9]|3[01])[0-9]{3}[0-9X]$"));
}

bool SyntheticIdentity::isSyntheticIdNumber(const QString& id)
{
    if (!idNumberPattern().match(id).hasMatch())
        return false;
    if (!QDate::fromString(id.mid(6, 8), QStringLiteral("yyyyMMdd")).isValid())
        return false;
    return idCheckCharacter(QStringView(id).left(17)) == id.at(17);
}

// ---------------------------------------------------------------------------------------------
// The context handed to the hooks

DemoContext::DemoContext(WriteTransaction& txn, const DemoOptions& options, const DemoDistrict& district, QString moduleId)
    : m_txn(txn)
    , m_options(options)
    , m_district(district)
    , m_moduleId(std::move(moduleId))
    , m_endMs(options.end.toMSecsSinceEpoch())
{
}

QString DemoContext::userOf(const QString& role)
{
    // "demo.case_management" for case_management_operator: user names have at most 32 characters.
    QString name = role;
    if (name.endsWith(QLatin1String("_operator")))
        name.chop(int(qstrlen("_operator")));
    return QStringLiteral("demo.") + name;
}

bool DemoContext::onPostgres() const
{
    return m_txn.dialect().name() == QLatin1String("postgresql");
}

QRandomGenerator64 DemoContext::random(const QString& stream) const
{
    QCryptographicHash hash(QCryptographicHash::Sha256);
    uchar seed[8];
    qToLittleEndian(m_options.seed, seed);
    hash.addData(QByteArrayView(reinterpret_cast<const char*>(seed), 8));
    hash.addData(m_moduleId.toUtf8());
    hash.addData(QByteArrayView("/", 1));
    hash.addData(stream.toUtf8());
    const QByteArray digest = hash.result();
    quint32 words[8];
    for (int i = 0; i < 8; ++i)
        words[i] = qFromLittleEndian<quint32>(digest.constData() + 4 * i);
    return QRandomGenerator64(words, 8);
}

qint64 DemoContext::historyDays() const
{
    return std::clamp<qint64>((m_options.incidents + 199) / 200, 7, 1095);
}

qint64 DemoContext::randomTime(QRandomGenerator64& random, qint64 withinMs) const
{
    const qint64 span = withinMs > 0 ? std::min(withinMs, m_endMs - startMs()) : m_endMs - startMs();
    return m_endMs - 1 - random.bounded(span);
}

qint64 DemoContext::scaled(double perIncident, qint64 minimum) const
{
    return std::max<qint64>(minimum, qint64(std::llround(double(m_options.incidents) * perIncident)));
}

void DemoContext::insert(const QString& sql, const QVariantList& params)
{
    m_txn.execCached(sql, params);
    wrote(1);
}

qint64 DemoContext::insertReturningId(const QString& sql, const QVariantList& params)
{
    qint64 id = 0;
    if (m_txn.dialect().insertReturning()) {
        QSqlQuery& query = m_txn.execCached(sql + QStringLiteral(" RETURNING id"), params);
        if (query.next())
            id = query.value(0).toLongLong();
        query.finish();
    } else {
        id = m_txn.execCached(sql, params).lastInsertId().toLongLong();
    }
    wrote(1);
    return id;
}

void DemoContext::wrote(qint64 rows)
{
    m_pending += rows;
    if (m_pending >= kBatchRows)
        commit();
}

void DemoContext::commit()
{
    // The store opened this job's transaction; a demo generation owns the writer for its whole run,
    // so it ends that transaction and begins the next one itself, the same way the store does.
    if (m_beforeCommit)
        m_beforeCommit();
    m_txn.releaseStatements();
    m_txn.exec(QStringLiteral("COMMIT"));
    m_txn.exec(m_txn.dialect().beginWrite());
    m_pending = 0;
    if (m_afterBegin)
        m_afterBegin();
}

void DemoContext::setBatchBoundary(std::function<void()> beforeCommit, std::function<void()> afterBegin)
{
    m_beforeCommit = std::move(beforeCommit);
    m_afterBegin = std::move(afterBegin);
}

} // namespace hexhub
