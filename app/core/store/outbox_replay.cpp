// The outbox replayed once the server is back, and the operator's decisions on the changes that wait.
#include "store/outbox.h"

#include "store/outbox_p.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "security/audit.h"
#include "store/sql.h"
#include "store/store.h"

#include <QJsonArray>
#include <QJsonDocument>
#include <QSqlQuery>

namespace hexhub {

namespace {

// Why an entry that does not carry its maker's seal is not sent.
QString notAsKept(const OutboxEntry& entry)
{
    return Tr::tr("\"%1\" is not sent: it is not as %2 kept it on this desk (its seal does not match: it was changed "
                  "outside Hexhub, or kept before a change of password or by an older Hexhub). Discard it, and make "
                  "it again if it is still wanted.")
        .arg(entry.summary(), entry.madeBy());
}

} // namespace

void Outbox::replayOne()
{
    m_local
        ->read([who = m_operator, key = m_operatorKey](Sql& sql) {
            QList<OutboxEntry> entries;
            QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY position").arg(kEntryColumns));
            while (q.next()) {
                entries << entryFrom(q);
                trustState(entries.last(), who, key);
            }
            return entries;
        })
        .then(this, [this](QFuture<QList<OutboxEntry>> read) {
            QList<OutboxEntry> entries;
            try {
                entries = read.result();
            } catch (const std::exception& e) {
                qCWarning(lcOutbox) << "cannot read the outbox:" << e.what();
                backOff();
                finishOperation();
                return;
            }
            setWaiting(int(entries.size()));
            m_waitingRecords.clear();
            for (const OutboxEntry& entry : std::as_const(entries))
                countRecords(entry.records(), +1);
            // The first entry that may go now: queued, and not behind one on the same record that
            // waits for a decision or (a command) for an operator to sign in.
            QSet<QString> held;
            const OutboxEntry* next = nullptr;
            bool decisions = false;
            for (const OutboxEntry& entry : std::as_const(entries)) {
                const QStringList records = entry.records();
                // A command or change goes only under the operator who made it (setOperator()).
                bool waits = entry.state != OutboxEntry::State::Queued || m_operator.isEmpty() || entry.madeBy() != m_operator;
                for (const QString& record : records)
                    waits = waits || held.contains(record);
                if (entry.state != OutboxEntry::State::Queued) {
                    decisions = true;
                    if (!m_announced.contains(entry.id())) {
                        m_announced.insert(entry.id());
                        Q_EMIT attentionNeeded(entry);
                    }
                }
                if (waits) {
                    for (const QString& record : records)
                        held.insert(record);
                    continue;
                }
                if (!next)
                    next = &entry;
            }
            m_blocked = decisions;
            if (!next) {
                // Nothing may go until a decision, a sign-in or a new entry: wait for that.
                m_nothingToReplay = true;
                finishOperation();
                return;
            }
            replayEntry(*next);
        });
}

void Outbox::replayEntry(const OutboxEntry& entry)
{
    if (entry.kind == OutboxEntry::Kind::Command) {
        replayCommand(entry);
        return;
    }
    const RowChange change = entry.change;
    const QByteArray key = m_operatorKey;
    // Sent only under its maker (replayOne()), and only as they kept it.
    if (!entry.sealHolds(key, {})) {
        OutboxEntry refused = entry;
        refused.state = OutboxEntry::State::Failed;
        refused.problem = notAsKept(entry);
        settleReplayed(refused, false, key);
        return;
    }
    m_server.write(WriteContext{change.source, change.actor, {}}, [change](WriteTransaction& txn) { return apply(txn, change, false); })
        .then(this, [this, key, entry = OutboxEntry(entry)](QFuture<Applied> done) mutable {
            try {
                const Applied applied = done.result();
                if (applied.kind == Applied::Kind::Conflict) {
                    entry.state = OutboxEntry::State::Conflict;
                    entry.theirVersion = applied.theirVersion;
                    entry.theirs = applied.theirs;
                    settleReplayed(entry, false, key);
                    return;
                }
            } catch (const StoreUnavailable&) {
                backOff();
                finishOperation();
                return;
            } catch (const std::exception& e) {
                entry.state = OutboxEntry::State::Failed;
                entry.problem = QString::fromUtf8(e.what());
                settleReplayed(entry, false, key);
                return;
            }
            settleReplayed(entry, true, key);
        });
}

namespace {

// Only one change or command is written at a time here (the outbox's own queue), so the log can be
// emptied after each removal: what was sent leaves no copy in the write-ahead log either.
// Never fails: a log that cannot be emptied now is emptied when the file closes.
QFuture<void> truncateLog(Store& local)
{
    return local
        .read([](Sql& sql) {
            // (busy, log frames, checkpointed): busy when a reader kept an older snapshot; emptied at close then.
            QSqlQuery q = sql.exec(QStringLiteral("PRAGMA wal_checkpoint(TRUNCATE)"));
            if (q.next() && q.value(0).toInt() != 0)
                qCInfo(lcOutbox) << "the outbox's log could not be emptied now (a reader holds it); it is at close";
        })
        .then([](QFuture<void> done) {
            try {
                done.waitForFinished();
            } catch (const std::exception& e) {
                qCInfo(lcOutbox) << "the outbox's log is emptied at close instead:" << e.what();
            }
        });
}

// A replayer's answer: what happened to the command sent again.
enum class Sent { Applied, Away, Conflict, Refused };

Sent classify(QFuture<void> done, QString* problem)
{
    try {
        done.waitForFinished();
        return Sent::Applied;
    } catch (const CommandQueued&) {
        return Sent::Away; // the service found the server away again and kept it (it is here already)
    } catch (const StoreUnavailable&) {
        return Sent::Away;
    } catch (const ConflictError& e) {
        *problem = e.message();
        return Sent::Conflict;
    } catch (const std::exception& e) {
        *problem = QString::fromUtf8(e.what());
        return Sent::Refused;
    } catch (...) {
        *problem = Tr::tr("The command failed in a way this desk cannot describe.");
        return Sent::Refused;
    }
}

} // namespace

QFuture<void> Outbox::sendKept(const OutboxEntry& entry, bool overrideConflict)
{
    const OfflineCommand& command = entry.command;
    // Who sends it, and the key that checks it, as the sending starts: a sign-out or another sign-in
    // while its bytes are read does not change under whom it goes, or whose seal it must carry.
    auto run = [this, entry, overrideConflict, maker = m_operator, key = m_operatorKey](const QByteArray& content) -> QFuture<void> {
        const OfflineCommand& command = entry.command;
        if (m_operator != maker) {
            // The operator changed meanwhile: it waits for its maker again, as if the server were away.
            return QtFuture::makeExceptionalFuture(std::make_exception_ptr(
                StoreUnavailable(Tr::tr("\"%1\" waits: the operator signed in here changed as it was being sent.").arg(command.summary))));
        }
        // Called where it is registered: the services it holds (and their continuations' `this`)
        // live as long as the outbox, where a copy made for this call would not.
        const auto replay = m_replayers.constFind(command.operation);
        if (replay == m_replayers.constEnd())
            return QtFuture::makeExceptionalFuture(std::make_exception_ptr(ValidationError(
                Tr::tr("No module on this desk sends \"%1\" (%2); start the desk with that module, or discard it.")
                    .arg(command.summary, command.operation))));
        // Sent only under its maker (replayOne(), resolveCommand()): what goes is what they kept,
        // not what someone else with the desk's files put there in their name.
        // Without a key (an operator not signed in by password) nothing can be checked: it is not sent.
        if (!entry.sealHolds(key, content))
            return QtFuture::makeExceptionalFuture(std::make_exception_ptr(ValidationError(notAsKept(entry))));
        try {
            return (*replay)(command.args, content, command.id, overrideConflict);
        } catch (...) {
            return QtFuture::makeExceptionalFuture(std::current_exception());
        }
    };
    if (command.contentBytes <= 0)
        return run(QByteArray());
    // The bytes it carries come back from the file only now, for this one command.
    return m_local
        ->read([position = entry.position, expected = command.contentBytes, summary = command.summary](Sql& sql) {
            QSqlQuery q = sql.exec(QStringLiteral("SELECT content FROM outbox WHERE position = ?"), {position});
            const QByteArray content = q.next() ? q.value(0).toByteArray() : QByteArray();
            if (content.size() != expected)
                throw ValidationError(Tr::tr("The %1 bytes \"%2\" carries are not all in this desk's outbox file (%3 found); "
                                             "discard it and make it again.")
                                          .arg(expected)
                                          .arg(summary)
                                          .arg(content.size()));
            return content;
        })
        .then(this, run)
        .unwrap();
}

void Outbox::replayCommand(const OutboxEntry& entry)
{
    m_replaying = entry.command.id.uuid();
    sendKept(entry, false).then(this, [this, key = m_operatorKey, entry = OutboxEntry(entry)](QFuture<void> done) mutable {
        m_replaying = QUuid();
        QString problem;
        switch (classify(done, &problem)) {
        case Sent::Applied:
            settleReplayed(entry, true, key);
            return;
        case Sent::Away:
            backOff();
            finishOperation();
            return;
        case Sent::Conflict:
            entry.state = OutboxEntry::State::Conflict;
            break;
        case Sent::Refused:
            entry.state = OutboxEntry::State::Failed;
            break;
        }
        entry.problem = problem;
        settleReplayed(entry, false, key);
    });
}

void Outbox::settleReplayed(OutboxEntry entry, bool applied, const QByteArray& key)
{
    // Replayed under its maker: the state the server gave it is sealed with their key.
    if (!applied)
        sealState(entry, key);
    m_local
        ->write([entry, applied](WriteTransaction& txn) {
            if (applied)
                txn.exec(QStringLiteral("DELETE FROM outbox WHERE position = ?"), {entry.position});
            else
                saveState(txn, entry);
        })
        .then(this, [this, entry, applied](QFuture<void> written) {
            try {
                written.waitForFinished();
            } catch (const std::exception& e) {
                // The server has it (or refused it); the local note failed. Trying again is safe:
                // the server skips a change or command it has applied.
                qCWarning(lcOutbox) << "cannot update the outbox:" << e.what();
                backOff();
                finishOperation();
                return;
            }
            m_backoffMs = kFirstBackoffMs;
            if (applied) {
                truncateLog(*m_local).then(this, [this, entry] {
                    countRecords(entry.records(), -1);
                    setWaiting(m_waiting - 1);
                    finishOperation();
                });
                return;
            }
            m_blocked = true;
            m_announced.insert(entry.id());
            Q_EMIT attentionNeeded(entry);
            finishOperation();
        });
}

QFuture<ChangeResult> Outbox::resolve(const QUuid& changeId, Resolution resolution, const QString& actor)
{
    // A decision on data is made by the operator signed in at this desk, and names them: not by
    // whoever a caller says.
    if (actor.isEmpty() || actor != m_operator) {
        return QtFuture::makeExceptionalFuture<ChangeResult>(std::make_exception_ptr(PermissionDenied(
            Tr::tr("Only the operator signed in at this desk decides on what waits in its outbox; sign in first."),
            QStringLiteral("outbox.resolve"))));
    }
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
    // Checked again when it runs: the operator may have signed out (or another signed in) since.
    if (actor != m_operator) {
        fail(std::make_exception_ptr(PermissionDenied(
            Tr::tr("Only the operator signed in at this desk decides on what waits in its outbox; sign in first."),
            QStringLiteral("outbox.resolve"))));
        return;
    }
    const QByteArray key = m_operatorKey; // the decider's, as they decide (seals the state it leaves)
    m_local
        ->read([changeId, who = m_operator, key](Sql& sql) -> std::optional<OutboxEntry> {
            QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM outbox WHERE change_id = ?").arg(kEntryColumns),
                                   {changeId.toString(QUuid::WithoutBraces)});
            if (!q.next())
                return std::nullopt;
            OutboxEntry entry = entryFrom(q);
            trustState(entry, who, key);
            return entry;
        })
        .then(this, [this, changeId, resolution, actor, promise, fail, key](QFuture<std::optional<OutboxEntry>> found) {
            std::optional<OutboxEntry> entry;
            try {
                entry = found.result();
                if (!entry)
                    throw ValidationError(Tr::tr("No change %1 waits in this desk's outbox.").arg(changeId.toString(QUuid::WithoutBraces)));
                // A kept command may be decided on while it waits (for the operator who made it, say):
                // discarded by whoever decides, sent only by its maker. A change waits only for the server.
                if (entry->state == OutboxEntry::State::Queued && entry->kind == OutboxEntry::Kind::Change
                    && resolution == Resolution::KeepMine)
                    throw ValidationError(Tr::tr("The change \"%1\" is not waiting for a decision.").arg(entry->summary()));
                // As a command: another operator may discard it, only its maker sends it, as they kept it.
                if (entry->kind == OutboxEntry::Kind::Change && resolution == Resolution::KeepMine) {
                    if (entry->change.actor != actor)
                        throw ValidationError(Tr::tr("\"%1\" was kept by %2: only they send it, once signed in at this desk; you "
                                                     "may discard it.").arg(entry->summary(), entry->madeBy()));
                    if (!entry->sealHolds(key, {}))
                        throw ValidationError(notAsKept(*entry));
                }
            } catch (...) {
                fail(std::current_exception());
                return;
            }
            if (entry->kind == OutboxEntry::Kind::Command) {
                resolveCommand(*entry, resolution, actor, promise);
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
                .then(this, [this, entry = *entry, promise, fail, key](QFuture<Applied> done) mutable {
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
                        entry.problem.clear();
                        sealState(entry, key);
                    }
                    m_local
                        ->write([entry, again](WriteTransaction& txn) {
                            if (again)
                                saveState(txn, entry);
                            else
                                txn.exec(QStringLiteral("DELETE FROM outbox WHERE position = ?"), {entry.position});
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
                                truncateLog(*m_local).then(this, [this, entry, applied, promise] {
                                    promise->addResult(ChangeResult{ChangeResult::Outcome::Applied, applied.key, applied.version});
                                    m_nothingToReplay = false;
                                    m_announced.remove(entry.id());
                                    countRecords(entry.records(), -1);
                                    setWaiting(m_waiting - 1);
                                    promise->finish();
                                    finishOperation();
                                });
                                return;
                            }
                            promise->finish();
                            finishOperation();
                        });
                });
        });
}

void Outbox::resolveCommand(OutboxEntry entry, Resolution resolution, QString actor,
                            std::shared_ptr<QPromise<ChangeResult>> promise)
{
    const bool conflict = entry.state == OutboxEntry::State::Conflict;
    const QString decision = resolution == Resolution::KeepMine ? QStringLiteral("keep_mine") : QStringLiteral("discard_mine");
    // The decision on the journal and the audit chain, in the core's name (any desk may decide on
    // its own commands); a discarded command's id is recorded as used, so it can never apply later.
    const AuditLog* audit = m_audit;
    auto record = [entry, conflict, decision, actor, audit, resolution](WriteTransaction& txn) {
        const OfflineCommand& command = entry.command;
        bool alreadyApplied = false;
        if (resolution == Resolution::DiscardMine) {
            QSqlQuery done = txn.exec(QStringLiteral("SELECT operation FROM applied_commands WHERE command_id = ?"),
                                      {command.id.toString()});
            alreadyApplied = done.next();
            if (!alreadyApplied) {
                txn.exec(QStringLiteral("INSERT INTO applied_commands (command_id, module, operation, result_key, actor, applied_at) "
                                        "VALUES (?, 'core', ?, '', ?, ?)"),
                         {command.id.toString(), QStringLiteral("discarded:") + command.operation, actor, txn.clock().nowMs()});
            }
        }
        QJsonObject payload{
            {QStringLiteral("command"), command.id.toString()},
            {QStringLiteral("operation"), command.operation},
            {QStringLiteral("records"), QJsonArray::fromStringList(command.records)},
            {QStringLiteral("decision"), decision},
            {QStringLiteral("summary"), command.summary},
            {QStringLiteral("made_by"), command.madeBy},
            {QStringLiteral("made_at"), command.madeAt},
            {QStringLiteral("problem"), entry.problem},
        };
        if (alreadyApplied)
            payload.insert(QStringLiteral("already_applied"), true);
        const QString topic = conflict ? QStringLiteral("change.conflict_resolved") : QStringLiteral("change.refusal_resolved");
        txn.publish(EventDraft{topic, payload, 1, {}, actor, QStringLiteral("core")});
        if (audit) {
            audit->append(txn, AuditEntry{actor, topic, QStringLiteral("command:") + command.id.toString(),
                                          QStringLiteral("%1: %2").arg(decision, command.summary), QStringLiteral("success")});
        }
    };
    auto finishWith = [this, promise](std::exception_ptr error, ChangeResult result) {
        if (error)
            promise->setException(error);
        else
            promise->addResult(result);
        promise->finish();
        finishOperation();
    };
    auto removeAndRecord = [this, entry, record, finishWith, actor] {
        m_server.write(WriteContext{QStringLiteral("core"), actor, {}}, record)
            .then(this, [this, entry, finishWith](QFuture<void> recorded) {
                try {
                    recorded.waitForFinished();
                } catch (...) {
                    // The command went (or was discarded) but the decision is not on record: the
                    // entry stays for the operator to decide again, which finds it done.
                    finishWith(std::current_exception(), {});
                    return;
                }
                m_local->write([entry](WriteTransaction& txn) {
                           txn.exec(QStringLiteral("DELETE FROM outbox WHERE position = ?"), {entry.position});
                       })
                    .then(this, [this, entry, finishWith](QFuture<void> removed) {
                        try {
                            removed.waitForFinished();
                        } catch (const std::exception& e) {
                            qCWarning(lcOutbox) << "cannot update the outbox:" << e.what();
                            finishWith(std::current_exception(), {});
                            return;
                        }
                        truncateLog(*m_local).then(this, [this, entry, finishWith] {
                            m_nothingToReplay = false;
                            m_announced.remove(entry.id());
                            countRecords(entry.records(), -1);
                            setWaiting(m_waiting - 1);
                            finishWith(nullptr, ChangeResult{ChangeResult::Outcome::Applied, {}, 0});
                        });
                    });
            });
    };
    if (resolution == Resolution::DiscardMine) {
        removeAndRecord();
        return;
    }
    // Keep mine: send it again under its maker, signed in here, over the newer row after a conflict.
    // Nobody sends another's kept work in their own name: its seal is the maker's, which only the
    // maker's sign-in can check. Not without the module that sends it: the entry stays as it is.
    if (entry.command.madeBy != actor) {
        finishWith(std::make_exception_ptr(ValidationError(
                       Tr::tr("\"%1\" was kept by %2: only they send it, once signed in at this desk; you may discard it.")
                           .arg(entry.command.summary, entry.command.madeBy))),
                   {});
        return;
    }
    if (m_operator.isEmpty() || !m_replayers.contains(entry.command.operation)) {
        finishWith(std::make_exception_ptr(ValidationError(
                       m_operator.isEmpty()
                           ? Tr::tr("\"%1\" is sent again under the operator signed in at a desk; sign in to keep it, or discard it.")
                                 .arg(entry.command.summary)
                           : Tr::tr("No module on this desk sends \"%1\" (%2); start the desk with that module, or discard it.")
                                 .arg(entry.command.summary, entry.command.operation))),
                   {});
        return;
    }
    m_replaying = entry.command.id.uuid();
    sendKept(entry, conflict).then(this, [this, entry, removeAndRecord, finishWith, key = m_operatorKey](QFuture<void> done) mutable {
        m_replaying = QUuid();
        QString problem;
        const Sent sent = classify(done, &problem);
        if (sent == Sent::Applied) {
            removeAndRecord();
            return;
        }
        if (sent == Sent::Away) {
            finishWith(std::make_exception_ptr(StoreUnavailable(
                           Tr::tr("The server cannot be reached; \"%1\" stays on this desk. Decide again when the server is back.")
                               .arg(entry.command.summary))),
                       {});
            return;
        }
        // Refused or in conflict again: the operator sees why and decides again.
        entry.state = sent == Sent::Conflict ? OutboxEntry::State::Conflict : OutboxEntry::State::Failed;
        entry.problem = problem;
        sealState(entry, key);
        m_local->write([entry](WriteTransaction& txn) { saveState(txn, entry); })
            .then(this, [this, entry, finishWith](QFuture<void>) {
                Q_EMIT attentionNeeded(entry);
                if (entry.state == OutboxEntry::State::Conflict)
                    finishWith(nullptr, ChangeResult{ChangeResult::Outcome::Conflict, {}, 0});
                else
                    finishWith(std::make_exception_ptr(ValidationError(entry.problem)), {});
            });
    });
}

} // namespace hexhub
