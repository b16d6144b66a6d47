#pragma once

#include <QWidget>

namespace hexhub {
struct ModuleSpec;
struct ViewFactory;
} // namespace hexhub

namespace hexhub::shell {

/*!
 * A module's front page in the main window: what the module is for, its state, and the screens it
 * offers. Modules with their own central view show that instead.
 */
class ModuleOverview final : public QWidget
{
    Q_OBJECT
public:
    ModuleOverview(const ModuleSpec& spec, const QList<ViewFactory>& views, QWidget* parent = nullptr);
};

} // namespace hexhub::shell
