#pragma once
// The centre's dialogs' frame, shared by the leads desk and the investigations page.
#include "messageline.h"
#include "viewsupport.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

#include <functional>

namespace hexhub::criminalintel {

//! A dialog's frame: a form, a message line and OK/Cancel (OK runs `save`, which closes it when saved).
struct FormDialog
{
    QDialog dialog;
    QFormLayout* form;
    QLabel* message;
    QDialogButtonBox* buttons;

    FormDialog(QWidget* parent, const QString& name, const QString& title)
        : dialog(parent)
    {
        dialog.setObjectName(name);
        dialog.setWindowTitle(title);
        auto* layout = new QVBoxLayout(&dialog);
        form = new QFormLayout;
        layout->addLayout(form);
        message = new QLabel(&dialog);
        makeMessageLine(message, QStringLiteral("message"));
        layout->addWidget(message);
        buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, &dialog);
        // Enter saves from any field but the details' text (OK is the default button), Esc cancels.
        buttons->button(QDialogButtonBox::Ok)->setDefault(true);
        buttons->button(QDialogButtonBox::Cancel)->setAutoDefault(false);
        QObject::connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
        layout->addWidget(buttons);
    }
    QLineEdit* line(const QString& name, const QString& label, const QString& placeholder = {})
    {
        auto* edit = new QLineEdit(&dialog);
        edit->setObjectName(name);
        edit->setPlaceholderText(placeholder);
        form->addRow(label, edit);
        return edit;
    }
    QComboBox* choice(const QString& name, const QString& label)
    {
        auto* box = new QComboBox(&dialog);
        box->setObjectName(name);
        form->addRow(label, box);
        return box;
    }
    //! OK (or Enter) runs `save`; the dialog stays open with the reason when it fails.
    template <typename T>
    bool run(std::function<QFuture<T>()> save)
    {
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [this, save] {
            message->clear();
            message->hide();
            closeWhenSaved(&dialog, buttons, message, save());
        });
        dialog.resize(std::max(480, dialog.sizeHint().width()), dialog.sizeHint().height());
        return dialog.exec() == QDialog::Accepted;
    }
};


} // namespace hexhub::criminalintel
