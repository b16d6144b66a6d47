// The hub's demo incidents: arrivals on the day's curve, categories, places, dispatches, the search index.
#include "module/demodata.h"
#include "shared/addressindex.h"

#include "hubdemo_p.h"

#include "hexhub/hub/events.h"

#include "store/sql.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QSet>

#include <algorithm>
#include <array>

namespace hexhub::hub {

namespace {

// Calls an hour, relative, by the district's local hour of day: quiet before dawn, a peak in the
// evening.
constexpr std::array<int, 24> kHourRate{55, 45, 35, 28, 25, 28, 40, 60, 80, 90, 95, 100,
                                        100, 95, 95, 100, 105, 115, 125, 130, 130, 120, 100, 75};

// The rate in the hour that starts at local time `local`: the day curve, weekends different (late
// nights busier, mornings quieter), Friday and Saturday busier overall.
int arrivalRate(const QDateTime& local)
{
    const int hour = local.time().hour();
    const int weekday = local.date().dayOfWeek(); // 1 Monday .. 7 Sunday
    int rate = kHourRate[size_t(hour)];
    const bool weekendMorning = weekday >= 6 && hour >= 6 && hour <= 11;
    // The small hours of Saturday and Sunday belong to Friday and Saturday nights out.
    const bool weekendNight = (weekday == 5 && hour >= 22) || (weekday == 6 && (hour >= 22 || hour <= 3))
                              || (weekday == 7 && hour <= 3);
    if (weekendMorning)
        rate = rate * 70 / 100;
    if (weekendNight)
        rate = rate * 150 / 100;
    static constexpr std::array<int, 8> kWeekday{0, 100, 100, 100, 100, 110, 115, 95};
    return rate * kWeekday[size_t(weekday)] / 100;
}

const CategoryMix kMix[] = {
    {"traffic_accident", 18, {8, 35, 45}, 5, "basic_control",
     {"Two cars collided on %1", "Scooter rider knocked down on %1", "Lorry shed its load on %1", "Rear-end collision on %1, one driver hurt"}},
    {"burglary", 14, {2, 20, 60}, 25, "criminal_intel",
     {"Break-in at a flat on %1", "Shop window smashed on %1, till emptied", "Garage forced open on %1", "Office burgled overnight on %1"}},
    {"public_disturbance", 20, {3, 20, 50}, 15, "basic_control",
     {"Loud party late at night on %1", "Group throwing bottles on %1", "Dispute between neighbours on %1", "Street vendors quarrelling on %1"}},
    {"assault", 10, {15, 50, 30}, 20, "case_management",
     {"Fight outside a bar on %1", "Man punched at a bus stop on %1", "Robbery with a knife on %1", "Taxi driver attacked on %1"}},
    {"fire", 4, {60, 30, 10}, 0, nullptr,
     {"Smoke from a kitchen window on %1", "Rubbish bins on fire on %1", "Electric scooter battery fire on %1", "Car on fire on %1"}},
    {"missing_person", 5, {30, 50, 20}, 0, nullptr,
     {"Elderly man with dementia missing near %1", "Child separated from parents on %1", "Teenager not home since yesterday, last seen on %1",
      "Hiker overdue, car parked on %1"}},
    {"suspicious_item", 4, {35, 45, 15}, 10, "political_security",
     {"Unattended suitcase on %1", "Suspicious parcel left at a shop on %1", "Wires sticking out of a bin on %1", "Bag left under a bench on %1"}},
    {"rooftop_rescue", 1, {90, 10, 0}, 0, nullptr,
     {"Person at the roof edge of a building on %1", "Two people on a rooftop on %1", "Man on a crane on %1", "Woman on a balcony ledge on %1"}},
    {"other", 24, {1, 9, 40}, 10, "supervision",
     {"Dog locked in a hot car on %1", "Burst water main flooding %1", "Fallen tree blocking %1", "Noise from a building site at night on %1"}},
};

const CategoryMix kOtherMix{"", 2, {5, 25, 45}, 0, nullptr,
                            {"Call about %1", "Report from %1", "Request for help on %1", "Incident on %1"}};

QVariant orNull(qint64 ms)
{
    return ms > 0 ? QVariant(ms) : QVariant();
}

/*!
 * SQLite: the search index (FTS5, hub migrations 0002/0003) is kept by an insert trigger, and
 * FTS5 writes its pending terms out at every statement that fires it, so a million single-row
 * inserts took minutes. While the incidents load the trigger is away; before every commit the
 * batch's incidents are indexed in one statement and the trigger is put back with its own SQL, so
 * every committed state is searchable and keeps indexing whatever is inserted after it.
 */
class SearchIndexLoad
{
public:
    explicit SearchIndexLoad(DemoContext& demo)
        : m_demo(demo)
    {
        if (demo.onPostgres()) // a generated tsvector column there: nothing to do
            return;
        WriteTransaction& txn = demo.txn();
        m_trigger = txn.scalar(QStringLiteral("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'hub_incidents_fts_insert'"))
                        .toString();
        if (m_trigger.isEmpty())
            return;
        QStringList columns;
        QSqlQuery info = txn.exec(QStringLiteral("PRAGMA table_info(hub_incidents_fts)"));
        while (info.next())
            columns << info.value(1).toString();
        info.finish();
        m_index = QStringLiteral("INSERT INTO hub_incidents_fts (rowid, %1) SELECT id, %1 FROM hub_incidents WHERE id BETWEEN ? AND ?")
                      .arg(columns.join(QStringLiteral(", ")));
        drop();
        demo.setBatchBoundary([this] { restore(); }, [this] { drop(); });
    }
    ~SearchIndexLoad()
    {
        if (!m_trigger.isEmpty())
            m_demo.setBatchBoundary({}, {});
    }
    void added(qint64 id)
    {
        if (!m_first)
            m_first = id;
        m_last = id;
    }
    //! The load is over: index the rest and put the trigger back for good.
    void finish()
    {
        if (m_trigger.isEmpty())
            return;
        restore();
        m_demo.setBatchBoundary({}, {});
        m_trigger.clear();
    }

private:
    void drop()
    {
        m_demo.txn().releaseStatements();
        m_demo.txn().exec(QStringLiteral("DROP TRIGGER hub_incidents_fts_insert"));
    }
    void restore()
    {
        m_demo.txn().releaseStatements();
        if (m_first)
            m_demo.txn().exec(m_index, {m_first, m_last});
        m_first = m_last = 0;
        m_demo.txn().exec(m_trigger);
    }

    DemoContext& m_demo;
    QString m_trigger;
    QString m_index;
    qint64 m_first = 0, m_last = 0;
};

/*!
 * Rows for one table, written many to a statement (each statement has a fixed cost, and on
 * PostgreSQL a round trip, that dominated a million single-row inserts). The new rows' keys: on
 * SQLite consecutive up to the statement's last insert rowid (one writer; rowids handed out one
 * after another within the statement); on PostgreSQL taken from the key's sequence first, in one
 * statement, and written explicitly.
 */
class RowWriter
{
public:
    RowWriter(DemoContext& demo, const QString& table, const QStringList& columns, int perStatement)
        : m_demo(demo)
        , m_table(table)
        , m_columns(columns)
        , m_perStatement(perStatement)
    {
    }
    bool full() const { return m_rows.size() == std::size_t(m_perStatement); }
    void add(const QVariantList& row) { m_rows.push_back(row); }
    //! Writes what is waiting and returns how many rows; the new rows' keys (when `keys`), in order.
    //! The caller counts them with DemoContext::wrote() once it has done what the keys are for.
    int flush(std::vector<qint64>* keys = nullptr)
    {
        const int n = int(m_rows.size());
        if (n == 0)
            return 0;
        WriteTransaction& txn = m_demo.txn();
        const bool explicitKeys = keys && m_demo.onPostgres();
        QVariantList values;
        values.reserve(n * (m_columns.size() + 1));
        if (explicitKeys) {
            std::vector<qint64> ids;
            QSqlQuery& q = txn.execCached(QStringLiteral("SELECT nextval(pg_get_serial_sequence('%1', 'id')) FROM generate_series(1, ?)")
                                              .arg(m_table),
                                          {n});
            while (q.next())
                ids.push_back(q.value(0).toLongLong());
            q.finish();
            std::sort(ids.begin(), ids.end());
            for (int i = 0; i < n; ++i) {
                values << ids[size_t(i)];
                values << m_rows[size_t(i)];
            }
            keys->insert(keys->end(), ids.begin(), ids.end());
        } else {
            for (const QVariantList& row : m_rows)
                values << row;
        }
        QString& sql = m_statements[explicitKeys ? -n : n];
        if (sql.isEmpty()) {
            const QStringList columns = explicitKeys ? QStringList{QStringLiteral("id")} + m_columns : m_columns;
            const QString row = QStringLiteral("(%1)").arg(QStringList(columns.size(), QStringLiteral("?")).join(QStringLiteral(", ")));
            sql = QStringLiteral("INSERT INTO %1 (%2) VALUES %3")
                      .arg(m_table, columns.join(QStringLiteral(", ")), QStringList(n, row).join(QStringLiteral(", ")));
        }
        QSqlQuery& q = txn.execCached(sql, values);
        if (keys && !explicitKeys) {
            const qint64 last = q.lastInsertId().toLongLong();
            for (qint64 id = last - n + 1; id <= last; ++id)
                keys->push_back(id);
        }
        m_rows.clear();
        return n;
    }

private:
    DemoContext& m_demo;
    QString m_table;
    QStringList m_columns;
    int m_perStatement;
    std::vector<QVariantList> m_rows;
    QHash<int, QString> m_statements;
};

struct Place
{
    QString address;
    QString where; // for the summary
    GeoPoint point;
};

Place placeFor(const DemoDistrict& district, QRandomGenerator64& random, QHash<int, QString>& addresses)
{
    if (!district.landmarks.isEmpty() && random.bounded(10) == 0) {
        const auto& landmark = district.landmarks[random.bounded(int(district.landmarks.size()))];
        return {landmark.name, landmark.name, jitter(landmark.position, 40, random)};
    }
    const int street = district.randomStreet(random);
    const double fraction = random.generateDouble();
    const auto& s = district.streets[street];
    // Numbered as the address index places house numbers (odd and even every 20 m from the street's
    // first point), so a call-taker typing this address finds this place.
    const int number = AddressIndex::numberAt(fraction * s.lengthM) + int(fraction * 1e6) % 2;
    QString& address = addresses[street * 10000 + number]; // made once each
    if (address.isEmpty())
        address = QStringLiteral("%1 %2").arg(number).arg(s.name);
    return {address, s.name, jitter(district.alongStreet(street, fraction), 12, random)};
}

// The arrival times of `count` incidents over `days` days up to `end`: each hour's share follows
// arrivalRate() in the district's local time; within an hour they fall at random. Sorted.
template <typename Visit>
void forEachArrival(const DemoContext& demo, qint64 count, qint64 days, Visit visit)
{
    QRandomGenerator64 random = demo.random(QStringLiteral("arrivals"));
    const qint64 hours = days * 24;
    const qint64 start = demo.endMs() - hours * kHour;
    std::vector<qint64> cumulative(size_t(hours) + 1, 0);
    for (qint64 h = 0; h < hours; ++h) {
        const QDateTime local = QDateTime::fromMSecsSinceEpoch(start + h * kHour + kHour / 2, Qt::UTC)
                                    .addSecs(demo.options().utcOffsetSeconds);
        cumulative[size_t(h) + 1] = cumulative[size_t(h)] + arrivalRate(local);
    }
    const qint64 total = cumulative.back();
    std::vector<qint64> times;
    qint64 index = 0;
    for (qint64 h = 0; h < hours; ++h) {
        // Integer shares: the counts add up to exactly `count` (count x cumulative < 2^63 for any count allowed).
        const qint64 n = count * cumulative[size_t(h) + 1] / total - count * cumulative[size_t(h)] / total;
        times.resize(size_t(n));
        for (qint64& t : times)
            t = start + h * kHour + random.bounded(kHour);
        std::sort(times.begin(), times.end());
        for (qint64 t : times)
            visit(index++, std::min(t, demo.endMs() - 1000));
    }
}

} // namespace

/*!
 * The journal entries of the history's incidents, with the history's times: created, the units
 * dispatched, each unit's arrival, and how it ended (resolved, closed or cancelled), on the
 * incident's timeline as the live path writes them. Written after the incidents, whose keys they
 * carry; event ids are counted up from a fixed prefix (valid UUIDs, in order, so the journal's
 * unique index grows at its end), and the events' seq is the store's.
 */
constexpr qint64 kJournalDays = 120;

class HistoryJournal
{
public:
    explicit HistoryJournal(DemoContext& demo)
        : m_demo(demo)
        , m_events(demo, QStringLiteral("events"),
                   {QStringLiteral("id"), QStringLiteral("topic"), QStringLiteral("occurred_at"), QStringLiteral("source"),
                    QStringLiteral("actor"), QStringLiteral("schema_version"), QStringLiteral("payload"), QStringLiteral("origin")},
                   512)
        , m_links(demo, QStringLiteral("hub_incident_events"), {QStringLiteral("incident_id"), QStringLiteral("event_seq")}, 1024)
    {
    }

    //! An entry about the incident at `index` (its key not known yet): `payload` gets it as `key`.
    void add(qint64 index, const char* topic, qint64 at, QJsonObject payload, const char* key = "incident")
    {
        m_pending.push_back({index, topic, at, std::move(payload), key});
    }

    //! Writes the entries of the incidents whose keys are now known (`ids`, by index).
    void flush(const std::vector<qint64>& ids)
    {
        static const QString kSource = QStringLiteral("hub"), kOrigin = QStringLiteral("demo history");
        for (Pending& e : m_pending) {
            const qint64 id = ids[size_t(e.index)];
            e.payload.insert(QLatin1String(e.key), id);
            m_events.add({QStringLiteral("00000000-0000-4000-8000-%1").arg(++m_counter, 12, 16, QLatin1Char('0')),
                          QLatin1String(e.topic), e.at, kSource, kSupervisor, 1,
                          QString::fromUtf8(QJsonDocument(e.payload).toJson(QJsonDocument::Compact)), kOrigin});
            m_incidents.push_back(id);
            if (m_events.full())
                write();
        }
        m_pending.clear();
    }

    void finish()
    {
        write();
        m_demo.wrote(m_links.flush());
    }

private:
    void write()
    {
        const int n = m_events.flush();
        if (n == 0)
            return;
        // The rows just written hold the n last seqs: one writer, and on PostgreSQL the journal's
        // lock (taken by each event's insert) keeps every other writer out until the commit.
        const qint64 last = m_demo.onPostgres()
                                ? m_demo.txn().scalar(QStringLiteral("SELECT currval('events_seq')")).toLongLong()
                                : m_demo.txn().scalar(QStringLiteral("SELECT last_insert_rowid()")).toLongLong();
        for (int i = 0; i < n; ++i) {
            m_links.add({m_incidents[size_t(i)], last - n + 1 + i});
            if (m_links.full())
                m_demo.wrote(m_links.flush());
        }
        m_incidents.clear();
        m_demo.wrote(n);
    }

    struct Pending
    {
        qint64 index;
        const char* topic;
        qint64 at;
        QJsonObject payload;
        const char* key;
    };
    DemoContext& m_demo;
    RowWriter m_events;
    RowWriter m_links;
    std::vector<Pending> m_pending;
    std::vector<qint64> m_incidents; //!< of the events written by the next write(), in order
    qint64 m_counter = 0;
};

namespace detail {

std::vector<Category> loadCategories(WriteTransaction& txn)
{
    std::vector<Category> categories;
    QSqlQuery q = txn.exec(QStringLiteral("SELECT id, run_card FROM hub_categories ORDER BY sort_order, id"));
    while (q.next()) {
        Category c;
        c.id = q.value(0).toString();
        c.mix = &kOtherMix;
        for (const CategoryMix& mix : kMix) {
            if (c.id == QLatin1String(mix.id))
                c.mix = &mix;
        }
        for (const QJsonValue& line : QJsonDocument::fromJson(q.value(1).toString().toUtf8()).array()) {
            const QString kind = line[QStringLiteral("kind")].toString(QStringLiteral("patrol_car"));
            for (int n = 0; n < std::max(1, line[QStringLiteral("count")].toInt(1)) && c.kinds.size() < 4; ++n)
                c.kinds << kind;
        }
        if (c.kinds.isEmpty())
            c.kinds << QStringLiteral("patrol_car");
        categories.push_back(c);
    }
    return categories;
}

void writeIncidents(DemoContext& demo, const std::vector<UnitRow>& units, const std::vector<Category>& categories,
                    std::vector<qint64>& incidentIds)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("incidents"));
    const qint64 end = demo.endMs();
    const qint64 count = demo.options().incidents;
    const qint64 days = demo.historyDays();

    int totalWeight = 0;
    for (const Category& c : categories)
        totalWeight += c.mix->weight;
    // The units by kind and station, to send the nearest kind that fits.
    QHash<QString, std::vector<std::vector<int>>> byKind;
    for (int i = 0; i < int(units.size()); ++i) {
        auto& stations = byKind[units[size_t(i)].kind];
        stations.resize(size_t(district.stations.size()));
        stations[size_t(units[size_t(i)].station)].push_back(i);
    }
    QSet<int> engaged; // units on an open incident now
    struct Assignment
    {
        int unit;
        qint64 incident; // its index in incidentIds
        QString status;
        qint64 since;
        GeoPoint at;
    };
    std::vector<Assignment> assignments;

    RowWriter incidents(demo, QStringLiteral("hub_incidents"),
                        {QStringLiteral("number"), QStringLiteral("status"), QStringLiteral("priority"), QStringLiteral("category"),
                         QStringLiteral("source"), QStringLiteral("summary"), QStringLiteral("address"), QStringLiteral("latitude"),
                         QStringLiteral("longitude"), QStringLiteral("reporter_contact"), QStringLiteral("centre"),
                         QStringLiteral("created_at"), QStringLiteral("updated_at"), QStringLiteral("arrived_at"), QStringLiteral("version")},
                        64);
    RowWriter dispatches(demo, QStringLiteral("hub_dispatches"),
                         {QStringLiteral("incident_id"), QStringLiteral("unit_id"), QStringLiteral("dispatched_at"),
                          QStringLiteral("arrived_at"), QStringLiteral("cleared_at"), QStringLiteral("dispatched_by")},
                         128);
    // Dispatches wait for their incident's key: [incident's index, the row without it].
    std::vector<std::pair<qint64, QVariantList>> waiting;
    incidentIds.reserve(size_t(count));
    SearchIndexLoad search(demo);
    HistoryJournal journal(demo);
    const auto flushIncidents = [&] {
        const size_t before = incidentIds.size();
        const int written = incidents.flush(&incidentIds);
        for (size_t i = before; i < incidentIds.size(); ++i)
            search.added(incidentIds[i]);
        journal.flush(incidentIds);
        demo.wrote(written); // may commit: the search index takes these first
        for (auto& [index, row] : waiting) {
            row.prepend(incidentIds[size_t(index)]);
            dispatches.add(row);
            if (dispatches.full())
                demo.wrote(dispatches.flush());
        }
        waiting.clear();
    };
    QHash<int, QString> addresses;
    QHash<QString, QString> summaries;

    forEachArrival(demo, count, days, [&](qint64 index, qint64 created) {
        // What happened, where, how urgent.
        int r = random.bounded(totalWeight);
        const Category* category = &categories.front();
        for (const Category& c : categories) {
            if (r < c.mix->weight) {
                category = &c;
                break;
            }
            r -= c.mix->weight;
        }
        const CategoryMix& mix = *category->mix;
        const int p = random.bounded(100);
        const int priority = p < mix.priority[0] ? 1 : p < mix.priority[0] + mix.priority[1] ? 2
                           : p < mix.priority[0] + mix.priority[1] + mix.priority[2]       ? 3
                                                                                            : 4;
        const Place place = placeFor(district, random, addresses);
        const char* what = mix.what[size_t(random.bounded(4))];
        QString& summary = summaries[QLatin1String(what) + QLatin1Char('|') + place.where]; // made once each
        if (summary.isEmpty())
            summary = QString::fromLatin1(what).arg(place.where);
        const int s = pick(random, {75, 8, 7, 3, 7});
        static const QString kSources[] = {QStringLiteral("call"), QStringLiteral("video"), QStringLiteral("public_complaint"),
                                           QStringLiteral("model_alert"), QStringLiteral("centre")};
        const QString source = kSources[s];
        const QVariant contact = s == 0 || s == 2 ? QVariant(SyntheticIdentity::phoneNumber(random)) : QVariant();
        const QString centre = mix.centre && random.bounded(100) < mix.centreShare ? QString::fromLatin1(mix.centre)
                                                                                    : QStringLiteral("hub");

        // How far it got by the end of the history.
        const qint64 age = end - created;
        static const QString kNew = QStringLiteral("new"), kDispatched = QStringLiteral("dispatched"),
                             kOnScene = QStringLiteral("on_scene"), kResolved = QStringLiteral("resolved"),
                             kClosed = QStringLiteral("closed"), kCancelled = QStringLiteral("cancelled");
        QString status;
        if (age > kDay)
            status = std::array{kClosed, kCancelled, kResolved}[size_t(pick(random, {94, 5, 1}))];
        else if (age > 6 * kHour)
            status = std::array{kClosed, kResolved, kCancelled}[size_t(pick(random, {80, 15, 5}))];
        else if (age > kHour)
            status = std::array{kOnScene, kResolved, kClosed, kCancelled}[size_t(pick(random, {35, 35, 25, 5}))];
        else if (age > 15 * kMinute)
            status = std::array{kDispatched, kOnScene, kCancelled}[size_t(pick(random, {40, 55, 5}))];
        else
            status = std::array{kNew, kDispatched}[size_t(pick(random, {60, 40}))];
        const bool open = status == kDispatched || status == kOnScene;

        // The units sent and their times.
        struct Sent
        {
            int unit;
            qint64 dispatched, arrived, cleared;
        };
        std::vector<Sent> sent;
        qint64 firstArrival = 0;
        qint64 last = created;
        const bool dispatched = status != kNew && !(status == kCancelled && random.bounded(2) == 0);
        if (dispatched) {
            const int station = district.stationFor(place.point);
            const int wanted = priority <= 2 ? int(category->kinds.size()) : 1;
            for (int k = 0; k < wanted; ++k) {
                const QString& kind = category->kinds[k];
                const auto found = byKind.constFind(byKind.contains(kind) ? kind : QStringLiteral("patrol_car"));
                if (found == byKind.constEnd())
                    continue;
                const auto& local = (*found)[size_t(station)];
                std::vector<int> pool = random.bounded(100) < 80 && !local.empty() ? local : std::vector<int>{};
                if (pool.empty()) {
                    for (const auto& list : *found)
                        pool.insert(pool.end(), list.begin(), list.end());
                }
                if (open) { // a unit is on one open incident at a time
                    pool.erase(std::remove_if(pool.begin(), pool.end(), [&](int u) { return engaged.contains(u); }), pool.end());
                }
                pool.erase(std::remove_if(pool.begin(), pool.end(),
                                          [&](int u) { return std::any_of(sent.begin(), sent.end(), [u](const Sent& x) { return x.unit == u; }); }),
                           pool.end());
                if (pool.empty())
                    continue;
                Sent x{pool[size_t(random.bounded(int(pool.size())))], 0, 0, 0};
                x.dispatched = created + (priority == 1 ? 30000 + random.bounded(60000) : 60000 + random.bounded(4 * kMinute));
                const qint64 travel = priority == 1 ? 2 * kMinute + random.bounded(6 * kMinute) : 4 * kMinute + random.bounded(12 * kMinute);
                x.arrived = x.dispatched + travel;
                x.cleared = x.arrived + 10 * kMinute + random.bounded(110 * kMinute);
                if (status == kCancelled) {
                    x.arrived = 0;
                    x.cleared = x.dispatched + random.bounded(5 * kMinute) + 1000;
                } else if (status == kDispatched) {
                    x.arrived = 0;
                    x.cleared = 0;
                } else if (status == kOnScene) {
                    x.cleared = 0;
                }
                // Nothing after the end of the history.
                x.dispatched = std::min(x.dispatched, created + std::max<qint64>(1000, (end - created) / 3));
                if (x.arrived)
                    x.arrived = std::clamp(x.arrived, x.dispatched + 1000, std::max(x.dispatched + 1000, end - 2000));
                if (x.cleared)
                    x.cleared = std::clamp(x.cleared, (x.arrived ? x.arrived : x.dispatched) + 1000, std::max((x.arrived ? x.arrived : x.dispatched) + 1000, end - 1000));
                if (x.arrived && (!firstArrival || x.arrived < firstArrival))
                    firstArrival = x.arrived;
                last = std::max({last, x.dispatched, x.arrived, x.cleared});
                sent.push_back(x);
            }
        }
        const QString effective = status == kOnScene && sent.empty() ? kNew : status == kDispatched && sent.empty() ? kNew : status;
        const qint64 year = QDateTime::fromMSecsSinceEpoch(created, Qt::UTC).addSecs(demo.options().utcOffsetSeconds).date().year();
        const QString number = QStringLiteral("%1-%2").arg(year).arg(index + 1, 6, 10, QLatin1Char('0'));
        incidents.add({number, effective, priority, category->id, source, summary, place.address, place.point.latitude,
                       place.point.longitude, contact, centre, created, std::min(last, end), orNull(firstArrival), qint64(1)});

        // Its timeline: created, the units sent, their arrivals, how it ended; for the last 120 days
        // of the history (all of the demo's 20,000 incidents; a million over three years would add
        // four million journal rows for incidents nobody opens).
        if (end - created <= kJournalDays * kDay) {
            Incident made;
            made.number = number;
            made.priority = priority;
            made.category = category->id;
            made.source = incidentSourceFromId(source).value_or(IncidentSource::Call);
            made.summary = summary;
            made.location = Location{place.address, place.point};
            made.centre = centre;
            made.createdAt = made.updatedAt = created;
            made.version = 1;
            journal.add(index, IncidentCreated::kTopic, created, IncidentCreated{made}.toJson(), "id");
            if (!sent.empty()) {
                QStringList callSigns;
                qint64 first = sent.front().dispatched;
                for (const Sent& x : sent) {
                    callSigns << units[size_t(x.unit)].callSign;
                    first = std::min(first, x.dispatched);
                }
                journal.add(index, UnitsDispatched::kTopic, first, UnitsDispatched{0, number, callSigns}.toJson());
                std::vector<const Sent*> arrivals;
                for (const Sent& x : sent)
                    if (x.arrived)
                        arrivals.push_back(&x);
                std::sort(arrivals.begin(), arrivals.end(), [](const Sent* a, const Sent* b) { return a->arrived < b->arrived; });
                for (const Sent* x : arrivals)
                    journal.add(index, UnitArrived::kTopic, x->arrived, UnitArrived{0, number, units[size_t(x->unit)].callSign}.toJson());
            }
            if (effective == kResolved || effective == kClosed || effective == kCancelled) {
                const IncidentStatus before = firstArrival ? IncidentStatus::OnScene : !sent.empty() ? IncidentStatus::Dispatched : IncidentStatus::New;
                const IncidentStatus after = effective == kResolved ? IncidentStatus::Resolved
                                           : effective == kClosed  ? IncidentStatus::Closed
                                                                   : IncidentStatus::Cancelled;
                journal.add(index, IncidentStatusChanged::kTopic, std::min(last, end),
                            IncidentStatusChanged{0, number, before, after, QString()}.toJson());
            }
        }
        for (const Sent& x : sent) {
            waiting.emplace_back(index, QVariantList{units[size_t(x.unit)].callSign, x.dispatched, orNull(x.arrived), orNull(x.cleared),
                                                     kSupervisor});
            if (open) {
                engaged.insert(x.unit);
                assignments.push_back(Assignment{x.unit, index, x.arrived ? kOnScene : QStringLiteral("en_route"),
                                                 x.arrived ? x.arrived : x.dispatched, place.point});
            }
        }
        if (incidents.full())
            flushIncidents();
    });
    flushIncidents();
    demo.wrote(dispatches.flush());
    journal.finish();
    search.finish();

    // The units on the open incidents now.
    for (const Assignment& a : assignments) {
        demo.txn().execCached(QStringLiteral("UPDATE hub_units SET status = ?, incident_id = ?, status_since = ?, latitude = ?, "
                                             "longitude = ?, position_at = ? WHERE id = ?"),
                              {a.status, incidentIds[size_t(a.incident)], a.since, a.at.latitude, a.at.longitude, a.since, units[size_t(a.unit)].callSign});
        demo.wrote();
    }
}

} // namespace detail

} // namespace hexhub::hub
