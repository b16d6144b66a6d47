// A case's timeline from the journal, and how the centre's events read (cases.h).
#include "base/error.h"
#include "bus/event.h"
#include "caselimits_p.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/escorts.h"
#include "hexhub/case_management/custody.h"
#include "module/extensions.h"
#include "module/servicesupport.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QDateTime>
#include <QJsonDocument>
#include <QSqlQuery>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::CaseService)
};

QString stamp(qint64 ms)
{
    return ms > 0 ? QDateTime::fromMSecsSinceEpoch(ms).toString(QStringLiteral("yyyy-MM-dd HH:mm")) : QString();
}

QString ruleTitle(const QString& rule)
{
    CaseLimit l;
    l.rule = rule;
    return l.title();
}

QString groundName(ExtensionGround ground)
{
    switch (ground) {
    case ExtensionGround::Ordinary:
        return Tr::tr("an ordinary extension");
    case ExtensionGround::Roving:
        return Tr::tr("a roving suspect");
    case ExtensionGround::Repeat:
        return Tr::tr("a repeat suspect");
    case ExtensionGround::Gang:
        return Tr::tr("a gang suspect");
    }
    return QString();
}

QString withNote(const QString& text, const QString& note)
{
    return note.isEmpty() ? text : Tr::tr("%1: %2", "a case event and its note").arg(text, note);
}

} // namespace

EventDescription describeCaseEvent(const Event& event)
{
    EventDescription d;
    const QJsonObject& p = event.payload;
    if (event.topic == QLatin1String(CaseOpened::kTopic)) {
        if (const auto e = CaseOpened::fromJson(p)) {
            const auto kind = caseKindFromKey(e->kind);
            d.text = kind == CaseKind::Administrative ? Tr::tr("Administrative case %1 opened: %2").arg(e->number, e->title)
                                                      : Tr::tr("Criminal case %1 opened: %2").arg(e->number, e->title);
        }
    } else if (event.topic == QLatin1String(CaseMoved::kTopic)) {
        if (const auto e = CaseMoved::fromJson(p)) {
            QString text = e->to == QLatin1String("closed")
                               ? Tr::tr("Case %1 closed").arg(e->number)
                               : Tr::tr("Case %1 moved from %2 to %3").arg(e->number, caseStageName(e->from), caseStageName(e->to));
            if (!e->approvedBy.isEmpty())
                text = Tr::tr("%1, approved by %2").arg(text, e->approvedBy);
            d.text = withNote(text, e->reason);
        }
    } else if (event.topic == QLatin1String(CaseLimitChanged::kTopic)) {
        if (const auto e = CaseLimitChanged::fromJson(p)) {
            const QString title = ruleTitle(e->rule);
            if (e->change == QLatin1String("started"))
                d.text = withNote(Tr::tr("Limit started for case %1: %2, due %3").arg(e->number, title, stamp(e->dueAt)), e->note);
            else if (e->change == QLatin1String("met"))
                d.text = withNote(Tr::tr("Limit met in case %1: %2").arg(e->number, title), e->note);
            else if (e->change == QLatin1String("extended")) {
                QString text = Tr::tr("Limit extended in case %1: %2, now due %3").arg(e->number, title, stamp(e->dueAt));
                if (const auto ground = extensionGroundFromKey(e->ground))
                    text = Tr::tr("%1 (%2)", "an extension and its ground").arg(text, groundName(*ground));
                if (!e->approvedBy.isEmpty())
                    text = Tr::tr("%1, approved by %2").arg(text, e->approvedBy);
                d.text = withNote(text, e->note);
            } else if (e->change == QLatin1String("cancelled"))
                d.text = withNote(Tr::tr("Limit cancelled in case %1: %2").arg(e->number, title), e->note);
        }
    } else if (event.topic == QLatin1String(CaseApproved::kTopic)) {
        if (const auto e = CaseApproved::fromJson(p)) {
            const QString what = e->what.section(QLatin1Char(':'), 1);
            d.text = withNote(e->what.startsWith(QLatin1String("stage:"))
                                  ? Tr::tr("Approved for case %1: the move to %2").arg(e->number, caseStageName(what))
                                  : Tr::tr("Approved for case %1: the extension of limit %2").arg(e->number, what),
                              e->note);
        }
    } else if (event.topic == QLatin1String(CaseFastTracked::kTopic)) {
        if (const auto e = CaseFastTracked::fromJson(p))
            d.text = withNote(Tr::tr("Case %1 put on the 48-hour fast track").arg(e->number), e->note);
    } else if (event.topic == QLatin1String(EscortChanged::kTopic)) {
        if (const auto e = EscortChanged::fromJson(p); e && e->escortId > 0) {
            const auto kind = escortDestinationFromKey(e->destination);
            const QString to = kind ? escortDestinationName(*kind) : e->destination;
            if (e->change == QLatin1String("requested"))
                d.text = Tr::tr("Escort of %1 to the %2 requested: %3").arg(e->tag, to, e->note);
            else if (e->change == QLatin1String("assigned"))
                d.text = Tr::tr("Crew %1 assigned to the escort of %2 (%3)").arg(e->crew, e->tag, e->note);
            else if (e->change == QLatin1String("departed"))
                d.text = Tr::tr("%1 left the suite with escort crew %2").arg(e->tag, e->crew);
            else if (e->change == QLatin1String("arrived"))
                d.text = Tr::tr("%1 delivered to the %2 by crew %3, received by %4").arg(e->tag, to, e->crew, e->note);
            else if (e->change == QLatin1String("cancelled"))
                d.text = withNote(Tr::tr("The escort of %1 cancelled").arg(e->tag), e->note);
        }
    } else if (event.topic == QLatin1String(CustodyStarted::kTopic)) {
        if (const auto e = CustodyStarted::fromJson(p)) {
            const auto basis = custodyBasisFromKey(e->basis);
            d.text = Tr::tr("Wristband %1 booked into the custody suite (%2), to leave by %3")
                         .arg(e->tag, basis ? custodyBasisName(*basis) : e->basis, stamp(e->limitAt));
        }
    }
    return d;
}

QFuture<QList<CaseTimelineEntry>> CaseService::timeline(qint64 caseId) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("see cases")))
        return service::failWith<QList<CaseTimelineEntry>>(refused);
    return m_store.read([caseId](Sql& sql) {
        detail::loadCase(sql, caseId); // a case that is not there says so
        const bool pg = sql.dialect().name() == QLatin1String("postgresql");
        const QString caseOf = pg ? QStringLiteral("(payload::jsonb->>'case')") : QStringLiteral("json_extract(payload, '$.case')");
        QSqlQuery q = sql.exec(QStringLiteral("SELECT occurred_at, actor, topic, payload, source FROM events "
                                              "WHERE topic IN ('case.opened', 'case.status_changed', 'case.limit', 'case.approved', "
                                              "'case.fast_track', 'custody.started', 'escort.changed') AND %1 = ? ORDER BY seq")
                                   .arg(caseOf),
                               {pg ? QVariant(QString::number(caseId)) : QVariant(caseId)});
        QList<CaseTimelineEntry> out;
        while (q.next()) {
            Event e;
            e.topic = q.value(2).toString();
            e.payload = QJsonDocument::fromJson(q.value(3).toString().toUtf8()).object();
            e.source = q.value(4).toString();
            const QString text = describeCaseEvent(e).text;
            if (!text.isEmpty())
                out << CaseTimelineEntry{q.value(0).toLongLong(), q.value(1).toString(), text};
        }
        return out;
    });
}

} // namespace hexhub::cases
