// Running models over records (issue 20 section 2): rule, spike, shared-identifier rings,
// geo-temporal clusters and entity resolution, each hit explained by its parts and its rows.
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/records.h"
#include "hexhub/hub/incidentservice.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonArray>
#include <QJsonDocument>
#include <QRegularExpression>
#include <QSet>
#include <QThread>

#include <algorithm>
#include <cmath>
#include <numeric>
#include <thread>
#include <vector>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::ModelRun)
};


// A sentence to show now and to keep (Phrase): `source` marked with QT_TRANSLATE_NOOP in the engine's context.
Phrase phrase(const char* source, QStringList args = {}, int n = -1)
{
    return Phrase{QString::fromUtf8(source), std::move(args), n};
}

QString num(double v, int decimals = 0)
{
    return QString::number(v, 'f', decimals);
}

constexpr int kMaxRowsPerHit = 2000; // the rows a hit keeps (its facts count them all)

struct Failure
{
    QString message;
};

class Run
{
public:
    Run(const ModelDefinition& model, const QJsonObject& params, const RecordSet& records, const ModelRunOptions& options)
        : m_model(model), m_params(params), m_records(records), m_options(options)
    {
    }

    bool cancelled() const { return m_options.cancel && m_options.cancel->load(); }
    void checkCancel(qsizetype i)
    {
        if ((i & 0x3fff) == 0) {
            if (cancelled())
                throw Failure{Tr::tr("The run was cancelled.")};
            if (m_options.progress)
                m_options.progress(m_done + i, m_total);
        }
    }

    // A column named by a parameter, or by the body ("$param" or a name).
    int column(const QJsonValue& ref)
    {
        QString name = ref.toString();
        if (name.startsWith(QLatin1Char('$')))
            name = m_params.value(name.mid(1)).toString();
        const int c = m_records.column(name);
        if (c < 0) {
            QStringList names;
            for (const ColumnSpec& s : m_records.columns())
                names << s.name;
            throw Failure{Tr::tr("no column %1; the columns are %2").arg(name, names.join(QStringLiteral(", ")))};
        }
        return c;
    }
    int paramColumn(const char* name) { return column(m_params.value(QString::fromLatin1(name))); }
    double number(const char* name) const { return m_params.value(QString::fromLatin1(name)).toDouble(); }
    qint64 duration(const char* name) const { return parseModelDuration(m_params.value(QString::fromLatin1(name))).value_or(0); }
    QString normal(qsizetype row, int col) const
    {
        return normalisedValue(m_records.columns()[col].type, m_records.text(row, col));
    }
    std::optional<qint64> time(qsizetype row, int col) const
    {
        return parseDateTimeCell(m_records.text(row, col), m_records.columns()[col].format);
    }
    QString columnName(int col) const { return m_records.columns()[col].name; }

    ModelRunResult run()
    {
        m_total = m_records.rowCount();
        switch (m_model.kind) {
        case ModelKind::Rule:
            rule();
            break;
        case ModelKind::Spike:
            spike();
            break;
        case ModelKind::Rings:
            rings();
            break;
        case ModelKind::GeoTemporal:
            geoTemporal();
            break;
        case ModelKind::EntityResolution:
            resolution();
            break;
        }
        m_result.rowsSeen = m_records.rowCount();
        m_result.hitCount = m_result.hits.size();
        std::stable_sort(m_result.hits.begin(), m_result.hits.end(),
                         [](const ModelHit& a, const ModelHit& b) { return a.score > b.score; });
        if (m_result.hits.size() > m_options.maxHits)
            m_result.hits.resize(m_options.maxHits);
        if (m_options.progress)
            m_options.progress(m_total, m_total);
        return m_result;
    }

private:
    static void keepRows(ModelHit& hit, QList<qsizetype> rows)
    {
        std::sort(rows.begin(), rows.end());
        rows.erase(std::unique(rows.begin(), rows.end()), rows.end());
        hit.facts.insert(QStringLiteral("rows"), double(rows.size()));
        if (rows.size() > kMaxRowsPerHit)
            rows.resize(kMaxRowsPerHit);
        hit.rows = std::move(rows);
    }

    // ---- rule -------------------------------------------------------------------------------
    struct Condition
    {
        int column = -1;
        QString op;
        QJsonValue value;
        QSet<QString> set;
        QRegularExpression re;
        double weight = 1;
        QString label;
    };

    bool holds(const Condition& c, qsizetype row) const
    {
        const QString raw = m_records.text(row, c.column);
        const ColumnSpec& spec = m_records.columns()[c.column];
        if (c.op == QLatin1String("empty"))
            return raw.trimmed().isEmpty();
        if (c.op == QLatin1String("not_empty"))
            return !raw.trimmed().isEmpty();
        if (c.op == QLatin1String("matches"))
            return c.re.match(raw).hasMatch();
        if (c.op == QLatin1String("in") || c.op == QLatin1String("not_in")) {
            const bool in = c.set.contains(normalisedValue(spec.type, raw));
            return c.op == QLatin1String("in") ? in : !in;
        }
        // Comparisons: as times for a date-time column, as numbers when both are, else as normal text.
        int cmp = 0;
        bool compared = false;
        if (spec.type == ColumnType::DateTime) {
            const auto a = parseDateTimeCell(raw, spec.format), b = parseDateTimeCell(c.value.toString());
            if (a && b) {
                cmp = *a < *b ? -1 : (*a > *b ? 1 : 0);
                compared = true;
            } else {
                return false;
            }
        }
        if (!compared) {
            bool okA = false, okB = c.value.isDouble();
            const double a = raw.trimmed().toDouble(&okA);
            double b = c.value.toDouble();
            if (!okB)
                b = c.value.toString().toDouble(&okB);
            if (okA && okB) {
                cmp = a < b ? -1 : (a > b ? 1 : 0);
            } else {
                if (c.op != QLatin1String("eq") && c.op != QLatin1String("ne") && !okA)
                    return false;
                cmp = normalisedValue(spec.type, raw).compare(normalisedValue(spec.type, c.value.toVariant().toString()));
            }
        }
        if (c.op == QLatin1String("eq"))
            return cmp == 0;
        if (c.op == QLatin1String("ne"))
            return cmp != 0;
        if (c.op == QLatin1String("lt"))
            return cmp < 0;
        if (c.op == QLatin1String("le"))
            return cmp <= 0;
        if (c.op == QLatin1String("gt"))
            return cmp > 0;
        return cmp >= 0; // ge
    }

    QString conditionText(const Condition& c) const
    {
        if (!c.label.isEmpty())
            return c.label;
        QString value = c.value.isArray() ? QString::fromUtf8(QJsonDocument(c.value.toArray()).toJson(QJsonDocument::Compact))
                                          : c.value.toVariant().toString();
        return QStringLiteral("%1 %2 %3").arg(columnName(c.column), c.op, value).trimmed();
    }

    void rule()
    {
        const QJsonObject b = m_model.body;
        const QString language = QLocale().name();
        QList<Condition> conds;
        double totalWeight = 0;
        for (const QJsonValue& v : b.value(QStringLiteral("conditions")).toArray()) {
            const QJsonObject o = v.toObject();
            Condition c;
            c.column = column(o.value(QStringLiteral("column")));
            c.op = o.value(QStringLiteral("op")).toString();
            c.value = o.value(QStringLiteral("value"));
            if (c.value.isString() && c.value.toString().startsWith(QLatin1Char('$')))
                c.value = m_params.value(c.value.toString().mid(1));
            c.weight = o.value(QStringLiteral("weight")).toDouble(1);
            const QJsonValue label = o.value(QStringLiteral("label"));
            c.label = label.isString() ? label.toString()
                                       : label.toObject().value(language).toString(label.toObject().value(QStringLiteral("en")).toString());
            if (c.op == QLatin1String("matches"))
                c.re = QRegularExpression(c.value.toString());
            for (const QJsonValue& e : c.value.toArray())
                c.set.insert(normalisedValue(m_records.columns()[c.column].type, e.toVariant().toString()));
            totalWeight += c.weight;
            conds << c;
        }
        const QString match = b.value(QStringLiteral("match")).toString(QStringLiteral("all"));
        const double threshold = b.value(QStringLiteral("threshold")).toDouble();
        struct Passed
        {
            qsizetype row;
            double score;
            QList<int> which;
        };
        QList<Passed> passed;
        for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
            checkCancel(r);
            double sum = 0;
            QList<int> which;
            for (qsizetype i = 0; i < conds.size(); ++i) {
                if (holds(conds[i], r)) {
                    sum += conds[i].weight;
                    which << int(i);
                }
            }
            const bool ok = match == QLatin1String("all") ? which.size() == conds.size()
                : match == QLatin1String("any")           ? !which.isEmpty()
                                                          : sum >= threshold;
            if (ok)
                passed << Passed{r, totalWeight > 0 ? sum / totalWeight : 0, which};
        }
        const auto partsFor = [&](const Passed& p, ModelHit& hit) {
            for (int i : p.which)
                hit.breakdown << ScorePart{QStringLiteral("condition:%1").arg(i), conditionText(conds[i]),
                                           totalWeight > 0 ? conds[i].weight / totalWeight : 0, m_records.text(p.row, conds[i].column)};
        };
        const int groupCol = b.contains(QStringLiteral("group_by")) ? column(b.value(QStringLiteral("group_by"))) : -1;
        const QJsonObject count = b.value(QStringLiteral("count")).toObject();
        if (count.isEmpty() && groupCol < 0) {
            for (const Passed& p : std::as_const(passed)) {
                ModelHit hit;
                hit.score = p.score;
                hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "score"));
                hit.unit = hit.unitPhrase.text();
                hit.total = p.score;
                partsFor(p, hit);
                hit.key = Tr::tr("line %1").arg(m_records.line(p.row));
                hit.summaryPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "Line %1 meets %2 of %3 conditions"),
                                           {num(m_records.line(p.row)), num(p.which.size()), num(conds.size())});
                hit.summary = hit.summaryPhrase.text();
                keepRows(hit, {p.row});
                m_result.hits << hit;
            }
            return;
        }
        // Per key: the rows that passed, and with a count clause only keys reaching it within the window.
        const int keyCol = !count.isEmpty() ? column(count.value(QStringLiteral("key"))) : groupCol;
        QHash<QString, QList<int>> byKey; // index into passed
        for (qsizetype i = 0; i < passed.size(); ++i) {
            const QString key = normal(passed[i].row, keyCol);
            if (!key.isEmpty())
                byKey[key] << int(i);
        }
        const int timeCol = !count.isEmpty() ? column(count.value(QStringLiteral("time"))) : -1;
        const qint64 window = !count.isEmpty() ? parseModelDuration(count.value(QStringLiteral("window"))).value_or(0) : 0;
        const int atLeast = count.value(QStringLiteral("at_least")).toInt(0);
        for (auto it = byKey.begin(); it != byKey.end(); ++it) {
            QList<int> members = it.value();
            int most = int(members.size());
            qint64 windowStart = 0, windowEnd = 0;
            if (timeCol >= 0) {
                // Sliding window over the key's times: the most rows within `window`.
                QList<std::pair<qint64, int>> times;
                for (int i : members) {
                    if (const auto t = time(passed[i].row, timeCol))
                        times << std::pair{*t, i};
                    else
                        ++m_result.rowsSkipped;
                }
                std::sort(times.begin(), times.end());
                most = 0;
                qsizetype lo = 0, bestLo = 0, bestHi = -1;
                for (qsizetype hi = 0; hi < times.size(); ++hi) {
                    while (times[hi].first - times[lo].first >= window)
                        ++lo;
                    if (hi - lo + 1 > most) {
                        most = int(hi - lo + 1);
                        bestLo = lo;
                        bestHi = hi;
                    }
                }
                if (most < atLeast)
                    continue;
                members.clear();
                for (qsizetype i = bestLo; i <= bestHi; ++i)
                    members << times[i].second;
                windowStart = times[bestLo].first;
                windowEnd = times[bestHi].first;
            }
            ModelHit hit;
            hit.key = m_records.text(passed[members.first()].row, keyCol);
            QList<qsizetype> rows;
            double best = 0;
            QMap<int, int> conditionRows;
            for (int i : std::as_const(members)) {
                rows << passed[i].row;
                best = std::max(best, passed[i].score);
                for (int c : passed[i].which)
                    conditionRows[c] += 1;
            }
            for (auto c = conditionRows.begin(); c != conditionRows.end(); ++c)
                hit.breakdown << ScorePart{QStringLiteral("condition:%1").arg(c.key()), conditionText(conds[c.key()]),
                                           totalWeight > 0 ? conds[c.key()].weight / totalWeight * (atLeast > 0 ? 0.5 : 1.0) : 0,
                                           Tr::tr("%n row(s)", nullptr, c.value())};
            double score = best;
            if (atLeast > 0) {
                // Half the score from the conditions, half from how far past the count it goes.
                score = best * 0.5;
                const double countPart = 0.5 * std::min(1.0, double(most) / double(2 * atLeast));
                score += countPart;
                hit.breakdown << ScorePart{QStringLiteral("count"),
                                           Tr::tr("%1 rows of %2 within %3").arg(most).arg(columnName(keyCol), count.value(QStringLiteral("window")).toVariant().toString()),
                                           countPart, Tr::tr("at least %1 needed").arg(atLeast)};
                hit.facts.insert(QStringLiteral("window_start"), double(windowStart));
                hit.facts.insert(QStringLiteral("window_end"), double(windowEnd));
            }
            hit.score = score;
            hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "score"));
                hit.unit = hit.unitPhrase.text();
            hit.total = score;
            hit.facts.insert(QStringLiteral("count"), most);
            hit.summaryPhrase = phrase(QT_TRANSLATE_N_NOOP("hexhub::bigdata::ModelRun", "%1 %2: %n row(s)"), {columnName(keyCol), hit.key}, most);
            hit.summary = hit.summaryPhrase.text();
            keepRows(hit, rows);
            m_result.hits << hit;
        }
    }

    // ---- spike ------------------------------------------------------------------------------
    void spike()
    {
        const int keyCol = paramColumn("key"), timeCol = paramColumn("time");
        const qint64 bucket = duration("bucket");
        if (bucket <= 0)
            throw Failure{Tr::tr("the bucket must be a duration like 1h")};
        const bool seasonal = m_params.value(QStringLiteral("method")).toString() == QLatin1String("seasonal");
        const double threshold = number("threshold"), alpha = m_params.contains(QStringLiteral("alpha")) ? number("alpha") : 0.1;
        const int minCount = int(number("min_count")), warmup = int(number("warmup"));
        const qint64 season = seasonal ? duration("season") : 0;
        const qint64 slots = seasonal ? season / bucket : 0;
        if (seasonal && (slots < 2 || season % bucket != 0))
            throw Failure{Tr::tr("a seasonal spike needs a season that is a whole number of buckets, at least two")};

        QHash<QString, int> keys;
        QStringList keyText;
        struct Item
        {
            int key;
            qint64 bucket;
            qsizetype row;
        };
        QList<Item> items;
        items.reserve(m_records.rowCount());
        for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
            checkCancel(r);
            const QString k = normal(r, keyCol);
            const auto t = time(r, timeCol);
            if (k.isEmpty() || !t) {
                ++m_result.rowsSkipped;
                continue;
            }
            auto it = keys.find(k);
            if (it == keys.end()) {
                it = keys.insert(k, int(keyText.size()));
                keyText << m_records.text(r, keyCol);
            }
            const qint64 b = *t >= 0 ? *t / bucket : -((-*t + bucket - 1) / bucket);
            items << Item{it.value(), b, r};
        }
        std::sort(items.begin(), items.end(), [](const Item& a, const Item& b) {
            return a.key != b.key ? a.key < b.key : (a.bucket != b.bucket ? a.bucket < b.bucket : a.row < b.row);
        });
        QList<double> slotN, slotSum, slotSq;
        qsizetype i = 0;
        while (i < items.size()) {
            checkCancel(i);
            qsizetype end = i;
            while (end < items.size() && items[end].key == items[i].key)
                ++end;
            // Every bucket from the key's first to its last, empty ones included.
            double mean = 0, var = 0;
            qint64 seen = 0;
            if (seasonal) {
                slotN.fill(0, slots);
                slotSum.fill(0, slots);
                slotSq.fill(0, slots);
            }
            qsizetype at = i;
            for (qint64 b = items[i].bucket; b <= items[end - 1].bucket; ++b) {
                const qsizetype from = at;
                while (at < end && items[at].bucket == b)
                    ++at;
                const double x = double(at - from);
                double expected = 0, sd = 0;
                bool ready = false;
                qsizetype slot = 0;
                if (seasonal) {
                    slot = qsizetype(((b % slots) + slots) % slots);
                    if (slotN[slot] >= warmup && slotN[slot] > 0) {
                        expected = slotSum[slot] / slotN[slot];
                        sd = std::sqrt(std::max(0.0, slotSq[slot] / slotN[slot] - expected * expected));
                        ready = true;
                    }
                } else if (seen >= warmup) {
                    expected = mean;
                    sd = std::sqrt(std::max(0.0, var));
                    ready = true;
                }
                if (ready && x >= minCount) {
                    // A count of rare events varies at least as a Poisson count does, and never by less than 0.5.
                    const double spread = std::max({sd, std::sqrt(expected), 0.5});
                    const double z = (x - expected) / spread;
                    if (z >= threshold) {
                        ModelHit hit;
                        hit.key = keyText[items[i].key];
                        hit.score = z / (z + threshold);
                        hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "records"));
                        hit.unit = hit.unitPhrase.text();
                        hit.total = x;
                        const Phrase spreadText = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "spread %1"), {num(spread, 2)});
                        const Phrase zText = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "z = %1 (threshold %2)"), {num(z, 1), QString::number(threshold)});
                        hit.breakdown << ScorePart{QStringLiteral("expected"), Tr::tr("expected from its own history"), expected, spreadText.text(), spreadText}
                                      << ScorePart{QStringLiteral("excess"), Tr::tr("above expectation"), x - expected, zText.text(), zText};
                        hit.facts.insert(QStringLiteral("count"), x);
                        hit.facts.insert(QStringLiteral("expected"), expected);
                        hit.facts.insert(QStringLiteral("spread"), spread);
                        hit.facts.insert(QStringLiteral("z"), z);
                        hit.facts.insert(QStringLiteral("bucket_start"), double(b * bucket));
                        hit.facts.insert(QStringLiteral("bucket_ms"), double(bucket));
                        hit.summaryPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1 %2: %3 records in one bucket where %4 were expected"),
                                                   {columnName(keyCol), hit.key, num(x), num(expected, 1)});
                        hit.summary = hit.summaryPhrase.text();
                        QList<qsizetype> rows;
                        for (qsizetype k = from; k < at; ++k)
                            rows << items[k].row;
                        keepRows(hit, rows);
                        m_result.hits << hit;
                    }
                }
                if (seasonal) {
                    slotN[slot] += 1;
                    slotSum[slot] += x;
                    slotSq[slot] += x * x;
                } else {
                    const double diff = x - mean, incr = alpha * diff;
                    mean = seen == 0 ? x : mean + incr;
                    var = seen == 0 ? 0 : (1 - alpha) * (var + diff * incr);
                }
                ++seen;
            }
            i = end;
        }
    }

    // ---- rings ------------------------------------------------------------------------------
    static int find(QList<int>& parent, int x)
    {
        while (parent[x] != x) {
            parent[x] = parent[parent[x]];
            x = parent[x];
        }
        return x;
    }

    void rings()
    {
        const int entityCol = paramColumn("entity");
        QList<int> idCols;
        for (const QJsonValue& v : m_params.value(QStringLiteral("identifiers")).toArray())
            idCols << column(v);
        const int maxShare = int(number("max_share")), minMembers = int(number("min_members"));
        const QJsonObject weights = m_model.body.value(QStringLiteral("score")).toObject();
        const double wSize = weights.value(QStringLiteral("size")).toDouble(0.4), wKinds = weights.value(QStringLiteral("kinds")).toDouble(0.2),
                     wTies = weights.value(QStringLiteral("ties")).toDouble(0.25),
                     wDensity = weights.value(QStringLiteral("density")).toDouble(0.15),
                     fullSize = std::max(double(minMembers) + 1, weights.value(QStringLiteral("full_size")).toDouble(50));
        const double wSum = std::max(1e-9, wSize + wKinds + wTies + wDensity);
        m_total = m_records.rowCount() * (1 + idCols.size());

        // Entities: the normal form of the entity column; the first row's text is its name. Found by
        // sorting (hash of the normal form, row) so equal values sit together without a table of
        // strings; a run of equal hashes is checked value by value, so a collision joins no one.
        struct Keyed
        {
            size_t hash;
            qsizetype row;
        };
        const ColumnType entityType = m_records.columns()[entityCol].type;
        QByteArray buffer, other;
        // The hashes in as many slices as the machine has cores, each slice its own thread.
        const qsizetype rows = m_records.rowCount();
        const int slices = std::max(1, std::min<int>(QThread::idealThreadCount(), int(rows / 50'000) + 1));
        QList<QList<Keyed>> sliced(slices);
        QList<qint64> skippedIn(slices, 0);
        {
            std::vector<std::thread> workers;
            for (int t = 0; t < slices; ++t)
                workers.emplace_back([&, t] {
                    QByteArray mine;
                    const qsizetype from = rows * t / slices, to = rows * (t + 1) / slices;
                    sliced[t].reserve(to - from);
                    for (qsizetype r = from; r < to; ++r) {
                        normaliseUtf8(entityType, m_records.raw(r, entityCol), mine);
                        if (mine.isEmpty()) {
                            ++skippedIn[t];
                            continue;
                        }
                        sliced[t] << Keyed{qHash(QByteArrayView(mine), 0x5bd1e995), r};
                    }
                });
            for (std::thread& w : workers)
                w.join();
        }
        if (cancelled())
            throw Failure{Tr::tr("The run was cancelled.")};
        QList<Keyed> keyed;
        keyed.reserve(rows);
        for (int t = 0; t < slices; ++t) {
            keyed << sliced[t];
            m_result.rowsSkipped += skippedIn[t];
        }
        sliced = {};
        std::sort(keyed.begin(), keyed.end(), [](const Keyed& a, const Keyed& b) { return a.hash != b.hash ? a.hash < b.hash : a.row < b.row; });
        QStringList entityNames;
        QList<int> rowEntity(m_records.rowCount(), -1);
        for (qsizetype i = 0; i < keyed.size();) {
            qsizetype end = i + 1;
            while (end < keyed.size() && keyed[end].hash == keyed[i].hash)
                ++end;
            normaliseUtf8(entityType, m_records.raw(keyed[i].row, entityCol), buffer);
            QHash<QByteArray, int> collided; // only when two values share a hash
            const int first = int(entityNames.size());
            entityNames << m_records.text(keyed[i].row, entityCol);
            for (qsizetype k = i; k < end; ++k) {
                int id = first;
                // The same text as the run's first is the same value without normalising it again.
                if (k > i && m_records.raw(keyed[k].row, entityCol) != m_records.raw(keyed[i].row, entityCol)) {
                    normaliseUtf8(entityType, m_records.raw(keyed[k].row, entityCol), other);
                    if (other != buffer) {
                        auto it = collided.find(other);
                        if (it == collided.end()) {
                            it = collided.insert(other, int(entityNames.size()));
                            entityNames << m_records.text(keyed[k].row, entityCol);
                        }
                        id = it.value();
                    }
                }
                rowEntity[keyed[k].row] = id;
            }
            i = end;
        }
        keyed = {};
        m_done += m_records.rowCount();
        QList<int> parent(entityNames.size());
        std::iota(parent.begin(), parent.end(), 0);

        // Identifiers: per column, (hash of the normal form, entity, row) sorted the same way.
        struct Identifier
        {
            int column;
            qsizetype row;          // a row that holds it (its text is shown)
            QList<int> entities;    // distinct, sorted
        };
        QList<Identifier> tying;
        struct CommonId
        {
            int column;
            qsizetype row;
            int entities;
        };
        QList<CommonId> common;
        const auto shared = [&](int col, QList<int> ents, qsizetype row) {
            std::sort(ents.begin(), ents.end());
            ents.erase(std::unique(ents.begin(), ents.end()), ents.end());
            if (ents.size() < 2)
                return;
            if (ents.size() > maxShare) {
                common << CommonId{col, row, int(ents.size())};
                return;
            }
            for (qsizetype k = 1; k < ents.size(); ++k) {
                const int a = find(parent, ents[0]), b = find(parent, ents[k]);
                if (a != b)
                    parent[b] = a;
            }
            tying << Identifier{col, row, std::move(ents)};
        };
        // Each identifier column on its own thread (they read the records and the entities only);
        // the groups they find are joined here in column order, so a run is the same every time.
        struct Found
        {
            QList<int> entities;
            qsizetype row;
        };
        const auto scanColumn = [&](int col, QList<Found>& found, std::atomic_bool& stopped) {
            struct Entry
            {
                size_t hash;
                int entity;
                qsizetype row;
            };
            QByteArray mine, theirs;
            QList<Entry> entries;
            entries.reserve(m_records.rowCount());
            const ColumnType type = m_records.columns()[col].type;
            for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
                if ((r & 0x3fff) == 0 && cancelled()) {
                    stopped = true;
                    return;
                }
                if (rowEntity[r] < 0)
                    continue;
                normaliseUtf8(type, m_records.raw(r, col), mine);
                if (mine.isEmpty())
                    continue;
                entries << Entry{qHash(QByteArrayView(mine), 0x9e3779b9), rowEntity[r], r};
            }
            // By hash alone (a cheaper comparison); a run of one hash is put in entity order below
            // only when it holds more than one entity.
            std::sort(entries.begin(), entries.end(), [](const Entry& x, const Entry& y) { return x.hash < y.hash; });
            for (qsizetype i = 0; i < entries.size();) {
                qsizetype end = i + 1;
                while (end < entries.size() && entries[end].hash == entries[i].hash)
                    ++end;
                // One entity only (most values): nothing to tie, no value to look at.
                bool oneEntity = true;
                for (qsizetype k = i + 1; k < end && oneEntity; ++k)
                    oneEntity = entries[k].entity == entries[i].entity;
                if (oneEntity) {
                    i = end;
                    continue;
                }
                std::sort(entries.begin() + i, entries.begin() + end, [](const Entry& x, const Entry& y) {
                    return x.entity != y.entity ? x.entity < y.entity : x.row < y.row;
                });
                normaliseUtf8(type, m_records.raw(entries[i].row, col), mine);
                bool oneValue = true;
                const QByteArrayView firstText = m_records.raw(entries[i].row, col);
                for (qsizetype k = i + 1; k < end && oneValue; ++k) {
                    if (m_records.raw(entries[k].row, col) == firstText)
                        continue; // the same text: the same value
                    normaliseUtf8(type, m_records.raw(entries[k].row, col), theirs);
                    oneValue = theirs == mine;
                }
                if (oneValue) {
                    QList<int> ents;
                    qsizetype row = entries[i].row;
                    for (qsizetype k = i; k < end; ++k) {
                        if (ents.isEmpty() || ents.last() != entries[k].entity)
                            ents << entries[k].entity;
                        row = std::min(row, entries[k].row);
                    }
                    found << Found{std::move(ents), row};
                } else {
                    // Two values with one hash: split by the values themselves.
                    QMap<QByteArray, Found> byValue;
                    for (qsizetype k = i; k < end; ++k) {
                        normaliseUtf8(type, m_records.raw(entries[k].row, col), theirs);
                        auto it = byValue.find(theirs);
                        if (it == byValue.end())
                            it = byValue.insert(theirs, Found{{}, entries[k].row});
                        it->entities << entries[k].entity;
                        it->row = std::min(it->row, entries[k].row);
                    }
                    for (auto it = byValue.begin(); it != byValue.end(); ++it)
                        found << it.value();
                }
                i = end;
            }
        };
        QList<QList<Found>> perColumn(idCols.size());
        std::atomic_bool stopped = false;
        {
            std::vector<std::thread> workers;
            const int threads = std::max(1, std::min(int(idCols.size()), QThread::idealThreadCount()));
            std::atomic_int next = 0;
            for (int t = 0; t < threads; ++t)
                workers.emplace_back([&] {
                    for (int c = next++; c < idCols.size(); c = next++)
                        scanColumn(idCols[c], perColumn[c], stopped);
                });
            for (std::thread& w : workers)
                w.join();
        }
        if (stopped || cancelled())
            throw Failure{Tr::tr("The run was cancelled.")};
        m_done += m_records.rowCount() * idCols.size();
        if (m_options.progress)
            m_options.progress(m_done, m_total);
        for (qsizetype c = 0; c < idCols.size(); ++c)
            for (Found& f : perColumn[c])
                shared(idCols[c], std::move(f.entities), f.row);
        // What was left out as common, the most shared first.
        std::sort(common.begin(), common.end(), [](const CommonId& a, const CommonId& b) { return a.entities > b.entities; });
        for (qsizetype k = 0; k < std::min<qsizetype>(common.size(), 20); ++k)
            m_result.notes << Tr::tr("%1 %2: shared by %3 entities, more than %4, left out as common (a cafe, a shared office, a public number)")
                                  .arg(columnName(common[k].column), m_records.text(common[k].row, common[k].column))
                                  .arg(common[k].entities)
                                  .arg(maxShare);
        if (common.size() > 20)
            m_result.notes << Tr::tr("%n more identifier(s) left out as common", nullptr, int(common.size() - 20));

        // Groups: the components of at least min_members.
        // Groups of at least min_members only (most entities are alone: no list for them).
        QList<int> rootOf(entityNames.size());
        QList<int> sizeOf(entityNames.size(), 0);
        for (int e = 0; e < entityNames.size(); ++e)
            ++sizeOf[rootOf[e] = find(parent, e)];
        QHash<int, QList<int>> groups; // root -> members
        for (int e = 0; e < entityNames.size(); ++e)
            if (sizeOf[rootOf[e]] >= minMembers)
                groups[rootOf[e]] << e;
        QHash<int, QList<int>> groupIds; // root -> tying identifiers
        for (qsizetype k = 0; k < tying.size(); ++k)
            groupIds[find(parent, tying[k].entities.first())] << int(k);
        QHash<int, QList<qsizetype>> groupRows;
        for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
            if (rowEntity[r] < 0)
                continue;
            const int root = rootOf[rowEntity[r]];
            if (sizeOf[root] >= minMembers)
                groupRows[root] << r;
        }
        for (auto it = groups.begin(); it != groups.end(); ++it) {
            const QList<int>& members = it.value();
            const qsizetype n = members.size();
            if (n < minMembers)
                continue;
            ModelHit hit;
            QSet<int> kinds;
            QSet<quint64> pairs;
            qint64 incidences = 0;
            for (int k : groupIds.value(it.key())) {
                const Identifier& id = tying[k];
                kinds.insert(id.column);
                incidences += id.entities.size();
                for (qsizetype a = 0; a < id.entities.size(); ++a) {
                    for (qsizetype b = a + 1; b < id.entities.size(); ++b)
                        pairs.insert((quint64(id.entities[a]) << 32) | quint64(id.entities[b]));
                    hit.ties << RingTie{entityNames[id.entities[a]], columnName(id.column), m_records.text(id.row, id.column),
                                        int(id.entities.size() - 1)};
                }
            }
            const double density = n > 1 ? double(pairs.size()) / (double(n) * double(n - 1) / 2) : 0;
            const double tiesPerMember = double(incidences) / double(n);
            const double sizeShare = std::clamp(std::log(double(n) / minMembers) / std::log(fullSize / minMembers), 0.0, 1.0);
            const double kindsShare = idCols.isEmpty() ? 0 : double(kinds.size()) / double(idCols.size());
            const double tiesShare = idCols.size() <= 1 ? 1.0 : std::clamp((tiesPerMember - 1) / double(idCols.size() - 1), 0.0, 1.0);
            const auto part = [](const char* key, const char* label, double value, Phrase detail) {
                return ScorePart{QString::fromLatin1(key), QCoreApplication::translate("hexhub::bigdata::ModelRun", label), value, detail.text(), detail};
            };
            hit.breakdown << part("size", QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "members"), wSize / wSum * sizeShare,
                                  phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1 members (full marks at %2)"), {num(n), num(fullSize)}))
                          << part("kinds", QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "kinds of identifier that tie them"), wKinds / wSum * kindsShare,
                                  phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1 of %2"), {num(kinds.size()), num(idCols.size())}))
                          << part("ties", QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "identifiers per member"), wTies / wSum * tiesShare,
                                  phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1 on average"), {num(tiesPerMember, 1)}))
                          << part("density", QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "pairs of members tied directly"), wDensity / wSum * density,
                                  phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1% of pairs"), {num(density * 100, 1)}));
            hit.score = 0;
            for (const ScorePart& p : std::as_const(hit.breakdown))
                hit.score += p.value;
            hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "score"));
                hit.unit = hit.unitPhrase.text();
            hit.total = hit.score;
            for (int e : members)
                hit.members << entityNames[e];
            std::sort(hit.members.begin(), hit.members.end());
            std::sort(hit.ties.begin(), hit.ties.end(), [](const RingTie& a, const RingTie& b) {
                return a.member != b.member ? a.member < b.member : (a.column != b.column ? a.column < b.column : a.value < b.value);
            });
            hit.key = hit.members.first();
            hit.facts.insert(QStringLiteral("members"), double(n));
            hit.facts.insert(QStringLiteral("identifiers"), double(groupIds.value(it.key()).size()));
            hit.facts.insert(QStringLiteral("density"), density);
            hit.summaryPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "A ring of %1 entities (%2) tied by %3 shared identifiers"),
                                       {num(n), columnName(entityCol), num(groupIds.value(it.key()).size())});
            hit.summary = hit.summaryPhrase.text();
            keepRows(hit, groupRows.value(it.key()));
            m_result.hits << hit;
        }
    }

    // ---- geo-temporal -----------------------------------------------------------------------
    void geoTemporal()
    {
        const int placeCol = paramColumn("place"), timeCol = paramColumn("time");
        const double radius = number("radius");
        const qint64 window = duration("window");
        const int minPoints = int(number("min_points"));
        if (radius <= 0 || window <= 0)
            throw Failure{Tr::tr("the radius and the window must be above zero")};
        struct Point
        {
            double lat, lon;
            qint64 t;
            qsizetype row;
        };
        QList<Point> points;
        double latSum = 0;
        for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
            checkCancel(r);
            const auto p = parsePlaceCell(m_records.text(r, placeCol));
            const auto t = time(r, timeCol);
            if (!p || !t) {
                ++m_result.rowsSkipped;
                continue;
            }
            points << Point{p->first, p->second, *t, r};
            latSum += p->first;
        }
        if (points.isEmpty())
            return;
        const double lat0 = latSum / double(points.size());
        const double mPerDegLat = 111'320.0, mPerDegLon = 111'320.0 * std::cos(lat0 * M_PI / 180.0);
        const auto cellOf = [&](const Point& p) {
            return std::array<qint64, 3>{qint64(std::floor(p.lat * mPerDegLat / radius)), qint64(std::floor(p.lon * mPerDegLon / radius)),
                                         p.t >= 0 ? p.t / window : -((-p.t + window - 1) / window)};
        };
        const auto cellKey = [](qint64 a, qint64 b, qint64 c) {
            return (quint64(a) * 0x9E3779B97F4A7C15ULL) ^ (quint64(b) * 0xC2B2AE3D27D4EB4FULL) ^ (quint64(c) * 0x165667B19E3779F9ULL);
        };
        QHash<quint64, QList<int>> grid;
        for (qsizetype i = 0; i < points.size(); ++i) {
            const auto c = cellOf(points[i]);
            grid[cellKey(c[0], c[1], c[2])] << int(i);
        }
        const auto neighbours = [&](int i) {
            QList<int> out;
            const auto c = cellOf(points[i]);
            for (qint64 a = -1; a <= 1; ++a)
                for (qint64 b = -1; b <= 1; ++b)
                    for (qint64 d = -1; d <= 1; ++d) {
                        const auto it = grid.constFind(cellKey(c[0] + a, c[1] + b, c[2] + d));
                        if (it == grid.cend())
                            continue;
                        for (int j : it.value()) {
                            const double dy = (points[j].lat - points[i].lat) * mPerDegLat, dx = (points[j].lon - points[i].lon) * mPerDegLon;
                            if (dx * dx + dy * dy <= radius * radius && std::abs(points[j].t - points[i].t) <= window)
                                out << j;
                        }
                    }
            return out;
        };
        // DBSCAN: a point with min_points within reach (itself included) is a core point; clusters
        // grow from core points through their neighbours.
        QList<int> label(points.size(), -2); // -2 unvisited, -1 noise
        QList<bool> core(points.size(), false);
        int clusters = 0;
        for (int i = 0; i < points.size(); ++i) {
            checkCancel(i);
            if (label[i] != -2)
                continue;
            const QList<int> near = neighbours(i);
            if (near.size() < minPoints) {
                label[i] = -1;
                continue;
            }
            const int id = clusters++;
            label[i] = id;
            core[i] = true;
            QList<int> queue = near;
            for (qsizetype q = 0; q < queue.size(); ++q) {
                const int j = queue[q];
                if (label[j] == -1)
                    label[j] = id;
                if (label[j] != -2)
                    continue;
                label[j] = id;
                const QList<int> more = neighbours(j);
                if (more.size() >= minPoints) {
                    core[j] = true;
                    queue << more;
                }
            }
        }
        QList<QList<int>> members(clusters);
        for (int i = 0; i < points.size(); ++i)
            if (label[i] >= 0)
                members[label[i]] << i;
        for (const QList<int>& m : std::as_const(members)) {
            double la = 0, lo = 0;
            qint64 first = std::numeric_limits<qint64>::max(), last = std::numeric_limits<qint64>::min();
            int cores = 0;
            QList<qsizetype> rows;
            for (int i : m) {
                la += points[i].lat;
                lo += points[i].lon;
                first = std::min(first, points[i].t);
                last = std::max(last, points[i].t);
                cores += core[i] ? 1 : 0;
                rows << points[i].row;
            }
            la /= double(m.size());
            lo /= double(m.size());
            double reach = 0;
            for (int i : m)
                reach = std::max(reach, std::hypot((points[i].lat - la) * mPerDegLat, (points[i].lon - lo) * mPerDegLon));
            ModelHit hit;
            const double n = double(m.size());
            hit.score = n / (n + minPoints);
            hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "records"));
                        hit.unit = hit.unitPhrase.text();
            hit.total = n;
            const Phrase within = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "%1 within %2 m and %3"),
                                         {num(minPoints), QString::number(radius), m_params.value(QStringLiteral("window")).toVariant().toString()});
            hit.breakdown << ScorePart{QStringLiteral("core"), Tr::tr("records with enough neighbours (core)"), double(cores), within.text(), within}
                          << ScorePart{QStringLiteral("border"), Tr::tr("records reached from them (border)"), n - cores, {}, {}};
            hit.key = QStringLiteral("%1,%2").arg(la, 0, 'f', 5).arg(lo, 0, 'f', 5);
            hit.facts.insert(QStringLiteral("count"), n);
            hit.facts.insert(QStringLiteral("centre_lat"), la);
            hit.facts.insert(QStringLiteral("centre_lon"), lo);
            hit.facts.insert(QStringLiteral("reach_m"), reach);
            hit.facts.insert(QStringLiteral("first"), double(first));
            hit.facts.insert(QStringLiteral("last"), double(last));
            hit.summaryPhrase = phrase(QT_TRANSLATE_N_NOOP("hexhub::bigdata::ModelRun", "%n record(s) within %1 m of one another's place and time"), {num(std::round(reach * 2))}, int(n));
            hit.summary = hit.summaryPhrase.text();
            keepRows(hit, rows);
            m_result.hits << hit;
        }
    }

    // ---- entity resolution ------------------------------------------------------------------
public:
    struct Field
    {
        int column = -1;
        QString compare;
        double m = 0.9, u = 0.1, similarity = 0.9;
    };
    //! 1 agree, 0 disagree, -1 not known (a value missing).
    int agree(const Field& f, qsizetype a, qsizetype b) const
    {
        const ColumnType type = m_records.columns()[f.column].type;
        const QString x = normalisedValue(type, m_records.text(a, f.column)), y = normalisedValue(type, m_records.text(b, f.column));
        if (x.isEmpty() || y.isEmpty())
            return -1;
        if (f.compare == QLatin1String("jaro_winkler"))
            return jaroWinkler(x, y) >= f.similarity ? 1 : 0;
        if (f.compare == QLatin1String("digits")) {
            const auto digits = [](const QString& s) {
                QString d;
                for (QChar c : s)
                    if (c.isDigit())
                        d += c;
                return d;
            };
            return digits(x) == digits(y) ? 1 : 0;
        }
        if (f.compare == QLatin1String("initials")) {
            const auto initials = [](const QString& s) {
                QString out;
                for (const QString& w : s.split(QLatin1Char(' '), Qt::SkipEmptyParts))
                    out += w.at(0);
                return out;
            };
            return initials(x) == initials(y) ? 1 : 0;
        }
        if (f.compare == QLatin1String("number"))
            return std::abs(x.toDouble() - y.toDouble()) <= f.similarity ? 1 : 0;
        return x == y ? 1 : 0;
    }

    static double jaroWinkler(const QString& a, const QString& b)
    {
        if (a == b)
            return 1;
        const qsizetype la = a.size(), lb = b.size();
        if (la == 0 || lb == 0)
            return 0;
        const qsizetype reach = std::max<qsizetype>(0, std::max(la, lb) / 2 - 1);
        QList<bool> ma(la, false), mb(lb, false);
        qsizetype matches = 0;
        for (qsizetype i = 0; i < la; ++i) {
            for (qsizetype j = std::max<qsizetype>(0, i - reach); j < std::min(lb, i + reach + 1); ++j) {
                if (!mb[j] && a[i] == b[j]) {
                    ma[i] = mb[j] = true;
                    ++matches;
                    break;
                }
            }
        }
        if (matches == 0)
            return 0;
        qsizetype t = 0, k = 0;
        for (qsizetype i = 0; i < la; ++i) {
            if (!ma[i])
                continue;
            while (!mb[k])
                ++k;
            t += a[i] != b[k] ? 1 : 0;
            ++k;
        }
        const double m = double(matches);
        const double jaro = (m / la + m / lb + (m - t / 2.0) / m) / 3.0;
        qsizetype prefix = 0;
        while (prefix < std::min<qsizetype>({4, la, lb}) && a[prefix] == b[prefix])
            ++prefix;
        return jaro + prefix * 0.1 * (1 - jaro);
    }

    QList<Field> fields()
    {
        QList<Field> out;
        for (const QJsonValue& v : m_model.body.value(QStringLiteral("fields")).toArray()) {
            const QJsonObject o = v.toObject();
            Field f;
            f.column = column(o.value(QStringLiteral("column")));
            f.compare = o.value(QStringLiteral("compare")).toString(QStringLiteral("exact"));
            f.m = o.value(QStringLiteral("m")).toDouble();
            f.u = o.value(QStringLiteral("u")).toDouble();
            f.similarity = o.value(QStringLiteral("similarity")).toDouble(f.compare == QLatin1String("number") ? 0 : 0.9);
            out << f;
        }
        return out;
    }

    //! Candidate pairs from the blocking rules (each block of at most max_block rows).
    QList<std::pair<qsizetype, qsizetype>> candidates()
    {
        const int maxBlock = int(number("max_block"));
        QSet<quint64> seen;
        QList<std::pair<qsizetype, qsizetype>> out;
        for (const QJsonValue& rule : m_model.body.value(QStringLiteral("blocking")).toArray()) {
            QList<int> cols;
            for (const QJsonValue& c : rule.toArray())
                cols << column(c);
            QHash<QString, QList<qsizetype>> blocks;
            for (qsizetype r = 0; r < m_records.rowCount(); ++r) {
                checkCancel(r);
                QString key;
                bool complete = true;
                for (int c : std::as_const(cols)) {
                    const QString v = normal(r, c);
                    if (v.isEmpty()) {
                        complete = false;
                        break;
                    }
                    key += v + QChar(0x1f);
                }
                if (complete)
                    blocks[key] << r;
            }
            int oversized = 0;
            for (auto it = blocks.cbegin(); it != blocks.cend(); ++it) {
                const QList<qsizetype>& rows = it.value();
                if (rows.size() > maxBlock) {
                    ++oversized;
                    continue;
                }
                for (qsizetype a = 0; a < rows.size(); ++a)
                    for (qsizetype b = a + 1; b < rows.size(); ++b) {
                        const quint64 key = (quint64(rows[a]) << 32) | quint64(rows[b]);
                        if (!seen.contains(key)) {
                            seen.insert(key);
                            out << std::pair{rows[a], rows[b]};
                        }
                    }
            }
            if (oversized > 0) {
                QStringList names;
                for (int c : std::as_const(cols))
                    names << columnName(c);
                m_result.notes << Tr::tr("%n block(s) on %1 over %2 rows left out (too common to tell people apart)", nullptr, oversized)
                                      .arg(names.join(QStringLiteral(" + ")))
                                      .arg(maxBlock);
            }
        }
        return out;
    }

private:
    void resolution()
    {
        const QList<Field> fs = fields();
        const double prior = m_model.body.value(QStringLiteral("prior")).toDouble(0.001);
        const double threshold = number("threshold");
        const auto pairs = candidates();
        const double priorWeight = std::log2(prior / (1 - prior));
        for (qsizetype p = 0; p < pairs.size(); ++p) {
            checkCancel(p);
            const auto [a, b] = pairs[p];
            ModelHit hit;
            double weight = priorWeight;
            const Phrase oneIn = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "1 in %1"), {num(std::round(1 / prior))});
            hit.breakdown << ScorePart{QStringLiteral("prior"), Tr::tr("prior: two records are rarely the same"), priorWeight, oneIn.text(), oneIn};
            for (const Field& f : fs) {
                const int ag = agree(f, a, b);
                const double w = ag < 0 ? 0 : (ag ? std::log2(f.m / f.u) : std::log2((1 - f.m) / (1 - f.u)));
                weight += w;
                const Phrase detail = ag < 0 ? phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "not known"))
                    : ag                     ? phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "agree: %1"), {m_records.text(a, f.column)})
                                             : phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "differ: %1 / %2"), {m_records.text(a, f.column), m_records.text(b, f.column)});
                hit.breakdown << ScorePart{QStringLiteral("field:") + columnName(f.column), columnName(f.column), w, detail.text(), detail};
            }
            const double probability = 1.0 / (1.0 + std::exp2(-weight));
            if (probability < threshold)
                continue;
            hit.score = probability;
            hit.unitPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "match weight (bits)"));
            hit.unit = hit.unitPhrase.text();
            hit.total = weight;
            hit.key = Tr::tr("lines %1 and %2").arg(m_records.line(a)).arg(m_records.line(b));
            hit.facts.insert(QStringLiteral("match_weight"), weight);
            hit.facts.insert(QStringLiteral("probability"), probability);
            hit.summaryPhrase = phrase(QT_TRANSLATE_NOOP("hexhub::bigdata::ModelRun", "Lines %1 and %2 are the same with probability %3"),
                                       {num(m_records.line(a)), num(m_records.line(b)), num(probability, 3)});
            hit.summary = hit.summaryPhrase.text();
            hit.members << Tr::tr("line %1").arg(m_records.line(a)) << Tr::tr("line %1").arg(m_records.line(b));
            keepRows(hit, {a, b});
            m_result.hits << hit;
        }
    }

    const ModelDefinition& m_model;
    const QJsonObject& m_params;
    const RecordSet& m_records;
    const ModelRunOptions& m_options;
    ModelRunResult m_result;
    qint64 m_done = 0, m_total = 0;
};

} // namespace

std::optional<ModelRunResult> runModel(const ModelDefinition& model, const QJsonObject& parameters, const RecordSet& records,
                                       const ModelRunOptions& options, QString* error)
{
    try {
        Run run(model, parameters, records, options);
        return run.run();
    } catch (const Failure& f) {
        if (error)
            *error = f.message;
        return std::nullopt;
    }
}

QString Phrase::text() const
{
    if (source.isEmpty())
        return {};
    const QByteArray utf8 = source.toUtf8();
    QString out = QCoreApplication::translate("hexhub::bigdata::ModelRun", utf8.constData(), nullptr, n);
    for (const QString& a : args)
        out = out.arg(a);
    return out;
}

QJsonObject Phrase::toJson() const
{
    QJsonObject o{{QStringLiteral("source"), source}, {QStringLiteral("args"), QJsonArray::fromStringList(args)}};
    if (n >= 0)
        o.insert(QStringLiteral("n"), n);
    return o;
}

Phrase Phrase::fromJson(const QJsonValue& json)
{
    const QJsonObject o = json.toObject();
    Phrase p;
    p.source = o.value(QStringLiteral("source")).toString();
    for (const QJsonValue& a : o.value(QStringLiteral("args")).toArray())
        p.args << a.toString();
    p.n = o.value(QStringLiteral("n")).toInt(-1);
    return p;
}

QString localText(const QJsonObject& object, const QString& key)
{
    const Phrase p = Phrase::fromJson(object.value(key + QStringLiteral("_phrase")));
    return p.isEmpty() ? object.value(key).toString() : p.text();
}

QString partLabel(const QJsonObject& part)
{
    const QString key = part.value(QStringLiteral("key")).toString();
    if (key == QLatin1String("size"))
        return Tr::tr("members");
    if (key == QLatin1String("kinds"))
        return Tr::tr("kinds of identifier that tie them");
    if (key == QLatin1String("ties"))
        return Tr::tr("identifiers per member");
    if (key == QLatin1String("density"))
        return Tr::tr("pairs of members tied directly");
    if (key == QLatin1String("expected"))
        return Tr::tr("expected from its own history");
    if (key == QLatin1String("excess"))
        return Tr::tr("above expectation");
    if (key == QLatin1String("core"))
        return Tr::tr("records with enough neighbours (core)");
    if (key == QLatin1String("border"))
        return Tr::tr("records reached from them (border)");
    if (key == QLatin1String("prior"))
        return Tr::tr("prior: two records are rarely the same");
    return part.value(QStringLiteral("label")).toString();
}

QString maskedValue(const QString& value)
{
    // As every store masks personal data (hexhub_mask(), the hub's contacts).
    return maskContact(value);
}

QJsonObject hitToJson(const ModelHit& hit, const ModelDefinition& model, const QJsonObject& parameters, const RecordSet& records, bool masked)
{
    const auto cell = [&](qsizetype row, int col) {
        const QString text = records.text(row, col);
        return masked && records.columns()[col].personal ? maskedValue(text) : text;
    };
    const auto personalColumn = [&](const QString& name) {
        const int c = records.column(name);
        return masked && c >= 0 && records.columns()[c].personal;
    };
    QJsonObject o;
    o.insert(QStringLiteral("model"), model.id);
    o.insert(QStringLiteral("version"), model.version);
    o.insert(QStringLiteral("parameters"), parameters);
    o.insert(QStringLiteral("score"), std::round(hit.score * 10000) / 10000);
    o.insert(QStringLiteral("summary"), hit.summary);
    if (!hit.summaryPhrase.isEmpty())
        o.insert(QStringLiteral("summary_phrase"), hit.summaryPhrase.toJson());
    if (!hit.unitPhrase.isEmpty())
        o.insert(QStringLiteral("unit_phrase"), hit.unitPhrase.toJson());
    o.insert(QStringLiteral("key"), hit.key);
    QJsonArray parts;
    for (const ScorePart& p : hit.breakdown)
        parts << QJsonObject{{QStringLiteral("key"), p.key},
                             {QStringLiteral("label"), p.label},
                             {QStringLiteral("value"), std::round(p.value * 10000) / 10000},
                             {QStringLiteral("detail"), p.detail},
                             {QStringLiteral("detail_phrase"), p.detailPhrase.toJson()}};
    o.insert(QStringLiteral("breakdown"), parts);
    o.insert(QStringLiteral("unit"), hit.unit);
    o.insert(QStringLiteral("total"), std::round(hit.total * 10000) / 10000);
    o.insert(QStringLiteral("facts"), hit.facts);
    if (!hit.members.isEmpty())
        o.insert(QStringLiteral("members"), QJsonArray::fromStringList(hit.members));
    if (!hit.ties.isEmpty()) {
        QJsonArray ties;
        for (const RingTie& t : hit.ties)
            ties << QJsonObject{{QStringLiteral("member"), t.member},
                                {QStringLiteral("column"), t.column},
                                {QStringLiteral("value"), personalColumn(t.column) ? maskedValue(t.value) : t.value},
                                {QStringLiteral("shared_with"), t.sharedWith}};
        o.insert(QStringLiteral("ties"), ties);
    }
    QJsonArray rows;
    QJsonArray columns;
    for (const ColumnSpec& c : records.columns())
        columns << c.name;
    for (qsizetype r : hit.rows) {
        QJsonArray cells;
        for (int c = 0; c < records.columns().size(); ++c)
            cells << cell(r, c);
        rows << QJsonObject{{QStringLiteral("line"), double(records.line(r))}, {QStringLiteral("cells"), cells}};
    }
    o.insert(QStringLiteral("columns"), columns);
    o.insert(QStringLiteral("rows"), rows);
    return o;
}

std::optional<ModelDefinition> relearnWeights(const ModelDefinition& model, const QJsonObject& parameters, const RecordSet& records,
                                              const QList<LabelledPair>& labels, QString* error)
{
    const auto fail = [&](const QString& why) -> std::optional<ModelDefinition> {
        if (error)
            *error = why;
        return std::nullopt;
    };
    if (model.kind != ModelKind::EntityResolution)
        return fail(Tr::tr("Only an entity-resolution model learns from answers."));
    ModelRunOptions options;
    Run run(model, parameters, records, options);
    QList<Run::Field> fs;
    try {
        fs = run.fields();
    } catch (const Failure& f) {
        return fail(f.message);
    }
    int counted = 0;
    for (const LabelledPair& l : labels)
        counted += l.label == PairLabel::Unsure ? 0 : 1;
    if (counted == 0)
        return fail(Tr::tr("No answer to learn from: unsure answers count for nothing."));
    // Each field: m from the pairs said to be the same, u from those said to differ, each pulled
    // toward the current value by five answers' worth of weight.
    constexpr double kPseudo = 5;
    QJsonObject body = model.body;
    QJsonArray fieldsJson = body.value(QStringLiteral("fields")).toArray();
    for (qsizetype i = 0; i < fs.size(); ++i) {
        double sameAgree = 0, sameKnown = 0, diffAgree = 0, diffKnown = 0;
        for (const LabelledPair& l : labels) {
            if (l.label == PairLabel::Unsure || l.left < 0 || l.right < 0 || l.left >= records.rowCount() || l.right >= records.rowCount())
                continue;
            const int ag = run.agree(fs[i], l.left, l.right);
            if (ag < 0)
                continue;
            if (l.label == PairLabel::Same) {
                sameKnown += 1;
                sameAgree += ag;
            } else {
                diffKnown += 1;
                diffAgree += ag;
            }
        }
        double m = (sameAgree + kPseudo * fs[i].m) / (sameKnown + kPseudo);
        double u = (diffAgree + kPseudo * fs[i].u) / (diffKnown + kPseudo);
        m = std::clamp(m, 0.001, 0.999);
        u = std::clamp(u, 0.0001, 0.999);
        if (m <= u)
            u = std::max(0.0001, m / 2); // agreeing must still say more for a match than against one
        QJsonObject f = fieldsJson[i].toObject();
        f.insert(QStringLiteral("m"), std::round(m * 10000) / 10000);
        f.insert(QStringLiteral("u"), std::max(0.0001, std::round(u * 10000) / 10000));
        fieldsJson[i] = f;
    }
    body.insert(QStringLiteral("fields"), fieldsJson);
    QJsonObject doc = QJsonDocument::fromJson(model.source).object();
    doc.insert(QStringLiteral("version"), model.version + 1);
    doc.insert(modelKindKey(model.kind), body);
    QList<ModelProblem> problems;
    auto next = ModelDefinition::fromJson(QJsonDocument(doc).toJson(QJsonDocument::Indented), &problems);
    if (!next)
        return fail(problems.value(0).toString());
    next->origin = model.origin;
    return next;
}

} // namespace hexhub::bigdata
