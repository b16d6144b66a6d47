#include "moduleoverview.h"

#include "shelltr.h"

#include "module/module.h"
#include "module/modulemanager.h"

#include <QLabel>
#include <QVBoxLayout>

namespace hexhub::shell {

ModuleOverview::ModuleOverview(const ModuleSpec& spec, const QList<ViewFactory>& views, QWidget* parent)
    : QWidget(parent)
{
    setObjectName(QStringLiteral("overview-") + spec.id);
    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(32, 28, 32, 28);
    layout->setSpacing(10);

    const QString name = spec.instance && !spec.instance->displayName().isEmpty() ? spec.instance->displayName()
                                                                                : spec.metadata.name;
    const QString description = spec.instance && !spec.instance->displayDescription().isEmpty()
                                    ? spec.instance->displayDescription()
                                    : spec.metadata.description;
    auto* title = new QLabel(name, this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.8);
    big.setBold(true);
    title->setFont(big);
    title->setStyleSheet(QStringLiteral("color: %1").arg(spec.metadata.colour));
    title->setWordWrap(true);
    layout->addWidget(title);

    auto* about = new QLabel(description, this);
    about->setWordWrap(true);
    layout->addWidget(about);

    QString stateText;
    switch (spec.state) {
    case ModuleSpec::State::Loaded:
        stateText = Tr::tr("loaded");
        break;
    case ModuleSpec::State::Failed:
        stateText = Tr::tr("failed: %1").arg(spec.reason);
        break;
    case ModuleSpec::State::Disabled:
        stateText = Tr::tr("disabled");
        break;
    case ModuleSpec::State::Discovered:
        stateText = Tr::tr("not loaded");
        break;
    }
    auto* state = new QLabel(Tr::tr("Version %1 · %2").arg(spec.metadata.version, stateText), this);
    state->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(state);

    auto* screens = new QLabel(this);
    screens->setWordWrap(true);
    QStringList titles;
    for (const ViewFactory& v : views)
        titles << (v.translatedTitle ? v.translatedTitle() : v.title);
    screens->setText(titles.isEmpty() ? Tr::tr("This module offers no screens in this version.")
                                      : Tr::tr("Screens: %1").arg(titles.join(QStringLiteral(", "))));
    layout->addSpacing(12);
    layout->addWidget(screens);
    layout->addStretch();
}

} // namespace hexhub::shell
