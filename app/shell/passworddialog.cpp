#include "passworddialog.h"

#include "shelltr.h"

#include "messageline.h"

#include "base/whenfinished.h"
#include "security/accesscontrol.h"
#include "security/password.h"

#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace hexhub::shell {

PasswordDialog::PasswordDialog(Mode mode, AccessControl& access, const QString& userName,
                               const QString& displayName, QWidget* parent)
    : QDialog(parent)
    , m_mode(mode)
    , m_access(access)
    , m_userName(userName)
    , m_command(CommandId::make())
    , m_new(new QLineEdit(this))
    , m_repeat(new QLineEdit(this))
    , m_hint(new QLabel(this))
    , m_error(new QLabel(this))
    , m_busyLabel(new QLabel(Tr::tr("Setting the password..."), this))
    , m_buttons(new QDialogButtonBox(QDialogButtonBox::Cancel, this))
    , m_set(nullptr)
{
    const bool reset = mode == Mode::Reset;
    setObjectName(reset ? QStringLiteral("resetPasswordDialog") : QStringLiteral("changePasswordDialog"));
    setWindowTitle(reset ? Tr::tr("Reset password") : Tr::tr("Change my password"));
    setMinimumWidth(460);
    const QString who = displayName.isEmpty() || displayName == userName
                            ? userName
                            : Tr::tr("%1 (%2)").arg(displayName, userName);

    auto* layout = new QVBoxLayout(this);
    auto* intro = new QLabel(
        reset ? Tr::tr("A new password for %1. From now on they sign in with it; give it to them "
                       "in person, and they can change it at their desk.")
                    .arg(who)
              : Tr::tr("The password you sign in with as %1. Type the current one first.").arg(who),
        this);
    intro->setObjectName(QStringLiteral("intro"));
    intro->setWordWrap(true);
    layout->addWidget(intro);

    auto* form = new QFormLayout;
    if (!reset) {
        m_current = new QLineEdit(this);
        m_current->setObjectName(QStringLiteral("currentPassword"));
        m_current->setEchoMode(QLineEdit::Password);
        form->addRow(Tr::tr("&Current password:"), m_current);
    }
    m_new->setObjectName(QStringLiteral("newPassword"));
    m_new->setEchoMode(QLineEdit::Password);
    form->addRow(Tr::tr("&New password:"), m_new);
    m_repeat->setObjectName(QStringLiteral("repeatPassword"));
    m_repeat->setEchoMode(QLineEdit::Password);
    form->addRow(Tr::tr("&Repeat the new password:"), m_repeat);
    layout->addLayout(form);

    auto* rules = new QLabel(
        Tr::tr("At least 12 characters and three of: lower-case letters, upper-case letters, digits, "
               "symbols; not the user name, not a well-known password."),
        this);
    rules->setWordWrap(true);
    rules->setForegroundRole(QPalette::PlaceholderText);
    layout->addWidget(rules);
    makeMessageLine(m_hint, QStringLiteral("hint"));
    layout->addWidget(m_hint);
    makeMessageLine(m_error, QStringLiteral("error"));
    layout->addWidget(m_error);
    m_busyLabel->setObjectName(QStringLiteral("busy"));
    m_busyLabel->hide();
    layout->addWidget(m_busyLabel);

    m_set = m_buttons->addButton(reset ? Tr::tr("&Set password") : Tr::tr("&Change password"),
                                 QDialogButtonBox::AcceptRole);
    m_set->setObjectName(QStringLiteral("setPassword"));
    m_set->setDefault(true);
    layout->addWidget(m_buttons);

    connect(m_buttons, &QDialogButtonBox::accepted, this, &PasswordDialog::accept);
    connect(m_buttons, &QDialogButtonBox::rejected, this, &PasswordDialog::reject);
    connect(m_new, &QLineEdit::textChanged, this, [this] {
        m_command = CommandId::make(); // another password is another command
        updateHint();
    });
    connect(m_repeat, &QLineEdit::textChanged, this, &PasswordDialog::updateHint);
    updateHint();
    (m_current ? m_current : m_new)->setFocus();
}

QString PasswordDialog::hint() const
{
    return m_hint->isHidden() ? QString() : m_hint->text();
}

QString PasswordDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void PasswordDialog::updateHint()
{
    // The checker's verdict as the new password is typed (the service checks again); whether the two
    // agree once the second is as long as the first.
    QString hint;
    if (!m_new->text().isEmpty())
        hint = PasswordHasher::weakness(m_new->text(), m_userName);
    if (hint.isEmpty() && m_repeat->text().size() >= m_new->text().size() && !m_repeat->text().isEmpty() &&
        m_repeat->text() != m_new->text())
        hint = Tr::tr("The two passwords differ.");
    m_hint->setText(hint);
    m_hint->setVisible(!hint.isEmpty());
    m_error->hide();
}

void PasswordDialog::setBusy(bool busy)
{
    m_busy = busy;
    m_busyLabel->setVisible(busy);
    m_buttons->setEnabled(!busy);
    for (QLineEdit* edit : {m_current, m_new, m_repeat}) {
        if (edit)
            edit->setReadOnly(busy);
    }
}

void PasswordDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void PasswordDialog::accept()
{
    if (m_busy)
        return;
    showError({});
    if (m_current && m_current->text().isEmpty()) {
        showError(Tr::tr("Type your current password first."));
        m_current->setFocus();
        return;
    }
    if (const QString weak = PasswordHasher::weakness(m_new->text(), m_userName); !weak.isEmpty()) {
        showError(weak);
        m_new->setFocus();
        return;
    }
    if (m_new->text() != m_repeat->text()) {
        showError(Tr::tr("The two passwords differ."));
        m_repeat->setFocus();
        m_repeat->selectAll();
        return;
    }
    setBusy(true);
    const QFuture<void> done = m_mode == Mode::Reset
                                   ? m_access.resetPassword(m_userName, m_new->text(), m_command)
                                   : m_access.changeOwnPassword(m_current->text(), m_new->text());
    whenFinished(this, done, [this](QFuture<void> result) {
        QString failure;
        try {
            result.waitForFinished();
        } catch (const std::exception& e) {
            failure = QString::fromUtf8(e.what());
        }
        finished(failure);
    });
}

void PasswordDialog::finished(const QString& failure)
{
    setBusy(false);
    if (failure.isEmpty()) {
        QDialog::accept();
        return;
    }
    showError(failure);
    // The checker ran before sending: what the service refuses now is most likely the current password.
    QLineEdit* fix = m_current ? m_current : m_new;
    fix->setFocus();
    fix->selectAll();
}

void PasswordDialog::reject()
{
    // While the password is being set, closing would leave the operator not knowing whether it was.
    if (!m_busy)
        QDialog::reject();
}

} // namespace hexhub::shell
