#include "bigdatainvestigationmodule.h"
#include "analystdesk.h"
#include "bigdatapictures.h"
#include "bigdatawall.h"
#include "bigdatadashboard.h"
#include "bigdatacontext.h"
#include "hitpanel.h"

#include "hexhub/bigdata_investigation/demo.h"
#include "hexhub/bigdata_investigation/modelservice.h"
#include "module/demodata.h"

#include "viewsupport.h"

#include <QApplication>
#include <QLabel>

namespace hexhub::bigdata {

BigDataInvestigationModule::BigDataInvestigationModule() = default;
BigDataInvestigationModule::~BigDataInvestigationModule() = default;

bool BigDataInvestigationModule::initialize(ModuleContext& context, QString&)
{
    // A migration folder that cannot be read throws; the module manager reports it as the reason.
    context.addBundledMigrations();
    // The trade dataset with its planted ring and the burglary register of demo mode.
    context.setDemoData(&writeDemoData);
    context.setSimulationShare(simulationShare());
    context.setEventDescriber(&describeBigDataEvent);
    context.setRailBadge(bigDataRailBadge());
    context.setRecordSearch(&searchBigData);
    context.setPictures(bigDataPictures());
    m_context = std::make_unique<BigDataContext>(context.store(), context.bus(), context.clock(), context.session(), context.audit());
    m_context->openRecord = [ctx = &context](const QString& kind, const QString& ref) { return ctx->openRecord(kind, ref); };
    m_context->snapshotSources = [ctx = &context] { return ctx->allSnapshotSources(); };
    // Hits ("hit 42") and datasets open from anywhere on the desk.
    context.addRecordKind(RecordKind{QStringLiteral("bd_hit"), QStringLiteral("bigdata_investigation.desk"),
                                     [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<AnalystDesk*>(view);
                                         return desk && desk->openHit(ref.toLongLong());
                                     }});
    context.addRecordKind(RecordKind{QStringLiteral("bd_dataset"), QStringLiteral("bigdata_investigation.desk"),
                                     [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<AnalystDesk*>(view);
                                         return desk && desk->openDataset(ref.toLongLong());
                                     }});
    // A run ("bd_run:12", a review deadline's subject) opens on the runs page.
    context.addRecordKind(RecordKind{QStringLiteral("bd_run"), QStringLiteral("bigdata_investigation.desk"),
                                     [](QWidget* view, const QString& ref) {
                                         auto* desk = qobject_cast<AnalystDesk*>(view);
                                         return desk && desk->openRun(ref.toLongLong());
                                     }});

    ViewFactory desk;
    desk.id = QStringLiteral("bigdata_investigation.desk");
    desk.title = tr("Analyst's desk");
    desk.translatedTitle = [] { return tr("Analyst's desk"); };
    desk.icon = QStringLiteral(":/hexhub/icons/bigdata_investigation.svg");
    desk.area = ViewFactory::Area::Central;
    desk.permission = QStringLiteral("bigdata_investigation.model.run");
    desk.create = [this](QWidget* parent) -> QWidget* {
        auto* view = new AnalystDesk(*m_context, parent);
        m_desks.removeAll(nullptr);
        m_desks << view;
        return view;
    };
    context.addView(desk);
    ViewFactory wall;
    wall.id = QStringLiteral("bigdata_investigation.wall");
    wall.title = tr("Big-data wall");
    wall.translatedTitle = [] { return tr("Big-data wall"); };
    wall.icon = QStringLiteral(":/hexhub/icons/bigdata_investigation.svg");
    wall.area = ViewFactory::Area::Wall;
    wall.permission = QStringLiteral("bigdata_investigation.model.run");
    wall.create = [this](QWidget* parent) -> QWidget* { return new BigDataWall(*m_context, parent); };
    context.addView(wall);
    // The dashboard: the centre's few numbers over a period the analyst picks.
    ViewFactory dashboard;
    dashboard.id = QStringLiteral("bigdata_investigation.dashboard");
    dashboard.title = tr("Big-data dashboard");
    dashboard.translatedTitle = [] { return tr("Big-data dashboard"); };
    dashboard.icon = QStringLiteral(":/hexhub/icons/bigdata_investigation.svg");
    dashboard.area = ViewFactory::Area::Dock;
    dashboard.permission = QStringLiteral("bigdata_investigation.model.run");
    dashboard.create = [this](QWidget* parent) -> QWidget* {
        CentreDashboardSpec spec;
        spec.objectName = QStringLiteral("bigdata_investigation.dashboard");
        spec.store = &m_context->store;
        spec.bus = &m_context->bus;
        spec.clock = &m_context->clock;
        spec.reloadOn = {QStringLiteral("model_hit."), QStringLiteral("model_run."), QStringLiteral("dataset.")};
        spec.read = &readBigDataDashboard;
        return centreDashboardOrWhy(spec, parent);
    };
    context.addView(dashboard);

    const auto command = [&context](const char* id, const QString& title, const char* permission, const char* shortcut,
                                    std::function<void()> trigger) {
        Command c;
        c.id = QString::fromLatin1(id);
        c.title = title;
        c.shortcut = QString::fromLatin1(shortcut);
        c.permission = QString::fromLatin1(permission);
        c.trigger = std::move(trigger);
        context.addCommand(c);
    };
    const auto onDesk = [this, ctx = &context](std::function<void(AnalystDesk*)> action) {
        return [this, ctx, action] {
            // The desk is opened first when it is not on screen.
            if (!currentDesk())
                ctx->openRecord(QStringLiteral("bd_hit"), QStringLiteral("0"));
            if (AnalystDesk* desk = currentDesk())
                action(desk);
        };
    };
    command("bigdata_investigation.import", tr("Import a dataset"), "bigdata_investigation.dataset.import", "",
            onDesk([](AnalystDesk* d) { d->importFile(); }));
    command("bigdata_investigation.snapshot", tr("Take a snapshot of Hexhub's records (incidents, ...) as a dataset"),
            "bigdata_investigation.dataset.import", "", onDesk([](AnalystDesk* d) { d->takeSnapshot(); }));
    command("bigdata_investigation.run", tr("Run a model over a dataset"), "bigdata_investigation.model.run", "",
            onDesk([](AnalystDesk* d) { d->runModel(); }));
    command("bigdata_investigation.queue", tr("Review the models' hits"), "bigdata_investigation.model.run", "",
            onDesk([](AnalystDesk* d) { d->showPage(AnalystDesk::Queue); }));
    command("bigdata_investigation.export", tr("Export the list in view as CSV (hits, datasets or runs)"), "bigdata_investigation.model.run", "",
            onDesk([](AnalystDesk* d) { d->exportList(); }));
    command("bigdata_investigation.report", tr("Save the hit in view as a PDF report"), "bigdata_investigation.model.run", "",
            onDesk([](AnalystDesk* d) {
                d->showPage(AnalystDesk::Queue);
                d->hitPanel()->saveReport();
            }));
    command("bigdata_investigation.purge", tr("Purge datasets past their retention date"), "bigdata_investigation.dataset.import", "",
            onDesk([](AnalystDesk* d) { d->purgeExpired(); }));
    return true;
}

AnalystDesk* BigDataInvestigationModule::currentDesk() const
{
    return viewInActiveWindow(m_desks);
}

void BigDataInvestigationModule::aboutToShutdown()
{
    // Their reads end before the services go.
    for (const QPointer<AnalystDesk>& desk : std::as_const(m_desks))
        delete desk.data();
    m_desks.clear();
}

QString BigDataInvestigationModule::displayName() const
{
    return tr("Big-data investigation");
}

QString BigDataInvestigationModule::displayDescription() const
{
    return tr("Analytic models over imported records that flag patterns and hand explainable leads to the hub.");
}

} // namespace hexhub::bigdata
