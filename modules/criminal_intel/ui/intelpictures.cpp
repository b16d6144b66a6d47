#include "intelpictures.h"

#include "hexhub/criminal_intel/leads.h"

#include "base/waitforfuture.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>

namespace hexhub::criminalintel {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::Pictures)
};

} // namespace

ModulePictures intelPictures()
{
    ModulePictures pictures;
    pictures.prepare = [](Store& store, Session& session, AuditLog& audit) {
        LeadService leads(store, session, audit);
        // The pictures of another language put theirs in before: closed, so the queue shows this language's.
        const QList<std::pair<qint64, int>> earlier = resultOf(store.read([](Sql& sql) {
            QList<std::pair<qint64, int>> out;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT id, version FROM ci_leads WHERE status <> 'closed'"));
            while (q.next())
                out << std::pair{q.value(0).toLongLong(), q.value(1).toInt()};
            return out;
        }));
        for (const auto& [id, version] : earlier)
            resultOf(leads.move(id, version, LeadStatus::Closed, QStringLiteral("Pictures in another language")));
        // Tips as an analyst records them, in the language of the pictures; graded, assigned, moved.
        const QString basis = Tr::tr("Investigation of reported offences");
        const Lead phones = resultOf(leads.recordTip({Tr::tr("Stolen phones offered for sale at the Orchard Road night market"),
                                                      Tr::tr("Two stalls, Friday and Saturday nights; boxes without receipts"),
                                                      Tr::tr("Registered informant DEMO-117"), basis, 365}));
        const Lead phonesAgain = resultOf(leads.recordTip({Tr::tr("Phones stolen and sold at the Orchard Road night market stalls"), QString(),
                                                           Tr::tr("Caller on the tip line"), basis, 365}));
        const Lead bikes = resultOf(leads.recordTip({Tr::tr("Bicycles resold behind the Mill Street depot"), QString(),
                                                     Tr::tr("Shop owner on Mill Street"), basis, 365}));
        const Lead fraud = resultOf(leads.recordTip({Tr::tr("Fraud calls traced to a flat on Station Street"), QString(),
                                                     Tr::tr("Anonymous letter to the station"), basis, 365}));
        resultOf(leads.recordTip({Tr::tr("Counterfeit perfume stored in a garage on Oak Road"), QString(), Tr::tr("Patrol officer's informant"), basis, 365}));
        const Lead graded = resultOf(leads.grade(phones.id, phones.version,
                                                 {GradingScheme::Admiralty, QStringLiteral("B"), QStringLiteral("2"), QString(),
                                                  Tr::tr("Not to be shared outside the intelligence team")},
                                                 Tr::tr("Informant right three times this year")));
        resultOf(leads.assign(phones.id, graded.version, session.principal().name));
        const Lead bikesGraded = resultOf(leads.grade(bikes.id, bikes.version, {GradingScheme::Admiralty, QStringLiteral("C"), QStringLiteral("3"), {}, {}},
                                                      Tr::tr("First report from this source")));
        resultOf(leads.move(bikes.id, bikesGraded.version, LeadStatus::Developing, QString()));
        resultOf(leads.grade(fraud.id, fraud.version, {GradingScheme::Admiralty, QStringLiteral("E"), QStringLiteral("5"), {}, {}},
                             Tr::tr("Letter contradicts the call records")));
        Q_UNUSED(phonesAgain);
        // The desk is a central view: `--screenshots` shows it as the rail's page (main-criminal_intel-*),
        // its queue's first lead in view. The wall and the dashboard as on a screen across the room.
        ModulePicture picture;
        picture.name = QStringLiteral("intel-wall");
        picture.panels = {QStringLiteral("criminal_intel.wall"), QStringLiteral("criminal_intel.dashboard")};
        picture.settleMs = 800;
        return QList<ModulePicture>{picture};
    };
    return pictures;
}

} // namespace hexhub::criminalintel
