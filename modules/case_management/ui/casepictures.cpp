#include "casepictures.h"

#include "base/waitforfuture.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/custody.h"

#include <QCoreApplication>
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
        // The pictures of another language booked theirs in before: out again, so the wall shows this language's.
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
        return QList<ModulePicture>{desk, suiteDesk, picture};
    };
    return pictures;
}

} // namespace hexhub::cases
