#include "hubcontext.h"

#include <QColor>
#include <QCoreApplication>
#include <QFile>
#include <QLoggingCategory>
#include <QRegularExpression>
#include <QTimer>

#include "base/background.h"
#include "bus/eventbus.h"
#include "store/sql.h"
#include "store/store.h"

#include <QSqlQuery>

namespace hexhub::hub {

namespace {

struct HubTr
{
    Q_DECLARE_TR_FUNCTIONS(hexhub::hub::HubContext)
};

Q_LOGGING_CATEGORY(lcRoads, "hexhub.hub.roads", QtInfoMsg)

// Runs on a pool thread: reads the district map (compiled into hexhub-widgets) and builds its
// streets. Null, said in the log, when that fails; never an exception.
std::shared_ptr<const RoadGraph> buildDistrictRoads()
{
    const char* why = "no road graph, travel times in straight lines:";
    QFile file(QStringLiteral(":/hexhub/district/district.geojson"));
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcRoads) << why << "cannot read" << file.fileName() << file.errorString();
        return nullptr;
    }
    try {
        QString error;
        std::optional<RoadGraph> graph = RoadGraph::fromGeoJson(file.readAll(), &error);
        if (!graph) {
            qCWarning(lcRoads) << why << error;
            return nullptr;
        }
        return std::make_shared<const RoadGraph>(std::move(*graph));
    } catch (const std::exception& e) { // out of memory, say
        qCWarning(lcRoads) << why << e.what();
        return nullptr;
    }
}

} // namespace

std::shared_ptr<const RoadGraph> HubContext::districtRoads()
{
    if (!m_districtRoadsStarted) {
        m_districtRoadsStarted = true;
        m_districtRoads = runInBackground(&buildDistrictRoads);
    }
    return m_districtRoads.isFinished() ? m_districtRoads.result() : nullptr;
}

std::shared_ptr<const AddressIndex> HubContext::builtAddressIndex()
{
    if (m_addressIndexStarted && m_addressIndex.isFinished() && m_addressIndex.result())
        m_builtAddressIndex = m_addressIndex.result();
    return m_builtAddressIndex;
}

QFuture<std::shared_ptr<const AddressIndex>> HubContext::addressIndex()
{
    if (m_addressIndexStarted && !m_addressIndex.isFinished())
        return m_addressIndex; // being built: a stale mark waits for the next call after it
    builtAddressIndex();
    const bool failed = m_addressIndexStarted && !m_addressIndex.result();
    if (m_addressIndexStarted && !m_addressIndexStale && !failed)
        return m_addressIndex;
    m_addressIndexStarted = true;
    m_addressIndexStale = false;
    Store* s = &store;
    m_addressIndex = runInBackground([s]() -> std::shared_ptr<const AddressIndex> {
        QFile file(QStringLiteral(":/hexhub/district/district.geojson"));
        if (!file.open(QIODevice::ReadOnly)) {
            qCWarning(lcRoads) << "no address index, places typed are not found:" << file.fileName() << file.errorString();
            return nullptr;
        }
        QString error;
        std::optional<AddressIndex> index;
        try {
            index = AddressIndex::fromGeoJson(file.readAll(), &error);
        } catch (const std::exception& e) { // out of memory, say
            error = QString::fromUtf8(e.what());
        }
        if (!index) {
            qCWarning(lcRoads) << "no address index, places typed are not found:" << error;
            return nullptr;
        }
        // Earlier incidents' places, as well as they can be read: the map's places without them.
        try {
            const QList<std::pair<QString, GeoPoint>> known = s->read([](Sql& sql) {
                QList<std::pair<QString, GeoPoint>> places;
                QSqlQuery q = sql.exec(QStringLiteral("SELECT address, latitude, longitude FROM hub_incidents "
                                                      "WHERE latitude IS NOT NULL AND address IS NOT NULL AND address <> '' "
                                                      "ORDER BY id DESC LIMIT 50000"));
                while (q.next())
                    places.append({q.value(0).toString(), GeoPoint{q.value(1).toDouble(), q.value(2).toDouble()}});
                return places;
            }).result();
            for (const auto& [address, point] : known)
                index->addKnownPlace(address, point);
        } catch (const std::exception& e) {
            qCWarning(lcRoads) << "the address index has the map's places only; earlier incidents cannot be read:" << e.what();
        }
        index->finish();
        return std::make_shared<const AddressIndex>(std::move(*index));
    });
    return m_addressIndex;
}

QList<QPair<QString, QString>> centres()
{
    return {
        {QStringLiteral("hub"), HubTr::tr("Hub")},
        {QStringLiteral("political_security"), HubTr::tr("Political security joint control")},
        {QStringLiteral("basic_control"), HubTr::tr("Basic control")},
        {QStringLiteral("criminal_intel"), HubTr::tr("Criminal intelligence")},
        {QStringLiteral("bigdata_investigation"), HubTr::tr("Big-data investigation")},
        {QStringLiteral("case_management"), HubTr::tr("Case management")},
        {QStringLiteral("supervision"), HubTr::tr("Supervision")},
    };
}


QColor priorityColour(int priority)
{
    switch (priority) {
    case 1:
        return QColor(0xd6, 0x30, 0x31);
    case 2:
        return QColor(0xe6, 0x7e, 0x22);
    case 3:
        return QColor(0x2e, 0x86, 0xde);
    default:
        return QColor(0x8a, 0x93, 0x9b);
    }
}

std::optional<GeoPoint> parsePosition(const QString& text)
{
    static const QRegularExpression re(QStringLiteral("^\\s*(-?\\d+(?:\\.\\d+)?)\\s*[,\uFF0C\\s]\\s*(-?\\d+(?:\\.\\d+)?)\\s*$"));
    const auto match = re.match(text);
    if (!match.hasMatch())
        return std::nullopt;
    const GeoPoint point{match.captured(1).toDouble(), match.captured(2).toDouble()};
    if (!point.isValid())
        return std::nullopt;
    return point;
}


} // namespace hexhub::hub
