#pragma once

#include "bus/event.h"

namespace hexhub {

class Sql;

/*!
 * The `events` table: the bus's append-only journal. Rows are written only inside the transaction
 * that made the change they describe, and never updated or deleted (triggers refuse it).
 */
namespace journal {

//! Writes the event; fills in and returns its sequence number.
qint64 append(Sql& sql, const Event& event);
//! Reads one page of events in sequence order.
QList<Event> read(Sql& sql, const EventRange& range);
//! The highest sequence number journaled so far (0 when empty).
qint64 lastSeq(Sql& sql);

} // namespace journal
} // namespace hexhub
