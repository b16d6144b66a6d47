#include "railbadges.h"

#include "modulerail.h"

#include "base/whenfinished.h"
#include "bus/eventbus.h"
#include "module/modulemanager.h"
#include "module/platform.h"
#include "security/session.h"
#include "store/store.h"

#include <QTimer>

namespace hexhub::shell {

namespace {

// Events come in bursts (a dispatch publishes several): one count after the burst, not one each.
constexpr int kSettleMs = 150;

} // namespace

RailBadges::RailBadges(Platform& platform, ModuleRail& rail, QObject* parent)
    : QObject(parent)
    , m_platform(platform)
    , m_rail(rail)
{
    for (const ModuleSpec* spec : platform.modules().loadOrder()) {
        if (!spec->context || !spec->context->railBadge().isValid())
            continue;
        const QString id = spec->id;
        auto* timer = new QTimer(this);
        timer->setSingleShot(true);
        timer->setInterval(kSettleMs);
        connect(timer, &QTimer::timeout, this, [this, id] { refresh(id); });
        m_pending.insert(id, timer);
        for (const QString& pattern : spec->context->railBadge().refreshOn)
            platform.bus().subscribe(pattern, this, [timer](const Event&) { timer->start(); });
    }
    connect(&platform.session(), &Session::changed, this, &RailBadges::refreshAll);
    connect(&platform.store(), &Store::stateChanged, this, [this](Store::State state) {
        if (state == Store::State::Open)
            refreshAll();
    });
    refreshAll();
}

void RailBadges::refreshAll()
{
    for (auto it = m_pending.cbegin(); it != m_pending.cend(); ++it) {
        it.value()->stop();
        refresh(it.key());
    }
}

void RailBadges::refresh(const QString& moduleId)
{
    const ModuleSpec* spec = m_platform.modules().module(moduleId);
    if (!spec || !spec->context)
        return;
    const Principal viewer = m_platform.session().principal();
    const quint64 generation = ++m_generation[moduleId];
    if (!viewer.isValid()) {
        m_rail.setBadge(moduleId, 0);
        return;
    }
    if (m_platform.store().state() != Store::State::Open)
        return; // read again when it is
    const auto count = spec->context->railBadge().count;
    whenFinished(this, m_platform.store().read([count, viewer](Sql& sql) { return count(sql, viewer); }),
                 [this, moduleId, generation](const QFuture<int>& future) {
                     if (m_generation.value(moduleId) != generation)
                         return; // a newer count is on its way
                     int value = 0;
                     try {
                         value = future.result();
                     } catch (...) {
                         return; // the store went away: the next refresh says it
                     }
                     m_rail.setBadge(moduleId, value);
                     ++m_applied;
                     Q_EMIT updated(moduleId, value);
                 });
}

} // namespace hexhub::shell
