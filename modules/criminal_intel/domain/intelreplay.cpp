// Criminal intelligence's commands sent again from a desk's outbox (ARCHITECTURE.md 3a): their
// arguments as JSON, the keeper that makes a desk's own kept changes of one record follow each other,
// and the replayers that call the services with them under the operator signed in then.
#include "base/error.h"
#include "hexhub/criminal_intel/offline.h"
#include "intelkeep_p.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/outbox.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <memory>
#include <optional>

namespace hexhub::criminalintel {

namespace {

using service::VersionTouch;

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::criminalintel::IntelReplay)
};

qint64 requireId(const QJsonObject& json, const QString& key)
{
    const qint64 id = json.value(key).toInteger();
    if (id <= 0)
        throw ValidationError(Tr::tr("The kept command has no valid %1.").arg(key));
    return id;
}

QString text(const QJsonObject& json, const QString& key)
{
    return json.value(key).toString();
}

AssigneeKind assigneeKindFrom(const QJsonValue& value)
{
    return value.toString() == QLatin1String("centre") ? AssigneeKind::Centre : AssigneeKind::Unit;
}

QString assigneeKindJson(AssigneeKind kind)
{
    return kind == AssigneeKind::Centre ? QStringLiteral("centre") : QStringLiteral("unit");
}

QList<qint64> idsFrom(const QJsonValue& value)
{
    QList<qint64> ids;
    for (const QJsonValue& id : value.toArray())
        ids << id.toInteger();
    return ids;
}

// What each kept command does to the versions of the records it names (service::keepOwnVersions()):
// a command read at a version raises that record's version by one when it goes; some raise another
// record's too without reading it (a lead joining an investigation, the lead a duplicate is merged into).
QList<VersionTouch> versionTouches(const QString& operation, const QJsonObject& a)
{
    using namespace intelkeep;
    const QString id = QStringLiteral("id"), version = QStringLiteral("version");
    auto read = [&](const QString& record) { return VersionTouch{record, a.value(version).toInteger()}; };
    if (operation == QLatin1String("criminal_intel.lead.grade") || operation == QLatin1String("criminal_intel.lead.assign") ||
        operation == QLatin1String("criminal_intel.lead.move"))
        return {read(leadRecord(a.value(id).toInteger()))};
    if (operation == QLatin1String("criminal_intel.lead.merge"))
        return {read(leadRecord(a.value(id).toInteger())), VersionTouch{leadRecord(a.value(QStringLiteral("into")).toInteger()), std::nullopt}};
    if (operation == QLatin1String("criminal_intel.entity.attributes"))
        return {read(entityRecord(a.value(id).toInteger()))};
    if (operation == QLatin1String("criminal_intel.entity.merge"))
        return {read(entityRecord(a.value(id).toInteger())), VersionTouch{entityRecord(a.value(QStringLiteral("into")).toInteger()), std::nullopt}};
    if (operation == QLatin1String("criminal_intel.chart.save") && a.value(id).toInteger() > 0)
        return {read(chartRecord(a.value(id).toInteger()))};
    if (operation == QLatin1String("criminal_intel.settings.scheme"))
        return {read(settingsRecord())};
    if (operation == QLatin1String("criminal_intel.investigation.status"))
        return {read(investigationRecord(a.value(id).toInteger()))};
    if (operation == QLatin1String("criminal_intel.investigation.propose"))
        return {VersionTouch{investigationRecord(a.value(id).toInteger()), std::nullopt}};
    if (operation == QLatin1String("criminal_intel.investigation.open")) {
        QList<VersionTouch> touches;
        for (qint64 lead : idsFrom(a.value(QStringLiteral("leads"))))
            touches << VersionTouch{leadRecord(lead), std::nullopt};
        return touches;
    }
    if (operation == QLatin1String("criminal_intel.investigation.lead"))
        return {VersionTouch{leadRecord(a.value(QStringLiteral("lead")).toInteger()), std::nullopt}};
    return {};
}

const QStringList& versionedOperations()
{
    static const QStringList operations{QStringLiteral("criminal_intel.lead.grade"),          QStringLiteral("criminal_intel.lead.assign"),
                                        QStringLiteral("criminal_intel.lead.move"),           QStringLiteral("criminal_intel.lead.merge"),
                                        QStringLiteral("criminal_intel.entity.attributes"),   QStringLiteral("criminal_intel.entity.merge"),
                                        QStringLiteral("criminal_intel.chart.save"),          QStringLiteral("criminal_intel.settings.scheme"),
                                        QStringLiteral("criminal_intel.investigation.status")};
    return operations;
}

} // namespace

namespace intelkeep {

QJsonObject toJson(const NewTip& tip)
{
    return QJsonObject{{QStringLiteral("summary"), tip.summary},
                       {QStringLiteral("details"), tip.details},
                       {QStringLiteral("protectedSource"), tip.source},
                       {QStringLiteral("legalBasis"), tip.legalBasis},
                       {QStringLiteral("retentionDays"), tip.retentionDays}};
}

NewTip newTipFrom(const QJsonObject& json)
{
    NewTip tip;
    tip.summary = text(json, QStringLiteral("summary"));
    tip.details = text(json, QStringLiteral("details"));
    tip.source = text(json, QStringLiteral("protectedSource"));
    tip.legalBasis = text(json, QStringLiteral("legalBasis"));
    tip.retentionDays = json.value(QStringLiteral("retentionDays")).toInt();
    return tip;
}

QJsonObject toJson(const LeadGrade& grade)
{
    return QJsonObject{{QStringLiteral("scheme"), gradingSchemeKey(grade.scheme)},
                       {QStringLiteral("source"), grade.source},
                       {QStringLiteral("information"), grade.information},
                       {QStringLiteral("handling"), grade.handling},
                       {QStringLiteral("conditions"), grade.conditions}};
}

LeadGrade gradeFrom(const QJsonObject& json)
{
    LeadGrade grade;
    const auto scheme = gradingSchemeFromKey(text(json, QStringLiteral("scheme")));
    if (!scheme)
        throw ValidationError(Tr::tr("The kept grade has no valid scheme."));
    grade.scheme = *scheme;
    grade.source = text(json, QStringLiteral("source"));
    grade.information = text(json, QStringLiteral("information"));
    grade.handling = text(json, QStringLiteral("handling"));
    grade.conditions = text(json, QStringLiteral("conditions"));
    return grade;
}

QJsonObject toJson(const NewEntity& entity)
{
    return QJsonObject{{QStringLiteral("kind"), entityKindKey(entity.kind)},
                       {QStringLiteral("protectedLabel"), entity.label},
                       {QStringLiteral("lead"), entity.leadId},
                       {QStringLiteral("case"), entity.caseRef},
                       {QStringLiteral("legalBasis"), entity.legalBasis},
                       {QStringLiteral("retentionDays"), entity.retentionDays},
                       {QStringLiteral("attributes"), entity.attributes}};
}

NewEntity newEntityFrom(const QJsonObject& json)
{
    NewEntity entity;
    const auto kind = entityKindFromKey(text(json, QStringLiteral("kind")));
    if (!kind)
        throw ValidationError(Tr::tr("The kept entity has no valid kind."));
    entity.kind = *kind;
    entity.label = text(json, QStringLiteral("protectedLabel"));
    entity.leadId = json.value(QStringLiteral("lead")).toInteger();
    entity.caseRef = text(json, QStringLiteral("case"));
    entity.legalBasis = text(json, QStringLiteral("legalBasis"));
    entity.retentionDays = json.value(QStringLiteral("retentionDays")).toInt();
    entity.attributes = json.value(QStringLiteral("attributes")).toObject();
    return entity;
}

QJsonObject toJson(const NewLink& link)
{
    return QJsonObject{{QStringLiteral("from"), link.from},
                       {QStringLiteral("to"), link.to},
                       {QStringLiteral("relation"), link.relation},
                       {QStringLiteral("directed"), link.directed},
                       {QStringLiteral("confidence"), linkConfidenceKey(link.confidence)},
                       {QStringLiteral("source"), linkSourceKey(link.source)},
                       {QStringLiteral("sourceRef"), link.sourceRef},
                       {QStringLiteral("evidence"), link.evidence},
                       {QStringLiteral("startedAt"), link.startedAt},
                       {QStringLiteral("endedAt"), link.endedAt}};
}

NewLink newLinkFrom(const QJsonObject& json)
{
    NewLink link;
    link.from = requireId(json, QStringLiteral("from"));
    link.to = requireId(json, QStringLiteral("to"));
    link.relation = text(json, QStringLiteral("relation"));
    link.directed = json.value(QStringLiteral("directed")).toBool(true);
    const auto confidence = linkConfidenceFromKey(text(json, QStringLiteral("confidence")));
    const auto source = linkSourceFromKey(text(json, QStringLiteral("source")));
    if (!confidence || !source)
        throw ValidationError(Tr::tr("The kept link has no valid confidence or source."));
    link.confidence = *confidence;
    link.source = *source;
    link.sourceRef = text(json, QStringLiteral("sourceRef"));
    link.evidence = text(json, QStringLiteral("evidence"));
    link.startedAt = json.value(QStringLiteral("startedAt")).toInteger();
    link.endedAt = json.value(QStringLiteral("endedAt")).toInteger();
    return link;
}

QJsonObject toJson(const NewDivisionLine& line)
{
    return QJsonObject{{QStringLiteral("assigneeKind"), assigneeKindJson(line.assigneeKind)},
                       {QStringLiteral("assignee"), line.assignee},
                       {QStringLiteral("assignment"), line.assignment},
                       {QStringLiteral("detail"), line.detail},
                       {QStringLiteral("place"), line.place},
                       {QStringLiteral("startsAt"), line.startsAt},
                       {QStringLiteral("dueAt"), line.dueAt},
                       {QStringLiteral("priority"), line.priority}};
}

NewDivisionLine newLineFrom(const QJsonObject& json)
{
    NewDivisionLine line;
    line.assigneeKind = assigneeKindFrom(json.value(QStringLiteral("assigneeKind")));
    line.assignee = text(json, QStringLiteral("assignee"));
    line.assignment = text(json, QStringLiteral("assignment"));
    line.detail = text(json, QStringLiteral("detail"));
    line.place = text(json, QStringLiteral("place"));
    line.startsAt = json.value(QStringLiteral("startsAt")).toInteger();
    line.dueAt = json.value(QStringLiteral("dueAt")).toInteger();
    line.priority = json.value(QStringLiteral("priority")).toInt(3);
    return line;
}

QJsonObject toJson(const InvestigationTarget& target)
{
    QJsonObject json{{QStringLiteral("id"), target.id},
                     {QStringLiteral("entity"), target.entityId},
                     {QStringLiteral("assigneeKind"), assigneeKindJson(target.assigneeKind)},
                     {QStringLiteral("assignee"), target.assignee},
                     {QStringLiteral("action"), target.action},
                     {QStringLiteral("place"), target.place},
                     {QStringLiteral("afterGoMinutes"), target.afterGoMinutes},
                     {QStringLiteral("note"), target.note},
                     {QStringLiteral("version"), target.version}};
    if (target.point)
        json.insert(QStringLiteral("point"), target.point->toJson());
    return json;
}

InvestigationTarget targetFrom(const QJsonObject& json)
{
    InvestigationTarget target;
    target.id = json.value(QStringLiteral("id")).toInteger();
    target.entityId = requireId(json, QStringLiteral("entity"));
    target.assigneeKind = assigneeKindFrom(json.value(QStringLiteral("assigneeKind")));
    target.assignee = text(json, QStringLiteral("assignee"));
    target.action = text(json, QStringLiteral("action"));
    target.place = text(json, QStringLiteral("place"));
    target.afterGoMinutes = json.value(QStringLiteral("afterGoMinutes")).toInt();
    target.note = text(json, QStringLiteral("note"));
    target.version = json.value(QStringLiteral("version")).toInt(1);
    if (json.contains(QStringLiteral("point"))) {
        QString error;
        target.point = GeoPoint::fromJson(json.value(QStringLiteral("point")).toObject(), &error);
        if (!target.point)
            throw ValidationError(Tr::tr("The kept target's position cannot be read: %1").arg(error));
    }
    return target;
}

QJsonArray idsJson(const QList<qint64>& ids)
{
    QJsonArray out;
    for (qint64 id : ids)
        out.append(id);
    return out;
}

} // namespace intelkeep

void registerIntelReplayers(Outbox& outbox, Store& store, Session& session, AuditLog& audit)
{
    using namespace intelkeep;
    // The services the replayers send through, kept by them: they live as long as the outbox's
    // replayers do, whatever becomes of the module's views.
    auto leads = std::make_shared<LeadService>(store, session, audit, &outbox);
    auto entities = std::make_shared<EntityService>(store, session, audit, &outbox);
    auto investigations = std::make_shared<InvestigationService>(store, session, audit, &outbox);

    // A desk's own kept changes of one lead, entity, chart, investigation or the scheme follow each other.
    service::keepOwnVersions(outbox, versionedOperations(), &versionTouches);

    auto add = [&outbox](const QString& operation, Outbox::Replayer replayer) { outbox.addReplayer(operation, std::move(replayer)); };
    const QString id = QStringLiteral("id"), version = QStringLiteral("version"), reason = QStringLiteral("reason");
    auto versionOf = [version](const QJsonObject& a) { return int(a.value(version).toInteger()); };

    // Leads.
    add(QStringLiteral("criminal_intel.settings.scheme"), [leads, versionOf](const QJsonObject& a, const CommandId& c, bool mine) {
        const auto scheme = gradingSchemeFromKey(text(a, QStringLiteral("scheme")));
        if (!scheme)
            throw ValidationError(Tr::tr("The kept command has no valid scheme."));
        return service::sendAtVersion(
            mine, versionOf(a), [leads] { return leads->scheme().then([](const std::pair<GradingScheme, int>& now) { return now.second; }); },
            [=](int v) { return leads->setScheme(*scheme, text(a, QStringLiteral("reason")), v, c); });
    });
    add(QStringLiteral("criminal_intel.lead.tip"), [leads](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(leads->recordTip(newTipFrom(a.value(QStringLiteral("tip")).toObject()), c));
    });
    auto leadVersion = [leads, id](const QJsonObject& a) {
        return [leads, lead = requireId(a, id)] { return leads->lead(lead).then([](const Lead& now) { return now.version; }); };
    };
    add(QStringLiteral("criminal_intel.lead.grade"),
        [leads, id, reason, versionOf, leadVersion](const QJsonObject& a, const CommandId& c, bool mine) {
            const LeadGrade grade = gradeFrom(a.value(QStringLiteral("grade")).toObject());
            return service::sendAtVersion(mine, versionOf(a), leadVersion(a), [=](int v) { return leads->grade(requireId(a, id), v, grade, text(a, reason), c); });
        });
    add(QStringLiteral("criminal_intel.lead.assign"), [leads, id, versionOf, leadVersion](const QJsonObject& a, const CommandId& c, bool mine) {
        return service::sendAtVersion(mine, versionOf(a), leadVersion(a),
                         [=](int v) { return leads->assign(requireId(a, id), v, text(a, QStringLiteral("analyst")), c); });
    });
    add(QStringLiteral("criminal_intel.lead.move"), [leads, id, reason, versionOf, leadVersion](const QJsonObject& a, const CommandId& c, bool mine) {
        const auto to = leadStatusFromKey(text(a, QStringLiteral("to")));
        if (!to)
            throw ValidationError(Tr::tr("The kept command has no valid status."));
        return service::sendAtVersion(mine, versionOf(a), leadVersion(a), [=](int v) { return leads->move(requireId(a, id), v, *to, text(a, reason), c); });
    });
    add(QStringLiteral("criminal_intel.lead.merge"),
        [leads, id, reason, versionOf, leadVersion](const QJsonObject& a, const CommandId& c, bool mine) {
            return service::sendAtVersion(mine, versionOf(a), leadVersion(a),
                             [=](int v) { return leads->merge(requireId(a, id), v, requireId(a, QStringLiteral("into")), text(a, reason), c); });
        });

    // Entities, links and charts.
    add(QStringLiteral("criminal_intel.entity.add"), [entities](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(entities->add(newEntityFrom(a.value(QStringLiteral("entity")).toObject()), c));
    });
    auto entityVersion = [entities, id](const QJsonObject& a) {
        return [entities, entity = requireId(a, id)] { return entities->entity(entity).then([](const Entity& now) { return now.version; }); };
    };
    add(QStringLiteral("criminal_intel.entity.merge"),
        [entities, id, reason, versionOf, entityVersion](const QJsonObject& a, const CommandId& c, bool mine) {
            return service::sendAtVersion(mine, versionOf(a), entityVersion(a),
                             [=](int v) { return entities->merge(requireId(a, id), v, requireId(a, QStringLiteral("into")), text(a, reason), c); });
        });
    add(QStringLiteral("criminal_intel.entity.evidence"), [entities](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(entities->takeInEvidence(requireId(a, QStringLiteral("lead")), c));
    });
    add(QStringLiteral("criminal_intel.entity.attributes"),
        [entities, id, versionOf, entityVersion](const QJsonObject& a, const CommandId& c, bool mine) {
            return service::sendAtVersion(mine, versionOf(a), entityVersion(a), [=](int v) {
                return entities->setAttributes(requireId(a, id), v, a.value(QStringLiteral("attributes")).toObject(), c);
            });
        });
    add(QStringLiteral("criminal_intel.link.add"), [entities](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(entities->link(newLinkFrom(a.value(QStringLiteral("link")).toObject()), c));
    });
    add(QStringLiteral("criminal_intel.link.remove"), [entities, id, reason](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(entities->unlink(requireId(a, id), text(a, reason), c));
    });
    add(QStringLiteral("criminal_intel.chart.save"), [entities, id, versionOf](const QJsonObject& a, const CommandId& c, bool mine) {
        const qint64 chart = a.value(id).toInteger();
        return service::sendAtVersion(
            mine && chart > 0, versionOf(a),
            [entities, chart] { return entities->chart(chart).then([](const SavedChart& now) { return now.version; }); },
            [=](int v) {
                return entities->saveChart(chart, v, text(a, QStringLiteral("title")), a.value(QStringLiteral("state")).toObject(),
                                           a.value(QStringLiteral("investigation")).toInteger(), c);
            });
    });

    // Investigations.
    add(QStringLiteral("criminal_intel.investigation.open"), [investigations](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(
            investigations->open(text(a, QStringLiteral("title")), text(a, QStringLiteral("summary")), idsFrom(a.value(QStringLiteral("leads"))), c));
    });
    add(QStringLiteral("criminal_intel.investigation.status"),
        [investigations, id, reason, versionOf](const QJsonObject& a, const CommandId& c, bool mine) {
            const auto status = investigationStatusFromKey(text(a, QStringLiteral("status")));
            if (!status)
                throw ValidationError(Tr::tr("The kept command has no valid status."));
            const qint64 investigation = requireId(a, id);
            return service::sendAtVersion(
                mine, versionOf(a),
                [investigations, investigation] {
                    return investigations->investigation(investigation).then([](const Investigation& now) { return now.version; });
                },
                [=](int v) { return investigations->setStatus(investigation, v, *status, text(a, reason), c); });
        });
    add(QStringLiteral("criminal_intel.investigation.lead"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->joinLead(requireId(a, id), requireId(a, QStringLiteral("lead")), c));
    });
    add(QStringLiteral("criminal_intel.investigation.member"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        const auto kind = memberKindFromKey(text(a, QStringLiteral("kind")));
        if (!kind)
            throw ValidationError(Tr::tr("The kept command has no valid kind of member."));
        return service::voidOf(investigations->addMember(requireId(a, id), *kind, text(a, QStringLiteral("member")), text(a, QStringLiteral("role")), c));
    });
    add(QStringLiteral("criminal_intel.investigation.member.remove"), [investigations, id, reason](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->removeMember(requireId(a, id), requireId(a, QStringLiteral("member")), text(a, reason), c));
    });
    add(QStringLiteral("criminal_intel.investigation.divide"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->divide(requireId(a, id), newLineFrom(a.value(QStringLiteral("line")).toObject()), c));
    });
    add(QStringLiteral("criminal_intel.investigation.target"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->setTarget(requireId(a, id), targetFrom(a.value(QStringLiteral("target")).toObject()), c));
    });
    add(QStringLiteral("criminal_intel.investigation.targets"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        QStringList assignees;
        for (const QJsonValue& v : a.value(QStringLiteral("assignees")).toArray())
            assignees << v.toString();
        return service::voidOf(investigations->setTargets(requireId(a, id), idsFrom(a.value(QStringLiteral("entities"))),
                                               assigneeKindFrom(a.value(QStringLiteral("assigneeKind"))), assignees,
                                               text(a, QStringLiteral("action")), a.value(QStringLiteral("afterGoMinutes")).toInt(), c));
    });
    add(QStringLiteral("criminal_intel.investigation.target.remove"), [investigations, id, reason](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->removeTarget(requireId(a, id), requireId(a, QStringLiteral("target")), text(a, reason), c));
    });
    add(QStringLiteral("criminal_intel.investigation.report"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->report(requireId(a, id), text(a, QStringLiteral("body")), c));
    });
    add(QStringLiteral("criminal_intel.investigation.propose"), [investigations, id](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->proposeOperation(requireId(a, id), text(a, QStringLiteral("name")), text(a, QStringLiteral("objective")),
                                                     a.value(QStringLiteral("goAt")).toInteger(), c));
    });
    add(QStringLiteral("criminal_intel.investigation.withdraw"), [investigations, id, reason](const QJsonObject& a, const CommandId& c, bool) {
        return service::voidOf(investigations->withdrawProposal(requireId(a, id), text(a, reason), c));
    });
}

} // namespace hexhub::criminalintel
