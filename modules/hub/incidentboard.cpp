#include "incidentboard.h"

#include "clock.h"
#include "dispatchdialog.h"
#include "eventbus.h"
#include "incidentedit.h"
#include "incidentform.h"
#include "mediaviewer.h"
#include "session.h"
#include "sqlpagemodel.h"
#include "store.h"
#include "whenfinished.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QInputDialog>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QLocale>
#include <QPushButton>
#include <QRegularExpression>
#include <QShortcut>
#include <QSplitter>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

namespace hexhub::hub {

namespace {

const QString kSelectTarget = QStringLiteral("(SELECT c.response_target_s FROM hub_categories c WHERE c.id = i.category)");

bool isOpenStatus(const QString& status)
{
    return status == QLatin1String("new") || status == QLatin1String("dispatched") || status == QLatin1String("on_scene");
}

QColor tint(const QColor& c, int alpha)
{
    QColor t = c;
    t.setAlpha(alpha);
    return t;
}

QString errorOf(const std::exception& e)
{
    return QString::fromUtf8(e.what());
}

} // namespace

// ---------------------------------------------------------------------------------------------

IncidentBoard::IncidentBoard(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
    , m_model(new SqlPageModel(hub.store, this))
{
    setObjectName(QStringLiteral("hub.incidents"));

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("search"));
    m_search->setPlaceholderText(tr("Search summary, address, notes, or an incident number (Ctrl+F)"));
    m_search->setClearButtonEnabled(true);

    m_status = new QComboBox(this);
    m_status->setObjectName(QStringLiteral("status"));
    m_status->addItem(tr("Open"), QStringLiteral("open"));
    m_status->addItem(tr("Any status"), QString());
    for (IncidentStatus s : {IncidentStatus::New, IncidentStatus::Dispatched, IncidentStatus::OnScene, IncidentStatus::Resolved,
                             IncidentStatus::Closed, IncidentStatus::Cancelled})
        m_status->addItem(incidentStatusName(s), incidentStatusId(s));

    m_priority = new QComboBox(this);
    m_priority->setObjectName(QStringLiteral("priority"));
    m_priority->addItem(tr("Any priority"), 0);
    for (int p = 1; p <= 4; ++p)
        m_priority->addItem(tr("P%1").arg(p), p);

    m_category = new QComboBox(this);
    m_category->setObjectName(QStringLiteral("category"));
    m_category->addItem(tr("Any category"), QString());

    m_centre = new QComboBox(this);
    m_centre->setObjectName(QStringLiteral("centre"));
    m_centre->addItem(tr("Any centre"), QString());
    for (const auto& [id, name] : centres())
        m_centre->addItem(name, id);

    m_time = new QComboBox(this);
    m_time->setObjectName(QStringLiteral("time"));
    m_time->addItem(tr("Any time"), qint64(0));
    m_time->addItem(tr("Last hour"), qint64(3600) * 1000);
    m_time->addItem(tr("Last 24 hours"), qint64(24) * 3600 * 1000);
    m_time->addItem(tr("Last 7 days"), qint64(7) * 24 * 3600 * 1000);

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("count"));

    auto* filters = new QHBoxLayout;
    filters->addWidget(m_search, 3);
    for (QComboBox* box : {m_status, m_priority, m_category, m_centre, m_time})
        filters->addWidget(box, 1);
    filters->addWidget(m_count);

    m_table = new QTableView(this);
    m_table->setObjectName(QStringLiteral("board"));
    m_table->setModel(m_model);
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setSortingEnabled(true);
    m_table->setWordWrap(false);
    m_table->setAlternatingRowColors(true);
    m_table->verticalHeader()->hide();
    m_table->verticalHeader()->setDefaultSectionSize(m_table->fontMetrics().height() + 8);
    m_table->horizontalHeader()->setHighlightSections(false);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);

    m_panel = new IncidentPanel(hub, this);
    auto* split = new QSplitter(Qt::Horizontal, this);
    split->addWidget(m_table);
    split->addWidget(m_panel);
    split->setStretchFactor(0, 4);
    split->setStretchFactor(1, 1);
    m_panel->setMinimumWidth(300);

    auto* layout = new QVBoxLayout(this);
    layout->addLayout(filters);
    layout->addWidget(split, 1);

    m_model->setFormatter([this](const QVariantList& row, int column, int role) { return format(row, column, role); });

    PagedQuery q;
    q.from = QStringLiteral("hub_incidents i");
    q.idColumn = QStringLiteral("i.id");
    const QString time = QStringLiteral("i.created_at");
    q.columns = {
        {QStringLiteral("number"), tr("Number"), QStringLiteral("i.number"), {QStringLiteral("i.number")}},
        {QStringLiteral("priority"), tr("P"), QStringLiteral("i.priority"), {QStringLiteral("i.priority"), time}},
        {QStringLiteral("status"), tr("Status"), QStringLiteral("i.status"), {QStringLiteral("i.status"), time}},
        {QStringLiteral("category"), tr("Category"), QStringLiteral("i.category"), {QStringLiteral("i.category"), time}},
        {QStringLiteral("summary"), tr("Summary"), QStringLiteral("i.summary"), {QStringLiteral("i.summary")}},
        {QStringLiteral("address"), tr("Address"), QStringLiteral("coalesce(i.address, '')"), {QStringLiteral("coalesce(i.address, '')")}},
        {QStringLiteral("centre"), tr("Centre"), QStringLiteral("i.centre"), {QStringLiteral("i.centre"), time}},
        {QStringLiteral("received"), tr("Received"), time, {time}},
        {QStringLiteral("response"), tr("Response"), QStringLiteral("coalesce(i.arrived_at, 0)"),
         {QStringLiteral("coalesce(i.arrived_at - i.created_at, -1)")}},
        // Not shown: what the Response column needs besides.
        {QStringLiteral("target"), QString(), kSelectTarget, {}},
    };
    q.sortColumn = Received;
    q.order = Qt::DescendingOrder;
    m_model->setQuery(q);
    m_table->setColumnHidden(ColumnCount, true);
    m_table->horizontalHeader()->setSortIndicator(Received, Qt::DescendingOrder);
    m_table->horizontalHeader()->setStretchLastSection(true);
    const QFontMetrics fm = m_table->fontMetrics();
    m_table->setColumnWidth(Status, fm.horizontalAdvance(QStringLiteral("dispatched")) + 16);
    m_table->setColumnWidth(Category, fm.horizontalAdvance(QStringLiteral("Traffic accid")) + 16);
    m_table->setColumnWidth(Summary, fm.horizontalAdvance(QLatin1Char('x')) * 22);
    m_table->setColumnWidth(Address, fm.horizontalAdvance(QLatin1Char('x')) * 15);
    m_table->setColumnWidth(Centre, fm.horizontalAdvance(QStringLiteral("Basic control")) + 12);
    m_table->setColumnWidth(Number, fm.horizontalAdvance(QStringLiteral("2026-0000000")) + 12);
    m_table->setColumnWidth(Priority, fm.horizontalAdvance(QStringLiteral("P44")) + 12);
    m_table->setColumnWidth(Received, fm.horizontalAdvance(QStringLiteral("00 h 00 min")) + 16);
    m_table->setColumnWidth(Response, fm.horizontalAdvance(QStringLiteral("overdue 00 min")) + 16);

    // Filters apply at once; typed search waits for a pause.
    m_searchDelay = new QTimer(this);
    m_searchDelay->setSingleShot(true);
    m_searchDelay->setInterval(250);
    connect(m_searchDelay, &QTimer::timeout, this, &IncidentBoard::applyFilter);
    connect(m_search, &QLineEdit::textChanged, m_searchDelay, qOverload<>(&QTimer::start));
    connect(m_search, &QLineEdit::returnPressed, this, [this] {
        m_searchDelay->stop();
        applyFilter();
        m_table->setFocus();
    });
    for (QComboBox* box : {m_status, m_priority, m_category, m_centre, m_time})
        connect(box, &QComboBox::currentIndexChanged, this, &IncidentBoard::applyFilter);

    connect(m_model, &SqlPageModel::ready, this, [this] {
        updateCount();
        if (m_pendingSelect != 0)
            selectIncident(m_pendingSelect);
        else if (!m_table->currentIndex().isValid() && m_model->rowCount() > 0)
            m_table->selectRow(0);
    });
    connect(m_model, &SqlPageModel::loadingChanged, this, [this] { updateCount(); });
    connect(m_model, &QAbstractItemModel::rowsInserted, this, [this] { updateCount(); });
    connect(m_model, &QAbstractItemModel::rowsRemoved, this, [this] { updateCount(); });
    connect(m_model, &SqlPageModel::failed, this, [this](const QString& message) {
        m_count->setText(tr("Cannot read the incidents: %1").arg(message));
    });
    connect(m_model, &SqlPageModel::pageLoaded, this, [this] {
        if (m_pendingSelect != 0) {
            selectIncident(m_pendingSelect);
            return;
        }
        // A row made current while its page was still coming (counted, not yet read: the focus
        // landing on the table, a click during a refresh) had no id to show then; it has now.
        const QModelIndex current = m_table->selectionModel()->currentIndex();
        const qint64 id = current.isValid() ? m_model->idAt(current.row()) : 0;
        if (id != 0 && id != m_panel->incidentId())
            m_panel->show(id);
    });
    connect(m_table->selectionModel(), &QItemSelectionModel::currentRowChanged, this, [this](const QModelIndex& current) {
        const qint64 id = current.isValid() ? m_model->idAt(current.row()) : 0;
        if (id != 0 && id != m_panel->incidentId())
            m_panel->show(id);
    });

    // Ages and response targets tick on the Clock; only the visible cells repaint.
    m_tick = new QTimer(this);
    m_tick->setInterval(1000);
    connect(m_tick, &QTimer::timeout, this, [this] {
        if (isVisible())
            m_table->viewport()->update();
    });
    m_tick->start();

    // Other desks' and this desk's changes arrive on the bus: refresh, a few at a time.
    reloadOnEvents(m_hub.bus, this, {QStringLiteral("incident."), QStringLiteral("unit."), QStringLiteral("task."), QStringLiteral("media.")}, 300, [this] {
        m_model->refresh();
        m_panel->reload();
    });

    // Keys. F2 is the hub's window-wide command; these belong to the board.
    const auto boardKey = [this](const QKeySequence& keys, auto slot) {
        auto* s = new QShortcut(keys, m_table, nullptr, nullptr, Qt::WidgetShortcut);
        connect(s, &QShortcut::activated, this, slot);
    };
    boardKey(QKeySequence(Qt::Key_D), [this] { dispatchCurrent(); });
    boardKey(QKeySequence(Qt::Key_N), [this] { noteCurrent(); });
    boardKey(QKeySequence(Qt::Key_E), [this] { editCurrent(); });
    boardKey(QKeySequence(Qt::Key_Return), [this] { m_panel->timeline()->setFocus(); });
    boardKey(QKeySequence(Qt::Key_Enter), [this] { m_panel->timeline()->setFocus(); });
    auto* find = new QShortcut(QKeySequence::Find, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(find, &QShortcut::activated, this, [this] {
        m_search->setFocus();
        m_search->selectAll();
    });
    auto* reload = new QShortcut(QKeySequence::Refresh, this, nullptr, nullptr, Qt::WidgetWithChildrenShortcut);
    connect(reload, &QShortcut::activated, m_model, &SqlPageModel::refresh);
    connect(m_table, &QTableView::doubleClicked, this, [this] { m_panel->timeline()->setFocus(); });

    whenFinished(this, m_hub.incidents.categories(), [this](QFuture<QList<IncidentCategory>> done) {
        try {
            for (const IncidentCategory& c : done.result()) {
                m_categoryNames.insert(c.id, c.displayName());
                m_category->addItem(c.displayName(), c.id);
            }
            m_table->viewport()->update();
        } catch (const std::exception& e) {
            m_count->setText(tr("Cannot read the categories: %1").arg(errorOf(e)));
        }
    });
    applyFilter();
    setFocusProxy(m_table);
}

IncidentBoard::~IncidentBoard() = default;

void IncidentBoard::applyFilter()
{
    QStringList where;
    QVariantList binds;
    const QString status = m_status->currentData().toString();
    if (status == QLatin1String("open")) {
        where << QStringLiteral("i.status IN ('new', 'dispatched', 'on_scene')");
    } else if (!status.isEmpty()) {
        where << QStringLiteral("i.status = ?");
        binds << status;
    }
    if (const int p = m_priority->currentData().toInt(); p > 0) {
        where << QStringLiteral("i.priority = ?");
        binds << p;
    }
    if (const QString c = m_category->currentData().toString(); !c.isEmpty()) {
        where << QStringLiteral("i.category = ?");
        binds << c;
    }
    if (const QString c = m_centre->currentData().toString(); !c.isEmpty()) {
        where << QStringLiteral("i.centre = ?");
        binds << c;
    }
    if (const qint64 window = m_time->currentData().toLongLong(); window > 0) {
        where << QStringLiteral("i.created_at >= ?");
        binds << m_hub.clock.nowMs() - window;
    }
    const QString text = m_search->text().trimmed();
    static const QRegularExpression number(QStringLiteral("^\\d{4}-\\d{6,}$"));
    if (number.match(text).hasMatch()) {
        where << QStringLiteral("i.number = ?");
        binds << text;
    } else if (!text.isEmpty()) {
        const SqlFragment match = m_hub.store.dialect().textSearch(
            TextSearchTarget{QStringLiteral("hub_incidents"),
                             {QStringLiteral("summary"), QStringLiteral("address"), QStringLiteral("notes")},
                             QStringLiteral("i")},
            searchTerms(text));
        where << match.sql;
        binds << match.binds;
    }
    m_model->setFilter(SqlFragment{where.join(QStringLiteral(" AND ")), binds});
    updateCount();
}

void IncidentBoard::updateCount()
{
    if (m_model->isLoading() && !m_model->isReady()) {
        m_count->setText(tr("Loading..."));
        return;
    }
    m_count->setText(tr("%n incident(s)", nullptr, m_model->rowCount()));
}

qint64 IncidentBoard::currentIncident() const
{
    const QModelIndex current = m_table->currentIndex();
    return current.isValid() ? m_model->idAt(current.row()) : 0;
}

void IncidentBoard::selectIncident(qint64 id)
{
    const int row = m_model->rowOfId(id);
    if (row < 0) {
        m_pendingSelect = id; // comes with the next refresh
        m_panel->show(id);
        return;
    }
    m_pendingSelect = 0;
    m_table->selectRow(row);
    m_table->scrollTo(m_model->index(row, 0));
}

void IncidentBoard::newIncident()
{
    auto* form = new IncidentForm(m_hub, window());
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &IncidentForm::created, this, [this](qint64 id) {
        m_pendingSelect = id;
        m_model->refresh();
        m_panel->show(id);
        m_table->setFocus();
    });
    form->open();
}

void IncidentBoard::dispatchCurrent()
{
    const qint64 id = currentIncident();
    if (id == 0)
        return;
    auto* dialog = new DispatchDialog(m_hub, id, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    connect(dialog, &QDialog::finished, m_table, qOverload<>(&QWidget::setFocus));
    dialog->open();
}

void IncidentBoard::noteCurrent()
{
    const qint64 id = currentIncident();
    if (id == 0)
        return;
    auto* input = new QInputDialog(window());
    input->setAttribute(Qt::WA_DeleteOnClose);
    input->setObjectName(QStringLiteral("hub.noteDialog"));
    input->setWindowTitle(tr("Note"));
    input->setLabelText(tr("Note on the incident (goes on its timeline):"));
    input->resize(560, input->sizeHint().height());
    connect(input, &QInputDialog::textValueSelected, this, [this, id](const QString& text) {
        if (text.trimmed().isEmpty())
            return;
        whenFinished(this, m_hub.incidents.addNote(id, text), [this](QFuture<void> done) {
            try {
                done.waitForFinished();
            } catch (const std::exception& e) {
                m_count->setText(errorOf(e));
            }
        });
    });
    connect(input, &QDialog::finished, m_table, qOverload<>(&QWidget::setFocus));
    input->open();
}

void IncidentBoard::editCurrent()
{
    const qint64 id = currentIncident();
    if (id == 0)
        return;
    if (m_panel->incidentId() != id)
        m_panel->show(id);
    m_panel->edit();
}

QVariant IncidentBoard::format(const QVariantList& row, int column, int role) const
{
    const QString status = row.at(Status).toString();
    const qint64 created = row.at(Received).toLongLong();
    const qint64 arrived = row.at(Response).toLongLong();
    const qint64 targetMs = row.at(ColumnCount).toLongLong() * 1000;
    const qint64 now = m_hub.clock.nowMs();
    const int priority = row.at(Priority).toInt();

    // How the response target stands: 0 met or not applicable, 1 running, 2 under a quarter left, 3 missed.
    const auto responseState = [&]() -> int {
        if (targetMs <= 0)
            return 0;
        if (arrived > 0)
            return arrived - created > targetMs ? 3 : 0;
        if (!isOpenStatus(status))
            return 0;
        const qint64 left = created + targetMs - now;
        return left < 0 ? 3 : left < targetMs / 4 ? 2 : 1;
    };

    switch (role) {
    case Qt::DisplayRole:
        switch (column) {
        case Priority:
            return tr("P%1").arg(priority);
        case Status:
            if (auto s = incidentStatusFromId(status))
                return incidentStatusName(*s);
            return status;
        case Category:
            return m_categoryNames.value(row.at(Category).toString(), row.at(Category).toString());
        case Centre:
            for (const auto& [id, name] : centres()) {
                if (id == row.at(Centre).toString())
                    return name;
            }
            return row.at(Centre);
        case Received:
            return formatDuration(now - created);
        case Response: {
            if (targetMs <= 0)
                return QString();
            if (arrived > 0) {
                const qint64 took = arrived - created;
                return took > targetMs ? tr("late by %1").arg(formatDuration(took - targetMs))
                                       : tr("met in %1").arg(formatDuration(took));
            }
            if (!isOpenStatus(status))
                return QStringLiteral("-");
            const qint64 left = created + targetMs - now;
            return left < 0 ? tr("overdue %1").arg(formatDuration(-left)) : tr("in %1").arg(formatDuration(left));
        }
        default:
            return row.at(column);
        }
    case Qt::ForegroundRole:
        if (column == Priority)
            return priorityColour(priority);
        if (column == Response) {
            const int state = responseState();
            return state == 3 ? QColor(0xd6, 0x30, 0x31) : state == 2 ? QColor(0xe6, 0x7e, 0x22) : QVariant();
        }
        return {};
    case Qt::BackgroundRole:
        if (column == Priority || (column == Number && priority == 1))
            return tint(priorityColour(priority), 45);
        if (column == Response && responseState() == 3)
            return tint(QColor(0xd6, 0x30, 0x31), 40);
        return {};
    case Qt::FontRole:
        if (column == Priority && priority <= 2) {
            QFont f = m_table->font();
            f.setBold(true);
            return f;
        }
        return {};
    case Qt::ToolTipRole:
        if (column == Summary || column == Address)
            return row.at(column);
        if (column == Received)
            return tr("Received %1").arg(QLocale().toString(QDateTime::fromMSecsSinceEpoch(created, Qt::UTC).toLocalTime(),
                                                            QLocale::ShortFormat));
        return {};
    case Qt::TextAlignmentRole:
        if (column == Priority)
            return int(Qt::AlignCenter);
        return {};
    default:
        return {};
    }
}

// ---------------------------------------------------------------------------------------------

IncidentPanel::IncidentPanel(HubContext& hub, QWidget* parent)
    : QWidget(parent)
    , m_hub(hub)
{
    setObjectName(QStringLiteral("hub.incidentPanel"));
    m_title = new QLabel(tr("Select an incident."), this);
    m_title->setObjectName(QStringLiteral("title"));
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.3);
    big.setBold(true);
    m_title->setFont(big);
    m_title->setWordWrap(true);
    m_details = new QLabel(this);
    m_details->setWordWrap(true);
    m_details->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_contact = new QLabel(this);
    m_contact->setObjectName(QStringLiteral("contact"));
    m_reveal = new QPushButton(tr("Re&veal..."), this);
    m_reveal->setToolTip(tr("Shows the reporter's contact; asks for a reason, which goes on record"));
    auto* contactRow = new QHBoxLayout;
    contactRow->addWidget(m_contact, 1);
    contactRow->addWidget(m_reveal);
    m_links = new QLabel(this);
    m_links->setObjectName(QStringLiteral("links"));
    m_links->setWordWrap(true);
    m_links->hide();
    m_edit = new QPushButton(tr("&Edit..."), this);
    m_edit->setObjectName(QStringLiteral("edit"));
    m_edit->setToolTip(tr("Change the priority, category, summary, place or centre (E on the board)"));
    m_link = new QPushButton(tr("Lin&k..."), this);
    m_link->setObjectName(QStringLiteral("link"));
    m_link->setToolTip(tr("Link the incident to a lead, a case, a complaint or another incident"));
    m_media = new QPushButton(tr("&Media..."), this);
    m_media->setObjectName(QStringLiteral("media"));
    m_media->setToolTip(tr("The snapshots and clips attached to the incident"));
    m_cameras = new QLabel(this);
    m_cameras->setObjectName(QStringLiteral("camerasNearby"));
    m_cameras->setWordWrap(true);
    m_cameras->hide();
    m_camerasOnWall = new QPushButton(tr("Cameras on the &wall"), this);
    m_camerasOnWall->setObjectName(QStringLiteral("camerasOnWall"));
    m_camerasOnWall->hide();
    auto* camerasRow = new QHBoxLayout;
    camerasRow->addWidget(m_cameras, 1);
    camerasRow->addWidget(m_camerasOnWall);
    auto* editRow = new QHBoxLayout;
    editRow->addWidget(m_edit);
    editRow->addWidget(m_link);
    editRow->addWidget(m_media);
    editRow->addStretch(1);

    m_units = new QListWidget(this);
    m_units->setObjectName(QStringLiteral("units"));
    m_units->setMaximumHeight(m_units->fontMetrics().height() * 4 + 10);
    m_arrived = new QPushButton(tr("&Arrived"), this);
    m_clear = new QPushButton(tr("C&lear unit"), this);
    m_resolve = new QPushButton(tr("&Resolve"), this);
    m_close = new QPushButton(tr("Cl&ose"), this);
    m_cancel = new QPushButton(tr("Ca&ncel..."), this);
    // Two rows, so they fit a narrow panel on a 1366-pixel screen: the units', then the incident's.
    auto* actions = new QVBoxLayout;
    auto* unitActions = new QHBoxLayout;
    unitActions->addWidget(m_arrived);
    unitActions->addWidget(m_clear);
    unitActions->addStretch(1);
    auto* incidentActions = new QHBoxLayout;
    for (QPushButton* b : {m_resolve, m_close, m_cancel})
        incidentActions->addWidget(b);
    incidentActions->addStretch(1);
    actions->addLayout(unitActions);
    actions->addLayout(incidentActions);

    m_playbook = new QListWidget(this);
    m_playbook->setObjectName(QStringLiteral("playbook"));
    m_playbook->setWordWrap(true);
    m_timeline = new QListWidget(this);
    m_timeline->setObjectName(QStringLiteral("timeline"));
    m_timeline->setWordWrap(true);
    m_error = new QLabel(this);
    m_error->setWordWrap(true);
    m_error->setStyleSheet(QStringLiteral("color: #d63031;"));

    auto* layout = new QVBoxLayout(this);
    layout->addWidget(m_title);
    layout->addWidget(m_details);
    layout->addLayout(contactRow);
    layout->addWidget(m_links);
    layout->addLayout(camerasRow);
    layout->addLayout(editRow);
    layout->addWidget(new QLabel(tr("Units"), this));
    layout->addWidget(m_units);
    layout->addLayout(actions);
    layout->addWidget(new QLabel(tr("Playbook"), this));
    layout->addWidget(m_playbook, 1);
    layout->addWidget(new QLabel(tr("Timeline"), this));
    layout->addWidget(m_timeline, 2);
    layout->addWidget(m_error);

    connect(m_reveal, &QPushButton::clicked, this, &IncidentPanel::reveal);
    connect(m_edit, &QPushButton::clicked, this, &IncidentPanel::edit);
    connect(m_link, &QPushButton::clicked, this, &IncidentPanel::link);
    connect(m_media, &QPushButton::clicked, this, &IncidentPanel::showMedia);
    connect(m_camerasOnWall, &QPushButton::clicked, this, [this] {
        if (m_id != 0 && m_hub.cameraWall.isOpen())
            m_hub.cameraWall.showCamerasNear(m_id);
    });
    connect(m_arrived, &QPushButton::clicked, this, [this] {
        if (auto* item = m_units->currentItem())
            whenFinished(this, m_hub.incidents.unitArrived(m_id, item->data(Qt::UserRole).toString()),
                         [this](QFuture<void> f) {
                             try { f.waitForFinished(); } catch (const std::exception& e) { report(errorOf(e)); }
                         });
    });
    connect(m_clear, &QPushButton::clicked, this, [this] {
        if (auto* item = m_units->currentItem())
            whenFinished(this, m_hub.incidents.unitCleared(item->data(Qt::UserRole).toString()), [this](QFuture<void> f) {
                try { f.waitForFinished(); } catch (const std::exception& e) { report(errorOf(e)); }
            });
    });
    connect(m_resolve, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Resolved); });
    connect(m_close, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Closed); });
    connect(m_cancel, &QPushButton::clicked, this, [this] { moveTo(IncidentStatus::Cancelled); });
    connect(m_playbook, &QListWidget::itemChanged, this, [this](QListWidgetItem* item) {
        if (m_filling || m_id == 0)
            return;
        whenFinished(this, m_hub.incidents.tickStep(m_id, item->data(Qt::UserRole).toInt(), item->checkState() == Qt::Checked),
                     [this](QFuture<void> f) {
                         try { f.waitForFinished(); } catch (const std::exception& e) { report(errorOf(e)); reload(); }
                     });
    });
    for (QWidget* w : {static_cast<QWidget*>(m_reveal), static_cast<QWidget*>(m_edit), static_cast<QWidget*>(m_link), static_cast<QWidget*>(m_arrived), static_cast<QWidget*>(m_clear),
                       static_cast<QWidget*>(m_resolve), static_cast<QWidget*>(m_close), static_cast<QWidget*>(m_cancel)})
        w->setEnabled(false);
}

void IncidentPanel::edit()
{
    if (m_id == 0 || m_incident.id != m_id || !m_edit->isEnabled())
        return;
    auto* dialog = new IncidentEditDialog(m_hub, m_incident, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentPanel::showCamerasNearby(const Incident& incident, int generation)
{
    // Opening an incident offers the cameras near it (by distance and view cone, as the video panel
    // ranks them), and one button fills the open video wall with them.
    if (!incident.location.point || !m_hub.session.can(QStringLiteral("hub.video.view"))) {
        m_cameras->hide();
        m_camerasOnWall->hide();
        return;
    }
    whenFinished(this, m_hub.cameras.nearby(*incident.location.point), [this, generation](QFuture<QList<NearbyCamera>> done) {
        if (generation != m_loadGeneration)
            return;
        QList<NearbyCamera> found;
        try {
            found = done.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        const auto seeing = std::count_if(found.begin(), found.end(), [](const NearbyCamera& c) { return c.sees; });
        m_cameras->setText(found.isEmpty() ? tr("No camera within 500 m.")
                                           : tr("%n camera(s) within 500 m, %1 of them looking at the place.", nullptr, int(found.size()))
                                                 .arg(seeing));
        m_cameras->show();
        const bool wall = m_hub.cameraWall.isOpen();
        m_camerasOnWall->setVisible(!found.isEmpty());
        m_camerasOnWall->setEnabled(wall);
        m_camerasOnWall->setToolTip(wall ? tr("Fills the video wall with them, those looking at the place first")
                                         : tr("Open the Video panel first (the palette's \"Show the Video panel\")"));
    });
}

void IncidentPanel::showMedia()
{
    if (m_id == 0 || !m_media->isEnabled())
        return;
    auto* dialog = new MediaViewer(m_hub, m_id, m_incident.number, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentPanel::link()
{
    if (m_id == 0 || !m_link->isEnabled())
        return;
    auto* dialog = new LinkDialog(m_hub, m_id, window());
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->open();
}

void IncidentPanel::report(const QString& error)
{
    m_error->setText(error);
}

void IncidentPanel::show(qint64 incidentId)
{
    if (incidentId != m_id) {
        m_contact->clear(); // a revealed contact never carries over to another incident
        m_contact->setProperty("revealedFor", QVariant());
    }
    m_id = incidentId;
    reload();
}

void IncidentPanel::reload()
{
    if (m_id == 0)
        return;
    const int generation = ++m_loadGeneration;
    const qint64 id = m_id;
    m_error->clear();
    whenFinished(this, m_hub.incidents.get(id), [this, generation, id](QFuture<Incident> got) {
        if (generation != m_loadGeneration)
            return;
        try {
            m_incident = got.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
            return;
        }
        const Incident& i = m_incident;
        m_title->setText(tr("%1  P%2  %3").arg(i.number).arg(i.priority).arg(incidentStatusName(i.status)));
        QString details = i.summary.toHtmlEscaped();
        if (!i.location.address.isEmpty())
            details += QStringLiteral("<br>") + i.location.address.toHtmlEscaped();
        if (i.location.point)
            details += QStringLiteral("<br>%1, %2").arg(i.location.point->latitude, 0, 'f', 5).arg(i.location.point->longitude, 0, 'f', 5);
        details += QStringLiteral("<br>") + tr("Received %1 ago by %2")
                                                 .arg(formatDuration(m_hub.clock.nowMs() - i.createdAt), incidentSourceName(i.source));
        if (i.mergedInto != 0)
            details += QStringLiteral("<br>") + tr("Merged into another incident.");
        m_details->setText(details);
        if (m_contact->property("revealedFor").toLongLong() != id)
            m_contact->setText(i.reporterContact.isEmpty() ? tr("No reporter's contact.") : tr("Reporter: %1").arg(i.reporterContact));
        const bool manage = m_hub.session.can(QStringLiteral("hub.incident.manage"));
        m_reveal->setEnabled(!i.reporterContact.isEmpty() && m_hub.session.can(QStringLiteral("hub.incident.contact")));
        m_resolve->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Resolved));
        m_close->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Closed));
        m_cancel->setEnabled(manage && canMoveIncident(i.status, IncidentStatus::Cancelled));
        const bool finished = i.status == IncidentStatus::Closed || i.status == IncidentStatus::Cancelled || i.mergedInto != 0;
        m_edit->setEnabled(manage && !finished);
        m_link->setEnabled(manage);
        m_media->setEnabled(m_hub.session.can(QStringLiteral("hub.video.view")));
        showCamerasNearby(i, generation);

        whenFinished(this, m_hub.incidents.links(id), [this, generation](QFuture<QList<IncidentLink>> links) {
            if (generation != m_loadGeneration)
                return;
            try {
                QStringList shown;
                for (const IncidentLink& l : links.result())
                    shown << tr("%1 %2").arg(linkKindName(l.kind), l.ref);
                m_links->setText(shown.isEmpty() ? QString() : tr("Linked to: %1").arg(shown.join(tr(", "))));
                m_links->setVisible(!shown.isEmpty());
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
        });

        whenFinished(this, m_hub.units.units(), [this, generation, id](QFuture<QList<Unit>> units) {
            if (generation != m_loadGeneration)
                return;
            m_units->clear();
            try {
                const qint64 now = m_hub.clock.nowMs();
                for (const Unit& u : units.result()) {
                    if (u.incidentId != id)
                        continue;
                    auto* item = new QListWidgetItem(tr("%1  %2, %3 for %4")
                                                         .arg(u.callSign, unitKindName(u.kind), unitStatusName(u.status),
                                                              formatDuration(now - u.statusSince)),
                                                     m_units);
                    item->setData(Qt::UserRole, u.callSign);
                }
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
            const bool dispatch = m_hub.session.can(QStringLiteral("hub.unit.dispatch"));
            m_arrived->setEnabled(dispatch && m_units->count() > 0);
            m_clear->setEnabled(dispatch && m_units->count() > 0);
            if (m_units->count() > 0 && !m_units->currentItem())
                m_units->setCurrentRow(0);
        });

        whenFinished(this, m_hub.incidents.categories(), [this, generation, id](QFuture<QList<IncidentCategory>> cats) {
            if (generation != m_loadGeneration)
                return;
            IncidentCategory category;
            try {
                for (const IncidentCategory& c : cats.result()) {
                    if (c.id == m_incident.category)
                        category = c;
                }
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
            whenFinished(this, m_hub.incidents.tickedSteps(id), [this, generation, category](QFuture<QList<int>> ticks) {
                if (generation != m_loadGeneration)
                    return;
                QList<int> done;
                try {
                    done = ticks.result();
                } catch (const std::exception& e) {
                    report(errorOf(e));
                }
                m_filling = true;
                m_playbook->clear();
                for (int s = 0; s < category.playbook.size(); ++s) {
                    auto* item = new QListWidgetItem(category.displayStep(s), m_playbook);
                    item->setData(Qt::UserRole, s);
                    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsSelectable
                                   | (m_hub.session.can(QStringLiteral("hub.incident.manage")) ? Qt::ItemIsUserCheckable : Qt::NoItemFlags));
                    item->setCheckState(done.contains(s) ? Qt::Checked : Qt::Unchecked);
                }
                m_filling = false;
            });
        });

        whenFinished(this, m_hub.incidents.timeline(id), [this, generation, id](QFuture<QList<TimelineEntry>> entries) {
            if (generation != m_loadGeneration)
                return;
            m_timeline->clear();
            try {
                for (const TimelineEntry& e : entries.result()) {
                    const QString when = QLocale().toString(e.at.toLocalTime().time(), QLocale::ShortFormat);
                    auto* item = new QListWidgetItem(tr("%1  %2  %3").arg(when, e.actor, e.text), m_timeline);
                    if (e.incidentId != id)
                        item->setToolTip(tr("From an incident merged into this one"));
                }
                m_timeline->scrollToBottom();
            } catch (const std::exception& e) {
                report(errorOf(e));
            }
            Q_EMIT loaded(id);
        });
    });
}

void IncidentPanel::moveTo(IncidentStatus status)
{
    if (m_id == 0)
        return;
    QString reason;
    if (status == IncidentStatus::Cancelled) {
        bool ok = false;
        reason = QInputDialog::getText(this, tr("Cancel the incident"), tr("Why is it cancelled?"), QLineEdit::Normal, {}, &ok);
        if (!ok)
            return;
    }
    whenFinished(this, m_hub.incidents.moveTo(m_id, status, reason), [this](QFuture<Incident> f) {
        try {
            f.result();
        } catch (const std::exception& e) {
            report(errorOf(e));
        }
    });
}

void IncidentPanel::reveal()
{
    bool ok = false;
    const QString reason = QInputDialog::getText(this, tr("Reveal the reporter's contact"),
                                                 tr("Why do you need it? The reason goes on record with your name."),
                                                 QLineEdit::Normal, {}, &ok);
    if (!ok)
        return;
    const qint64 id = m_id;
    whenFinished(this, m_hub.incidents.revealContact(id, reason), [this, id](QFuture<QString> f) {
        try {
            const QString contact = f.result();
            if (id == m_id) {
                m_contact->setText(tr("Reporter: %1 (revealed, on record)").arg(contact));
                m_contact->setProperty("revealedFor", id);
            }
        } catch (const std::exception& e) {
            report(errorOf(e));
        }
    });
}

} // namespace hexhub::hub
