#include "incidentform.h"

#include "base/clock.h"
#include "base/error.h"
#include "base/whenfinished.h"
#include "choicefield.h"
#include "mapview.h"
#include "shared/addressindex.h"

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
#include <QHBoxLayout>
#include <QFile>
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
                auto* box = static_cast<QComboBox*>(watched);
                box->setCurrentIndex(key->key() - Qt::Key_1);
                Q_EMIT box->activated(box->currentIndex()); // the user's choice, as a click in its list is
                return true;
            }
        }
        return QObject::eventFilter(watched, event);
    }
};

QString placeKindName(PlaceMatch::Kind kind, bool estimated)
{
    switch (kind) {
    case PlaceMatch::Kind::Coordinates:
        return IncidentForm::tr("coordinates");
    case PlaceMatch::Kind::Address:
        return estimated ? IncidentForm::tr("address, placed along the street") : IncidentForm::tr("address");
    case PlaceMatch::Kind::Crossing:
        return IncidentForm::tr("crossing");
    case PlaceMatch::Kind::Landmark:
        return IncidentForm::tr("landmark");
    case PlaceMatch::Kind::Known:
        return IncidentForm::tr("earlier incident");
    case PlaceMatch::Kind::Street:
        return IncidentForm::tr("street, its middle");
    }
    return {};
}

} // namespace

void IncidentFields::addPriorityAndCategory(QFormLayout* form, QWidget* owner)
{
    addPriority(form, owner);
    category = new QComboBox(owner);
    category->setObjectName(QStringLiteral("category"));
    category->setEnabled(false);
    form->addRow(IncidentForm::tr("Ca&tegory:"), category);
}

void IncidentFields::addPriority(QFormLayout* form, QWidget* owner, QWidget* row)
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
        QObject::connect(shortcut, &QShortcut::activated, box, [box, p] {
            box->setCurrentIndex(p - 1);
            Q_EMIT box->activated(p - 1);
        });
    }
    auto* label = new QLabel(IncidentForm::tr("&Priority:"), owner);
    label->setBuddy(priority);
    form->addRow(label, row ? row : priority);
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
        if (box) {
            for (const IncidentCategory& c : std::as_const(categories))
                box->addItem(c.displayName(), c.id);
            box->setEnabled(true);
        }
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

    // In the order a call goes: what happened, what kind of thing it is, where, how urgent.
    m_summary = new QLineEdit(this);
    m_summary->setObjectName(QStringLiteral("summary"));
    m_summary->setMaxLength(500);
    m_summary->setPlaceholderText(tr("What happened, in a few words"));
    form->addRow(tr("S&ummary:"), m_summary);

    // No category until the call-taker chooses one: a category taken by default would send its run
    // card to a call it does not fit.
    m_category = new ChoiceField(this);
    m_category->setObjectName(QStringLiteral("categoryField"));
    m_category->lineEdit()->setObjectName(QStringLiteral("category"));
    m_category->lineEdit()->setPlaceholderText(tr("Type a few letters of its name or code"));
    m_category->lineEdit()->setEnabled(false);
    m_category->setFinder([this](const QString& typed) {
        const QString t = typed.trimmed().toCaseFolded();
        QList<ChoiceField::Choice> starts, inside;
        for (const IncidentCategory& c : std::as_const(m_categories)) {
            const QString shown = c.displayName().toCaseFolded(), stored = c.name.toCaseFolded();
            const ChoiceField::Choice choice{c.displayName(), tr("P%1 · %2").arg(c.defaultPriority).arg(c.id), c.id};
            auto wordStarts = [&t](const QString& name) {
                for (const QString& w : name.split(QRegularExpression(QStringLiteral("[\\s()_/,-]+")), Qt::SkipEmptyParts))
                    if (w.startsWith(t))
                        return true;
                return name.startsWith(t);
            };
            if (wordStarts(shown) || wordStarts(stored) || c.id.startsWith(t))
                starts << choice;
            else if (shown.contains(t) || stored.contains(t))
                inside << choice;
        }
        return starts + inside;
    });
    auto* categoryLabel = new QLabel(tr("Ca&tegory:"), this);
    categoryLabel->setBuddy(m_category->lineEdit());
    form->addRow(categoryLabel, m_category);

    m_place = new ChoiceField(this);
    m_place->setObjectName(QStringLiteral("placeField"));
    m_place->lineEdit()->setObjectName(QStringLiteral("address"));
    m_place->lineEdit()->setMaxLength(300);
    m_place->lineEdit()->setPlaceholderText(tr("A landmark, a street and number, a crossing (Elm Road / Mill Street) or coordinates"));
    m_place->setFinder([this](const QString& typed) {
        QList<ChoiceField::Choice> found;
        if (!m_index)
            return found;
        for (const PlaceMatch& m : m_index->resolve(typed, 8))
            found << ChoiceField::Choice{m.text, placeKindName(m.kind, m.estimated),
                                         QVariantList{m.point.latitude, m.point.longitude, int(m.kind), m.estimated}};
        return found;
    });
    auto* placeLabel = new QLabel(tr("&Address:"), this);
    placeLabel->setBuddy(m_place->lineEdit());
    form->addRow(placeLabel, m_place);
    m_position = new QLineEdit(this);
    m_position->setObjectName(QStringLiteral("position"));
    m_position->setPlaceholderText(tr("latitude, longitude: filled from the place chosen, or typed"));
    form->addRow(tr("P&osition:"), m_position);
    // The chosen place on the district's map (the board's map view, small): the call-taker sees that
    // "141 Orchard Road" is where the caller is before units are sent there.
    m_preview = new MapView(this);
    m_preview->setObjectName(QStringLiteral("placePreview"));
    m_preview->setFocusPolicy(Qt::NoFocus); // Tab goes from the place to the next field
    m_preview->setFixedHeight(150);
    QFile district(QStringLiteral(":/hexhub/district/district.geojson")); // compiled in: memory, not disk
    if (district.open(QIODevice::ReadOnly))
        m_preview->addGeoJson(QStringLiteral("district"), district.readAll());
    m_preview->showAll();
    m_previewCaption = new QLabel(tr("The place chosen is shown here."), this);
    m_previewCaption->setObjectName(QStringLiteral("placeCaption"));
    auto* preview = new QWidget(this);
    auto* previewLayout = new QVBoxLayout(preview);
    previewLayout->setContentsMargins(0, 0, 0, 0);
    previewLayout->setSpacing(2);
    previewLayout->addWidget(m_preview);
    previewLayout->addWidget(m_previewCaption);
    previewLayout->addStretch(1);
    preview->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
    form->addRow(QString(), preview);

    auto* priorityRow = new QWidget(this);
    auto* priorityLayout = new QHBoxLayout(priorityRow);
    priorityLayout->setContentsMargins(0, 0, 0, 0);
    m_fields.addPriority(form, this, priorityRow);
    m_priorityNote = new QLabel(priorityRow);
    m_priorityNote->setObjectName(QStringLiteral("priorityNote"));
    priorityLayout->addWidget(m_fields.priority);
    priorityLayout->addWidget(m_priorityNote, 1);
    m_fields.priority->setCurrentIndex(2);
    m_priorityNote->setText(tr("P3 until the category proposes one"));
    connect(m_fields.priority, &QComboBox::activated, this, [this] {
        m_priorityByHand = true;
        m_priorityNote->setText(tr("set by you"));
    });

    m_source = new QComboBox(this);
    m_source->setObjectName(QStringLiteral("source"));
    for (IncidentSource s : {IncidentSource::Call, IncidentSource::Video, IncidentSource::PublicComplaint,
                             IncidentSource::ModelAlert, IncidentSource::Centre})
        m_source->addItem(incidentSourceName(s), incidentSourceId(s));
    form->addRow(tr("&Source:"), m_source);

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
    layout->setSizeConstraint(QLayout::SetMinAndMaxSize); // grows with the candidates, and back
    setMinimumWidth(560);

    // Any change to what the call is about asks the duplicate question again.
    connect(m_position, &QLineEdit::textEdited, this, [this] {
        m_checkedDuplicates = false;
        m_placeTaken.clear(); // the position is the call-taker's now, not the place's
    });
    connect(m_place, &ChoiceField::edited, this, [this](const QString& text) {
        m_checkedDuplicates = false;
        // Detail added after the place taken ("141 Orchard Road, rear entrance") keeps its position.
        if (!m_placeTaken.isEmpty() && text.startsWith(m_placeTaken) && text.size() > m_placeTaken.size()) {
            m_place->candidates()->setCurrentRow(-1); // leaving the field keeps the words
            m_place->candidates()->hide();
            m_place->setNote(tr("At %1, with your words added.").arg(m_placeTaken));
            return;
        }
        if (!m_placeTaken.isEmpty()) // the position belonged to the place typed over
            m_position->clear();
        m_placeTaken.clear();
        placeChosen(); // the map shows no place
        findPlaces();
    });
    connect(m_place, &ChoiceField::chosenChanged, this, &IncidentForm::placeChosen);
    connect(m_category, &ChoiceField::chosenChanged, this, [this] {
        m_checkedDuplicates = false;
        proposePriority();
    });
    connect(m_summary, &QLineEdit::textEdited, this, &IncidentForm::suggestCategory);

    // The categories read last are there at once, so letters typed straight after F2 find one; the
    // read below brings any change.
    if (!m_hub.knownCategories.isEmpty()) {
        m_categories = m_hub.knownCategories;
        m_category->lineEdit()->setEnabled(true);
    }
    m_fields.loadCategories(m_hub, this, m_message, [this](const QList<IncidentCategory>& categories) {
        m_categories = categories;
        m_category->lineEdit()->setEnabled(true);
        m_category->refresh();
        suggestCategory();
    });
    // The index built last is there at once; a newer one (with the incidents since) replaces it when built.
    m_index = m_hub.builtAddressIndex();
    m_indexRead = m_index != nullptr;
    if (!m_index)
        m_place->setNote(tr("Reading the district's places..."));
    whenFinished(this, m_hub.addressIndex(), [this](QFuture<std::shared_ptr<const AddressIndex>> done) {
        std::shared_ptr<const AddressIndex> built;
        try {
            built = done.result();
        } catch (const std::exception& e) {
            if (!m_index)
                m_place->setNote(tr("The district's places cannot be read (%1): type coordinates in Position.").arg(QString::fromUtf8(e.what())));
            m_indexRead = true;
            return;
        }
        m_indexRead = true;
        if (built)
            m_index = built; // newer; a build that gave nothing leaves the one the form has
        if (!m_index) {
            m_place->setNote(tr("The district's places cannot be read: type coordinates in Position."));
            return;
        }
        m_place->setNote(QString());
        m_place->refresh();
        findPlaces();
        placeChosen();
    });
    m_summary->setFocus();
}

void IncidentForm::findPlaces()
{
    const QString typed = m_place->text();
    if (typed.isEmpty() || m_place->chosen() || !m_indexRead || !m_index)
        return;
    if (m_place->candidates()->count() == 0)
        m_place->setNote(tr("Not on the district's map: the incident keeps this address with no position, and "
                            "the map cannot show it or rank units for it until a position is set (type coordinates "
                            "in Position, or set it later with Edit)."));
}

void IncidentForm::placeChosen()
{
    m_checkedDuplicates = false;
    const auto chosen = m_place->chosen();
    if (!chosen) {
        if (m_placeTaken.isEmpty()) { // (detail being added to the place taken: still there)
            m_preview->setMarkers(QStringLiteral("place"), {});
            m_previewCaption->setText(tr("The place chosen is shown here."));
        }
        return;
    }
    m_placeTaken = chosen->text;
    const QVariantList v = chosen->value.toList();
    const GeoPoint point{v.value(0).toDouble(), v.value(1).toDouble()};
    m_position->setText(QStringLiteral("%1, %2").arg(point.latitude, 0, 'f', 6).arg(point.longitude, 0, 'f', 6));
    m_preview->setMarkers(QStringLiteral("place"), {MapMarker{QStringLiteral("place"), point, priorityColour(1), chosen->text}});
    m_preview->centreOn(point, 2.0); // 2 m a pixel: the streets around it
    m_previewCaption->setText(QStringLiteral("%1 (%2)").arg(chosen->text, chosen->detail));
}

void IncidentForm::suggestCategory()
{
    const CategorySuggestion s = hexhub::suggestCategory(m_categories, m_summary->text());
    QList<ChoiceField::Choice> suggestions;
    QString why;
    for (const IncidentCategory& c : std::as_const(m_categories)) {
        if (c.id != s.category)
            continue;
        suggestions << ChoiceField::Choice{c.displayName(), tr("P%1 · %2").arg(c.defaultPriority).arg(c.id), c.id};
        QStringList quoted;
        for (const QString& w : s.matched)
            quoted << tr("\u201c%1\u201d").arg(w);
        why = tr("Suggested from the summary's words %1: Down then Tab takes it; typing finds another.")
                  .arg(quoted.join(tr(", ")));
    }
    m_category->setSuggestions(suggestions, why);
}

void IncidentForm::proposePriority()
{
    const auto chosen = m_category->chosen();
    if (!chosen || m_priorityByHand)
        return;
    for (const IncidentCategory& c : std::as_const(m_categories)) {
        if (c.id == chosen->value.toString()) {
            m_fields.priority->setCurrentIndex(std::clamp(c.defaultPriority, 1, 4) - 1);
            m_priorityNote->setText(tr("proposed for %1; 1 to 4 or Alt+1 to Alt+4 changes it").arg(c.displayName()));
        }
    }
}

std::optional<NewIncident> IncidentForm::collect()
{
    NewIncident n;
    n.priority = m_fields.priority->currentData().toInt();
    n.category = m_category->chosen() ? m_category->chosen()->value.toString() : QString();
    n.source = incidentSourceFromId(m_source->currentData().toString()).value_or(IncidentSource::Call);
    n.summary = m_summary->text().trimmed();
    n.location.address = m_place->text();
    n.reporterContact = m_contact->text().trimmed();
    n.centre = m_fields.centre->currentData().toString();
    if (n.category.isEmpty()) {
        if (!m_category->lineEdit()->isEnabled()) {
            m_message->setText(tr("The categories are still loading."));
            return std::nullopt;
        }
        m_message->setText(m_category->text().isEmpty()
                               ? tr("Choose the category: type a few letters of its name (Alt+T goes there).")
                               : tr("No category is called \u201c%1\u201d: type a few letters of its name and take one from the list.")
                                     .arg(m_category->text()));
        m_category->setFocus();
        return std::nullopt;
    }
    if (n.summary.isEmpty()) {
        m_message->setText(tr("Say in a few words what happened."));
        m_summary->setFocus();
        return std::nullopt;
    }
    const QString position = m_position->text().trimmed();
    if (!position.isEmpty()) {
        const auto point = parsePosition(position);
        if (!point) {
            m_message->setText(tr("The position is two numbers, latitude and longitude, such as 31.2304, 121.4737."));
            m_position->setFocus();
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
        m_hub.addressIndexStale(); // its place is found again by the next call's form
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
