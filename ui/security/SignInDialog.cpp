// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SignInDialog.h"

#include "security/StaffAccounts.h"
#include "widgets/Banner.h"

#include <QApplication>
#include <QDialogButtonBox>
#include <QFormLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

SignInDialog::SignInDialog(StaffAccounts &staff, QWidget *parent)
    : QDialog(parent)
    , m_staff(staff)
{
    setObjectName(QStringLiteral("signInDialog"));
    setWindowTitle(tr("Sign in to Kengele"));
    setWindowIcon(QIcon(QStringLiteral(":/icons/kengele.png")));

    auto *title = new QLabel(tr("Sign in to Kengele"), this);
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.4);
    big.setBold(true);
    title->setFont(big);
    auto *intro = new QLabel(tr("Each person in the office has their own user name, so Kengele knows who did what. "
                                "Ask your administrator if you do not have one."),
                             this);
    intro->setWordWrap(true);

    m_userName = new QLineEdit(this);
    m_userName->setObjectName(QStringLiteral("userNameEdit"));
    m_userName->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("passwordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    auto *form = new QFormLayout;
    form->addRow(tr("User name:"), m_userName);
    form->addRow(tr("Password:"), m_password);

    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("signInError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *buttons = new QDialogButtonBox(this);
    m_signIn = buttons->addButton(tr("Sign in"), QDialogButtonBox::AcceptRole);
    m_signIn->setObjectName(QStringLiteral("signInButton"));
    m_signIn->setDefault(true);
    QPushButton *quit = buttons->addButton(tr("Quit Kengele"), QDialogButtonBox::RejectRole);
    quit->setObjectName(QStringLiteral("quitButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &SignInDialog::signIn);
    connect(buttons, &QDialogButtonBox::rejected, this, &SignInDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(title);
    layout->addWidget(intro);
    layout->addSpacing(6);
    layout->addLayout(form);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);
    setMinimumWidth(460);
    m_userName->setFocus();
}

void SignInDialog::setUserName(const QString &userName)
{
    m_userName->setText(userName);
}

void SignInDialog::setPassword(const QString &password)
{
    m_password->setText(password);
}

QString SignInDialog::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void SignInDialog::signIn()
{
    const QString userName = m_userName->text().trimmed();
    if (userName.isEmpty()) {
        m_error->setText(tr("Type your user name."));
        m_error->show();
        m_userName->setFocus();
        return;
    }
    // Checking a password takes about a second.
    QApplication::setOverrideCursor(Qt::WaitCursor);
    m_signIn->setEnabled(false);
    const Result<StaffAccount> account = m_staff.signIn(userName, m_password->text());
    m_signIn->setEnabled(true);
    QApplication::restoreOverrideCursor();
    if (!account) {
        m_error->setText(account.error().message);
        m_error->show();
        m_password->clear();
        m_password->setFocus();
        return;
    }
    m_password->clear();
    accept();
}

} // namespace kengele
