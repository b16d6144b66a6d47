#include "signindialog.h"

#include "shelltr.h"

#include "messageline.h"

#include "security/accesscontrol.h"
#include "base/error.h"
#include "security/session.h"

#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QVBoxLayout>

namespace hexhub::shell {

SignInDialog::SignInDialog(AccessControl& access, Session& session, QWidget* parent)
    : QDialog(parent)
    , m_access(access)
    , m_session(session)
    , m_pages(new QStackedWidget(this))
    , m_signInPage(new QWidget(this))
    , m_setupPage(new QWidget(this))
    , m_name(new QLineEdit(this))
    , m_password(new QLineEdit(this))
    , m_adminName(new QLineEdit(this))
    , m_adminPassword(new QLineEdit(this))
    , m_adminRepeat(new QLineEdit(this))
    , m_signInButton(new QPushButton(this))
    , m_createButton(new QPushButton(this))
    , m_error(new QLabel(this))
    , m_busy(new QLabel(this))
    , m_title(new QLabel(this))
    , m_subtitle(new QLabel(this))
    , m_nameLabel(new QLabel(this))
    , m_passwordLabel(new QLabel(this))
    , m_adminNameLabel(new QLabel(this))
    , m_adminPasswordLabel(new QLabel(this))
    , m_adminRepeatLabel(new QLabel(this))
    , m_intro(new QLabel(this))
{
    setObjectName(QStringLiteral("signInDialog"));
    setMinimumWidth(420);

    m_name->setObjectName(QStringLiteral("name"));
    m_password->setObjectName(QStringLiteral("password"));
    m_password->setEchoMode(QLineEdit::Password);
    auto* signInForm = new QFormLayout(m_signInPage);
    signInForm->addRow(m_nameLabel, m_name);
    signInForm->addRow(m_passwordLabel, m_password);
    signInForm->addRow(QString(), m_signInButton);
    m_signInButton->setObjectName(QStringLiteral("signIn"));
    m_signInButton->setDefault(true);

    m_adminName->setObjectName(QStringLiteral("adminName"));
    m_adminPassword->setObjectName(QStringLiteral("adminPassword"));
    m_adminRepeat->setObjectName(QStringLiteral("adminRepeat"));
    m_adminPassword->setEchoMode(QLineEdit::Password);
    m_adminRepeat->setEchoMode(QLineEdit::Password);
    auto* setupLayout = new QVBoxLayout(m_setupPage);
    m_intro->setWordWrap(true);
    setupLayout->addWidget(m_intro);
    auto* setupForm = new QFormLayout;
    setupForm->addRow(m_adminNameLabel, m_adminName);
    setupForm->addRow(m_adminPasswordLabel, m_adminPassword);
    setupForm->addRow(m_adminRepeatLabel, m_adminRepeat);
    setupForm->addRow(QString(), m_createButton);
    m_createButton->setObjectName(QStringLiteral("create"));
    setupLayout->addLayout(setupForm);

    m_pages->addWidget(m_signInPage);
    m_pages->addWidget(m_setupPage);
    makeMessageLine(m_error, QStringLiteral("error"));

    auto* layout = new QVBoxLayout(this);
    layout->setContentsMargins(24, 20, 24, 20);
    QFont big = m_title->font();
    big.setPointSizeF(big.pointSizeF() * 1.7);
    big.setBold(true);
    m_title->setFont(big);
    m_subtitle->setForegroundRole(QPalette::PlaceholderText);
    m_subtitle->setWordWrap(true);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addSpacing(12);
    layout->addWidget(m_pages);
    layout->addWidget(m_error);
    layout->addWidget(m_busy);

    retranslate();
    connect(m_signInButton, &QPushButton::clicked, this, &SignInDialog::signIn);
    connect(m_password, &QLineEdit::returnPressed, this, &SignInDialog::signIn);
    connect(m_name, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));
    connect(m_createButton, &QPushButton::clicked, this, &SignInDialog::createAdministrator);
    connect(m_adminRepeat, &QLineEdit::returnPressed, this, &SignInDialog::createAdministrator);
    setBusy(true);
}

void SignInDialog::start()
{
    setBusy(true);
    m_access.hasUsers().then(this, [this](QFuture<bool> answer) {
        bool any = true;
        try {
            any = answer.result();
        } catch (const std::exception& e) {
            showError(QString::fromUtf8(e.what()));
        }
        m_pages->setCurrentWidget(any ? m_signInPage : m_setupPage);
        setBusy(false);
        if (!any)
            m_adminName->setFocus();
        else
            (m_name->text().isEmpty() ? m_name : m_password)->setFocus();
        Q_EMIT ready();
    });
}

void SignInDialog::setLockedUser(const QString& user)
{
    m_lockedUser = user;
    m_name->setText(user);
    retranslate();
    m_password->setFocus();
}

void SignInDialog::retranslate()
{
    if (m_lockedUser.isNull()) {
        setWindowTitle(Tr::tr("Sign in to Hexhub"));
        m_title->setText(Tr::tr("Hexhub"));
        m_subtitle->setText(Tr::tr("Command centre: one hub and six centres"));
    } else {
        setWindowTitle(Tr::tr("Hexhub is locked"));
        m_title->setText(Tr::tr("Locked"));
        m_subtitle->setText(Tr::tr("This desk was locked while %1 was signed in. Enter the password to go on, or sign in "
                                   "as someone else.")
                                .arg(m_lockedUser));
    }
    m_nameLabel->setText(Tr::tr("User name"));
    m_passwordLabel->setText(Tr::tr("Password"));
    m_adminNameLabel->setText(Tr::tr("User name"));
    m_adminPasswordLabel->setText(Tr::tr("Password"));
    m_adminRepeatLabel->setText(Tr::tr("Repeat password"));
    m_intro->setText(Tr::tr("This store has no users yet. Create the first administrator: they add the operators and "
                            "give them their roles."));
    m_signInButton->setText(Tr::tr("Sign in"));
    m_createButton->setText(Tr::tr("Create administrator and sign in"));
    m_busy->setText(Tr::tr("Checking..."));
}

void SignInDialog::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange)
        retranslate();
    QDialog::changeEvent(event);
}

bool SignInDialog::isSetupPage() const
{
    return m_pages->currentWidget() == m_setupPage;
}

QString SignInDialog::error() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::setBusy(bool busy)
{
    m_pages->setEnabled(!busy);
    m_busy->setVisible(busy);
}

void SignInDialog::showError(const QString& message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void SignInDialog::signIn()
{
    if (!m_pages->isEnabled())
        return;
    showError({});
    setBusy(true);
    m_access.signIn(m_name->text().trimmed(), m_password->text()).then(this, [this](QFuture<SignInResult> done) {
        SignInResult result;
        try {
            result = done.result();
        } catch (const std::exception& e) {
            result.error = QString::fromUtf8(e.what());
        }
        m_password->clear();
        setBusy(false);
        if (result.principal.isValid()) {
            m_session.setPrincipal(result.principal);
            accept();
            return;
        }
        showError(result.error);
        m_password->setFocus();
        Q_EMIT ready();
    });
}

void SignInDialog::createAdministrator()
{
    if (!m_pages->isEnabled())
        return;
    if (m_adminPassword->text() != m_adminRepeat->text()) {
        showError(Tr::tr("The two passwords differ."));
        m_adminRepeat->clear();
        m_adminRepeat->setFocus();
        Q_EMIT ready();
        return;
    }
    showError({});
    setBusy(true);
    const QString name = m_adminName->text().trimmed();
    const QString password = m_adminPassword->text();
    m_access.createFirstAdministrator(name, password).then(this, [this, name, password](QFuture<qint64> created) {
        try {
            created.waitForFinished();
        } catch (const std::exception& e) {
            setBusy(false);
            showError(QString::fromUtf8(e.what()));
            Q_EMIT ready();
            return;
        }
        m_adminPassword->clear();
        m_adminRepeat->clear();
        m_name->setText(name);
        m_password->setText(password);
        m_pages->setCurrentWidget(m_signInPage);
        setBusy(false);
        signIn();
    });
}

} // namespace hexhub::shell
