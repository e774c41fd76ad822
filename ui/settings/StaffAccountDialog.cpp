// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StaffAccountDialog.h"

#include "widgets/Banner.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

StaffAccountDialog::StaffAccountDialog(StaffAccounts &staff, Mode mode, const StaffAccount &account, QWidget *parent)
    : QDialog(parent)
    , m_staff(staff)
    , m_mode(mode)
    , m_account(account)
{
    setObjectName(QStringLiteral("staffAccountDialog"));
    const QString who = account.displayName.isEmpty() ? account.userName : account.displayName;
    QString title;
    QString intro;
    QString okText;
    switch (mode) {
    case Mode::RequireSignIn:
        title = tr("Require sign-in");
        intro = tr("From now on everyone signs in with their own user name and password, and Kengele keeps a trail "
                   "of who did what. You become the first administrator: you add the others and choose what they "
                   "may do.");
        okText = tr("Require sign-in");
        break;
    case Mode::Add:
        title = tr("Add a staff account");
        intro = tr("Give the person their user name and this password; they can change the password themselves "
                   "under Settings → Staff and roles.");
        okText = tr("Add");
        break;
    case Mode::ChangeRole:
        title = tr("Change role");
        intro = tr("What may %1 do?").arg(who);
        okText = tr("Change role");
        break;
    case Mode::ResetPassword:
        title = tr("Set a new password");
        intro = tr("A new password for %1. Tell it to them in person; they can change it after signing in.").arg(who);
        okText = tr("Set password");
        break;
    case Mode::ChangeOwnPassword:
        title = tr("Change my password");
        intro = tr("Type your password now, then the new one twice.");
        okText = tr("Change password");
        break;
    }
    setWindowTitle(title);
    auto *introLabel = new QLabel(intro, this);
    introLabel->setWordWrap(true);

    auto *form = new QFormLayout;
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    if (mode == Mode::RequireSignIn || mode == Mode::Add) {
        m_displayName = new QLineEdit(this);
        m_displayName->setObjectName(QStringLiteral("displayNameEdit"));
        m_displayName->setAccessibleName(tr("Name"));
        m_displayName->setPlaceholderText(tr("Mary Wanjiku"));
        form->addRow(mode == Mode::RequireSignIn ? tr("Your name:") : tr("Name:"), m_displayName);
        m_userName = new QLineEdit(this);
        m_userName->setObjectName(QStringLiteral("userNameEdit"));
        m_userName->setAccessibleName(tr("User name"));
        m_userName->setPlaceholderText(tr("mary"));
        m_userName->setToolTip(tr("What they type to sign in: letters, digits, dots, dashes or underscores."));
        form->addRow(tr("User name:"), m_userName);
    }
    if (mode == Mode::Add || mode == Mode::ChangeRole) {
        m_role = new QComboBox(this);
        m_role->setObjectName(QStringLiteral("roleCombo"));
        m_role->setAccessibleName(tr("Role"));
        for (Role role : {Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator})
            m_role->addItem(RoleText::name(role), int(role));
        m_role->setCurrentIndex(m_role->findData(int(mode == Mode::Add ? Role::Staff : account.role)));
        form->addRow(tr("Role:"), m_role);
        m_roleDescription = new QLabel(this);
        m_roleDescription->setObjectName(QStringLiteral("roleDescriptionLabel"));
        m_roleDescription->setWordWrap(true);
        form->addRow(QString(), m_roleDescription);
        connect(m_role, &QComboBox::currentIndexChanged, this, &StaffAccountDialog::updateRoleDescription);
        updateRoleDescription();
    }
    if (mode == Mode::ChangeOwnPassword) {
        m_current = passwordEdit("currentPasswordEdit", tr("Password now"));
        form->addRow(tr("Password now:"), m_current);
    }
    if (mode != Mode::ChangeRole) {
        m_password = passwordEdit("passwordEdit", tr("New password"));
        m_password->setToolTip(tr("At least 10 characters, not a common password and not the user name. A short "
                                  "sentence is easy to remember: \"Our choir sings at nine\"."));
        m_again = passwordEdit("passwordAgainEdit", tr("The password again"));
        form->addRow(mode == Mode::ChangeOwnPassword ? tr("New password:") : tr("Password:"), m_password);
        form->addRow(tr("Again:"), m_again);
        auto *hint = new QLabel(m_password->toolTip(), this);
        hint->setWordWrap(true);
        form->addRow(QString(), hint);
    }

    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("staffError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Ok | QDialogButtonBox::Cancel, this);
    buttons->button(QDialogButtonBox::Ok)->setText(okText);
    buttons->button(QDialogButtonBox::Ok)->setObjectName(QStringLiteral("okButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &StaffAccountDialog::submit);
    connect(buttons, &QDialogButtonBox::rejected, this, &StaffAccountDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(introLabel);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(520);
}

QLineEdit *StaffAccountDialog::passwordEdit(const char *name, const QString &accessibleName)
{
    auto *edit = new QLineEdit(this);
    edit->setObjectName(QString::fromLatin1(name));
    edit->setEchoMode(QLineEdit::Password);
    edit->setAccessibleName(accessibleName);
    return edit;
}

void StaffAccountDialog::updateRoleDescription()
{
    if (m_role && m_roleDescription)
        m_roleDescription->setText(RoleText::description(Role(m_role->currentData().toInt())));
}

void StaffAccountDialog::setDisplayName(const QString &name)
{
    if (m_displayName)
        m_displayName->setText(name);
}

void StaffAccountDialog::setUserName(const QString &userName)
{
    if (m_userName)
        m_userName->setText(userName);
}

void StaffAccountDialog::setCurrentPassword(const QString &password)
{
    if (m_current)
        m_current->setText(password);
}

void StaffAccountDialog::setPasswords(const QString &password, const QString &again)
{
    if (m_password) {
        m_password->setText(password);
        m_again->setText(again);
    }
}

void StaffAccountDialog::setRole(Role role)
{
    if (m_role)
        m_role->setCurrentIndex(m_role->findData(int(role)));
}

QString StaffAccountDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void StaffAccountDialog::showError(const QString &text)
{
    m_error->setText(text);
    m_error->show();
}

bool StaffAccountDialog::submit()
{
    if (m_displayName && m_displayName->text().trimmed().isEmpty()) {
        showError(tr("Type the person's name, as the office knows them."));
        m_displayName->setFocus();
        return false;
    }
    if (m_password && m_password->text() != m_again->text()) {
        showError(tr("The two passwords are not the same. Type the new password twice."));
        m_again->clear();
        m_again->setFocus();
        return false;
    }
    const QString userName = m_userName ? m_userName->text().trimmed() : m_account.userName;
    const QString name = m_displayName ? m_displayName->text().trimmed() : QString();
    const QString password = m_password ? m_password->text() : QString();
    const Role role = m_role ? Role(m_role->currentData().toInt()) : Role::Viewer;
    // A new password hash takes about a second.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    Status done;
    switch (m_mode) {
    case Mode::RequireSignIn:
        if (const Result<StaffAccount> made = m_staff.requireSignIn(userName, name, password); !made)
            done = std::unexpected(made.error());
        break;
    case Mode::Add:
        if (const Result<StaffAccount> made = m_staff.add(userName, name, role, password); !made)
            done = std::unexpected(made.error());
        break;
    case Mode::ChangeRole:
        done = m_staff.setRole(userName, role);
        break;
    case Mode::ResetPassword:
        done = m_staff.resetPassword(userName, password);
        break;
    case Mode::ChangeOwnPassword:
        done = m_staff.changeOwnPassword(m_current->text(), password);
        break;
    }
    QApplication::restoreOverrideCursor();
    if (!done) {
        showError(done.error().message);
        return false;
    }
    accept();
    return true;
}

} // namespace kengele
