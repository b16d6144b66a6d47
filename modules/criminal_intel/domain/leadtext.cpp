// How the leads read outside their desk: timelines, notifications, the rail's badge, the palette.
#include "hexhub/criminal_intel/leads.h"

#include "bus/event.h"
#include "module/extensions.h"
#include "security/session.h"
#include "store/sql.h"

#include <QCoreApplication>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Leads)
};

QString statusWord(const QString& key)
{
    const auto s = leadStatusFromKey(key);
    return s ? leadStatusName(*s) : key;
}

} // namespace

EventDescription describeIntelEvent(const Event& event)
{
    EventDescription d;
    const QJsonObject p = event.payload;
    const auto str = [&p](const char* key) { return p.value(QLatin1String(key)).toString(); };
    // A training scenario's injects name leads as they like: a line that reads, whatever the payload.
    const QString ref = str("reference").isEmpty() ? (p.value(QStringLiteral("lead")).isString() ? str("lead") : QString()) : str("reference");
    if (event.topic == QLatin1String("lead.received")) {
        const auto source = leadSourceFromKey(str("source"));
        d.text = source ? Tr::tr("Lead %1 received (%2): %3").arg(ref, leadSourceName(*source), str("summary"))
                        : Tr::tr("Lead %1 received").arg(ref);
        d.notify = EventDescription::Notify::Info;
        d.title = Tr::tr("New lead %1").arg(ref);
        d.detail = str("summary");
    } else if (event.topic == QLatin1String("lead.updated")) {
        const QString change = str("change");
        if (change == QLatin1String("graded"))
            d.text = Tr::tr("Lead %1 graded %2: %3").arg(ref, str("to"), str("reason"));
        else if (change == QLatin1String("assigned"))
            d.text = str("to").isEmpty() ? Tr::tr("Lead %1 assigned to nobody").arg(ref) : Tr::tr("Lead %1 assigned to %2").arg(ref, str("to"));
        else if (change == QLatin1String("moved"))
            d.text = str("reason").isEmpty() ? Tr::tr("Lead %1 %2").arg(ref, statusWord(str("to")))
                                             : Tr::tr("Lead %1 %2: %3").arg(ref, statusWord(str("to")), str("reason"));
        else if (change == QLatin1String("merged"))
            d.text = Tr::tr("Lead %1 merged into %2: %3").arg(ref, str("to"), str("reason"));
        else if (change == QLatin1String("absorbed"))
            d.text = Tr::tr("Lead %1 took in its duplicate %2: %3").arg(ref, str("from"), str("reason"));
        else
            d.text = Tr::tr("Lead %1 updated").arg(ref);
    } else if (event.topic == QLatin1String("intel_settings.changed")) {
        const auto to = gradingSchemeFromKey(str("to"));
        d.text = Tr::tr("Leads are graded in the %1 from now: %2").arg(to ? gradingSchemeName(*to) : str("to"), str("reason"));
    } else if (event.topic == QLatin1String("investigation.opened")) {
        d.text = Tr::tr("Joint investigation opened");
    }
    return d;
}

RailBadge intelRailBadge()
{
    RailBadge badge;
    badge.count = [](Sql& sql, const Principal& viewer) {
        if (!viewer.can(QString::fromLatin1(LeadService::kTriagePermission)))
            return 0;
        return sql.scalar(QStringLiteral("SELECT COUNT(*) FROM ci_leads WHERE status IN ('new', 'assessing')")).toInt();
    };
    badge.refreshOn = {QStringLiteral("lead.*")};
    return badge;
}

QList<RecordHit> searchLeads(Sql& sql, const QString& text, const Principal& viewer, int limit)
{
    QList<RecordHit> out;
    if (!viewer.can(QString::fromLatin1(LeadService::kViewPermission)))
        return out;
    QString t = text.trimmed();
    if (t.startsWith(QLatin1String("lead "), Qt::CaseInsensitive) || t.startsWith(QStringLiteral("线索")))
        t = t.section(QLatin1Char(' '), 1).trimmed();
    bool number = false;
    const qint64 id = t.toLongLong(&number);
    QSqlQuery q;
    const QString columns = QStringLiteral("SELECT id, reference, summary, status, scheme, source_grade, info_grade, handling FROM ci_leads ");
    if (number)
        q = sql.exec(columns + QStringLiteral("WHERE id = ?"), {id});
    else if (t.startsWith(QLatin1String("L-"), Qt::CaseInsensitive))
        q = sql.exec(columns + QStringLiteral("WHERE reference = ?"), {t.toUpper()});
    else if (t.size() >= 2)
        q = sql.exec(columns + QStringLiteral("WHERE lower(summary) LIKE lower(?) ORDER BY received_at DESC, id DESC LIMIT ?"),
                     {QLatin1Char('%') + t + QLatin1Char('%'), limit});
    else
        return out;
    while (q.next() && out.size() < limit) {
        QString grade = Tr::tr("not graded");
        if (const auto scheme = gradingSchemeFromKey(q.value(4).toString()))
            grade = LeadGrade{*scheme, q.value(5).toString(), q.value(6).toString(), q.value(7).toString(), QString()}.code();
        out << RecordHit{QStringLiteral("lead"), q.value(0).toString(), Tr::tr("Lead %1").arg(q.value(1).toString()),
                         Tr::tr("%1 · %2 · %3").arg(q.value(2).toString(), grade, statusWord(q.value(3).toString()))};
    }
    return out;
}

} // namespace hexhub::criminalintel
