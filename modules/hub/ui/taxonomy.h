#pragma once

#include "hubcontext.h"

#include <QDialog>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPlainTextEdit;
class QPushButton;
class QSpinBox;
class QTreeWidget;

namespace hexhub::hub {

/*!
 * The incident taxonomy editor (hub.taxonomy.manage): each category's name, response target,
 * on-scene limit, run card (so many units of a kind, with a skill) and playbook (one step a line).
 * Saving goes through IncidentService::saveCategory (validated, audited, on the bus). Unsaved
 * changes are never dropped by moving to another category: the editor asks to save or revert first.
 */
class TaxonomyDialog final : public QDialog
{
    Q_OBJECT
public:
    TaxonomyDialog(HubContext& hub, QWidget* parent = nullptr);

    QListWidget* categoryList() const { return m_list; }
    QLineEdit* nameEdit() const { return m_name; }
    QSpinBox* responseBox() const { return m_response; }
    QTreeWidget* runCard() const { return m_runCard; }
    QPlainTextEdit* playbook() const { return m_playbook; }
    QLabel* message() const { return m_message; }
    void save();
    void newCategory();
    void addNeed();

Q_SIGNALS:
    void loaded();
    void savedCategory(const QString& id);

private:
    void load(const QString& select);
    void show(int row);
    void setDirty(bool dirty);
    void addNeedRow(const RunCardNeed& need);

    HubContext& m_hub;
    QList<IncidentCategory> m_categories;
    int m_shown = -1; //!< index into m_categories; -1: a new one
    bool m_dirty = false;
    bool m_filling = false;
    QListWidget* m_list;
    QPushButton* m_new;
    QLineEdit* m_id;
    QLineEdit* m_name;
    QLabel* m_shownAs;
    QSpinBox* m_response;
    QSpinBox* m_onScene;
    QComboBox* m_priority;
    QLineEdit* m_keywords;
    QSpinBox* m_count;
    QComboBox* m_kind;
    QComboBox* m_skill;
    QTreeWidget* m_runCard;
    QPlainTextEdit* m_playbook;
    QLabel* m_message;
    QPushButton* m_save;
    QPushButton* m_revert;
};

} // namespace hexhub::hub
