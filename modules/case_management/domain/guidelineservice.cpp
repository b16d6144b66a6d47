// The guidelines library's reads and its one write path (guidelines.h).
#include "base/clock.h"
#include "base/error.h"
#include "hexhub/case_management/cases.h"
#include "hexhub/case_management/guidelines.h"
#include "module/servicesupport.h"
#include "security/audit.h"
#include "security/session.h"
#include "store/sql.h"
#include "store/sqldialect.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QRegularExpression>
#include <QSqlQuery>

namespace hexhub::cases {

namespace {

struct Tr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::cases::GuidelineService)
};

using service::failNow;

const QString kModule = QStringLiteral("case_management");
const QString kColumns = QStringLiteral("g.id, g.code, g.language, g.stage, g.title, g.body, g.source, g.updated_at, g.updated_by, g.version");

Guideline guidelineFrom(const QSqlQuery& q)
{
    return Guideline{q.value(0).toLongLong(), q.value(1).toString(), q.value(2).toString(),   q.value(3).toString(), q.value(4).toString(),
                     q.value(5).toString(),   q.value(6).toString(), q.value(7).toLongLong(), q.value(8).toString(), q.value(9).toInt()};
}

Guideline loadGuideline(Sql& sql, qint64 id)
{
    QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM cm_guidelines g WHERE g.id = ?"), {id});
    if (!q.next())
        throw NotFoundError(Tr::tr("No guideline %1.").arg(id));
    return guidelineFrom(q);
}

//! The library's language for a desk's: Chinese for any zh locale, English otherwise.
QString libraryLanguage(const QString& language)
{
    return language.startsWith(QLatin1String("zh")) ? QStringLiteral("zh_CN") : QStringLiteral("en");
}

bool knownStage(const QString& stage)
{
    return stage.isEmpty() || caseStages(CaseKind::Criminal).contains(stage) || caseStages(CaseKind::Administrative).contains(stage);
}

} // namespace

QJsonObject GuidelineChanged::toJson() const
{
    return {{QStringLiteral("guideline"), double(guidelineId)},
            {QStringLiteral("code"), code},
            {QStringLiteral("language"), language},
            {QStringLiteral("version"), version}};
}

std::optional<GuidelineChanged> GuidelineChanged::fromJson(const QJsonObject& json)
{
    if (!json.value(QStringLiteral("guideline")).isDouble() || !json.value(QStringLiteral("code")).isString())
        return std::nullopt;
    return GuidelineChanged{qint64(json.value(QStringLiteral("guideline")).toDouble()), json.value(QStringLiteral("code")).toString(),
                            json.value(QStringLiteral("language")).toString(), json.value(QStringLiteral("version")).toInt()};
}

GuidelineService::GuidelineService(Store& store, Session& session, AuditLog& audit)
    : m_store(store)
    , m_session(session)
    , m_audit(audit)
{}

QFuture<QList<Guideline>> GuidelineService::find(const GuidelineQuery& query) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("read the guidelines")))
        return service::failWith<QList<Guideline>>(refused);
    const QString language = libraryLanguage(query.language);
    const QStringList terms = searchTerms(query.text);
    const int limit = std::clamp(query.limit, 1, 500);
    const QString stage = query.stage;
    return m_store.read([language, terms, limit, stage](Sql& sql) {
        QString where = QStringLiteral("g.language = ?");
        QVariantList binds{language};
        if (!terms.isEmpty()) {
            const SqlFragment match = sql.dialect().textSearch(
                TextSearchTarget{QStringLiteral("cm_guidelines"), {QStringLiteral("title"), QStringLiteral("body")}, QStringLiteral("g")}, terms);
            where += QStringLiteral(" AND ") + match.sql;
            binds += match.binds;
        }
        QSqlQuery q = sql.exec(QStringLiteral("SELECT ") + kColumns + QStringLiteral(" FROM cm_guidelines g WHERE ") + where +
                                   QStringLiteral(" ORDER BY CASE WHEN g.stage = ? THEN 0 ELSE 1 END, g.code LIMIT ?"),
                               binds + QVariantList{stage.isEmpty() ? QStringLiteral("-") : stage, limit});
        QList<Guideline> out;
        while (q.next())
            out << guidelineFrom(q);
        return out;
    });
}

QFuture<Guideline> GuidelineService::guideline(qint64 id) const
{
    if (auto refused = service::requireNow(m_session.principal(), QString::fromLatin1(kViewPermission), Tr::tr("read the guidelines")))
        return service::failWith<Guideline>(refused);
    return m_store.read([id](Sql& sql) { return loadGuideline(sql, id); });
}

QFuture<Guideline> GuidelineService::save(const Guideline& draft, const QString& reason, const CommandId& command) const
{
    const Principal actor = m_session.principal();
    if (auto refused = service::check<Guideline>(m_audit, actor, QString::fromLatin1(kManagePermission), Tr::tr("change the guidelines"),
                                                 QStringLiteral("guideline.changed"), QStringLiteral("guideline:%1").arg(draft.code)))
        return *refused;
    static const QRegularExpression codeShape(QStringLiteral("^G-[0-9]{2,4}$"));
    const QString title = draft.title.simplified();
    const QString body = draft.body.trimmed();
    if (!codeShape.match(draft.code).hasMatch())
        return failNow<Guideline>(Tr::tr("A guideline's code is G- and two to four digits, e.g. G-12."));
    if (draft.language != QLatin1String("en") && draft.language != QLatin1String("zh_CN"))
        return failNow<Guideline>(Tr::tr("A guideline is in English (en) or Chinese (zh_CN)."));
    if (title.size() < 3 || title.size() > 200)
        return failNow<Guideline>(Tr::tr("Give the guideline a title of 3 to 200 characters."));
    if (body.size() < 20 || body.size() > 100000)
        return failNow<Guideline>(Tr::tr("A guideline's text is 20 to 100,000 characters."));
    if (!knownStage(draft.stage))
        return failNow<Guideline>(Tr::tr("%1 is not a stage of a case.").arg(draft.stage));
    if (draft.id > 0) {
        if (const QString problem = service::reasonProblem(reason, Tr::tr("Say why the guideline is revised; it goes on record."));
            !problem.isEmpty())
            return failNow<Guideline>(problem);
    }
    return m_store.write(service::writeAs(kModule, actor), [this, draft, title, body, why = reason.trimmed().left(2000), command,
                                                            name = actor.name](WriteTransaction& txn) {
        const QString op = QStringLiteral("case_management.guideline.save");
        if (auto done = service::appliedBefore(txn, command, op))
            return loadGuideline(txn, done->toLongLong());
        const qint64 now = txn.clock().nowMs();
        qint64 id = draft.id;
        if (id > 0) {
            const Guideline before = loadGuideline(txn, id);
            if (before.code != draft.code || before.language != draft.language)
                throw ValidationError(Tr::tr("A guideline keeps its code and language; add a new one instead."));
            service::requireUpdated(txn.exec(QStringLiteral("UPDATE cm_guidelines SET stage = ?, title = ?, body = ?, source = ?, updated_at = ?, "
                                                            "updated_by = ?, version = version + 1 WHERE id = ? AND version = ?"),
                                             {draft.stage, title, body, draft.source.simplified().left(200), now, name, id, draft.version}),
                                    Tr::tr("Someone revised guideline %1 meanwhile; look at it again.").arg(draft.code));
        } else {
            if (txn.scalar(QStringLiteral("SELECT COUNT(*) FROM cm_guidelines WHERE code = ? AND language = ?"), {draft.code, draft.language})
                    .toLongLong() > 0)
                throw ValidationError(Tr::tr("Guideline %1 is in the library already in that language.").arg(draft.code));
            id = txn.insert(QStringLiteral("INSERT INTO cm_guidelines (code, language, stage, title, body, source, updated_at, updated_by) "
                                           "VALUES (?, ?, ?, ?, ?, ?, ?, ?)"),
                            {draft.code, draft.language, draft.stage, title, body, draft.source.simplified().left(200), now, name});
        }
        const Guideline saved = loadGuideline(txn, id);
        txn.publish(GuidelineChanged{id, saved.code, saved.language, saved.version});
        m_audit.append(txn, {name, QStringLiteral("guideline.changed"), QStringLiteral("guideline:%1").arg(id),
                             draft.id > 0 ? QStringLiteral("%1 %2 v%3: %4").arg(saved.code, saved.language).arg(saved.version).arg(why)
                                          : QStringLiteral("%1 %2 added").arg(saved.code, saved.language),
                             QStringLiteral("success")});
        service::recordApplied(txn, command, op, QString::number(id));
        return saved;
    });
}

} // namespace hexhub::cases
