#pragma once
// Inside the core: enums that have a stored id and a name for people, kept in one table each.

#include <QString>

#include <array>
#include <optional>

namespace hexhub::detail {

template <typename E>
struct EnumRow
{
    E value;
    const char* id;   //!< as stored and sent on the bus
    const char* name; //!< marked with QT_TRANSLATE_NOOP("hexhub", ...); translated where shown
};

template <typename E, std::size_t N>
const EnumRow<E>& rowOf(const std::array<EnumRow<E>, N>& rows, E value)
{
    for (const EnumRow<E>& row : rows) {
        if (row.value == value)
            return row;
    }
    Q_UNREACHABLE();
}

template <typename E, std::size_t N>
std::optional<E> valueOf(const std::array<EnumRow<E>, N>& rows, const QString& id)
{
    for (const EnumRow<E>& row : rows) {
        if (id == QLatin1String(row.id))
            return row.value;
    }
    return std::nullopt;
}

} // namespace hexhub::detail
