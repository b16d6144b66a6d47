#pragma once

#include "hubcontext.h"

#include <QWidget>

class QLabel;
class QTimer;

namespace hexhub {
class MapView;
}

namespace hexhub::hub {

/*!
 * The hub's map: the synthetic district, every open incident with a position (by priority) and
 * every unit with a known position (by status), live on hub events. Clicking an incident opens it
 * on the board.
 */
class HubMap final : public QWidget
{
    Q_OBJECT
public:
    HubMap(HubContext& hub, QWidget* parent = nullptr);
    ~HubMap() override;

    MapView* map() const { return m_map; }
    void reload();
    bool isLoaded() const { return m_loaded; }

Q_SIGNALS:
    void incidentActivated(qint64 id);
    void loaded();

protected:
    void resizeEvent(QResizeEvent* event) override;

private:
    HubContext& m_hub;
    MapView* m_map;
    QLabel* m_legend;
    bool m_loaded = false;
    bool m_busy = false;
    bool m_again = false;
    bool m_fitted = false;
};

} // namespace hexhub::hub
