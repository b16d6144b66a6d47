#include "messageline.h"

#include <QLabel>
#include <QPalette>
#include <QString>

namespace hexhub {

void makeMessageLine(QLabel* label, const QString& objectName)
{
    label->setObjectName(objectName);
    label->setWordWrap(true);
    label->setForegroundRole(QPalette::BrightText);
    label->setTextInteractionFlags(Qt::TextSelectableByMouse);
    label->hide();
}

} // namespace hexhub
