#pragma once

#include "module/module.h"

namespace hexhub::politicalsecurity {

/*!
 * Political security joint control: security for major events and protected sites: plans, perimeters, posts, joint agencies, live event picture.
 * This first version brings the module's schema and permissions; its screens arrive with later work.
 */
class PoliticalSecurityModule final : public QObject, public hexhub::Module
{
    Q_OBJECT
    Q_PLUGIN_METADATA(IID "org.hexhub.Module/1" FILE "../political_security.json")
    Q_INTERFACES(hexhub::Module)
public:
    bool initialize(ModuleContext& context, QString& error) override;
    QString displayName() const override;
    QString displayDescription() const override;
};

} // namespace hexhub::politicalsecurity
