#pragma once
// The centres' time limits for an administrator (core.time_limits.manage): every rule of every
// module with its length, its default and who changed it last; a length changed with a reason.
// Limits already running keep their due time; the new length applies to what starts after.

#include "shared/timelimits.h"

#include <QDialog>
#include <QList>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QSpinBox;
class QTableWidget;

namespace hexhub {
class Platform;
}

namespace hexhub::shell {

class TimeLimitsDialog final : public QDialog
{
    Q_OBJECT
public:
    explicit TimeLimitsDialog(Platform& platform, QWidget* parent = nullptr);

    QTableWidget* table() const { return m_table; }
    //! The rule on the selected row, if any.
    const TimeLimit* selected() const;

private:
    void reload();
    void showSelected();
    void save();
    qint64 chosenMinutes() const;

    Platform& m_platform;
    TimeLimits m_limits;
    QList<TimeLimit> m_rules;
    QTableWidget* m_table;
    QSpinBox* m_length;
    QComboBox* m_unit;
    QLineEdit* m_reason;
    QPushButton* m_default;
    QPushButton* m_save;
    QLabel* m_message;
    bool m_busy = false;
};

} // namespace hexhub::shell
