#pragma once
// The centre's library of law-enforcement guidelines (issue 22 section 1): documents in English
// and Chinese, each linked to the stage of a case it guides, searched by full text (Chinese
// included: SQLite's trigram index, PostgreSQL's tsvector with substring matching for unsegmented
// scripts). Read by whoever may see cases; added to and revised by an administrator, on the audit
// log and the journal.

#include "hexhub/case_management/case_management_export.h"
#include "module/command.h"

#include <QFuture>
#include <QJsonObject>
#include <QList>
#include <QString>
#include <optional>

namespace hexhub {
class AuditLog;
class Session;
class Store;
} // namespace hexhub

namespace hexhub::cases {

struct HEXHUB_CASE_MANAGEMENT_EXPORT Guideline
{
    qint64 id = 0;
    QString code;     //!< "G-03": one code, a document in each language
    QString language; //!< en, zh_CN
    QString stage;    //!< the stage of a case it guides (caseStages()); empty: the custody suite, any stage
    QString title, body, source;
    qint64 updatedAt = 0;
    QString updatedBy;
    int version = 1;
};

struct HEXHUB_CASE_MANAGEMENT_EXPORT GuidelineQuery
{
    QString language = QStringLiteral("en"); //!< the documents of this language (zh_* reads zh_CN, anything else en)
    QString stage;                           //!< those guiding this stage first, then the rest
    QString text;                            //!< words or phrases, every one in the title or body; empty: all
    int limit = 100;
};

//! `guideline.changed`: a guideline added or revised (its code, language and version).
struct HEXHUB_CASE_MANAGEMENT_EXPORT GuidelineChanged
{
    static constexpr auto kTopic = "guideline.changed";
    static constexpr int kSchemaVersion = 1;
    qint64 guidelineId = 0;
    QString code, language;
    int version = 1;
    QJsonObject toJson() const;
    static std::optional<GuidelineChanged> fromJson(const QJsonObject& json);
};

class HEXHUB_CASE_MANAGEMENT_EXPORT GuidelineService
{
public:
    static constexpr auto kViewPermission = "case_management.case.view";
    static constexpr auto kManagePermission = "case_management.guideline.manage";

    GuidelineService(Store& store, Session& session, AuditLog& audit);
    Q_DISABLE_COPY_MOVE(GuidelineService)

    /*!
     * case_management.case.view. The guidelines of the query's language that contain every word of
     * its text, those guiding its stage first, then by code.
     */
    QFuture<QList<Guideline>> find(const GuidelineQuery& query) const;
    QFuture<Guideline> guideline(qint64 id) const;
    /*!
     * case_management.guideline.manage. Adds a document (code "G-" and digits, unused in its
     * language; a title of 3 to 200 characters; a body of 20 to 100,000; a stage of a case's path or
     * none) or, with `id` set, revises one at `version`, with the reason on the audit log.
     */
    QFuture<Guideline> save(const Guideline& guideline, const QString& reason, const CommandId& command = CommandId::make()) const;

private:
    Store& m_store;
    Session& m_session;
    AuditLog& m_audit;
};

} // namespace hexhub::cases
