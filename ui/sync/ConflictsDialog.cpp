// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ConflictsDialog.h"

#include "common/Clock.h"
#include "inbox/RelayStatusText.h"
#include "security/Role.h"
#include "settings/Settings.h"
#include "sync/ChangeLog.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {

QString valueText(const QCborValue &value)
{
    if (value.isNull() || value.isUndefined())
        return ConflictsDialog::tr("(empty)");
    if (value.isBool())
        return value.toBool() ? ConflictsDialog::tr("yes") : ConflictsDialog::tr("no");
    const QString text = value.toVariant().toString();
    return text.isEmpty() ? ConflictsDialog::tr("(empty)") : text;
}

// A staff account's role in words, disabled as yes or no; a password never (Kengele keeps only
// their hashes, and those are not shown either).
QString shownValue(const SyncConflict &c, const QCborValue &value, bool kept)
{
    if (c.entity == u"staff" && c.field == u"password_hash")
        return kept ? ConflictsDialog::tr("(the password kept)") : ConflictsDialog::tr("(the other password)");
    if (c.entity == u"staff" && c.field == u"role") {
        if (const std::optional<Role> role = roleFromText(value.toString()))
            return RoleText::name(*role);
    }
    if (c.entity == u"staff" && c.field == u"disabled" && value.isInteger())
        return value.toInteger() != 0 ? ConflictsDialog::tr("yes") : ConflictsDialog::tr("no");
    return valueText(value);
}

QString whoText(const QString &user, bool here, const QString &computerName)
{
    const QString computer = here ? ConflictsDialog::tr("this computer")
        : computerName.isEmpty()  ? ConflictsDialog::tr("another computer")
                                  : QStringLiteral("“%1”").arg(computerName);
    if (user.isEmpty())
        return computer;
    //: Who wrote a value, and where: "mary on another computer"
    return ConflictsDialog::tr("%1 on %2").arg(user, computer);
}

} // namespace

QString ConflictsDialog::fieldText(const QString &entity, const QString &field)
{
    if (field == u"first_name")
        return tr("first name");
    if (field == u"last_name")
        return tr("last name");
    if (field == u"phone")
        return tr("phone number");
    if (field == u"email")
        return tr("email");
    if (field == u"notes")
        return tr("notes");
    if (field == u"name")
        return tr("name");
    if (field == u"body")
        return entity == u"template" ? tr("message text") : tr("text");
    if (field == u"description")
        return tr("description");
    if (field == u"user_name")
        return tr("user name");
    if (field == u"display_name")
        return tr("name");
    if (field == u"role")
        return tr("role");
    if (field == u"disabled")
        return tr("disabled");
    if (field == u"password_hash")
        return tr("password");
    return field;
}

QString ConflictsDialog::settingText(const QString &name)
{
    using K = Settings::Key;
    const std::pair<K, QString> words[] = {
        {K::QuietHours, tr("quiet hours")},
        {K::GatewaySenderId, tr("sender ID")},
        {K::PhoneRegion, tr("country for phone numbers")},
        {K::OrganisationName, tr("church name")},
        {K::MaxSegmentsPerMessage, tr("longest message")},
        {K::GatewayUsername, tr("SMS gateway username")},
        {K::GatewayEnvironment, tr("SMS gateway: live or sandbox")},
    };
    for (const auto &[key, word] : words) {
        if (Settings::name(key) == name)
            //: A conflict's "what" for one of the church's settings: "Setting: quiet hours"
            return tr("Setting: %1").arg(word);
    }
    return tr("Setting: %1").arg(name);
}

QString ConflictsDialog::whatText(const SyncConflict &c)
{
    const QString field = fieldText(c.entity, c.field);
    const QString name = c.label.isEmpty() ? tr("(since deleted)") : c.label;
    if (c.entity == u"contact")
        //: A conflict's "what": "Contact Asha Wanjiru: notes"
        return tr("Contact %1: %2").arg(name, field);
    if (c.entity == u"group")
        return tr("Group %1: %2").arg(name, field);
    if (c.entity == u"template")
        return tr("Template %1: %2").arg(name, field);
    if (c.entity == u"staff")
        //: A conflict's "what": "Staff account mary: role"
        return tr("Staff account %1: %2").arg(name, field);
    if (c.entity == u"org_setting")
        return settingText(c.label);
    return tr("%1 %2: %3").arg(c.entity, name, field);
}

ConflictsDialog::ConflictsDialog(const ChangeLog &changes, const Clock &clock, QWidget *parent)
    : QDialog(parent)
{
    setWindowTitle(tr("Recent conflicts"));
    setObjectName(QStringLiteral("conflictsDialog"));
    auto *intro = new QLabel(tr("When two computers change the same thing before they hear of each other, the later "
                                "change is kept on every computer. The other value is listed here, so nothing is lost "
                                "without a trace: copy it back by hand if it was the right one."),
                             this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("conflictsList"));
    m_list->setRootIsDecorated(false);
    m_list->setWordWrap(true);
    m_list->setUniformRowHeights(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("When"), tr("What"), tr("Kept"), tr("Replaced")});
    m_list->setAccessibleName(tr("Recent conflicts"));
    m_list->header()->setStretchLastSection(true);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("conflictsEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);

    const QDateTime now = clock.nowUtc();
    const Result<QList<SyncConflict>> conflicts = changes.conflicts(200);
    if (!conflicts) {
        m_empty->setText(conflicts.error().message);
    } else {
        for (const SyncConflict &c : *conflicts) {
            auto *item = new QTreeWidgetItem(m_list);
            item->setText(0, RelayStatusText::ago(QDateTime::fromMSecsSinceEpoch(c.at, Qt::UTC), now));
            item->setText(1, whatText(c));
            // The value, and under it who wrote it where.
            item->setText(2, shownValue(c, c.kept, true) + u'\n' + whoText(c.keptUser, c.keptHere, c.keptComputer));
            item->setText(3, shownValue(c, c.lost, false) + u'\n' + whoText(c.lostUser, c.lostHere, c.lostComputer));
            for (int column = 0; column < 4; ++column)
                item->setToolTip(column, item->text(column));
        }
        if (conflicts->isEmpty())
            m_empty->setText(tr("No conflicts: no two computers have changed the same thing at the same time. If it "
                                "happens, the later change is kept and the other is listed here."));
    }
    m_list->setVisible(!m_empty->text().isEmpty() ? false : true);
    m_empty->setVisible(!m_empty->text().isEmpty());
    m_list->resizeColumnToContents(0);
    m_list->setColumnWidth(1, 240);
    m_list->setColumnWidth(2, 250);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addWidget(buttons);
    resize(860, 460);
}

} // namespace kengele
