#include "incidentboard.h"
#include "viewsupport.h"
#include "incidentpanel.h"

#include "base/clock.h"
#include "dispatchdialog.h"
#include "bus/eventbus.h"
#include "incidentedit.h"
#include "incidentform.h"
#include "mediaviewer.h"
#include "recordtable.h"
#include "security/session.h"
#include "sqlpagemodel.h"
#include "store/store.h"
#include "base/whenfinished.h"

#include <QComboBox>
#include <QHeaderView>
#include <QInputDialog>
#include <QLineEdit>
#include <QLocale>
#include <QTableView>
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

    // The record table + detail pattern (hexhub-widgets): the paged table, its filter bar and count,
    // the selected incident beside it.
    m_records = new RecordTable(hub.store, this);
    m_model = m_records->model();
    m_table = m_records->table();
    m_search = m_records->search();
    m_records->setTableName(QStringLiteral("board"));
    m_records->setSearchPlaceholder(tr("Search summary, address, notes, or an incident number (Ctrl+F)"));

    QList<std::pair<QString, QVariant>> statuses{{tr("Open"), QStringLiteral("open")}, {tr("Any status"), QString()}};
    for (IncidentStatus s : {IncidentStatus::New, IncidentStatus::Dispatched, IncidentStatus::OnScene, IncidentStatus::Resolved,
                             IncidentStatus::Closed, IncidentStatus::Cancelled})
        statuses.append({incidentStatusName(s), incidentStatusId(s)});
    m_status = m_records->addFilter(QStringLiteral("status"), statuses);
    QList<std::pair<QString, QVariant>> priorities{{tr("Any priority"), 0}};
    for (int p = 1; p <= 4; ++p)
        priorities.append({tr("P%1").arg(p), p});
    m_priority = m_records->addFilter(QStringLiteral("priority"), priorities);
    // The categories come from the taxonomy, below.
    m_category = m_records->addFilter(QStringLiteral("category"), {{tr("Any category"), QString()}});
    QList<std::pair<QString, QVariant>> centreItems{{tr("Any centre"), QString()}};
    for (const auto& [id, name] : centres())
        centreItems.append({name, id});
    m_centre = m_records->addFilter(QStringLiteral("centre"), centreItems);
    m_time = m_records->addFilter(QStringLiteral("time"), {{tr("Any time"), qint64(0)},
                                                          {tr("Last hour"), qint64(3600) * 1000},
                                                          {tr("Last 24 hours"), qint64(24) * 3600 * 1000},
                                                          {tr("Last 7 days"), qint64(7) * 24 * 3600 * 1000}});
    m_records->setCountText([](int rows) { return tr("%n incident(s)", nullptr, rows); });

    m_panel = new IncidentPanel(hub, this);
    m_records->setDetail(m_panel, 300);

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_records);

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
    // The places a call-taker types are found from the first call on: the address index is built in
    // the background once the board's first rows are in, not at the desk's start and not at F2.
    connect(m_model, &SqlPageModel::ready, this, [this] { m_hub.addressIndex(); }, Qt::SingleShotConnection);
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

    connect(m_records, &RecordTable::filtersChanged, this, &IncidentBoard::applyFilter);
    connect(m_records, &RecordTable::currentRecordChanged, this, [this](qint64 id) {
        if (id != m_panel->incidentId())
            m_panel->show(id);
    });
    // Enter or a double click opens the incident: the keyboard goes to its timeline.
    connect(m_records, &RecordTable::recordActivated, this, [this] { m_panel->timeline()->setFocus(); });

    // Ages and response targets tick on the Clock; only the visible cells repaint.
    m_records->setLiveCells(true);

    // Other desks' and this desk's changes arrive on the bus: refresh, a few at a time.
    reloadOnEvents(m_hub.bus, this, {QStringLiteral("incident."), QStringLiteral("unit."), QStringLiteral("task."), QStringLiteral("media.")}, 300, [this] {
        m_model->refresh();
        m_panel->reload();
    });

    // Keys. F2 is the hub's window-wide command; these belong to the board (Ctrl+F, F5 and Enter
    // are the record table's).
    m_records->addRowKey(QKeySequence(Qt::Key_D), [this] { dispatchCurrent(); });
    m_records->addRowKey(QKeySequence(Qt::Key_N), [this] { noteCurrent(); });
    m_records->addRowKey(QKeySequence(Qt::Key_E), [this] { editCurrent(); });
    m_records->addRowKey(QKeySequence(Qt::Key_I), [this] { sendCurrentToIntelligence(); });

    whenFinished(this, m_hub.incidents.categories(), [this](QFuture<QList<IncidentCategory>> done) {
        try {
            for (const IncidentCategory& c : done.result()) {
                m_categoryNames.insert(c.id, c.displayName());
                m_category->addItem(c.displayName(), c.id);
            }
            m_table->viewport()->update();
        } catch (const std::exception& e) {
            m_records->say(tr("Cannot read the categories: %1").arg(errorOf(e)));
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
    m_records->updateCount();
}

qint64 IncidentBoard::currentIncident() const
{
    return m_records->currentRecord();
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
                         m_records->say(tr("There is no incident %1.").arg(number));
                     }
                 });
    return true;
}

void IncidentBoard::selectIncident(qint64 id)
{
    m_records->selectRecord(id);
    if (m_records->pendingRecord() == id)
        m_panel->show(id); // shown now; its row comes with the next read
}

void IncidentBoard::newIncident()
{
    auto* form = new IncidentForm(m_hub, window());
    form->setAttribute(Qt::WA_DeleteOnClose);
    connect(form, &IncidentForm::created, this, [this](qint64 id) {
        m_records->selectRecord(id);
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
                m_records->say(errorOf(e));
            }
        });
    });
    connect(input, &QDialog::finished, m_table, qOverload<>(&QWidget::setFocus));
    input->open();
}

void IncidentBoard::sendCurrentToIntelligence()
{
    const qint64 id = currentIncident();
    if (id == 0)
        return;
    const auto note = askReason(window(), tr("Send to criminal intelligence"),
                                tr("What should criminal intelligence look at? The incident becomes its lead, linked here."));
    m_table->setFocus();
    if (!note)
        return;
    whenFinished(this, m_hub.incidents.sendToIntelligence(id, *note), [this](QFuture<void> done) {
        try {
            done.waitForFinished();
            m_records->say(tr("Sent to criminal intelligence as a lead."));
        } catch (const std::exception& e) {
            m_records->say(errorOf(e));
        }
    });
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
