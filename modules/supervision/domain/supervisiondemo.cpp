// Supervision's share of the demo history: public demands from every channel (the 12345 hotline
// most), routed, answered or escalated against their SLA, each with its history.
#include "hexhub/supervision/demo.h"
#include "base/coretr.h"
#include "module/demodata.h"
#include "module/extensions.h"

#include "store/sql.h"

#include <QDateTime>

namespace hexhub::supervision {

namespace {

constexpr qint64 kHour = 3600 * 1000;
constexpr qint64 kDay = 24 * kHour;

} // namespace

void writeDemoData(DemoContext& demo)
{
    const DemoDistrict& district = demo.district();
    QRandomGenerator64 random = demo.random(QStringLiteral("demands"));
    struct Channel
    {
        const char* id;
        int weight;
        qint64 slaDays;
    };
    static const Channel kChannels[] = {{"hotline_12345", 55, 3}, {"online", 15, 5}, {"mayor_mailbox", 8, 10},
                                        {"petition", 5, 15},      {"complaint", 12, 7}, {"walk_in", 5, 3}};
    struct Kind
    {
        const char* category;
        const char* summary;
        const char* routedTo;
    };
    static const Kind kKinds[] = {
        {"noise", "Night-time noise from a bar on %1", "basic_control"},
        {"traffic", "Cars parked on the pavement on %1", "basic_control"},
        {"public_order", "Street drinking every evening on %1", "basic_control"},
        {"police_service", "No reply yet about a burglary reported on %1", "case_management"},
        {"police_service", "Patrol took too long to come to %1", "hub"},
        {"neighbourhood", "Broken street lights on %1 make it unsafe", "city_services"},
        {"lost_property", "Wallet lost on %1, was it handed in?", "basic_control"},
        {"fraud", "Phone scam calls mentioning a shop on %1", "criminal_intel"},
    };
    const QString operatorName = DemoContext::userOf(QStringLiteral("supervision_operator"));
    const qint64 count = demo.scaled(0.05, 50);
    for (qint64 i = 0; i < count; ++i) {
        int r = random.bounded(100);
        const Channel* channel = &kChannels[0];
        for (const Channel& c : kChannels) {
            if (r < c.weight) {
                channel = &c;
                break;
            }
            r -= c.weight;
        }
        const Kind& kind = kKinds[random.bounded(int(std::size(kKinds)))];
        const qint64 received = demo.startMs() + (demo.endMs() - demo.startMs()) * (i + 1) / (count + 1) + random.bounded(kHour);
        const qint64 sla = received + channel->slaDays * kDay;
        const qint64 answerAfter = kHour + random.bounded(channel->slaDays * kDay * 6 / 5);
        const bool answered = received + answerAfter < demo.endMs();
        const bool escalated = !answered && sla < demo.endMs();
        const bool closed = answered && demo.endMs() - (received + answerAfter) > 2 * kDay;
        const QString status = closed ? QStringLiteral("closed") : answered ? QStringLiteral("answered") : escalated ? QStringLiteral("escalated")
                               : demo.endMs() - received < 2 * kHour ? QStringLiteral("received") : random.bounded(2) ? QStringLiteral("routed")
                                                                                                       : QStringLiteral("in_progress");
        const qint64 year = QDateTime::fromMSecsSinceEpoch(received, Qt::UTC).date().year();
        const bool routed = status != QLatin1String("received");
        const qint64 id = demo.insertReturningId(
            QStringLiteral("INSERT INTO sv_demands (reference, channel, category, summary, contact, status, routed_to, received_at, "
                           "sla_due_at, answered_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"),
            {QStringLiteral("SV-%1-%2").arg(year).arg(i + 1, 6, 10, QLatin1Char('0')), QLatin1String(channel->id),
             QLatin1String(kind.category), QString::fromLatin1(kind.summary).arg(district.streets[district.randomStreet(random)].name),
             random.bounded(5) ? QVariant(SyntheticIdentity::phoneNumber(random)) : QVariant(), status,
             routed ? QVariant(QLatin1String(kind.routedTo)) : QVariant(), received, sla,
             answered ? QVariant(received + answerAfter) : QVariant()});

        // Its history.
        const QString insert = QStringLiteral("INSERT INTO sv_demand_history (demand_id, at, actor, action, note) VALUES (?, ?, ?, ?, ?)");
        demo.insert(insert, {id, received, QStringLiteral("system"), QStringLiteral("received"), QLatin1String(channel->id)});
        if (routed) {
            const qint64 at = std::min(demo.endMs() - 1, received + 10 * 60 * 1000 + random.bounded(2 * kHour));
            demo.insert(insert, {id, at, operatorName, QStringLiteral("routed"), QLatin1String(kind.routedTo)});
        }
        if (escalated)
            demo.insert(insert, {id, sla, QStringLiteral("system"), QStringLiteral("escalated"), QStringLiteral("SLA missed")});
        if (answered)
            demo.insert(insert, {id, received + answerAfter, operatorName, QStringLiteral("answered"), QStringLiteral("Reply sent to the citizen")});
        if (closed)
            demo.insert(insert, {id, received + answerAfter + 2 * kDay, operatorName, QStringLiteral("closed"), QString()});
    }
}

SimulationShare simulationShare()
{
    SimulationShare share;
    share.followUps = {
        {QStringLiteral("public_disturbance"), 0.5, [](const QString& address) { return Tr::tr("Follow up the residents' complaint about the disturbance at %1").arg(address); }},
        {QStringLiteral("rooftop_rescue"), 0.5, [](const QString& address) { return Tr::tr("Arrange welfare follow-up for the person at %1").arg(address); }},
        {QStringLiteral("*"), 0.25, [](const QString& address) { return Tr::tr("Answer the caller's request about %1").arg(address); }},
    };
    return share;
}

} // namespace hexhub::supervision
