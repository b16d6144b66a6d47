#include "casepictures.h"

#include "base/clock.h"
#include "base/waitforfuture.h"
#include "store/store.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"
#include "hexhub/case_management/escorts.h"

#include <QCoreApplication>
#include <QHash>
#include <QJsonObject>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::Pictures)
};

} // namespace

ModulePictures casePictures()
{
    ModulePictures pictures;
    pictures.prepare = [](Store& store, Session& session, AuditLog& audit) {
        CaseService cases(store, session, audit);
        CustodyService suite(store, session, audit);
        EscortService escorts(store, session, audit);
        // The pictures of another language requested their escorts and booked theirs in before: ended
        // and out again, so the board and the wall show this language's.
        for (const Escort& e : resultOf(escorts.board(0))) {
            if (e.state == QLatin1String("departed"))
                resultOf(escorts.arrive(e.id, e.version, Tr::tr("Pictures in another language")));
            else if (e.open())
                resultOf(escorts.cancel(e.id, e.version, Tr::tr("Pictures in another language")));
        }
        for (const Custody& k : resultOf(suite.people({true, QStringLiteral("P-")}))) {
            for (const Interview& i : resultOf(suite.interviews(k.id)))
                if (i.running())
                    resultOf(suite.endInterview(i.id, Tr::tr("Pictures in another language")));
            resultOf(suite.release(k.id, k.version, ReleaseKind::Released, Tr::tr("Pictures in another language"), QString()));
        }
        const Case c = resultOf(cases.open({CaseKind::Criminal, Tr::tr("Fight outside the Harbour Bar"), QString()}));
        const auto book = [&](const QString& tag, CustodyRisk risk) {
            return resultOf(suite.checkIn(NewCustody{c.id, Tr::tr("Synthetic Person %1").arg(tag), tag, Tr::tr("Suspected of the assault"),
                                                     Tr::tr("Criminal Procedure Law art. 82"), CustodyBasis::Detention, false,
                                                     Tr::tr("Sgt. Demo 0417"), std::move(risk)}));
        };
        // A room of the named one's kind with a place free (the pictures' store may hold the demo's people).
        const auto room = [&suite](const QString& name) {
            const QList<Room> rooms = resultOf(suite.rooms());
            QString kind;
            for (const Room& r : rooms)
                if (r.name == name)
                    kind = r.kind;
            for (const Room& r : rooms)
                if (r.kind == kind && r.occupants.size() < r.capacity)
                    return r.id;
            return qint64(0);
        };
        const auto walk = [&](Custody k, const QStringList& names) {
            for (const QString& name : names)
                k = resultOf(suite.moveTo(k.id, k.version, room(name), QString()));
            return k;
        };
        CustodyRisk drunk;
        drunk.intoxicated = true;
        drunk.notes = Tr::tr("Smells of alcohol, unsteady on his feet");
        CustodyRisk atRisk;
        atRisk.selfHarm = true;
        atRisk.notes = Tr::tr("Said he would hurt himself");
        const Custody held = walk(book(QStringLiteral("P-103"), atRisk),
                                  {QStringLiteral("Search room"), QStringLiteral("Property desk"), QStringLiteral("Biometrics room"),
                                   QStringLiteral("Medical room"), QStringLiteral("Holding room 2")});
        resultOf(suite.check(held.id, WelfareCondition::Well, Tr::tr("Sitting on the bench, talking")));
        const Custody interviewed = walk(book(QStringLiteral("P-104"), {}), {QStringLiteral("Search room"), QStringLiteral("Property desk"),
                                                                             QStringLiteral("Biometrics room"), QStringLiteral("Medical room")});
        resultOf(suite.startInterview(interviewed.id, interviewed.version, room(QStringLiteral("Interview room 1")), Tr::tr("DC Demo, DC Sample"),
                                      QStringLiteral("REC-DEMO-0104")));
        book(QStringLiteral("P-101"), {});
        walk(book(QStringLiteral("P-102"), drunk), {QStringLiteral("Search room")});
        // The case on the centre's desk: detention's clocks running, one met, an approval given and used.
        const QList<CaseLimit> clocks = resultOf(cases.start(c.id, CaseEvent::Detained, false, 0, Tr::tr("Detained at the scene by Sgt. Demo")));
        for (const CaseLimit& l : clocks)
            if (l.rule == QLatin1String("detention.family"))
                resultOf(cases.meet(l.id, l.version, Tr::tr("His wife told by phone")));
        Case moved = resultOf(cases.move(c.id, c.version, QStringLiteral("investigating"), Tr::tr("Witnesses found")));
        // The escort team's day: one delivered this morning, one with a crew on the transfer's clock,
        // one to hospital asked for, a crew off duty.
        QHash<QString, qint64> crews;
        for (const EscortCrew& w : resultOf(escorts.crews())) {
            crews.insert(w.callSign, w.id);
            if (!w.onDuty)
                resultOf(escorts.setOnDuty(w.id, true));
        }
        const QString detentionCentre = Tr::tr("City Detention Centre No. 1");
        const Custody early = book(QStringLiteral("P-105"), {});
        Escort done = resultOf(escorts.request({early.id, EscortDestination::DetentionCentre, detentionCentre, Tr::tr("Detained"), 0}));
        done = resultOf(escorts.assign(done.id, done.version, crews.value(QStringLiteral("E-1")), QString()));
        done = resultOf(escorts.depart(done.id, done.version));
        resultOf(escorts.arrive(done.id, done.version, Tr::tr("Duty officer Gao")));
        const Custody first = resultOf(suite.people({true, QStringLiteral("P-101")})).value(0);
        Escort transfer = resultOf(escorts.request({first.id, EscortDestination::DetentionCentre, detentionCentre, Tr::tr("Detained"), 0}));
        resultOf(escorts.assign(transfer.id, transfer.version, crews.value(QStringLiteral("E-2")), QString()));
        const Custody drunkOne = resultOf(suite.people({true, QStringLiteral("P-102")})).value(0);
        resultOf(escorts.request({drunkOne.id, EscortDestination::Hospital, Tr::tr("First People's Hospital"), Tr::tr("A head injury to be seen to"),
                                  store.clock().nowMs() + 90 * 60'000LL}));
        resultOf(escorts.setOnDuty(crews.value(QStringLiteral("E-3")), false));
        ModulePicture desk;
        desk.name = QStringLiteral("case-desk");
        desk.size = QSize(1600, 900);
        desk.viewStates = {{QStringLiteral("case_management.desk"),
                            QJsonObject{{QStringLiteral("page"), QStringLiteral("cases")}, {QStringLiteral("case"), double(moved.id)}}}};
        desk.settleMs = 800;
        ModulePicture suiteDesk;
        suiteDesk.name = QStringLiteral("custody-desk");
        suiteDesk.size = QSize(1600, 900);
        suiteDesk.viewStates = {{QStringLiteral("case_management.desk"),
                                 QJsonObject{{QStringLiteral("page"), QStringLiteral("custody")}, {QStringLiteral("custody"), double(held.id)}}}};
        suiteDesk.settleMs = 800;
        ModulePicture picture;
        picture.name = QStringLiteral("custody-wall");
        picture.panels = {QStringLiteral("case_management.custody_wall"), QStringLiteral("case_management.dashboard")};
        picture.size = QSize(1600, 900);
        picture.settleMs = 800;
        ModulePicture escortBoard;
        escortBoard.name = QStringLiteral("escort-board");
        escortBoard.size = QSize(1600, 900);
        escortBoard.viewStates = {{QStringLiteral("case_management.desk"), QJsonObject{{QStringLiteral("page"), QStringLiteral("escorts")}}}};
        escortBoard.settleMs = 800;
        return QList<ModulePicture>{desk, suiteDesk, picture, escortBoard};
    };
    return pictures;
}

} // namespace hexhub::cases
