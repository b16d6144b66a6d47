// The outbox replayed once the server is back, and the operator's decisions on the changes that wait.
#include "store/outbox.h"

#include "store/outbox_p.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "security/audit.h"
#include "store/sql.h"
#include "store/store.h"

#include <QJsonDocument>
#include <QSqlQuery>

namespace hexhub {

void Outbox::replayOne()
{
    m_local
        ->read([](Sql& sql) -> std::optional<OutboxEntry> {
            QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY position LIMIT 1").arg(kEntryColumns));
            if (!q.next())
                return std::nullopt;
            return entryFrom(q);
        })
        .then(this, [this](QFuture<std::optional<OutboxEntry>> head) {
            std::optional<OutboxEntry> entry;
            try {
                entry = head.result();
            } catch (const std::exception& e) {
                qCWarning(lcOutbox) << "cannot read the outbox:" << e.what();
                backOff();
                finishOperation();
                return;
            }
            if (!entry) {
                setWaiting(0);
                finishOperation();
                return;
            }
            if (entry->state != OutboxEntry::State::Queued) {
                m_blocked = true;
                Q_EMIT attentionNeeded(*entry);
                finishOperation();
                return;
            }
            const RowChange change = entry->change;
            m_server.write(WriteContext{change.source, change.actor, {}},
                           [change](WriteTransaction& txn) { return apply(txn, change, false); })
                .then(this, [this, entry = *entry](QFuture<Applied> done) mutable {
                    std::function<void(WriteTransaction&)> local;
                    try {
                        const Applied applied = done.result();
                        if (applied.kind == Applied::Kind::Conflict) {
                            entry.state = OutboxEntry::State::Conflict;
                            entry.theirVersion = applied.theirVersion;
                            entry.theirs = applied.theirs;
                        } else {
                            entry.state = OutboxEntry::State::Queued; // done: removed below
                        }
                    } catch (const StoreUnavailable&) {
                        backOff();
                        finishOperation();
                        return;
                    } catch (const std::exception& e) {
                        entry.state = OutboxEntry::State::Failed;
                        entry.problem = QString::fromUtf8(e.what());
                    }
                    const bool applied = entry.state == OutboxEntry::State::Queued;
                    m_local
                        ->write([entry, applied](WriteTransaction& txn) {
                            if (applied) {
                                txn.exec(QStringLiteral("DELETE FROM outbox WHERE position = ?"), {entry.position});
                            } else {
                                txn.exec(QStringLiteral("UPDATE outbox SET state = ?, their_version = ?, theirs = ?, "
                                                        "problem = ? WHERE position = ?"),
                                         {stateName(entry.state), entry.theirVersion,
                                          QString::fromUtf8(QJsonDocument(mapToJson(entry.theirs)).toJson(QJsonDocument::Compact)),
                                          entry.problem, entry.position});
                            }
                        })
                        .then(this, [this, entry, applied](QFuture<void> written) {
                            try {
                                written.waitForFinished();
                            } catch (const std::exception& e) {
                                // The server has it (or refused it); the local note failed. Trying again
                                // is safe: the server skips a change it has applied.
                                qCWarning(lcOutbox) << "cannot update the outbox:" << e.what();
                                backOff();
                                finishOperation();
                                return;
                            }
                            m_backoffMs = kFirstBackoffMs;
                            if (applied) {
                                setWaiting(m_waiting - 1);
                            } else {
                                m_blocked = true;
                                Q_EMIT attentionNeeded(entry);
                            }
                            finishOperation();
                        });
                });
        });
}

QFuture<ChangeResult> Outbox::resolve(const QUuid& changeId, Resolution resolution, const QString& actor)
{
    auto promise = std::make_shared<QPromise<ChangeResult>>();
    promise->start();
    QFuture<ChangeResult> future = promise->future();
    enqueue([this, changeId, resolution, actor, promise] { resolveNow(changeId, resolution, actor, promise); },
            [promise](std::exception_ptr error) {
                promise->setException(error);
                promise->finish();
            });
    return future;
}

void Outbox::resolveNow(QUuid changeId, Resolution resolution, QString actor,
                        std::shared_ptr<QPromise<ChangeResult>> promise)
{
    auto fail = [this, promise](std::exception_ptr error) {
        promise->setException(error);
        promise->finish();
        finishOperation();
    };
    m_local
        ->read([changeId](Sql& sql) -> std::optional<OutboxEntry> {
            QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM outbox WHERE change_id = ?").arg(kEntryColumns),
                                   {changeId.toString(QUuid::WithoutBraces)});
            if (!q.next())
                return std::nullopt;
            return entryFrom(q);
        })
        .then(this, [this, changeId, resolution, actor, promise, fail](QFuture<std::optional<OutboxEntry>> found) {
            std::optional<OutboxEntry> entry;
            try {
                entry = found.result();
                if (!entry)
                    throw ValidationError(Tr::tr("No change %1 waits in this desk's outbox.").arg(changeId.toString(QUuid::WithoutBraces)));
                if (entry->state == OutboxEntry::State::Queued)
                    throw ValidationError(Tr::tr("The change \"%1\" is not waiting for a decision.").arg(entry->change.summary));
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            const AuditLog* audit = m_audit;
            m_server
                .write(WriteContext{entry->change.source, actor, {}},
                       [entry = *entry, resolution, actor, audit](WriteTransaction& txn) {
                           const RowChange& change = entry.change;
                           const bool conflict = entry.state == OutboxEntry::State::Conflict;
                           Applied applied;
                           // Decided already (the local note of it was lost): nothing to do twice.
                           QSqlQuery decided = txn.exec(QStringLiteral("SELECT row_key, version FROM applied_changes "
                                                                       "WHERE change_id = ?"),
                                                        {change.id.toString(QUuid::WithoutBraces)});
                           if (decided.next()) {
                               applied.kind = Applied::Kind::AlreadyApplied;
                               applied.key = decided.value(0);
                               applied.version = decided.value(1).toLongLong();
                               return applied;
                           }
                           if (resolution == Resolution::KeepMine) {
                               applied = apply(txn, change, conflict);
                               if (applied.kind == Applied::Kind::Conflict)
                                   return applied; // a retried refusal now meets a newer row: decide again
                           } else {
                               txn.exec(QStringLiteral("INSERT INTO applied_changes (change_id, desk, tbl, row_key, version, "
                                                       "outcome, applied_at) VALUES (?, ?, ?, ?, 0, 'discarded', ?)"),
                                        {change.id.toString(QUuid::WithoutBraces), txn.origin(), change.table,
                                         change.key.toString(), txn.clock().nowMs()});
                               applied.kind = Applied::Kind::Applied;
                               applied.key = change.key;
                               applied.version = entry.theirVersion;
                           }
                           const QString decision = resolution == Resolution::KeepMine ? QStringLiteral("keep_mine")
                                                                                       : QStringLiteral("discard_mine");
                           QJsonObject payload{
                               {QStringLiteral("change"), change.id.toString(QUuid::WithoutBraces)},
                               {QStringLiteral("table"), change.table},
                               {QStringLiteral("key"), QJsonValue::fromVariant(change.key)},
                               {QStringLiteral("decision"), decision},
                               {QStringLiteral("summary"), change.summary},
                               {QStringLiteral("made_by"), change.actor},
                               {QStringLiteral("made_at"), change.madeAt},
                               {QStringLiteral("mine"), mapToJson(change.values)},
                           };
                           if (conflict) {
                               payload.insert(QStringLiteral("base_version"), change.baseVersion);
                               payload.insert(QStringLiteral("their_version"), entry.theirVersion);
                               payload.insert(QStringLiteral("theirs"), mapToJson(entry.theirs));
                           } else {
                               payload.insert(QStringLiteral("problem"), entry.problem);
                           }
                           txn.publish(EventDraft{conflict ? QStringLiteral("change.conflict_resolved")
                                                           : QStringLiteral("change.refusal_resolved"),
                                                  payload, 1, {}, actor, change.source});
                           if (audit) {
                               audit->append(txn, AuditEntry{actor,
                                                             conflict ? QStringLiteral("change.conflict_resolved")
                                                                      : QStringLiteral("change.refusal_resolved"),
                                                             recordName(change, change.key),
                                                             QStringLiteral("%1: %2").arg(decision, change.summary),
                                                             QStringLiteral("success")});
                           }
                           return applied;
                       })
                .then(this, [this, entry = *entry, promise, fail](QFuture<Applied> done) mutable {
                    Applied applied;
                    try {
                        applied = done.result();
                    } catch (...) {
                        fail(std::current_exception());
                        return;
                    }
                    const bool again = applied.kind == Applied::Kind::Conflict;
                    if (again) {
                        entry.state = OutboxEntry::State::Conflict;
                        entry.theirVersion = applied.theirVersion;
                        entry.theirs = applied.theirs;
                    }
                    m_local
                        ->write([entry, again](WriteTransaction& txn) {
                            if (again) {
                                txn.exec(QStringLiteral("UPDATE outbox SET state = 'conflict', their_version = ?, theirs = ? "
                                                        "WHERE position = ?"),
                                         {entry.theirVersion,
                                          QString::fromUtf8(QJsonDocument(mapToJson(entry.theirs)).toJson(QJsonDocument::Compact)),
                                          entry.position});
                            } else {
                                txn.exec(QStringLiteral("DELETE FROM outbox WHERE position = ?"), {entry.position});
                            }
                        })
                        .then(this, [this, entry, again, applied, promise](QFuture<void> written) {
                            bool noted = true;
                            try {
                                written.waitForFinished();
                            } catch (const std::exception& e) {
                                // Decided on the server, but the local file still shows it waiting: it
                                // stays counted and in front, and deciding again finds the decision made
                                // and only removes it here.
                                qCWarning(lcOutbox) << "cannot update the outbox:" << e.what();
                                noted = false;
                            }
                            if (!noted) {
                                promise->addResult(ChangeResult{ChangeResult::Outcome::Applied, applied.key, applied.version});
                                promise->finish();
                                Q_EMIT attentionNeeded(entry);
                                finishOperation();
                                return;
                            }
                            if (again) {
                                promise->addResult(ChangeResult{ChangeResult::Outcome::Conflict, {}, 0});
                                Q_EMIT attentionNeeded(entry);
                            } else {
                                promise->addResult(ChangeResult{ChangeResult::Outcome::Applied, applied.key, applied.version});
                                m_blocked = false;
                                setWaiting(m_waiting - 1);
                            }
                            promise->finish();
                            finishOperation();
                        });
                });
        });
}

} // namespace hexhub
