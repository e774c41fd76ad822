// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LockScreen.h"

#include "security/StaffAccounts.h"
#include "widgets/Banner.h"

#include <QApplication>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QVBoxLayout>

namespace kengele {

LockScreen::LockScreen(StaffAccounts &staff, QWidget *parent)
    : QWidget(parent)
    , m_staff(staff)
{
    setObjectName(QStringLiteral("lockScreen"));

    auto *icon = new QLabel(this);
    icon->setPixmap(QIcon(QStringLiteral(":/icons/kengele.png")).pixmap(72, 72));
    icon->setAlignment(Qt::AlignCenter);
    auto *title = new QLabel(tr("Kengele is locked"), this);
    title->setObjectName(QStringLiteral("lockTitle"));
    QFont big = title->font();
    big.setPointSizeF(big.pointSizeF() * 1.6);
    big.setBold(true);
    title->setFont(big);
    title->setAlignment(Qt::AlignCenter);
    m_lockedBy = new QLabel(this);
    m_lockedBy->setObjectName(QStringLiteral("lockedByLabel"));
    m_lockedBy->setAlignment(Qt::AlignCenter);
    m_lockedBy->setWordWrap(true);

    m_userNameLabel = new QLabel(tr("User name:"), this);
    m_userName = new QLineEdit(this);
    m_userName->setObjectName(QStringLiteral("lockUserNameEdit"));
    m_userName->setAccessibleName(tr("User name"));
    m_password = new QLineEdit(this);
    m_password->setObjectName(QStringLiteral("lockPasswordEdit"));
    m_password->setEchoMode(QLineEdit::Password);
    m_password->setAccessibleName(tr("Password"));
    auto *form = new QFormLayout;
    form->addRow(m_userNameLabel, m_userName);
    form->addRow(tr("Password:"), m_password);
    m_userNameLabel->hide();
    m_userName->hide();

    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("lockError"));
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    m_unlock = new QPushButton(tr("Unlock"), this);
    m_unlock->setObjectName(QStringLiteral("unlockButton"));
    m_unlock->setDefault(true);
    m_unlock->setAutoDefault(true);
    m_someoneElse = new QPushButton(tr("Sign in as someone else"), this);
    m_someoneElse->setObjectName(QStringLiteral("someoneElseButton"));
    // A link, so it does not compete with Unlock.
    m_someoneElse->setFlat(true);
    m_someoneElse->setCursor(Qt::PointingHandCursor);
    m_someoneElse->setStyleSheet(QStringLiteral("QPushButton { color: palette(link); text-decoration: underline; border: none;"
                                                " padding: 4px; } QPushButton:focus { border: 1px solid palette(highlight); }"));
    connect(m_unlock, &QPushButton::clicked, this, &LockScreen::unlock);
    connect(m_someoneElse, &QPushButton::clicked, this, &LockScreen::signInAsSomeoneElse);
    connect(m_password, &QLineEdit::returnPressed, this, &LockScreen::unlock);
    connect(m_userName, &QLineEdit::returnPressed, m_password, qOverload<>(&QWidget::setFocus));

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_someoneElse);
    buttons->addStretch(1);
    buttons->addWidget(m_unlock);

    // A column in the middle of the window.
    auto *panel = new QWidget(this);
    panel->setObjectName(QStringLiteral("lockPanel"));
    panel->setMaximumWidth(460);
    auto *column = new QVBoxLayout(panel);
    column->addWidget(icon);
    column->addWidget(title);
    column->addWidget(m_lockedBy);
    column->addSpacing(12);
    column->addLayout(form);
    column->addWidget(m_error);
    column->addLayout(buttons);

    auto *outer = new QVBoxLayout(this);
    outer->addStretch(1);
    auto *row = new QHBoxLayout;
    row->addStretch(1);
    row->addWidget(panel, 3);
    row->addStretch(1);
    outer->addLayout(row);
    outer->addStretch(2);
}

void LockScreen::setLockedBy(const QString &userName, const QString &displayName)
{
    m_lockedUser = userName;
    m_password->clear();
    m_error->hide();
    const bool someone = !userName.isEmpty();
    //: On the lock screen: who locked Kengele, "Locked by Mary Wanjiku"
    m_lockedBy->setText(someone
                            ? tr("Locked by %1. Type the password to go on.").arg(displayName.isEmpty() ? userName : displayName)
                            : tr("Sign in to go on."));
    m_userNameLabel->setVisible(!someone);
    m_userName->setVisible(!someone);
    m_userName->clear();
    m_someoneElse->setVisible(someone);
    if (someone)
        m_password->setFocus();
    else
        m_userName->setFocus();
}

QString LockScreen::lockedByText() const
{
    return m_lockedBy->text();
}

void LockScreen::setUserName(const QString &userName)
{
    m_userName->setText(userName);
}

void LockScreen::setPassword(const QString &password)
{
    m_password->setText(password);
}

void LockScreen::signInAsSomeoneElse()
{
    setLockedBy(QString(), QString());
}

QString LockScreen::errorText() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void LockScreen::unlock()
{
    const QString userName = m_userName->isHidden() ? m_lockedUser : m_userName->text().trimmed();
    if (userName.isEmpty()) {
        m_error->setText(tr("Type your user name."));
        m_error->show();
        m_userName->setFocus();
        return;
    }
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<StaffAccount> account = m_staff.signIn(userName, m_password->text());
    QApplication::restoreOverrideCursor();
    m_password->clear();
    if (!account) {
        m_error->setText(account.error().message);
        m_error->show();
        m_password->setFocus();
        return;
    }
    m_error->hide();
    Q_EMIT unlocked();
}

} // namespace kengele
