#pragma once
// A module's form dialog, filled from the keyboard: the fields in a form, a message line saying why a
// save failed, OK and Cancel. Enter saves from any one-line field (OK is the default button), Esc
// cancels; the dialog stays open with the service's reason when the save fails, and closes once it
// is done (closeWhenSaved()). Shared by the centres' desks.
#include "messageline.h"
#include "viewsupport.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QFuture>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QSpinBox>
#include <QVBoxLayout>
#include <algorithm>
#include <functional>

namespace hexhub {

struct FormDialog
{
    QDialog dialog;
    QFormLayout* form;
    QLabel* message;
    QDialogButtonBox* buttons;
    //! After run(): the command was kept on the desk while the server is away, not done yet.
    bool queued = false;

    //! `name` is the dialog's object name (tests and the keyboard harness find it by it).
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
    //! A check box; with an empty `label` it stands under the fields with its text beside it.
    QCheckBox* check(const QString& name, const QString& text, const QString& label = {})
    {
        auto* box = new QCheckBox(text, &dialog);
        box->setObjectName(name);
        if (label.isEmpty())
            form->addRow(QString(), box);
        else
            form->addRow(label, box);
        return box;
    }
    QSpinBox* number(const QString& name, const QString& label, int minimum, int maximum, const QString& suffix = {})
    {
        auto* spin = new QSpinBox(&dialog);
        spin->setObjectName(name);
        spin->setRange(minimum, maximum);
        spin->setSuffix(suffix);
        form->addRow(label, spin);
        return spin;
    }
    //! OK (or Enter) closes it, nothing saved: the caller reads the fields (a choice to make, not a record to save).
    bool ask()
    {
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
        dialog.resize(std::max(480, dialog.sizeHint().width()), dialog.sizeHint().height());
        return dialog.exec() == QDialog::Accepted;
    }
    //! OK (or Enter) runs `save`; the dialog stays open with the reason when it fails (`queued` says
    //! whether what closed it was only kept on the desk while the server is away).
    template <typename T> bool run(std::function<QFuture<T>()> save)
    {
        QObject::connect(buttons, &QDialogButtonBox::accepted, &dialog, [this, save] {
            message->clear();
            message->hide();
            closeWhenSaved(&dialog, buttons, message, save(), &queued);
        });
        dialog.resize(std::max(480, dialog.sizeHint().width()), dialog.sizeHint().height());
        return dialog.exec() == QDialog::Accepted;
    }
};

} // namespace hexhub
