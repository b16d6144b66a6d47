// hexhub-bench calltaking (issue 19 section 5): the address index the new-incident form resolves a
// typed place with, over the bundled district (with 5,000 earlier incidents' addresses) and over a
// generated city of 50,000 mapped addresses. Each keystroke of 300 places typed letter by letter
// (street addresses, landmarks, crossings) is one lookup, timed; the baseline is the query a plain
// implementation would run per keystroke on the same names in the same run: SQLite's
// `name LIKE 'prefix%'` on an indexed NOCASE column. Target: at most 5 ms per keystroke (99th
// percentile). Building the index (GeoJSON parsed, keys sorted, crossings found) is reported beside
// parsing the same GeoJSON alone; the desk builds it on a store reader, never on the GUI thread.
#include "benchmarks.h"

#include "shared/addressindex.h"

#include <QElapsedTimer>
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRandomGenerator>
#include <QSqlDatabase>
#include <QSqlQuery>
#include <QUuid>

#include <algorithm>
#include <stdexcept>

namespace hexhub::bench {

namespace {

double percentile(QList<double> values, double p)
{
    if (values.isEmpty())
        return 0;
    std::sort(values.begin(), values.end());
    return values[std::min<qsizetype>(values.size() - 1, qsizetype(p * double(values.size())))];
}

QJsonObject feature(const QJsonObject& properties, const QString& type, const QJsonArray& coordinates)
{
    return QJsonObject{{QStringLiteral("type"), QStringLiteral("Feature")},
                       {QStringLiteral("properties"), properties},
                       {QStringLiteral("geometry"), QJsonObject{{QStringLiteral("type"), type}, {QStringLiteral("coordinates"), coordinates}}}};
}

// A city of `streets` x `streets` named streets over 12 km with `addresses` mapped address points
// along them and 400 landmarks; its names, for the baseline's table, in `names`.
QByteArray generatedCity(int streets, int addresses, QStringList& names)
{
    static const char* first[] = {"Ash", "Birch", "Cedar", "Dove", "Elder", "Fern", "Glen", "Hazel", "Iris", "Juniper", "Kestrel", "Laurel",
                                  "Maple", "Nettle", "Osprey", "Poplar", "Quince", "Rowan", "Sorrel", "Thistle", "Umber", "Vale",
                                  "Walnut", "Yarrow"};
    static const char* second[] = {"brook", "field", "gate", "hill", "ford", "wood", "mere", "stone", "well", "cross", "dale", "moor"};
    QRandomGenerator random(20261206);
    QJsonArray features;
    QStringList streetNames;
    const double south = 31.10, west = 121.30, span = 0.11;
    for (int i = 0; i < 2 * streets; ++i) {
        const QString name = QStringLiteral("%1%2 %3")
                                 .arg(QLatin1String(first[i % 24]), QLatin1String(second[(i / 24) % 12]),
                                      i < streets ? QStringLiteral("Road") : QStringLiteral("Street"));
        const QString unique = i / (24 * 12) > 0 ? QStringLiteral("%1 %2").arg(name).arg(i / (24 * 12) + 1) : name;
        streetNames << unique;
        names << unique;
        const double at = (i % streets + 0.5) / streets * span;
        const QJsonArray line = i < streets ? QJsonArray{QJsonArray{west, south + at}, QJsonArray{west + span, south + at}}
                                            : QJsonArray{QJsonArray{west + at, south}, QJsonArray{west + at, south + span}};
        features.append(feature({{QStringLiteral("name"), unique}, {QStringLiteral("highway"), QStringLiteral("residential")}},
                                QStringLiteral("LineString"), line));
    }
    for (int a = 0; a < addresses; ++a) {
        const int s = random.bounded(int(streetNames.size()));
        const int number = 1 + random.bounded(600);
        const double along = random.generateDouble() * span;
        const double at = (s % streets + 0.5) / streets * span;
        const QJsonArray point = s < streets ? QJsonArray{west + along, south + at} : QJsonArray{west + at, south + along};
        features.append(feature({{QStringLiteral("addr:housenumber"), QString::number(number)}, {QStringLiteral("addr:street"), streetNames[s]}},
                                QStringLiteral("Point"), point));
        names << QStringLiteral("%1 %2").arg(number).arg(streetNames[s]);
    }
    for (int l = 0; l < 400; ++l) {
        const QString name = QStringLiteral("%1%2 %3")
                                 .arg(QLatin1String(first[random.bounded(24)]), QLatin1String(second[random.bounded(12)]),
                                      QStringList{QStringLiteral("Market"), QStringLiteral("School"), QStringLiteral("Clinic"),
                                                  QStringLiteral("Tower"), QStringLiteral("Park")}[random.bounded(5)]);
        names << name;
        features.append(feature({{QStringLiteral("name"), name}}, QStringLiteral("Point"),
                                QJsonArray{west + random.generateDouble() * span, south + random.generateDouble() * span}));
    }
    return QJsonDocument(QJsonObject{{QStringLiteral("type"), QStringLiteral("FeatureCollection")}, {QStringLiteral("features"), features}})
        .toJson(QJsonDocument::Compact);
}

// What a call-taker types, letter by letter: every prefix of each of `count` places.
QStringList keystrokes(const QStringList& places, int count, QRandomGenerator& random)
{
    QStringList typed;
    for (int i = 0; i < count; ++i) {
        const QString place = places[random.bounded(int(places.size()))];
        for (qsizetype n = 1; n <= place.size(); ++n)
            typed << place.left(n);
    }
    return typed;
}

struct Timing
{
    QList<double> index, like;
};

Timing timeKeystrokes(const AddressIndex& index, const QStringList& names, const QStringList& typed)
{
    Timing t;
    const QString connection = QStringLiteral("bench-calltaking-") + QUuid::createUuid().toString(QUuid::WithoutBraces);
    {
        QSqlDatabase db = QSqlDatabase::addDatabase(QStringLiteral("QSQLITE"), connection);
        db.setDatabaseName(QStringLiteral(":memory:"));
        if (!db.open())
            throw std::runtime_error("calltaking: no SQLite");
        QSqlQuery q(db);
        q.exec(QStringLiteral("CREATE TABLE places (name TEXT NOT NULL COLLATE NOCASE)"));
        db.transaction();
        q.prepare(QStringLiteral("INSERT INTO places (name) VALUES (?)"));
        for (const QString& n : names) {
            q.addBindValue(n);
            q.exec();
        }
        db.commit();
        q.exec(QStringLiteral("CREATE INDEX places_name ON places (name)"));
        QSqlQuery like(db);
        like.prepare(QStringLiteral("SELECT name FROM places WHERE name LIKE ? LIMIT 8"));
        QElapsedTimer timer;
        qsizetype found = 0;
        for (const QString& prefix : typed) {
            timer.start();
            like.addBindValue(QString(prefix).replace(QLatin1Char('%'), QString()) + QLatin1Char('%'));
            like.exec();
            while (like.next())
                ++found;
            t.like << double(timer.nsecsElapsed()) / 1e6;
            timer.start();
            found += index.resolve(prefix, 8).size();
            t.index << double(timer.nsecsElapsed()) / 1e6;
        }
        if (found == 0)
            throw std::runtime_error("calltaking: nothing found for anything typed");
    }
    QSqlDatabase::removeDatabase(connection);
    return t;
}

QList<Figure> keystrokeFigures(const QString& what, const Timing& t)
{
    Figure p99{QStringLiteral("calltaking: resolve a typed place, %1, 99th percentile per keystroke").arg(what),
               percentile(t.index, 0.99), percentile(t.like, 0.99), QStringLiteral("ms"), QStringLiteral("<= 5 ms per keystroke"),
               false, QStringLiteral("%1 keystrokes; baseline: SQLite name LIKE 'prefix%' on an indexed NOCASE column").arg(t.index.size())};
    p99.met = p99.value <= 5.0;
    Figure median{QStringLiteral("calltaking: resolve a typed place, %1, median per keystroke").arg(what), percentile(t.index, 0.5),
                  percentile(t.like, 0.5), QStringLiteral("ms"), QString(), false, QString()};
    Figure worst{QStringLiteral("calltaking: resolve a typed place, %1, slowest keystroke").arg(what),
                 *std::max_element(t.index.begin(), t.index.end()), *std::max_element(t.like.begin(), t.like.end()), QStringLiteral("ms"),
                 QString(), false, QString()};
    return {p99, median, worst};
}

} // namespace

QList<Figure> callTaking(bool quick)
{
    QList<Figure> figures;
    QRandomGenerator random(19);

    // The bundled district, with 5,000 earlier incidents' addresses as the desk adds them.
    QFile file(QStringLiteral(":/hexhub/district/district.geojson"));
    if (!file.open(QIODevice::ReadOnly))
        throw std::runtime_error("calltaking: the bundled district cannot be read");
    const QByteArray district = file.readAll();
    auto index = AddressIndex::fromGeoJson(district);
    if (!index)
        throw std::runtime_error("calltaking: the bundled district is no district");
    QStringList names, places;
    for (const AddressIndex::Street& s : index->streets())
        names << s.name;
    for (int i = 0; i < 5000; ++i) {
        const int s = random.bounded(int(index->streets().size()));
        const AddressIndex::Street& street = index->streets().at(s);
        const double metres = random.generateDouble() * street.lengthM;
        const QString address = QStringLiteral("%1 %2").arg(AddressIndex::numberAt(metres)).arg(street.name);
        index->addKnownPlace(address, index->alongStreet(s, metres));
        names << address;
    }
    index->finish();
    for (const QString& n : {QStringLiteral("Harbour Tower"), QStringLiteral("City Hospital"), QStringLiteral("Market Hall"),
                             QStringLiteral("Central Bus Station"), QStringLiteral("Riverside Park")})
        names << n;
    places = names;
    places << QStringLiteral("Elm Road / Mill Street") << QStringLiteral("Oak Rd & Heron St") << QStringLiteral("141 Orchard Road");
    figures << keystrokeFigures(QStringLiteral("bundled district + 5,000 earlier addresses"),
                                timeKeystrokes(*index, names, keystrokes(places, quick ? 30 : 300, random)));

    // A generated city of 50,000 mapped addresses.
    QStringList cityNames;
    const QByteArray city = generatedCity(quick ? 60 : 150, quick ? 5000 : 50000, cityNames);
    QElapsedTimer timer;
    timer.start();
    const QJsonDocument parsed = QJsonDocument::fromJson(city);
    const double parseMs = double(timer.nsecsElapsed()) / 1e6;
    if (parsed.isNull())
        throw std::runtime_error("calltaking: the generated city is not JSON");
    timer.start();
    const auto cityIndex = AddressIndex::fromGeoJson(city);
    const double buildMs = double(timer.nsecsElapsed()) / 1e6;
    if (!cityIndex)
        throw std::runtime_error("calltaking: the generated city is no district");
    Figure build{QStringLiteral("calltaking: build the index of a city of %1 addresses").arg(quick ? 5000 : 50000), buildMs, parseMs,
                 QStringLiteral("ms"), QString(), false,
                 QStringLiteral("on a store reader at the desk's start, never the GUI thread; baseline: parsing the same GeoJSON alone")};
    figures << build;
    QStringList cityPlaces = cityNames;
    for (int i = 0; i < 50; ++i)
        cityPlaces << QStringLiteral("%1 / %2").arg(cityIndex->streets().at(random.bounded(int(cityIndex->streets().size()) / 2)).name,
                                                    cityIndex->streets().at(int(cityIndex->streets().size()) / 2).name);
    figures << keystrokeFigures(QStringLiteral("city of %1 addresses").arg(quick ? 5000 : 50000),
                                timeKeystrokes(*cityIndex, cityNames, keystrokes(cityPlaces, quick ? 30 : 300, random)));
    return figures;
}

} // namespace hexhub::bench
