// The hub's share of the live demo simulation: the calls it makes up for the built-in taxonomy, how
// often each comes in, at what priority, what callers say and how some are first seen.
#include "hexhub/hub/demo.h"

#include "base/coretr.h"
#include "module/extensions.h"

namespace hexhub::hub {

namespace {

SimulatedCall call(const char* category, double weight, int priority, std::function<QStringList()> says,
                   QMap<QString, double> sources = {})
{
    return SimulatedCall{QString::fromLatin1(category), weight, priority, std::move(says), std::move(sources)};
}

} // namespace

SimulationShare simulationShare()
{
    SimulationShare share;
    share.calls = {
        call("public_disturbance", 22, 3,
             [] {
                 return QStringList{Tr::tr("Loud music and shouting from a flat, residents complain"),
                                    Tr::tr("Group of drunk people blocking the pavement"),
                                    Tr::tr("Dispute between a stall holder and customers draws a crowd")};
             },
             {{QStringLiteral("public_complaint"), 0.3}}),
        call("other", 21, 3,
             [] {
                 return QStringList{Tr::tr("Caller reports a lost wallet with documents"),
                                    Tr::tr("Stray dog frightening children in a courtyard"),
                                    Tr::tr("Broken traffic light at a junction")};
             }),
        call("traffic_accident", 18, 2,
             [] {
                 return QStringList{Tr::tr("Two cars collided, one driver complains of neck pain"),
                                    Tr::tr("Scooter rider knocked down at a crossing"),
                                    Tr::tr("Van hit a parked car and blocks a lane")};
             },
             {{QStringLiteral("video"), 0.15}}),
        call("burglary", 14, 3,
             [] {
                 return QStringList{Tr::tr("Shop owner found the back door forced overnight"),
                                    Tr::tr("Flat broken into, laptop and jewellery missing"),
                                    Tr::tr("Neighbour reports someone climbing into a ground-floor window")};
             }),
        call("assault", 10, 2,
             [] {
                 return QStringList{Tr::tr("Fight outside a bar, one man bleeding"),
                                    Tr::tr("Delivery rider punched in a dispute over a parcel"),
                                    Tr::tr("Woman reports being pushed and threatened by an ex-partner")};
             }),
        call("fire", 5, 1,
             [] {
                 return QStringList{Tr::tr("Smoke from a restaurant kitchen"), Tr::tr("Rubbish bins on fire next to a building"),
                                    Tr::tr("Electric scooter battery burning in a stairwell")};
             }),
        call("suspicious_item", 5, 2,
             [] {
                 return QStringList{Tr::tr("Unattended suitcase at a bus stop"),
                                    Tr::tr("Package with wires left next to an office entrance")};
             },
             {{QStringLiteral("video"), 0.4}}),
        call("missing_person", 4, 2,
             [] {
                 return QStringList{Tr::tr("Elderly man with dementia left home this morning"),
                                    Tr::tr("Child of seven separated from her parents at the market")};
             }),
        call("rooftop_rescue", 1, 1,
             [] {
                 return QStringList{Tr::tr("Person sitting on the edge of a roof"),
                                    Tr::tr("Man on a ledge of a residential block, refuses to come down")};
             }),
    };
    return share;
}

} // namespace hexhub::hub
