#include "incidentboard.h"
#include "incidentpanel.h"

#include "base/clock.h"
#include "dispatchdialog.h"
#include "bus/eventbus.h"
#include "incidentedit.h"
#include "incidentform.h"
#include "mediaviewer.h"
#include "security/session.h"
#include "sqlpagemodel.h"
#include "store/store.h"
#include "base/whenfinished.h"

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
    if (Incident::isValidNumber(text)) {
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

bool IncidentBoard::openNumber(const QString& number)
{
    if (!Incident::isValidNumber(number))
        return false;
    whenFinished(this, m_hub.store.read([number](Sql& sql) {
                     return sql.scalar(QStringLiteral("SELECT id FROM hub_incidents WHERE number = ?"), {number}).toLongLong();
                 }),
                 [this, number](const QFuture<qint64>& found) {
                     qint64 id = 0;
                     try {
                         id = found.result();
                     } catch (const std::exception&) {
                     }
                     if (id > 0) {
                         selectIncident(id);
                         m_table->setFocus();
                     } else {
                         m_count->setText(tr("There is no incident %1.").arg(number));
                     }
                 });
    return true;
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

} // namespace hexhub::hub
