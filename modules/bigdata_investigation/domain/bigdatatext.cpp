// How the centre's events read, its rail badge and its palette search.
#include "hexhub/bigdata_investigation/datasets.h"
#include "hexhub/bigdata_investigation/modelrun.h"
#include "hexhub/bigdata_investigation/modelservice.h"

#include "bus/event.h"
#include "security/session.h"
#include "store/sql.h"

#include <QCoreApplication>
#include <QJsonDocument>
#include <QJsonObject>

namespace hexhub::bigdata {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::bigdata::Text)
};

} // namespace

EventDescription describeBigDataEvent(const Event& event)
{
    EventDescription d;
    const QJsonObject p = event.payload;
    const auto str = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    const auto num = [&p](const char* key) { return qint64(p.value(QLatin1String(key)).toDouble()); };
    if (event.topic == QLatin1String("dataset.imported")) {
        d.text = Tr::tr("Dataset %1 imported: %2 rows, %3 set aside (%4)").arg(str("name")).arg(num("rows")).arg(num("rejected")).arg(str("origin"));
    } else if (event.topic == QLatin1String("dataset.purged")) {
        d.text = Tr::tr("Dataset %1 purged after its retention date (%2 rows)").arg(str("name")).arg(num("rows"));
    } else if (event.topic == QLatin1String("model.saved")) {
        d.text = Tr::tr("Model %1 saved as version %2").arg(str("model")).arg(num("version"));
    } else if (event.topic == QLatin1String("model_run.finished")) {
        d.text = Tr::tr("Model %1 over %2: %3, %4 hits").arg(str("model"), str("dataset_name")).arg(str("state")).arg(num("hits"));
        if (str("state") == QLatin1String("finished") && num("hits") > 0) {
            d.notify = EventDescription::Notify::Info;
            d.title = Tr::tr("%n hit(s) to review", nullptr, int(num("hits")));
        }
    } else if (event.topic == QLatin1String("model_hit.reviewed")) {
        const auto to = hitStatusFromKey(str("to"));
        d.text = Tr::tr("Hit %1 %2: %3").arg(num("hit")).arg(to ? hitStatusName(*to) : str("to"), str("reason"));
    } else if (event.topic == QLatin1String("model_hit.labelled")) {
        const QString label = str("label");
        d.text = Tr::tr("Hit %1 answered: %2")
                     .arg(num("hit"))
                     .arg(label == QLatin1String("same")        ? Tr::tr("the same person")
                          : label == QLatin1String("different") ? Tr::tr("different people")
                                                                : Tr::tr("unsure"));
    } else if (event.topic == QLatin1String("model_hit.handed_on")) {
        const QJsonObject e = p.value(QStringLiteral("evidence")).toObject();
        d.text = str("to") == QLatin1String("hub")
                     ? Tr::tr("Hit %1 handed to the hub: %2").arg(num("hit")).arg(localText(e, QStringLiteral("summary")))
                     : Tr::tr("Hit %1 handed to criminal intelligence as a lead: %2").arg(num("hit")).arg(localText(e, QStringLiteral("summary")));
        d.notify = EventDescription::Notify::Important;
        d.title = str("to") == QLatin1String("hub") ? Tr::tr("A confirmed big-data hit for the hub") : Tr::tr("A confirmed big-data lead");
        d.detail = Tr::tr("%1 (score %2, %3): %4")
                       .arg(localText(e, QStringLiteral("summary")))
                       .arg(e.value(QStringLiteral("score")).toDouble(), 0, 'f', 2)
                       .arg(e.value(QStringLiteral("model")).toString(), str("reason"));
    }
    return d;
}

RailBadge bigDataRailBadge()
{
    RailBadge badge;
    badge.count = [](Sql& sql, const Principal& viewer) {
        if (!viewer.can(QStringLiteral("bigdata_investigation.model.run")))
            return 0;
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM bd_hits WHERE status IN ('new', 'more_data')")).toInt();
    };
    badge.refreshOn = {QStringLiteral("model_hit.*"), QStringLiteral("model_run.*")};
    return badge;
}

QList<RecordHit> searchBigData(Sql& sql, const QString& text, const Principal& viewer, int limit)
{
    QList<RecordHit> out;
    if (!viewer.can(QStringLiteral("bigdata_investigation.model.run")) && !viewer.can(QStringLiteral("bigdata_investigation.dataset.import")))
        return out;
    QString t = text.trimmed();
    const bool hitWord = t.startsWith(QLatin1String("hit "), Qt::CaseInsensitive) || t.startsWith(QStringLiteral("命中"));
    if (hitWord)
        t = t.section(QLatin1Char(' '), 1).trimmed();
    bool number = false;
    const qint64 id = t.toLongLong(&number);
    QSqlQuery q;
    if (number) {
        q = sql.exec(QStringLiteral("SELECT id, summary, score, status, summary_phrase FROM bd_hits WHERE id = ?"), {id});
    } else if (t.size() >= 2) {
        q = sql.exec(QStringLiteral("SELECT id, summary, score, status, summary_phrase FROM bd_hits WHERE lower(summary) LIKE lower(?) ORDER BY score DESC, id LIMIT ?"),
                     {QLatin1Char('%') + t + QLatin1Char('%'), limit});
    } else {
        return out;
    }
    while (q.next() && out.size() < limit) {
        const auto status = hitStatusFromKey(q.value(3).toString());
        const QString phrase = q.value(4).toString();
        const QString summary = phrase.isEmpty() ? q.value(1).toString() : Phrase::fromJson(QJsonDocument::fromJson(phrase.toUtf8()).object()).text();
        out << RecordHit{QStringLiteral("bd_hit"), q.value(0).toString(), Tr::tr("Hit %1").arg(q.value(0).toLongLong()),
                         Tr::tr("%1 · score %2 · %3").arg(summary).arg(q.value(2).toDouble(), 0, 'f', 2).arg(status ? hitStatusName(*status) : QString())};
    }
    if (!number && t.size() >= 2 && out.size() < limit) {
        QSqlQuery d = sql.exec(QStringLiteral("SELECT id, name, record_count FROM bd_datasets WHERE state = 'ready' AND lower(name) LIKE lower(?) ORDER BY imported_at DESC LIMIT ?"),
                               {QLatin1Char('%') + t + QLatin1Char('%'), limit});
        while (d.next() && out.size() < limit)
            out << RecordHit{QStringLiteral("bd_dataset"), d.value(0).toString(), Tr::tr("Dataset %1").arg(d.value(1).toString()),
                             Tr::tr("%n row(s)", nullptr, d.value(2).toInt())};
    }
    return out;
}

} // namespace hexhub::bigdata
