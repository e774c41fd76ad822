// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "StaffSettingsWidget.h"

#include "AuditTrailWidget.h"
#include "MessageBox.h"
#include "SettingsDialog.h"
#include "StaffAccountDialog.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QSpinBox>
#include <QStackedWidget>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {

enum Column { NameColumn, UserColumn, RoleColumn, StateColumn, ColumnCount };

QLabel *wrapped(const QString &text, QWidget *parent)
{
    auto *label = new QLabel(text, parent);
    label->setWordWrap(true);
    return label;
}

} // namespace

StaffSettingsWidget::StaffSettingsWidget(StaffAccounts &staff, Settings &settings, QWidget *parent)
    : QWidget(parent)
    , m_staff(staff)
    , m_settings(settings)
{
    setObjectName(QStringLiteral("staffSettings"));
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(buildOffPage());
    m_stack->addWidget(buildOnPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    connect(&m_staff, &StaffAccounts::accountsChanged, this, &StaffSettingsWidget::reload);
    connect(&m_staff, &StaffAccounts::signedInChanged, this, &StaffSettingsWidget::reload);
    reload();
}

std::pair<int, int> StaffSettingsWidget::addTo(SettingsDialog &dialog, StaffAccounts &staff, AuditLog &audit, Settings &settings)
{
    QTabWidget *tabs = dialog.tabs();
    const int staffTab = tabs->addTab(new StaffSettingsWidget(staff, settings, &dialog), tr("Staff and roles"));
    const int auditTab = tabs->addTab(new AuditTrailWidget(audit, staff, &dialog), tr("Audit trail"));
    // The trail's six columns, of which the summary wraps, need more than the other pages.
    dialog.setMinimumWidth(qMax(dialog.minimumWidth(), dialog.fontMetrics().averageCharWidth() * 128));
    return {staffTab, auditTab};
}

QWidget *StaffSettingsWidget::buildOffPage()
{
    auto *page = new QWidget(this);
    auto *title = new QLabel(tr("Sign-in is off"), page);
    QFont bold = title->font();
    bold.setBold(true);
    title->setFont(bold);
    auto *text = wrapped(tr("Anyone at this computer can use Kengele, and nothing records who did what."), page);
    auto *more = wrapped(tr("When you require sign-in, each person in the office gets their own user name and password, "
                            "and a role that says what they may do: look only, edit and send, see pastoral records, "
                            "or manage everything. Kengele then keeps an audit trail of who did what, and locks "
                            "itself when nobody has used it for a while."),
                         page);
    auto *button = new QPushButton(tr("Require sign-in…"), page);
    button->setObjectName(QStringLiteral("requireSignInButton"));
    connect(button, &QPushButton::clicked, this, &StaffSettingsWidget::requireSignIn);
    auto *layout = new QVBoxLayout(page);
    layout->addWidget(title);
    layout->addWidget(text);
    layout->addWidget(more);
    auto *row = new QHBoxLayout;
    row->addWidget(button);
    row->addStretch(1);
    layout->addLayout(row);
    layout->addStretch(1);
    return page;
}

QWidget *StaffSettingsWidget::buildOnPage()
{
    auto *page = new QWidget(this);
    m_signedIn = wrapped(QString(), page);
    m_signedIn->setObjectName(QStringLiteral("signedInLabel"));

    m_table = new QTableWidget(0, ColumnCount, page);
    m_table->setObjectName(QStringLiteral("staffTable"));
    m_table->setAccessibleName(tr("Staff accounts"));
    m_table->setHorizontalHeaderLabels({tr("Name"), tr("User name"), tr("Role"), tr("State")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setSelectionMode(QAbstractItemView::SingleSelection);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    m_table->horizontalHeader()->setSectionResizeMode(NameColumn, QHeaderView::Stretch);
    for (int column : {UserColumn, RoleColumn, StateColumn})
        m_table->horizontalHeader()->setSectionResizeMode(column, QHeaderView::ResizeToContents);
    m_table->setMinimumHeight(140);
    connect(m_table, &QTableWidget::itemSelectionChanged, this, &StaffSettingsWidget::updateButtons);

    auto button = [page](const QString &text, const char *name) {
        auto *b = new QPushButton(text, page);
        b->setObjectName(QString::fromLatin1(name));
        return b;
    };
    m_add = button(tr("Add…"), "addStaffButton");
    m_role = button(tr("Change role…"), "changeRoleButton");
    m_disable = button(tr("Disable"), "disableButton");
    m_reset = button(tr("Reset password…"), "resetPasswordButton");
    m_ownPassword = button(tr("Change my password…"), "changeOwnPasswordButton");
    m_add->setToolTip(tr("A user name and password for someone in the office, with their role."));
    m_disable->setToolTip(tr("A disabled account cannot sign in; its name stays in the audit trail."));
    connect(m_add, &QPushButton::clicked, this, &StaffSettingsWidget::addAccount);
    connect(m_role, &QPushButton::clicked, this, &StaffSettingsWidget::changeRole);
    connect(m_disable, &QPushButton::clicked, this, &StaffSettingsWidget::toggleDisabled);
    connect(m_reset, &QPushButton::clicked, this, &StaffSettingsWidget::resetPassword);
    connect(m_ownPassword, &QPushButton::clicked, this, &StaffSettingsWidget::changeOwnPassword);
    // Two rows: what administrators do to accounts, then what everyone does for themselves (in
    // Kiswahili the five do not fit side by side).
    auto *buttons = new QVBoxLayout;
    auto *adminRow = new QHBoxLayout;
    for (QPushButton *b : {m_add, m_role, m_disable, m_reset})
        adminRow->addWidget(b);
    adminRow->addStretch(1);
    auto *ownRow = new QHBoxLayout;
    ownRow->addWidget(m_ownPassword);
    ownRow->addStretch(1);
    buttons->addLayout(adminRow);
    buttons->addLayout(ownRow);
    m_adminOnly = wrapped(QString(), page);
    m_adminOnly->setObjectName(QStringLiteral("adminOnlyLabel"));

    QStringList roles;
    for (Role role : {Role::Viewer, Role::Staff, Role::Pastor, Role::Administrator})
        roles << QStringLiteral("<b>%1</b>: %2")
                     .arg(RoleText::name(role).toHtmlEscaped(), RoleText::description(role).toHtmlEscaped());
    auto *roleText = wrapped(roles.join(QStringLiteral("<br>")), page);
    roleText->setObjectName(QStringLiteral("roleDescriptions"));
    roleText->setTextFormat(Qt::RichText);

    m_idleMinutes = new QSpinBox(page);
    m_idleMinutes->setObjectName(QStringLiteral("idleLockSpin"));
    m_idleMinutes->setRange(0, Settings::MaxIdleLockMinutes);
    //: The spin box for the idle lock: "Lock after 15 minutes without use"
    m_idleMinutes->setSuffix(tr(" min"));
    //: The idle lock's spin box at 0
    m_idleMinutes->setSpecialValueText(tr("never"));
    m_idleMinutes->setAccessibleName(tr("Lock after minutes without use"));
    m_idleMinutes->setValue(m_settings.idleLockMinutes());
    connect(m_idleMinutes, &QSpinBox::valueChanged, this, [this](int minutes) { m_settings.setIdleLockMinutes(minutes); });
    auto *idleRow = new QHBoxLayout;
    idleRow->addWidget(new QLabel(tr("Lock Kengele after this long without use:"), page));
    idleRow->addWidget(m_idleMinutes);
    idleRow->addStretch(1);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_signedIn);
    layout->addWidget(m_table, 1);
    layout->addLayout(buttons);
    layout->addWidget(m_adminOnly);
    layout->addSpacing(6);
    layout->addWidget(roleText);
    layout->addSpacing(6);
    layout->addLayout(idleRow);
    return page;
}

void StaffSettingsWidget::reload()
{
    const Result<bool> required = m_staff.signInRequired();
    const bool on = required && *required;
    m_stack->setCurrentIndex(on ? 1 : 0);
    if (!on)
        return;
    const QString chosen = selectedUser();
    const std::optional<StaffAccount> me = m_staff.signedIn();
    m_signedIn->setText(me ? tr("Signed in as %1 (%2).").arg(me->displayName, RoleText::name(me->role))
                           : tr("Nobody is signed in."));
    const Result<QList<StaffAccount>> accounts = m_staff.list();
    m_table->setRowCount(0);
    if (accounts) {
        m_table->setRowCount(int(accounts->size()));
        for (int row = 0; row < accounts->size(); ++row) {
            const StaffAccount &account = accounts->at(row);
            auto *name = new QTableWidgetItem(account.displayName);
            name->setData(Qt::UserRole, account.userName);
            m_table->setItem(row, NameColumn, name);
            m_table->setItem(row, UserColumn, new QTableWidgetItem(account.userName));
            m_table->setItem(row, RoleColumn, new QTableWidgetItem(RoleText::name(account.role)));
            m_table->setItem(row, StateColumn, new QTableWidgetItem(account.disabled ? tr("Disabled") : tr("Active")));
            for (int column = 0; column < ColumnCount; ++column)
                m_table->item(row, column)->setData(Qt::UserRole + 1, account.disabled);
        }
    }
    if (!chosen.isEmpty())
        selectAccount(chosen);
    updateButtons();
}

bool StaffSettingsWidget::selectAccount(const QString &userName)
{
    for (int row = 0; row < m_table->rowCount(); ++row) {
        if (m_table->item(row, NameColumn)->data(Qt::UserRole).toString() == userName) {
            m_table->selectRow(row);
            return true;
        }
    }
    return false;
}

QString StaffSettingsWidget::selectedUser() const
{
    const QList<QTableWidgetItem *> items = m_table->selectedItems();
    if (items.isEmpty())
        return {};
    return m_table->item(items.first()->row(), NameColumn)->data(Qt::UserRole).toString();
}

void StaffSettingsWidget::updateButtons()
{
    const bool admin = m_staff.may(Permission::Administer);
    const QString why = admin ? QString() : RoleText::refusal(Permission::Administer);
    for (QPushButton *b : {m_add, m_role, m_disable, m_reset})
        b->setVisible(admin);
    m_adminOnly->setVisible(!admin);
    m_adminOnly->setText(why + u' ' + tr("You can change your own password."));
    m_idleMinutes->setEnabled(admin);
    m_idleMinutes->setToolTip(admin ? tr("0: only when someone chooses File → Lock.") : why);
    m_ownPassword->setEnabled(m_staff.signedIn().has_value());
    const QString user = selectedUser();
    const bool chosen = !user.isEmpty();
    m_role->setEnabled(chosen);
    m_reset->setEnabled(chosen);
    m_disable->setEnabled(chosen);
    bool disabled = false;
    if (chosen)
        disabled = m_table->selectedItems().first()->data(Qt::UserRole + 1).toBool();
    m_disable->setText(disabled ? tr("Enable") : tr("Disable"));
    if (!chosen) {
        const QString choose = tr("Choose an account in the list first.");
        m_role->setToolTip(choose);
        m_reset->setToolTip(choose);
    } else {
        m_role->setToolTip(tr("What this person may do."));
        m_reset->setToolTip(tr("A new password for someone who forgot theirs."));
    }
}

void StaffSettingsWidget::requireSignIn()
{
    StaffAccountDialog dialog(m_staff, StaffAccountDialog::Mode::RequireSignIn, {}, this);
    dialog.exec();
    reload();
}

void StaffSettingsWidget::addAccount()
{
    StaffAccountDialog dialog(m_staff, StaffAccountDialog::Mode::Add, {}, this);
    if (dialog.exec() == QDialog::Accepted)
        reload();
}

void StaffSettingsWidget::changeRole()
{
    const Result<StaffAccount> account = m_staff.find(selectedUser());
    if (!account)
        return;
    StaffAccountDialog dialog(m_staff, StaffAccountDialog::Mode::ChangeRole, *account, this);
    dialog.exec();
    reload();
}

void StaffSettingsWidget::resetPassword()
{
    const Result<StaffAccount> account = m_staff.find(selectedUser());
    if (!account)
        return;
    StaffAccountDialog dialog(m_staff, StaffAccountDialog::Mode::ResetPassword, *account, this);
    dialog.exec();
}

void StaffSettingsWidget::changeOwnPassword()
{
    StaffAccountDialog dialog(m_staff, StaffAccountDialog::Mode::ChangeOwnPassword, {}, this);
    if (dialog.exec() == QDialog::Accepted)
        MessageBox::information(this, tr("Change my password"), tr("Your password is changed. Use the new one from now on."));
}

void StaffSettingsWidget::toggleDisabled()
{
    const Result<StaffAccount> account = m_staff.find(selectedUser());
    if (!account)
        return;
    const bool disable = !account->disabled;
    if (disable
        && MessageBox::question(this, tr("Disable account"),
                                tr("%1 will not be able to sign in any more. Their name stays in the audit trail, and you "
                                   "can enable the account again later. Disable it?")
                                    .arg(account->displayName))
            != QMessageBox::Yes)
        return;
    if (const Status done = m_staff.setDisabled(account->userName, disable); !done)
        MessageBox::warning(this, disable ? tr("Disable account") : tr("Enable account"), done.error().message);
    reload();
}

} // namespace kengele
