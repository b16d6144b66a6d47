#pragma once

#include <QImage>
#include <QSize>
#include <QString>
#include <QStringList>
#include <memory>

class QPainter;

namespace hexhub::detail {

/*!
 * One picture a SyntheticFeed can show. Scenes draw in a 640x360 design space scaled to the feed's
 * size; what never moves is drawn once in prepare(), so a frame is one copy plus a few shapes.
 */
class SyntheticScene
{
public:
    virtual ~SyntheticScene() = default;

    /*!
     * Draws the still parts for frames of `size`; called before the first frame. `seed` varies the
     * buildings, the colours and where things are, so two cameras on one scene differ.
     */
    virtual void prepare(QSize size, quint32 seed) = 0;
    //! Draws the whole frame at `seconds` since the feed started, over every pixel of the canvas.
    virtual void paint(QPainter& painter, double seconds) const = 0;
};

//! The scenes by name: street, rooftop, drone.
QStringList syntheticSceneNames();
//! A scene by name, or nothing for an unknown one.
std::unique_ptr<SyntheticScene> makeSyntheticScene(const QString& name);

} // namespace hexhub::detail
