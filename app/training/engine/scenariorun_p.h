#pragma once
// What the scenario run's files share: its logging category and the source its writes carry.

#include <QLoggingCategory>
#include <QString>

namespace hexhub {

Q_DECLARE_LOGGING_CATEGORY(lcScenario)

namespace detail {

extern const QString kTraining;

} // namespace detail

// The run's files use it unqualified, as they did when it was one file.
using detail::kTraining;

} // namespace hexhub
