#pragma once

#include <QFrame>
#include <QPointer>

class QHBoxLayout;
class QLabel;

namespace hexhub::shell {

/*!
 * The strip that says a window shows training data: "Training - synthetic data", in the desk's
 * language, on a hazard-amber band nobody can take for a live desk. Extra controls (the demo's role
 * switcher) can sit at its right end.
 */
class TrainingStrip final : public QFrame
{
    Q_OBJECT
public:
    explicit TrainingStrip(QWidget* parent = nullptr);

    QString text() const;
    //! Adds a control at the strip's right end.
    void addWidget(QWidget* widget);

protected:
    void changeEvent(QEvent* event) override;
    void paintEvent(QPaintEvent* event) override;

private:
    void retranslate();

    QLabel* m_label;
    QHBoxLayout* m_row;
};

/*!
 * Puts a TrainingStrip on every window the application shows while it lives (demo mode): main
 * windows above their menu, dialogs and other windows with a vertical layout at its top, the rest
 * (torn-off panels, video tiles) as a band over their top edge. Menus, tooltips and other popups are
 * left alone. Installed on the application as an event filter.
 */
class TrainingBanner final : public QObject
{
    Q_OBJECT
public:
    explicit TrainingBanner(QObject* parent = nullptr);
    ~TrainingBanner() override;

    //! The strip on `window`, or null.
    static TrainingStrip* stripOf(const QWidget* window);
    //! Puts the strip on `window` now (idempotent); false for windows that take none (popups).
    bool attach(QWidget* window);

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;
};

} // namespace hexhub::shell
