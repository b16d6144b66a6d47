#include "store/outbox.h"

#include "store/outbox_p.h"

#include "base/coretr.h"

#include "base/clock.h"
#include "base/error.h"
#include "security/password.h"
#include "store/sql.h"
#include "store/store.h"

#include <QCoreApplication>
#include <QCryptographicHash>
#include <QMessageAuthenticationCode>
#include <QDir>
#include <QElapsedTimer>
#include <QFileInfo>
#include <QJsonArray>
#include <QJsonDocument>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QSqlQuery>

Q_LOGGING_CATEGORY(lcOutbox, "hexhub.outbox", QtInfoMsg)

namespace hexhub {

namespace {

constexpr int kMaxBackoffMs = 5000;
constexpr int kSaveSeenMs = 2000;

void checkIdentifier(const QString& name)
{
    static const QRegularExpression identifier(QStringLiteral("^[a-z_][a-z0-9_]*$"));
    if (!identifier.match(name).hasMatch())
        throw ValidationError(Tr::tr("'%1' is not a table or column name a change can name.").arg(name));
}

// JSON numbers come back as doubles; whole ones go back to integers so they bind as integers.
QVariant fromJsonValue(const QJsonValue& value)
{
    if (value.isDouble()) {
        const double d = value.toDouble();
        if (d == std::floor(d) && std::abs(d) < 9.0e15)
            return QVariant::fromValue(qint64(d));
        return d;
    }
    if (value.isNull() || value.isUndefined())
        return QVariant();
    return value.toVariant();
}

QVariantMap mapFromJson(const QJsonObject& object)
{
    QVariantMap map;
    for (auto it = object.begin(); it != object.end(); ++it)
        map.insert(it.key(), fromJsonValue(it.value()));
    return map;
}

OutboxEntry::State stateFromName(const QString& name)
{
    if (name == QLatin1String("queued"))
        return OutboxEntry::State::Queued;
    if (name == QLatin1String("conflict"))
        return OutboxEntry::State::Conflict;
    return OutboxEntry::State::Failed;
}

} // namespace

namespace detail {

QJsonObject mapToJson(const QVariantMap& map)
{
    QJsonObject object;
    for (auto it = map.begin(); it != map.end(); ++it)
        object.insert(it.key(), QJsonValue::fromVariant(it.value()));
    return object;
}

QString stateName(OutboxEntry::State state)
{
    switch (state) {
    case OutboxEntry::State::Queued:
        return QStringLiteral("queued");
    case OutboxEntry::State::Conflict:
        return QStringLiteral("conflict");
    case OutboxEntry::State::Failed:
        return QStringLiteral("failed");
    }
    return QStringLiteral("failed");
}

const QString kEntryColumns = QStringLiteral("position, change_id, change, state, their_version, theirs, problem, kind, seal, state_seal");

QByteArray entrySeal(const QByteArray& key, OutboxEntry::Kind kind, qint64 position, const QByteArray& stored,
                     const QByteArray& content)
{
    // The text as the file holds it, not a re-serialisation of what was read from it, and its place
    // in the file: moved in the order, it is not what the maker kept.
    const QByteArray sealed = QByteArrayLiteral("hexhub-outbox-entry/2\n")
        + (kind == OutboxEntry::Kind::Command ? QByteArrayLiteral("command") : QByteArrayLiteral("change")) + '\n'
        + QByteArray::number(position) + '\n' + stored + '\n' + QCryptographicHash::hash(content, QCryptographicHash::Sha256).toHex();
    return QMessageAuthenticationCode::hash(sealed, key, QCryptographicHash::Sha256);
}

QByteArray stateSeal(const QByteArray& key, const OutboxEntry& entry)
{
    const QByteArray sealed = QByteArrayLiteral("hexhub-outbox-state/1\n") + entry.id().toByteArray(QUuid::WithoutBraces) + '\n'
        + stateName(entry.state).toLatin1() + '\n' + QByteArray::number(entry.theirVersion) + '\n'
        + QJsonDocument(mapToJson(entry.theirs)).toJson(QJsonDocument::Compact) + '\n' + entry.problem.toUtf8();
    return QMessageAuthenticationCode::hash(sealed, key, QCryptographicHash::Sha256);
}

QByteArray storedText(const QJsonObject& json)
{
    return QJsonDocument(json).toJson(QJsonDocument::Compact);
}

void trustState(OutboxEntry& entry, const QString& who, const QByteArray& key)
{
    if (entry.state == OutboxEntry::State::Queued || key.isEmpty() || entry.madeBy() != who || entry.stored.isEmpty())
        return;
    if (entry.stateSealHolds(key))
        return;
    // A conflict or refusal this operator's desk did not record (the file was edited): it goes
    // again as made, and the server says again what it finds.
    qCWarning(lcOutbox) << "the state of" << entry.id() << "in the outbox is not as this desk recorded it; sending it again";
    entry.state = OutboxEntry::State::Queued;
    entry.theirVersion = 0;
    entry.theirs.clear();
    entry.problem.clear();
}

void sealState(OutboxEntry& entry, const QByteArray& key)
{
    entry.stateSeal = key.isEmpty() ? QByteArray() : stateSeal(key, entry);
}

void saveState(WriteTransaction& txn, const OutboxEntry& entry)
{
    txn.exec(QStringLiteral("UPDATE outbox SET state = ?, their_version = ?, theirs = ?, problem = ?, state_seal = ? WHERE position = ?"),
             {stateName(entry.state), entry.theirVersion,
              QString::fromUtf8(QJsonDocument(mapToJson(entry.theirs)).toJson(QJsonDocument::Compact)), entry.problem,
              entry.stateSeal.isEmpty() ? QVariant() : QVariant(entry.stateSeal), entry.position});
}

OutboxEntry entryFrom(QSqlQuery& q)
{
    OutboxEntry entry;
    entry.position = q.value(0).toLongLong();
    entry.state = stateFromName(q.value(3).toString());
    entry.theirVersion = q.value(4).toLongLong();
    entry.theirs = mapFromJson(QJsonDocument::fromJson(q.value(5).toString().toUtf8()).object());
    entry.problem = q.value(6).toString();
    entry.kind = q.value(7).toString() == QLatin1String("command") ? OutboxEntry::Kind::Command : OutboxEntry::Kind::Change;
    entry.stored = q.value(2).toString().toUtf8();
    entry.seal = q.value(8).toByteArray();
    entry.stateSeal = q.value(9).toByteArray();
    const QJsonObject stored = QJsonDocument::fromJson(entry.stored).object();
    try {
        if (entry.kind == OutboxEntry::Kind::Command)
            entry.command = OfflineCommand::fromJson(stored);
        else
            entry.change = RowChange::fromJson(stored);
        // The row is found by its id column, which the seal does not cover: it must be the id the
        // sealed text carries, or a decision on one entry could act on another.
        if (QUuid::fromString(q.value(1).toString()) != entry.id())
            throw ValidationError(Tr::tr("The entry's id in the outbox file is not the one it was kept with."));
    } catch (const ValidationError& e) {
        const QUuid id = QUuid::fromString(q.value(1).toString());
        entry.change.id = id;
        entry.command.id = CommandId(id);
        entry.change.summary = entry.command.summary = Tr::tr("A change this desk can no longer read");
        entry.state = OutboxEntry::State::Failed;
        entry.problem = e.message();
        entry.stored.clear(); // nobody's: it cannot be sent, only discarded
    }
    return entry;
}

QString recordName(const RowChange& change, const QVariant& key)
{
    return QStringLiteral("%1:%2").arg(change.table, key.isNull() ? QStringLiteral("new") : key.toString());
}

} // namespace detail

QStringList OutboxEntry::records() const
{
    if (kind == Kind::Command) {
        if (!command.records.isEmpty())
            return command.records;
        return {QStringLiteral("command:") + command.id.toString()};
    }
    if (change.key.isNull())
        return {QStringLiteral("%1:new:%2").arg(change.table, change.id.toString(QUuid::WithoutBraces))};
    return {recordName(change, change.key)};
}

QJsonObject OfflineCommand::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id.toString()},
        {QStringLiteral("operation"), operation},
        {QStringLiteral("args"), args},
        {QStringLiteral("records"), QJsonArray::fromStringList(records)},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("made_by"), madeBy},
        {QStringLiteral("source"), source},
        {QStringLiteral("made_at"), madeAt},
        {QStringLiteral("content_bytes"), content.isEmpty() ? contentBytes : qint64(content.size())},
    };
}

bool OutboxEntry::sealHolds(const QByteArray& key, const QByteArray& content) const
{
    return !key.isEmpty() && !seal.isEmpty()
        && PasswordHasher::constantTimeEqual(detail::entrySeal(key, kind, position, stored, content), seal);
}

bool OutboxEntry::stateSealHolds(const QByteArray& key) const
{
    return !key.isEmpty() && !stateSeal.isEmpty() && PasswordHasher::constantTimeEqual(detail::stateSeal(key, *this), stateSeal);
}

OfflineCommand OfflineCommand::fromJson(const QJsonObject& json)
{
    OfflineCommand command;
    command.id = CommandId::fromString(json.value(QStringLiteral("id")).toString());
    if (command.id.isNull())
        throw ValidationError(Tr::tr("The command has no valid id."));
    command.operation = json.value(QStringLiteral("operation")).toString();
    static const QRegularExpression operation(QStringLiteral("^[a-z_][a-z0-9_]*(\\.[a-z_][a-z0-9_]*)+$"));
    if (!operation.match(command.operation).hasMatch())
        throw ValidationError(Tr::tr("'%1' is not an operation a command can name.").arg(command.operation));
    if (!json.value(QStringLiteral("args")).isObject())
        throw ValidationError(Tr::tr("The command %1 has no arguments.").arg(command.operation));
    command.args = json.value(QStringLiteral("args")).toObject();
    for (const QJsonValue& record : json.value(QStringLiteral("records")).toArray())
        command.records << record.toString();
    command.summary = json.value(QStringLiteral("summary")).toString();
    command.madeBy = json.value(QStringLiteral("made_by")).toString();
    command.source = json.value(QStringLiteral("source")).toString();
    command.madeAt = json.value(QStringLiteral("made_at")).toInteger();
    command.contentBytes = json.value(QStringLiteral("content_bytes")).toInteger();
    if (command.contentBytes < 0)
        throw ValidationError(Tr::tr("The command %1 says it carries a negative number of bytes.").arg(command.operation));
    return command;
}

QJsonObject RowChange::toJson() const
{
    return QJsonObject{
        {QStringLiteral("id"), id.toString(QUuid::WithoutBraces)},
        {QStringLiteral("table"), table},
        {QStringLiteral("key"), QJsonValue::fromVariant(key)},
        {QStringLiteral("base_version"), baseVersion},
        {QStringLiteral("values"), mapToJson(values)},
        {QStringLiteral("topic"), topic},
        {QStringLiteral("payload"), payload},
        {QStringLiteral("actor"), actor},
        {QStringLiteral("source"), source},
        {QStringLiteral("summary"), summary},
        {QStringLiteral("made_at"), madeAt},
    };
}

RowChange RowChange::fromJson(const QJsonObject& json)
{
    RowChange change;
    change.id = QUuid::fromString(json.value(QStringLiteral("id")).toString());
    if (change.id.isNull())
        throw ValidationError(Tr::tr("The change has no valid id."));
    change.table = json.value(QStringLiteral("table")).toString();
    checkIdentifier(change.table);
    change.key = fromJsonValue(json.value(QStringLiteral("key")));
    change.baseVersion = json.value(QStringLiteral("base_version")).toInteger();
    if (!json.value(QStringLiteral("values")).isObject())
        throw ValidationError(Tr::tr("The change to %1 has no values.").arg(change.table));
    change.values = mapFromJson(json.value(QStringLiteral("values")).toObject());
    change.topic = json.value(QStringLiteral("topic")).toString();
    change.payload = json.value(QStringLiteral("payload")).toObject();
    change.actor = json.value(QStringLiteral("actor")).toString();
    change.source = json.value(QStringLiteral("source")).toString();
    change.summary = json.value(QStringLiteral("summary")).toString();
    change.madeAt = json.value(QStringLiteral("made_at")).toInteger();
    return change;
}

Outbox::Applied Outbox::apply(WriteTransaction& txn, const RowChange& change, bool overrideVersion)
{
    checkIdentifier(change.table);
    if (change.values.isEmpty())
        throw ValidationError(Tr::tr("The change to %1 sets no values.").arg(change.table));
    if (change.topic.isEmpty())
        throw ValidationError(Tr::tr("The change to %1 names no event; every change is journaled.").arg(change.table));
    QStringList columns;
    QVariantList binds;
    for (auto it = change.values.begin(); it != change.values.end(); ++it) {
        checkIdentifier(it.key());
        if (it.key() == QLatin1String("id") || it.key() == QLatin1String("version"))
            throw ValidationError(Tr::tr("A change cannot set a row's %1 itself.").arg(it.key()));
        columns << it.key();
        binds << it.value();
    }
    const QString changeId = change.id.toString(QUuid::WithoutBraces);

    Applied result;
    QSqlQuery done = txn.exec(QStringLiteral("SELECT row_key, version FROM applied_changes WHERE change_id = ?"), {changeId});
    if (done.next()) {
        result.kind = Applied::Kind::AlreadyApplied;
        result.key = done.value(0);
        result.version = done.value(1).toLongLong();
        return result;
    }

    if (change.key.isNull()) {
        QStringList marks(columns.size(), QStringLiteral("?"));
        result.key = txn.insert(QStringLiteral("INSERT INTO %1 (%2) VALUES (%3)")
                                    .arg(change.table, columns.join(QStringLiteral(", ")), marks.join(QStringLiteral(", "))),
                                binds);
    } else {
        QStringList sets;
        for (const QString& column : std::as_const(columns))
            sets << column + QStringLiteral(" = ?");
        QString update = QStringLiteral("UPDATE %1 SET %2, version = version + 1 WHERE id = ?")
                             .arg(change.table, sets.join(QStringLiteral(", ")));
        QVariantList updateBinds = binds;
        updateBinds << change.key;
        if (!overrideVersion) {
            update += QStringLiteral(" AND version = ?");
            updateBinds << change.baseVersion;
        }
        const int touched = txn.exec(update, updateBinds).numRowsAffected();
        if (touched > 1)
            throw StoreError(Tr::tr("The change to %1 matched %2 rows; it was not applied.").arg(recordName(change, change.key)).arg(touched));
        if (touched != 1) {
            // Somebody changed (or removed) the row since the operator saw it.
            QSqlQuery theirs = txn.exec(QStringLiteral("SELECT version, %1 FROM %2 WHERE id = ?")
                                            .arg(columns.join(QStringLiteral(", ")), change.table),
                                        {change.key});
            if (overrideVersion && !theirs.next()) {
                throw ValidationError(Tr::tr("The record %1 no longer exists, so this change cannot be applied; discard it.")
                                          .arg(recordName(change, change.key)));
            }
            result.kind = Applied::Kind::Conflict;
            result.key = change.key;
            if (theirs.isValid() || theirs.next()) {
                result.theirVersion = theirs.value(0).toLongLong();
                for (int i = 0; i < columns.size(); ++i)
                    result.theirs.insert(columns[i], theirs.value(i + 1));
            }
            return result;
        }
        result.key = change.key;
    }
    result.version = txn.scalar(QStringLiteral("SELECT version FROM %1 WHERE id = ?").arg(change.table), {result.key}).toLongLong();
    txn.exec(QStringLiteral("INSERT INTO applied_changes (change_id, desk, tbl, row_key, version, outcome, applied_at) "
                            "VALUES (?, ?, ?, ?, ?, 'applied', ?)"),
             {changeId, txn.origin(), change.table, result.key.toString(), result.version, txn.clock().nowMs()});
    QJsonObject payload = change.payload;
    payload.insert(QStringLiteral("key"), QJsonValue::fromVariant(result.key));
    payload.insert(QStringLiteral("version"), result.version);
    payload.insert(QStringLiteral("change"), changeId);
    txn.publish(EventDraft{change.topic, payload, 1, {}, change.actor, change.source});
    return result;
}

Outbox::Outbox(Store& server, const Clock& clock, const AuditLog* audit, QString localPath, QObject* parent)
    : QObject(parent)
    , m_server(server)
    , m_clock(clock)
    , m_audit(audit)
    , m_localPath(std::move(localPath))
    , m_retry(new QTimer(this))
{
    qRegisterMetaType<OutboxEntry>();
    qRegisterMetaType<OfflineCommand>();
    m_retry->setSingleShot(true);
    connect(m_retry, &QTimer::timeout, this, &Outbox::pump);
    m_saveSeen = new QTimer(this);
    m_saveSeen->setSingleShot(true);
    m_saveSeen->setInterval(kSaveSeenMs);
    connect(m_saveSeen, &QTimer::timeout, this, &Outbox::saveSeenSeq);
    // The server back: replay at once instead of waiting out the backoff.
    connect(&m_server, &Store::stateChanged, this, [this](Store::State state) {
        if (state == Store::State::Open || state == Store::State::Degraded) {
            m_nothingToReplay = false;
            m_retry->stop();
            m_backoffMs = kFirstBackoffMs;
            pump();
        }
    });
}

Outbox::~Outbox()
{
    close();
}

QFuture<void> Outbox::open()
{
    m_state = State::Opening;
    // It opens beside the server store (Platform::start), maybe before that store made the folder.
    const QString folder = QFileInfo(m_localPath).absolutePath();
    if (!QDir().mkpath(folder)) {
        m_state = State::Failed;
        return QtFuture::makeExceptionalFuture(std::make_exception_ptr(
            StoreError(Tr::tr("This desk's outbox %1 cannot be opened: cannot create the folder %2.").arg(m_localPath, folder))));
    }
    // One desk process per outbox: a second Hexhub of the same user on the same server must not
    // replay (or decide) the first one's changes under its feet.
    m_lock = std::make_unique<QLockFile>(m_localPath + QStringLiteral(".lock"));
    m_lock->setStaleLockTime(0);
    if (!m_lock->tryLock(100)) {
        QString why;
        if (m_lock->error() == QLockFile::LockFailedError) {
            qint64 pid = 0;
            QString host, app;
            m_lock->getLockInfo(&pid, &host, &app);
            why = Tr::tr("This desk's outbox %1 is in use by another Hexhub (process %2); run one desk per "
                         "user and server on a computer, or give this one its own --store user.")
                      .arg(m_localPath)
                      .arg(pid);
        } else {
            why = Tr::tr("This desk's outbox %1 cannot be locked (%2).")
                      .arg(m_localPath, m_lock->error() == QLockFile::PermissionError ? Tr::tr("no permission to write in its folder")
                                                                                      : Tr::tr("an unknown error"));
        }
        m_state = State::Failed;
        m_lock.reset();
        return QtFuture::makeExceptionalFuture(std::make_exception_ptr(StoreError(why)));
    }
    m_local = std::make_unique<Store>(Store::Options{StoreUrl::sqlite(m_localPath), 1}, m_clock);
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> done = promise->future();
    auto fail = [this, promise](const Error& e) {
        const QString why = Tr::tr("This desk's outbox %1 cannot be opened: %2").arg(m_localPath, e.message());
        m_state = State::Failed;
        failQueued(why);
        promise->setException(std::make_exception_ptr(StoreError(why)));
        promise->finish();
    };
    m_local->open().then(this, [this, promise, fail](QFuture<void> opened) {
        try {
            opened.waitForFinished();
        } catch (const Error& e) {
            fail(e);
            return;
        }
        m_local
            ->write([](WriteTransaction& txn) {
                txn.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS outbox ("
                                        " position INTEGER PRIMARY KEY AUTOINCREMENT,"
                                        " change_id TEXT NOT NULL UNIQUE,"
                                        " change TEXT NOT NULL,"
                                        " state TEXT NOT NULL DEFAULT 'queued',"
                                        " their_version INTEGER NOT NULL DEFAULT 0,"
                                        " theirs TEXT NOT NULL DEFAULT '{}',"
                                        " problem TEXT NOT NULL DEFAULT '',"
                                        " kind TEXT NOT NULL DEFAULT 'change')"));
                auto hasColumn = [&txn](const QString& column) {
                    QSqlQuery columns = txn.exec(QStringLiteral("PRAGMA table_info(outbox)"));
                    while (columns.next()) {
                        if (columns.value(1).toString() == column)
                            return true;
                    }
                    return false;
                };
                // An outbox an earlier version made has no kind (everything in it is a change) and
                // no content (the bytes a kept command carries, a snapshot or a clip, beside its arguments).
                if (!hasColumn(QStringLiteral("kind")))
                    txn.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN kind TEXT NOT NULL DEFAULT 'change'"));
                if (!hasColumn(QStringLiteral("content")))
                    txn.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN content BLOB"));
                // The maker's seals on the entry as kept and on the state the replay gave it.
                if (!hasColumn(QStringLiteral("seal")))
                    txn.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN seal BLOB"));
                if (!hasColumn(QStringLiteral("state_seal")))
                    txn.exec(QStringLiteral("ALTER TABLE outbox ADD COLUMN state_seal BLOB"));
                // What this desk remembers between runs (the last journal entry it saw).
                txn.exec(QStringLiteral("CREATE TABLE IF NOT EXISTS desk_state (name TEXT PRIMARY KEY, value TEXT NOT NULL)"));
                QList<QStringList> records;
                QSqlQuery q = txn.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY position").arg(kEntryColumns));
                while (q.next())
                    records << entryFrom(q).records();
                return records;
            })
            .then(this, [this, promise, fail](QFuture<QList<QStringList>> counted) {
                int waiting = 0;
                try {
                    const QList<QStringList> records = counted.result();
                    waiting = int(records.size());
                    m_waitingRecords.clear();
                    for (const QStringList& entry : records)
                        countRecords(entry, +1);
                } catch (const Error& e) {
                    fail(e);
                    return;
                }
                m_state = State::Open;
                if (waiting > 0)
                    qCInfo(lcOutbox) << waiting << "changes made while the server was away wait in" << m_localPath;
                setWaiting(waiting);
                promise->finish();
                pump();
            });
    });
    return done;
}

void Outbox::settle()
{
    if (m_state != State::Open)
        return;
    m_retry->stop();
    m_saveSeen->stop();
    saveSeenSeq();
    // Settle what is in flight and what the operator already submitted, so nothing they did is lost
    // at shutdown: each is applied, or kept in the local file, before the server store closes.
    m_state = State::Closing;
    QElapsedTimer waited;
    waited.start();
    while ((m_busy || !m_operations.empty() || !m_savingSeen.isFinished()) && waited.elapsed() < kSettleMs)
        QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    if (m_busy || !m_operations.empty())
        qCWarning(lcOutbox) << "closing with changes still unsettled after" << kSettleMs << "ms; they wait for the next start";
}

void Outbox::close()
{
    if (m_state == State::Closed)
        return;
    settle();
    m_retry->stop();
    m_saveSeen->stop();
    if (m_state == State::Closing) {
        // What arrived as the server store closed: a command that failed then is kept now, while the
        // outbox still takes it. Local disk only, so this wait is short and bounded too.
        QCoreApplication::sendPostedEvents(nullptr, QEvent::MetaCall);
        saveSeenSeq();
        QElapsedTimer waited;
        waited.start();
        while ((m_busy || !m_operations.empty() || !m_savingSeen.isFinished()) && waited.elapsed() < kSettleMs)
            QCoreApplication::processEvents(QEventLoop::WaitForMoreEvents, 50);
    }
    m_state = State::Closed;
    failQueued(Tr::tr("This desk's outbox is closed; the change was not made."));
    if (m_local)
        m_local->close();
    m_lock.reset(); // unlocks
}

bool Outbox::serverReachable() const
{
    const Store::State state = m_server.state();
    return state == Store::State::Open || state == Store::State::Degraded;
}

void Outbox::setWaiting(int waiting)
{
    if (waiting == m_waiting)
        return;
    m_waiting = waiting;
    Q_EMIT waitingChanged(m_waiting);
    if (m_waiting == 0) {
        m_blocked = false;
        Q_EMIT drained();
    }
}

void Outbox::enqueue(std::function<void()> run, std::function<void(std::exception_ptr)> fail)
{
    if (m_state == State::Closed || m_state == State::Failed) {
        fail(std::make_exception_ptr(StoreUnavailable(Tr::tr("This desk's outbox is closed; the change was not made."))));
        return;
    }
    m_operations.push_back(Operation{std::move(run), std::move(fail)});
    pump();
}

void Outbox::failQueued(const QString& why)
{
    std::deque<Operation> left;
    left.swap(m_operations);
    for (Operation& op : left)
        op.fail(std::make_exception_ptr(StoreUnavailable(why)));
}

void Outbox::finishOperation()
{
    m_busy = false;
    pump();
}

void Outbox::pump()
{
    if (m_busy || (m_state != State::Open && m_state != State::Closing))
        return;
    if (!m_operations.empty()) {
        m_busy = true;
        Operation op = std::move(m_operations.front());
        m_operations.pop_front();
        op.run();
        return;
    }
    // Closing: what the operator submitted is settled (applied or kept); replay waits for next time.
    if (m_state == State::Open && m_waiting > 0 && !m_nothingToReplay && !m_replayHeld && !m_retry->isActive()) {
        m_busy = true;
        replayOne();
    }
}

void Outbox::holdReplay(bool held)
{
    m_replayHeld = held;
    if (!held)
        pump();
}

void Outbox::rememberSeenSeq(qint64 seq)
{
    if (seq <= m_seenSeq)
        return;
    m_seenSeq = seq;
    if (!m_saveSeen->isActive())
        m_saveSeen->start();
}

void Outbox::saveSeenSeq()
{
    if (!m_local || m_seenSeq == m_savedSeenSeq || (m_state != State::Open && m_state != State::Closing))
        return;
    const qint64 seq = m_seenSeq;
    m_savingSeen = m_local
                       ->write([seq](WriteTransaction& txn) {
                           txn.exec(QStringLiteral("INSERT OR REPLACE INTO desk_state (name, value) VALUES ('last_seen_seq', ?)"),
                                    {QString::number(seq)});
                       })
                       .then(this, [this, seq](QFuture<void> written) {
                           try {
                               written.waitForFinished();
                               m_savedSeenSeq = seq;
                           } catch (const std::exception& e) {
                               qCWarning(lcOutbox) << "cannot remember the last journal entry seen:" << e.what();
                           }
                       });
}

namespace {

// The desk ids of this desk's recent runs, as desk_state keeps them (a JSON array).
QStringList desksFrom(const QString& stored)
{
    QStringList desks;
    for (const QJsonValue& desk : QJsonDocument::fromJson(stored.toUtf8()).array())
        desks << desk.toString();
    return desks;
}

} // namespace

QFuture<Outbox::SeenJournal> Outbox::rememberedJournal() const
{
    if (!m_local || m_state == State::Failed)
        return QtFuture::makeReadyFuture(SeenJournal{});
    return m_local->read([](Sql& sql) {
        SeenJournal seen;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT name, value FROM desk_state WHERE name IN ('last_seen_seq', 'deployment', 'desks')"));
        while (q.next()) {
            const QString name = q.value(0).toString();
            const QString value = q.value(1).toString();
            if (name == QLatin1String("last_seen_seq")) {
                bool ok = false;
                const qint64 seq = value.toLongLong(&ok);
                seen.seq = ok && seq >= 0 ? seq : -1;
            } else if (name == QLatin1String("deployment")) {
                seen.deployment = value;
            } else {
                seen.desks = desksFrom(value);
            }
        }
        return seen;
    });
}

QFuture<void> Outbox::rememberRun(const QString& deployment, const QString& deskId)
{
    if (!m_local || (m_state != State::Open && m_state != State::Opening))
        return QtFuture::makeReadyFuture();
    return m_local->write([deployment, deskId](WriteTransaction& txn) {
        const QString known = txn.scalar(QStringLiteral("SELECT value FROM desk_state WHERE name = 'deployment'")).toString();
        QStringList desks;
        if (known == deployment) {
            desks = desksFrom(txn.scalar(QStringLiteral("SELECT value FROM desk_state WHERE name = 'desks'")).toString());
        } else {
            // Another database: what was remembered of the old one is no use here.
            txn.exec(QStringLiteral("DELETE FROM desk_state WHERE name IN ('last_seen_seq', 'desks')"));
            txn.exec(QStringLiteral("INSERT OR REPLACE INTO desk_state (name, value) VALUES ('deployment', ?)"), {deployment});
        }
        desks.removeAll(deskId);
        desks << deskId;
        while (desks.size() > kRunsRemembered)
            desks.removeFirst();
        txn.exec(QStringLiteral("INSERT OR REPLACE INTO desk_state (name, value) VALUES ('desks', ?)"),
                 {QString::fromUtf8(QJsonDocument(QJsonArray::fromStringList(desks)).toJson(QJsonDocument::Compact))});
    });
}

QByteArray Outbox::deskKey(const QString& name, const QString& password, int iterations)
{
    return PasswordHasher::pbkdf2Sha256(password.toUtf8(), QByteArrayLiteral("hexhub-outbox-seal/") + name.toUtf8(), iterations,
                                        PasswordHasher::kDigestBytes);
}

void Outbox::setOperator(const QString& name, const QByteArray& deskKey)
{
    if (name == m_operator && deskKey == m_operatorKey)
        return;
    m_operator = name;
    m_operatorKey = deskKey;
    m_nothingToReplay = false;
    pump();
}

void Outbox::addKeeper(const QString& operation, Keeper keeper)
{
    m_keepers.insert(operation, std::move(keeper));
}

void Outbox::addReplayer(const QString& operation, Replayer replayer)
{
    addContentReplayer(operation, [replayer = std::move(replayer)](const QJsonObject& args, const QByteArray&, const CommandId& id,
                                                                   bool overrideConflict) { return replayer(args, id, overrideConflict); });
}

void Outbox::addContentReplayer(const QString& operation, ContentReplayer replayer)
{
    m_replayers.insert(operation, std::move(replayer));
    m_nothingToReplay = false;
    pump();
}

bool Outbox::canKeep() const
{
    return m_local && (m_state == State::Open || m_state == State::Closing);
}

CommandQueued Outbox::queuedError(const OfflineCommand& command, bool serverAway)
{
    if (!serverAway) {
        return CommandQueued(Tr::tr("\"%1\" is kept on this desk behind earlier work on the same record that is not on the "
                                    "server yet, and is sent after it.").arg(command.summary),
                             command.summary);
    }
    return CommandQueued(Tr::tr("The server cannot be reached: \"%1\" is kept on this desk and is sent when the server is "
                                "back.").arg(command.summary),
                         command.summary);
}

bool Outbox::waitsOn(const QStringList& records) const
{
    for (const QString& record : records) {
        if (m_waitingRecords.value(record) > 0)
            return true;
    }
    return false;
}

void Outbox::countRecords(const QStringList& records, int delta)
{
    for (const QString& record : records) {
        const int count = m_waitingRecords.value(record) + delta;
        if (count > 0)
            m_waitingRecords.insert(record, count);
        else
            m_waitingRecords.remove(record);
    }
}

QFuture<void> Outbox::keep(OfflineCommand command)
{
    if (command.id.isNull() || command.operation.isEmpty()) {
        return QtFuture::makeExceptionalFuture(
            std::make_exception_ptr(ValidationError(Tr::tr("A command kept for later needs its id and operation."))));
    }
    if (!canKeep()) {
        return QtFuture::makeExceptionalFuture(std::make_exception_ptr(
            StoreUnavailable(Tr::tr("The server cannot be reached and this desk has no open outbox to keep \"%1\" in; "
                                    "it was not made.").arg(command.summary))));
    }
    // The command being sent again found the server away again: it is in the outbox already.
    if (command.id.uuid() == m_replaying)
        return QtFuture::makeReadyFuture();
    auto promise = std::make_shared<QPromise<void>>();
    promise->start();
    QFuture<void> future = promise->future();
    enqueue([this, command = std::move(command), promise]() mutable { keepNow(std::move(command), promise); },
            [promise](std::exception_ptr error) {
                promise->setException(error);
                promise->finish();
            });
    return future;
}

void Outbox::keepNow(OfflineCommand command, std::shared_ptr<QPromise<void>> promise)
{
    if (command.madeAt == 0)
        command.madeAt = m_clock.nowMs();
    auto keeping = std::make_shared<OfflineCommand>(std::move(command));
    // Sealed with the key of the operator signed in, when they made it (the services keep under the
    // signed-in operator's name).
    const QByteArray key = keeping->madeBy == m_operator ? m_operatorKey : QByteArray();
    m_local
        ->write([keeping, key, keeper = m_keepers.value(keeping->operation)](WriteTransaction& txn) {
            if (keeper) {
                // What is kept before it on the same records, oldest first, for the module to see.
                QList<OfflineCommand> earlier;
                // Only the maker's own, still waiting, that carry the maker's seal: nothing someone else
                // put in the file moves what this one says (and this one is sealed as adjusted).
                QSqlQuery q = txn.exec(QStringLiteral("SELECT %1 FROM outbox WHERE kind = 'command' AND state = 'queued' "
                                                      "ORDER BY position").arg(kEntryColumns));
                while (q.next()) {
                    const OutboxEntry before = entryFrom(q);
                    if (before.command.madeBy != keeping->madeBy || before.command.contentBytes > 0 || !before.sealHolds(key, {}))
                        continue;
                    for (const QString& record : before.command.records) {
                        if (keeping->records.contains(record)) {
                            earlier << before.command;
                            break;
                        }
                    }
                }
                if (!earlier.isEmpty())
                    keeping->args = keeper(keeping->args, earlier);
            }
            const QByteArray stored = storedText(keeping->toJson());
            const int added = txn.exec(QStringLiteral("INSERT OR IGNORE INTO outbox (change_id, change, state, kind, content) "
                                                      "VALUES (?, ?, 'queued', 'command', ?)"),
                                       {keeping->id.toString(), QString::fromUtf8(stored),
                                        keeping->content.isEmpty() ? QVariant() : QVariant(keeping->content)})
                                  .numRowsAffected();
            if (added > 0 && !key.isEmpty()) {
                const qint64 position = txn.scalar(QStringLiteral("SELECT position FROM outbox WHERE change_id = ?"),
                                                   {keeping->id.toString()}).toLongLong();
                txn.exec(QStringLiteral("UPDATE outbox SET seal = ? WHERE position = ?"),
                         {entrySeal(key, OutboxEntry::Kind::Command, position, stored, keeping->content), position});
            }
            return added;
        })
        .then(this, [this, keeping, promise](QFuture<int> done) {
            const OfflineCommand& command = *keeping;
            int added = 0;
            try {
                added = done.result();
            } catch (const Error& e) {
                promise->setException(std::make_exception_ptr(StoreError(
                    Tr::tr("The server cannot be reached, and \"%1\" could not be kept on this desk (%2): %3; it was not made.")
                        .arg(command.summary, m_localPath, e.message()))));
                promise->finish();
                finishOperation();
                return;
            }
            if (added > 0) {
                qCInfo(lcOutbox) << "kept" << command.operation << command.id.toString() << "on this desk";
                OutboxEntry kept;
                kept.kind = OutboxEntry::Kind::Command;
                kept.command = command;
                countRecords(kept.records(), +1);
                m_nothingToReplay = false;
                setWaiting(m_waiting + 1);
                Q_EMIT commandKept(command);
            }
            promise->finish();
            finishOperation();
        });
}

void Outbox::backOff()
{
    if (m_state != State::Open)
        return;
    m_retry->start(m_backoffMs);
    m_backoffMs = std::min(kMaxBackoffMs, m_backoffMs * 2);
}

QFuture<ChangeResult> Outbox::submit(RowChange change)
{
    auto promise = std::make_shared<QPromise<ChangeResult>>();
    promise->start();
    QFuture<ChangeResult> future = promise->future();
    if (change.id.isNull())
        change.id = QUuid::createUuid();
    change.madeAt = m_clock.nowMs();
    enqueue([this, change = std::move(change), promise]() mutable { submitNow(std::move(change), promise); },
            [promise](std::exception_ptr error) {
                promise->setException(error);
                promise->finish();
            });
    return future;
}

void Outbox::submitNow(RowChange change, std::shared_ptr<QPromise<ChangeResult>> promise)
{
    // Behind changes already waiting, or with the server known to be away: keep it, in order.
    if (m_waiting > 0 || !serverReachable()) {
        keepLocally(std::move(change), OutboxEntry::State::Queued, {}, {}, promise);
        return;
    }
    m_server.write(WriteContext{change.source, change.actor, {}},
                   [change](WriteTransaction& txn) { return apply(txn, change, false); })
        .then(this, [this, change, promise](QFuture<Applied> done) {
            try {
                const Applied applied = done.result();
                if (applied.kind == Applied::Kind::Conflict) {
                    keepLocally(change, OutboxEntry::State::Conflict, applied, {}, promise);
                    return;
                }
                promise->addResult(ChangeResult{ChangeResult::Outcome::Applied, applied.key, applied.version});
                promise->finish();
            } catch (const StoreUnavailable& e) {
                qCInfo(lcOutbox) << "server away, keeping the change on this desk:" << e.what();
                keepLocally(change, OutboxEntry::State::Queued, {}, {}, promise);
                return;
            } catch (...) {
                promise->setException(std::current_exception());
                promise->finish();
            }
            finishOperation();
        });
}

void Outbox::keepLocally(RowChange change, OutboxEntry::State state, const Applied& conflict, const QString& problem,
                         std::shared_ptr<QPromise<ChangeResult>> promise)
{
    OutboxEntry entry;
    entry.change = std::move(change);
    entry.state = state;
    entry.theirVersion = conflict.theirVersion;
    entry.theirs = conflict.theirs;
    entry.problem = problem;
    // Sealed, as a command is, with the key of its actor when they are the one signed in here: it is
    // sent later only under them, and only as they kept it.
    entry.stored = storedText(entry.change.toJson());
    const QByteArray key = entry.change.actor == m_operator ? m_operatorKey : QByteArray();
    if (state != OutboxEntry::State::Queued)
        sealState(entry, key);
    m_local
        ->write([entry, key](WriteTransaction& txn) {
            const qint64 position =
                txn.insert(QStringLiteral("INSERT INTO outbox (change_id, change, state, their_version, theirs, problem, state_seal) "
                                          "VALUES (?, ?, ?, ?, ?, ?, ?)"),
                           {entry.change.id.toString(QUuid::WithoutBraces), QString::fromUtf8(entry.stored),
                            stateName(entry.state), entry.theirVersion,
                            QString::fromUtf8(QJsonDocument(mapToJson(entry.theirs)).toJson(QJsonDocument::Compact)),
                            entry.problem, entry.stateSeal.isEmpty() ? QVariant() : QVariant(entry.stateSeal)},
                           QStringLiteral("position"));
            if (!key.isEmpty())
                txn.exec(QStringLiteral("UPDATE outbox SET seal = ? WHERE position = ?"),
                         {entrySeal(key, OutboxEntry::Kind::Change, position, entry.stored, {}), position});
            return position;
        })
        .then(this, [this, entry, promise](QFuture<qint64> done) mutable {
            try {
                entry.position = done.result();
            } catch (const Error& e) {
                // Not on the server and not kept here: the caller must hear it, the operator still has it.
                promise->setException(std::make_exception_ptr(StoreError(
                    Tr::tr("The change could not be kept on this desk (%1): %2").arg(m_localPath, e.message()))));
                promise->finish();
                finishOperation();
                return;
            }
            m_nothingToReplay = false;
            countRecords(entry.records(), +1);
            setWaiting(m_waiting + 1);
            promise->addResult(ChangeResult{entry.state == OutboxEntry::State::Queued ? ChangeResult::Outcome::Queued
                                                                                      : ChangeResult::Outcome::Conflict,
                                            {}, 0});
            promise->finish();
            if (entry.state != OutboxEntry::State::Queued) {
                m_blocked = true;
                m_announced.insert(entry.id());
                Q_EMIT attentionNeeded(entry);
            }
            finishOperation();
        });
}

QFuture<QList<OutboxEntry>> Outbox::entries() const
{
    if (!m_local || m_state == State::Failed) {
        return QtFuture::makeExceptionalFuture<QList<OutboxEntry>>(
            std::make_exception_ptr(StoreError(Tr::tr("The outbox is not open."))));
    }
    return m_local->read([who = m_operator, key = m_operatorKey](Sql& sql) {
        QList<OutboxEntry> entries;
        QSqlQuery q = sql.exec(QStringLiteral("SELECT %1 FROM outbox ORDER BY position").arg(kEntryColumns));
        while (q.next()) {
            entries << entryFrom(q);
            trustState(entries.last(), who, key);
        }
        // Which queued ones wait behind one on the same record that needs a decision.
        QSet<QString> held;
        for (OutboxEntry& entry : entries) {
            const QStringList records = entry.records();
            bool waits = entry.state != OutboxEntry::State::Queued;
            for (const QString& record : records)
                waits = waits || held.contains(record);
            entry.heldBack = waits && entry.state == OutboxEntry::State::Queued;
            entry.awaitsMaker = entry.state == OutboxEntry::State::Queued && (who.isEmpty() || entry.madeBy() != who);
            if (waits) {
                for (const QString& record : records)
                    held.insert(record);
            }
        }
        return entries;
    });
}

} // namespace hexhub
