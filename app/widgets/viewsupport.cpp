#include "viewsupport.h"

#include "widgetstr.h"

#include "bus/eventbus.h"

#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QLineEdit>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace hexhub {

using widgets::Tr;

QString formatDuration(qint64 ms)
{
    const qint64 minutes = std::max<qint64>(0, ms) / 60000;
    if (minutes < 60)
        return Tr::tr("%1 min").arg(minutes);
    if (minutes < 48 * 60)
        return Tr::tr("%1 h %2 min").arg(minutes / 60).arg(minutes % 60, 2, 10, QLatin1Char('0'));
    return Tr::tr("%1 d %2 h").arg(minutes / (24 * 60)).arg((minutes / 60) % 24);
}

void reloadOnEvents(EventBus& bus, QObject* owner, const QStringList& prefixes, int delayMs, std::function<void()> reload)
{
    auto* timer = new QTimer(owner);
    timer->setSingleShot(true);
    timer->setInterval(delayMs);
    QObject::connect(timer, &QTimer::timeout, owner, std::move(reload));
    bus.subscribe(QStringLiteral("*"), owner, [timer, prefixes](const Event& e) {
        for (const QString& prefix : prefixes) {
            if (e.topic.startsWith(prefix)) {
                if (!timer->isActive())
                    timer->start();
                return;
            }
        }
    });
}

std::optional<QString> askReason(QWidget* parent, const QString& title, const QString& question)
{
    QDialog dialog(parent);
    dialog.setObjectName(QStringLiteral("reasonDialog"));
    dialog.setWindowTitle(title);
    auto* layout = new QVBoxLayout(&dialog);
    auto* label = new QLabel(question, &dialog);
    label->setWordWrap(true);
    auto* reason = new QLineEdit(&dialog);
    reason->setObjectName(QStringLiteral("reason"));
    reason->setPlaceholderText(Tr::tr("At least five characters; it goes on record"));
    label->setBuddy(reason);
    auto* buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
    buttons->button(QDialogButtonBox::Ok)->setEnabled(false);
    QObject::connect(reason, &QLineEdit::textChanged, &dialog,
                     [buttons](const QString& text) { buttons->button(QDialogButtonBox::Ok)->setEnabled(text.trimmed().size() >= 5); });
    QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    // Enter in the field takes the reason once it is long enough (not left to which button is default).
    QObject::connect(reason, &QLineEdit::returnPressed, &dialog, [&dialog, reason] {
        if (reason->text().trimmed().size() >= 5)
            dialog.accept();
    });
    buttons->button(QDialogButtonBox::Ok)->setAutoDefault(false);
    buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
    QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    layout->addWidget(label);
    layout->addWidget(reason);
    layout->addWidget(buttons);
    dialog.resize(std::max(420, dialog.sizeHint().width()), dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted || reason->text().trimmed().size() < 5)
        return std::nullopt;
    return reason->text().trimmed();
}

void askReportPath(QWidget* parent, QObject* context, const QString& title, const QString& proposed,
                   std::function<void(const QString& path)> chosen)
{
    auto* dialog = new QFileDialog(parent, title);
    dialog->setObjectName(QStringLiteral("reportDialog"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setAcceptMode(QFileDialog::AcceptSave);
    dialog->setNameFilter(Tr::tr("PDF files (*.pdf)"));
    dialog->setDefaultSuffix(QStringLiteral("pdf"));
    dialog->setOption(QFileDialog::DontUseNativeDialog);
    dialog->selectFile(proposed);
    QObject::connect(dialog, &QFileDialog::fileSelected, context, std::move(chosen));
    dialog->open();
}

void sayWhenReportWritten(QLabel* message, const QString& path, const QFuture<int>& written)
{
    message->setText(Tr::tr("Writing the report..."));
    whenFinished(message, written, [message, path](QFuture<int> done) {
        try {
            message->setText(Tr::tr("Report saved: %1 (%n page(s))", nullptr, done.result()).arg(QDir::toNativeSeparators(path)));
        } catch (const std::exception& ex) {
            message->setText(Tr::tr("The report was not saved: %1").arg(QString::fromUtf8(ex.what())));
        }
    });
}

} // namespace hexhub
