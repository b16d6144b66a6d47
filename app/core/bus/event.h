#pragma once

#include "base/hexhubcore_export.h"

#include <QDateTime>
#include <QJsonObject>
#include <QList>
#include <QMetaType>
#include <QString>
#include <QUuid>

#include <concepts>
#include <optional>

namespace hexhub {

/*!
 * One fact that happened in Hexhub, as journaled in the `events` table and delivered on the bus.
 * Topics are dotted and lower case, `<aggregate>.<past-tense verb>` ("incident.created").
 */
struct HEXHUB_CORE_EXPORT Event
{
    qint64 seq = 0;            //!< journal position, assigned at commit
    QUuid id;                  //!< globally unique, assigned when the event is made
    QString topic;
    QDateTime occurredAt;      //!< Clock time
    QString source;            //!< module id that published it
    QString actor;             //!< user name, or "system"
    QUuid correlationId;       //!< ties together the events of one operation
    int schemaVersion = 1;     //!< version of the payload's shape
    QJsonObject payload;
    QString origin;            //!< the desk (store connection) that journaled it
    bool remote = false;       //!< arrived from another desk (not journaled by this process)
    bool caughtUp = false;     //!< delivered as the desk started, from what was journaled while it was closed

    QJsonObject toJson() const;
    static std::optional<Event> fromJson(const QJsonObject& json, QString* error = nullptr);
};

//! True for a well-formed topic: two or more dot-separated lower-case words ([a-z0-9_]).
HEXHUB_CORE_EXPORT bool isValidTopic(const QString& topic);

/*!
 * What a subscriber listens to: an exact topic ("incident.created"), a prefix ending in ".*"
 * ("incident.*" matches "incident.created" and "incident.note.added"), or "*" for everything.
 */
class HEXHUB_CORE_EXPORT TopicPattern
{
public:
    TopicPattern() = default;
    explicit TopicPattern(const QString& pattern);

    bool isValid() const { return m_valid; }
    bool isPrefix() const { return m_isPrefix; }
    //! For a prefix pattern, what matching topics start with ("incident."; empty for "*").
    QString prefix() const { return m_prefix; }
    bool matches(const QString& topic) const;
    QString toString() const { return m_pattern; }

private:
    QString m_pattern;
    QString m_prefix; // "incident." for "incident.*", empty for "*"
    bool m_isPrefix = false;
    bool m_valid = false;
};

/*!
 * A typed bus payload: a struct with a topic, a schema version and JSON conversion. Publishers and
 * subscribers use the struct; nobody hand-parses the payload's keys.
 *
 *     struct UserCreated {
 *         static constexpr auto kTopic = "user.created";
 *         static constexpr int kSchemaVersion = 1;
 *         QJsonObject toJson() const;
 *         static std::optional<UserCreated> fromJson(const QJsonObject&);
 *     };
 */
template <typename T>
concept EventPayload = requires(const T& value, const QJsonObject& json) {
    { T::kTopic } -> std::convertible_to<const char*>;
    { T::kSchemaVersion } -> std::convertible_to<int>;
    { value.toJson() } -> std::same_as<QJsonObject>;
    { T::fromJson(json) } -> std::same_as<std::optional<T>>;
};

//! An event that is about to be published: what the publisher decides. The journal fills in the rest.
struct HEXHUB_CORE_EXPORT EventDraft
{
    QString topic;
    QJsonObject payload;
    int schemaVersion = 1;
    QUuid correlationId;
    QString actor;  //!< empty: the transaction's actor
    QString source; //!< empty: the transaction's source

    template <EventPayload T>
    static EventDraft from(const T& value, const QUuid& correlationId = {})
    {
        return EventDraft{QString::fromLatin1(T::kTopic), value.toJson(), T::kSchemaVersion,
                          correlationId, {}, {}};
    }
};

//! Reads a typed payload out of an event, or nothing when the topic or shape does not match.
template <EventPayload T>
std::optional<T> payloadAs(const Event& event)
{
    if (event.topic != QLatin1String(T::kTopic) || event.schemaVersion > T::kSchemaVersion)
        return std::nullopt;
    return T::fromJson(event.payload);
}

//! A slice of the journal to replay: by sequence range, by time range, or both.
struct HEXHUB_CORE_EXPORT EventRange
{
    qint64 fromSeq = 1;          //!< inclusive
    qint64 toSeq = -1;           //!< inclusive; -1 means no upper bound
    QDateTime from;              //!< inclusive; invalid means no bound
    QDateTime to;                //!< exclusive; invalid means no bound
    QString topicPattern = QStringLiteral("*");
    int limit = 10000;           //!< page size; page on with fromSeq = last seq + 1

    static EventRange bySeq(qint64 from, qint64 to = -1);
    static EventRange byTime(const QDateTime& from, const QDateTime& to);
};

} // namespace hexhub

Q_DECLARE_METATYPE(hexhub::Event)
