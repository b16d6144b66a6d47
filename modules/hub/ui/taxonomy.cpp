#include "taxonomy.h"

#include "hexhub/hub/dispatch.h"
#include "base/error.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <algorithm>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QShortcut>
#include <QSpinBox>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

constexpr int KindRole = Qt::UserRole;
constexpr int SkillRole = Qt::UserRole + 1;
constexpr int CountRole = Qt::UserRole + 2;

const QList<UnitKind> kKinds{UnitKind::PatrolCar, UnitKind::FootPatrol, UnitKind::Traffic, UnitKind::SpecialResponse,
                             UnitKind::Drone, UnitKind::FireLiaison, UnitKind::MedicalLiaison};

} // namespace

TaxonomyDialog::TaxonomyDialog(HubContext& hub, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("hub.taxonomy"));
    setWindowTitle(tr("Incident taxonomy"));
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("categories"));
    m_new = new QPushButton(tr("&New category"), this);
    m_new->setObjectName(QStringLiteral("new"));
    auto* left = new QVBoxLayout;
    left->addWidget(m_list, 1);
    left->addWidget(m_new);

    m_id = new QLineEdit(this);
    m_id->setObjectName(QStringLiteral("id"));
    m_id->setMaxLength(40);
    m_id->setPlaceholderText(tr("e.g. gas_leak (letters, digits, _)"));
    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("name"));
    m_name->setMaxLength(80);
    // Built-in names and steps are stored in English and shown translated; say how it shows.
    m_shownAs = new QLabel(this);
    m_shownAs->setWordWrap(true);
    m_response = new QSpinBox(this);
    m_response->setObjectName(QStringLiteral("response"));
    m_response->setRange(1, 24 * 60);
    m_response->setSuffix(tr(" min"));
    m_onScene = new QSpinBox(this);
    m_onScene->setObjectName(QStringLiteral("onScene"));
    m_onScene->setRange(1, 7 * 24 * 60);
    m_onScene->setSuffix(tr(" min"));
    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("defaultPriority"));
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(tr("P%1").arg(p), p);
    m_priority->setToolTip(tr("What the new-incident form proposes when this category is chosen"));
    m_keywords = new QLineEdit(this);
    m_keywords->setObjectName(QStringLiteral("keywords"));
    m_keywords->setMaxLength(1000);
    m_keywords->setPlaceholderText(tr("Words of a caller's account that suggest it, separated by commas"));

    m_count = new QSpinBox(this);
    m_count->setRange(1, 50);
    m_kind = new QComboBox(this);
    m_kind->setObjectName(QStringLiteral("kind"));
    m_kind->addItem(tr("any kind"), QString());
    for (UnitKind k : kKinds)
        m_kind->addItem(unitKindName(k), unitKindId(k));
    m_skill = new QComboBox(this);
    m_skill->setObjectName(QStringLiteral("skill"));
    m_skill->addItem(tr("no skill needed"), QString());
    for (const QString& s : knownSkills())
        m_skill->addItem(skillName(s), s);
    auto* addNeedButton = new QPushButton(tr("&Add"), this);
    addNeedButton->setObjectName(QStringLiteral("addNeed"));
    auto* needRow = new QHBoxLayout;
    needRow->addWidget(m_count);
    needRow->addWidget(m_kind, 1);
    needRow->addWidget(m_skill, 1);
    needRow->addWidget(addNeedButton);
    m_runCard = new QTreeWidget(this);
    m_runCard->setObjectName(QStringLiteral("runCard"));
    m_runCard->setRootIsDecorated(false);
    m_runCard->setHeaderLabels({tr("Units"), tr("Kind"), tr("Skill")});
    m_runCard->setMinimumHeight(110);
    auto* removeNeed = new QShortcut(QKeySequence::Delete, m_runCard, nullptr, nullptr, Qt::WidgetShortcut);
    connect(removeNeed, &QShortcut::activated, this, [this] {
        delete m_runCard->currentItem();
        setDirty(true);
    });

    m_playbook = new QPlainTextEdit(this);
    m_playbook->setObjectName(QStringLiteral("playbook"));
    m_playbook->setPlaceholderText(tr("One step a line, in the order they are done"));
    m_playbook->setTabChangesFocus(true);

    auto* form = new QFormLayout;
    form->addRow(tr("&Id:"), m_id);
    form->addRow(tr("&Name:"), m_name);
    form->addRow(QString(), m_shownAs);
    form->addRow(tr("&Response target:"), m_response);
    form->addRow(tr("&On-scene limit:"), m_onScene);
    form->addRow(tr("Default priorit&y:"), m_priority);
    form->addRow(tr("&Keywords:"), m_keywords);
    auto* runCardLabel = new QLabel(tr("R&un card:"), this);
    runCardLabel->setBuddy(m_count);
    form->addRow(runCardLabel, needRow);
    form->addRow(QString(), m_runCard);
    form->addRow(QString(), new QLabel(tr("Delete removes the selected line."), this));
    form->addRow(tr("&Playbook:"), m_playbook);

    m_message = new QLabel(this);
    m_message->setObjectName(QStringLiteral("message"));
    m_message->setWordWrap(true);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    m_save = buttons->addButton(tr("&Save"), QDialogButtonBox::ApplyRole);
    m_save->setObjectName(QStringLiteral("save"));
    m_revert = buttons->addButton(tr("Re&vert"), QDialogButtonBox::ResetRole);
    for (QPushButton* b : findChildren<QPushButton*>())
        b->setAutoDefault(false);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_save, &QPushButton::clicked, this, &TaxonomyDialog::save);
    connect(m_revert, &QPushButton::clicked, this, [this] {
        setDirty(false);
        show(m_shown);
    });
    connect(m_new, &QPushButton::clicked, this, &TaxonomyDialog::newCategory);
    connect(addNeedButton, &QPushButton::clicked, this, &TaxonomyDialog::addNeed);
    auto* saveKey = new QShortcut(QKeySequence::Save, this);
    connect(saveKey, &QShortcut::activated, this, &TaxonomyDialog::save);

    connect(m_list, &QListWidget::currentRowChanged, this, [this](int row) {
        if (m_filling || row == m_shown)
            return;
        if (m_dirty) {
            // Back to the one with the changes; nothing typed is dropped by a stray arrow key.
            m_filling = true;
            m_list->setCurrentRow(m_shown);
            m_filling = false;
            m_message->setText(tr("Save or revert the changes to this category first."));
            return;
        }
        show(row);
    });
    for (QLineEdit* e : {m_id, m_name})
        connect(e, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    connect(m_priority, &QComboBox::currentIndexChanged, this, [this] { setDirty(true); });
    connect(m_keywords, &QLineEdit::textEdited, this, [this] { setDirty(true); });
    for (QSpinBox* b : {m_response, m_onScene})
        connect(b, &QSpinBox::valueChanged, this, [this] { setDirty(true); });
    connect(m_playbook, &QPlainTextEdit::textChanged, this, [this] { setDirty(true); });

    auto* right = new QVBoxLayout;
    right->addLayout(form, 1);
    right->addWidget(m_message);
    auto* columns = new QHBoxLayout;
    columns->addLayout(left, 1);
    columns->addLayout(right, 3);
    auto* layout = new QVBoxLayout(this);
    layout->addLayout(columns, 1);
    layout->addWidget(buttons);
    resize(860, 620);
    setDirty(false);
    load({});
}

void TaxonomyDialog::load(const QString& select)
{
    whenFinished(this, m_hub.incidents.categories(), [this, select](QFuture<QList<IncidentCategory>> done) {
        try {
            m_categories = done.result();
        } catch (const std::exception& e) {
            m_message->setText(tr("The categories cannot be read: %1").arg(QString::fromUtf8(e.what())));
            return;
        }
        m_filling = true;
        m_list->clear();
        int selectRow = 0;
        for (int i = 0; i < m_categories.size(); ++i) {
            m_list->addItem(m_categories.at(i).displayName());
            if (m_categories.at(i).id == select)
                selectRow = i;
        }
        m_filling = false;
        m_shown = -2;
        m_list->setCurrentRow(m_categories.isEmpty() ? -1 : selectRow);
        if (m_categories.isEmpty())
            newCategory();
        m_list->setFocus();
        Q_EMIT loaded();
    });
}

void TaxonomyDialog::show(int row)
{
    m_filling = true;
    m_shown = row;
    IncidentCategory c;
    const bool existing = row >= 0 && row < m_categories.size();
    if (existing)
        c = m_categories.at(row);
    else {
        c.responseTargetMs = 15 * 60000;
        c.onSceneLimitMs = 120 * 60000;
    }
    m_id->setText(c.id);
    m_id->setReadOnly(existing); // incidents keep their category by id
    m_name->setText(c.name);
    QStringList shownSteps;
    for (int i = 0; i < c.playbook.size(); ++i)
        shownSteps << c.displayStep(i);
    const bool translated = existing && (c.displayName() != c.name || shownSteps != c.playbook);
    m_shownAs->setText(translated ? tr("Shown in your language as %1; its playbook: %2").arg(c.displayName(), shownSteps.join(tr("; ")))
                                  : QString());
    m_shownAs->setVisible(translated);
    m_response->setValue(int(c.responseTargetMs / 60000));
    m_onScene->setValue(int(c.onSceneLimitMs / 60000));
    m_priority->setCurrentIndex(std::clamp(c.defaultPriority, 1, 4) - 1);
    m_keywords->setText(c.keywords);
    m_runCard->clear();
    for (const RunCardNeed& need : std::as_const(c.runCard.needs))
        addNeedRow(need);
    m_playbook->setPlainText(c.playbook.join(u'\n'));
    m_filling = false;
    setDirty(false);
}

void TaxonomyDialog::newCategory()
{
    if (m_dirty) {
        m_message->setText(tr("Save or revert the changes to this category first."));
        return;
    }
    m_filling = true;
    m_list->setCurrentRow(-1);
    m_filling = false;
    show(-1);
    m_id->setFocus();
}

void TaxonomyDialog::addNeedRow(const RunCardNeed& need)
{
    auto* item = new QTreeWidgetItem(m_runCard, {QString::number(need.count), need.kind ? unitKindName(*need.kind) : tr("any kind"),
                                                 need.skill.isEmpty() ? tr("none") : skillName(need.skill)});
    item->setData(0, KindRole, need.kind ? unitKindId(*need.kind) : QString());
    item->setData(0, SkillRole, need.skill);
    item->setData(0, CountRole, need.count);
}

void TaxonomyDialog::addNeed()
{
    RunCardNeed need;
    need.count = m_count->value();
    need.kind = unitKindFromId(m_kind->currentData().toString());
    need.skill = m_skill->currentData().toString();
    if (!need.kind && need.skill.isEmpty()) {
        m_message->setText(tr("A run card line needs a unit kind, a skill or both."));
        return;
    }
    addNeedRow(need);
    setDirty(true);
}

void TaxonomyDialog::setDirty(bool dirty)
{
    if (m_filling)
        return;
    m_dirty = dirty;
    m_save->setEnabled(dirty);
    m_revert->setEnabled(dirty);
    if (dirty)
        m_message->clear();
}

void TaxonomyDialog::save()
{
    if (!m_dirty)
        return;
    IncidentCategory c;
    if (m_shown >= 0 && m_shown < m_categories.size())
        c = m_categories.at(m_shown);
    c.id = m_id->text();
    c.name = m_name->text();
    c.responseTargetMs = qint64(m_response->value()) * 60000;
    c.onSceneLimitMs = qint64(m_onScene->value()) * 60000;
    c.defaultPriority = m_priority->currentData().toInt();
    c.keywords = m_keywords->text();
    c.runCard.needs.clear();
    for (int i = 0; i < m_runCard->topLevelItemCount(); ++i) {
        const QTreeWidgetItem* item = m_runCard->topLevelItem(i);
        RunCardNeed need;
        need.count = item->data(0, CountRole).toInt();
        need.kind = unitKindFromId(item->data(0, KindRole).toString());
        need.skill = item->data(0, SkillRole).toString();
        c.runCard.needs << need;
    }
    c.playbook = m_playbook->toPlainText().split(u'\n');
    m_save->setEnabled(false);
    whenFinished(this, m_hub.incidents.saveCategory(c), [this, c](QFuture<IncidentCategory> done) {
        try {
            const IncidentCategory saved = done.result();
            m_dirty = false;
            m_message->setText(tr("Saved %1.").arg(saved.displayName()));
            Q_EMIT savedCategory(saved.id);
            load(saved.id);
        } catch (const CommandQueued& kept) {
            // Kept on this desk and sent when the server is back; the editor shows it as saved, so
            // the next edit of it starts from this one (the outbox sends both in order).
            const auto known = std::find_if(m_categories.begin(), m_categories.end(),
                                            [&c](const IncidentCategory& k) { return k.id == c.id; });
            if (known != m_categories.end()) {
                *known = c;
            } else {
                m_categories << c; // a new one: listed as kept, until the server has it
                m_list->addItem(c.displayName());
            }
            m_dirty = false;
            m_revert->setEnabled(false);
            m_message->setText(kept.message());
        } catch (const ConflictError& e) {
            // Changed by another administrator since it was opened: the form keeps this edit; Revert
            // shows theirs.
            m_message->setText(e.message());
            m_save->setEnabled(true);
        } catch (const std::exception& e) {
            m_message->setText(QString::fromUtf8(e.what()));
            m_save->setEnabled(true);
        }
    });
}

} // namespace hexhub::hub
