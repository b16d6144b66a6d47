#include "incidentform.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QKeyEvent>
#include <QShortcut>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRegularExpression>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

QString errorText(QFuture<void> f)
{
    try {
        f.waitForFinished();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

template <typename T>
QString errorOf(const QFuture<T>& f)
{
    try {
        f.result();
    } catch (const std::exception& e) {
        return QString::fromUtf8(e.what());
    }
    return {};
}

// Digits 1 to 4 in the priority box choose that priority (its items read "P1" to "P4", which the
// box's own search by first letters would not find from a digit).
class PriorityKeys final : public QObject
{
public:
    using QObject::QObject;

protected:
    bool eventFilter(QObject* watched, QEvent* event) override
    {
        if (event->type() == QEvent::KeyPress) {
            const auto* key = static_cast<QKeyEvent*>(event);
            if (key->key() >= Qt::Key_1 && key->key() <= Qt::Key_4 && !(key->modifiers() & ~Qt::KeypadModifier)) {
                static_cast<QComboBox*>(watched)->setCurrentIndex(key->key() - Qt::Key_1);
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

} // namespace

void IncidentFields::addPriorityAndCategory(QFormLayout* form, QWidget* owner)
{
    priority = new QComboBox(owner);
    priority->setObjectName(QStringLiteral("priority"));
    for (int p = 1; p <= 4; ++p)
        priority->addItem(IncidentForm::tr("P%1").arg(p), p);
    priority->setToolTip(IncidentForm::tr("P1 is the most urgent. Type 1 to 4 here, or Alt+1 to Alt+4 anywhere in the form."));
    priority->installEventFilter(new PriorityKeys(priority));
    // One key from anywhere in the form, as a call-taker sets it while the caller talks.
    for (int p = 1; p <= 4; ++p) {
        auto* shortcut = new QShortcut(QKeySequence(Qt::ALT | Qt::Key(Qt::Key_0 + p)), owner);
        shortcut->setContext(Qt::WidgetWithChildrenShortcut);
        QComboBox* box = priority;
        QObject::connect(shortcut, &QShortcut::activated, box, [box, p] { box->setCurrentIndex(p - 1); });
    }
    form->addRow(IncidentForm::tr("&Priority:"), priority);
    category = new QComboBox(owner);
    category->setObjectName(QStringLiteral("category"));
    category->setEnabled(false);
    form->addRow(IncidentForm::tr("Ca&tegory:"), category);
}

void IncidentFields::addSummaryAndPlace(QFormLayout* form, QWidget* owner)
{
    summary = new QLineEdit(owner);
    summary->setObjectName(QStringLiteral("summary"));
    summary->setMaxLength(500);
    summary->setPlaceholderText(IncidentForm::tr("What happened, in a few words"));
    form->addRow(IncidentForm::tr("S&ummary:"), summary);
    address = new QLineEdit(owner);
    address->setObjectName(QStringLiteral("address"));
    form->addRow(IncidentForm::tr("&Address:"), address);
    position = new QLineEdit(owner);
    position->setObjectName(QStringLiteral("position"));
    position->setPlaceholderText(IncidentForm::tr("latitude, longitude (optional), e.g. 31.2304, 121.4737"));
    form->addRow(IncidentForm::tr("P&osition:"), position);
}

void IncidentFields::addCentre(QFormLayout* form, QWidget* owner)
{
    centre = new QComboBox(owner);
    centre->setObjectName(QStringLiteral("centre"));
    for (const auto& [id, name] : centres())
        centre->addItem(name, id);
    form->addRow(IncidentForm::tr("Ce&ntre:"), centre);
}

void IncidentFields::loadCategories(HubContext& hub, QObject* owner, QLabel* message,
                                    std::function<void(const QList<IncidentCategory>&)> then)
{
    QComboBox* box = category;
    whenFinished(owner, hub.incidents.categories(), [&hub, box, message, then = std::move(then)](QFuture<QList<IncidentCategory>> done) {
        QList<IncidentCategory> categories;
        try {
            categories = done.result();
            hub.knownCategories = categories;
        } catch (const StoreUnavailable& e) {
            // The server away: the categories this desk read last, so a call can still be taken.
            if (hub.knownCategories.isEmpty()) {
                message->setText(IncidentForm::tr("The categories cannot be read: %1").arg(e.message()));
                return;
            }
            categories = hub.knownCategories;
            message->setText(IncidentForm::tr("The server cannot be reached: the categories are those read last, and the "
                                              "incident is kept on this desk until the server is back."));
        } catch (const std::exception& e) {
            message->setText(IncidentForm::tr("The categories cannot be read: %1").arg(QString::fromUtf8(e.what())));
            return;
        }
        for (const IncidentCategory& c : std::as_const(categories))
            box->addItem(c.displayName(), c.id);
        box->setEnabled(true);
        if (then)
            then(categories);
    });
}

IncidentForm::IncidentForm(HubContext& hub, QWidget* parent)
    : QDialog(parent)
    , m_hub(hub)
{
    setWindowTitle(tr("New incident"));
    setObjectName(QStringLiteral("hub.incidentForm"));
    auto* form = new QFormLayout;
    m_fields.addPriorityAndCategory(form, this);
    m_fields.priority->setCurrentIndex(2);

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("source"));
    for (IncidentSource s : {IncidentSource::Call, IncidentSource::Video, IncidentSource::PublicComplaint,
                             IncidentSource::ModelAlert, IncidentSource::Centre})
        m_source->addItem(incidentSourceName(s), incidentSourceId(s));
    form->addRow(tr("&Source:"), m_source);

    m_fields.addSummaryAndPlace(form, this);

    m_contact = new QLineEdit(this);
    m_contact->setObjectName(QStringLiteral("contact"));
    m_contact->setPlaceholderText(tr("Phone or e-mail; shown masked, revealed only with a reason"));
    form->addRow(tr("&Reporter's contact:"), m_contact);

    m_fields.addCentre(form, this);

    m_message = new QLabel(this);
    m_message->setWordWrap(true);
    m_message->setObjectName(QStringLiteral("message"));
    m_duplicates = new QListWidget(this);
    m_duplicates->setObjectName(QStringLiteral("duplicates"));
    m_duplicates->hide();

    m_buttons = new QDialogButtonBox(this);
    m_create = m_buttons->addButton(tr("&Create"), QDialogButtonBox::AcceptRole);
    m_create->setObjectName(QStringLiteral("create"));
    m_create->setDefault(true);
    // Into the box only when there is something to add to: the box shows every button it holds
    // again whenever it lays them out (a theme or language change), hidden or not.
    m_merge = new QPushButton(tr("Add to the s&elected incident"), this);
    m_merge->setObjectName(QStringLiteral("merge"));
    m_merge->hide();
    m_buttons->addButton(QDialogButtonBox::Cancel);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_create, &QPushButton::clicked, this, &IncidentForm::submit);
    connect(m_merge, &QPushButton::clicked, this, [this] {
        if (auto* item = m_duplicates->currentItem())
            create(item->data(Qt::UserRole).toLongLong());
    });

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(form);
    layout->addWidget(m_message);
    layout->addWidget(m_duplicates);
    layout->addWidget(m_buttons);
    setMinimumWidth(520);

    // Any change to what the call is about asks the duplicate question again.
    for (QLineEdit* e : {m_fields.address, m_fields.position})
        connect(e, &QLineEdit::textEdited, this, [this] { m_checkedDuplicates = false; });
    connect(m_fields.category, &QComboBox::currentIndexChanged, this, [this] { m_checkedDuplicates = false; });

    // No category until the call-taker chooses one (typing its first letters finds it): a category
    // taken by default would send its run card to a call it does not fit.
    m_fields.category->setPlaceholderText(tr("Type its first letters"));
    QComboBox* category = m_fields.category;
    m_fields.loadCategories(m_hub, this, m_message, [category](const QList<IncidentCategory>&) { category->setCurrentIndex(-1); });
    m_fields.summary->setFocus();
}

std::optional<NewIncident> IncidentForm::collect()
{
    NewIncident n;
    n.priority = m_fields.priority->currentData().toInt();
    n.category = m_fields.category->currentData().toString();
    n.source = incidentSourceFromId(m_source->currentData().toString()).value_or(IncidentSource::Call);
    n.summary = m_fields.summary->text().trimmed();
    n.location.address = m_fields.address->text().trimmed();
    n.reporterContact = m_contact->text().trimmed();
    n.centre = m_fields.centre->currentData().toString();
    if (n.category.isEmpty()) {
        if (!m_fields.category->isEnabled()) {
            m_message->setText(tr("The categories are still loading."));
            return std::nullopt;
        }
        m_message->setText(tr("Choose the category: type its first letters (Alt+T goes there)."));
        m_fields.category->setFocus();
        return std::nullopt;
    }
    if (n.summary.isEmpty()) {
        m_message->setText(tr("Say in a few words what happened."));
        m_fields.summary->setFocus();
        return std::nullopt;
    }
    const QString position = m_fields.position->text().trimmed();
    if (!position.isEmpty()) {
        const auto point = parsePosition(position);
        if (!point) {
            m_message->setText(tr("The position is two numbers, latitude and longitude, such as 31.2304, 121.4737."));
            m_fields.position->setFocus();
            return std::nullopt;
        }
        n.location.point = point;
    }
    return n;
}

void IncidentForm::setBusy(bool busy, const QString& message)
{
    m_create->setEnabled(!busy);
    m_merge->setEnabled(!busy);
    if (!message.isNull())
        m_message->setText(message);
}

void IncidentForm::submit()
{
    const auto incident = collect();
    if (!incident)
        return;
    if (m_checkedDuplicates) {
        create(0);
        return;
    }
    setBusy(true, tr("Looking for the same incident reported already..."));
    whenFinished(this, m_hub.incidents.duplicatesOf(*incident), [this](QFuture<QList<DuplicateCandidate>> done) {
        setBusy(false, QString());
        m_checkedDuplicates = true;
        QList<DuplicateCandidate> found;
        try {
            found = done.result();
        } catch (const std::exception& e) {
            m_message->setText(tr("Could not look for duplicates (%1); the incident is created without.")
                                   .arg(QString::fromUtf8(e.what())));
        }
        if (found.isEmpty()) {
            create(0);
            return;
        }
        m_duplicates->clear();
        const qint64 now = m_hub.clock.nowMs();
        for (const DuplicateCandidate& d : std::as_const(found)) {
            const QString distance = d.metres >= 0 ? tr("%1 m away").arg(qRound(d.metres)) : tr("same address");
            auto* item = new QListWidgetItem(tr("%1  P%2  %3 - %4, %5 ago")
                                                 .arg(d.incident.number)
                                                 .arg(d.incident.priority)
                                                 .arg(d.incident.summary, distance, formatDuration(now - d.incident.createdAt)),
                                             m_duplicates);
            item->setData(Qt::UserRole, d.incident.id);
        }
        m_duplicates->setCurrentRow(0);
        m_duplicates->show();
        m_buttons->addButton(m_merge, QDialogButtonBox::ActionRole);
        m_merge->show();
        m_merge->setDefault(true);
        m_create->setText(tr("&Create anyway"));
        m_message->setText(tr("This may be an incident already reported. Add the call to it, or create a new one anyway."));
        m_duplicates->setFocus();
    });
}

void IncidentForm::create(qint64 mergeInto)
{
    const auto incident = collect();
    if (!incident)
        return;
    setBusy(true, tr("Creating..."));
    whenFinished(this, m_hub.incidents.create(*incident, m_createCommand), [this, mergeInto](QFuture<Incident> done) {
        try {
            done.waitForFinished();
        } catch (const CommandQueued&) {
            // Kept on this desk with its command id: it is created when the server is back (the
            // desk says so, and the outbox lists it). Nothing more to do here.
            Q_EMIT queued();
            accept();
            return;
        } catch (...) {
        }
        if (const QString error = errorOf(done); !error.isEmpty()) {
            setBusy(false, error);
            return;
        }
        const qint64 id = done.result().id;
        if (mergeInto == 0) {
            Q_EMIT created(id);
            accept();
            return;
        }
        whenFinished(this, m_hub.incidents.merge(mergeInto, id, m_mergeCommand), [this, mergeInto](QFuture<void> merged) {
            if (const QString error = errorText(merged); !error.isEmpty()) {
                setBusy(false, tr("Created, but not merged: %1").arg(error));
                return;
            }
            Q_EMIT created(mergeInto);
            accept();
        });
    });
}

} // namespace hexhub::hub
