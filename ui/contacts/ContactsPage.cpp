// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactsPage.h"

#include "ContactDialog.h"
#include "ContactTableModel.h"
#include "ImportDialog.h"
#include "MessageBox.h"
#include "PastoralSearchDialog.h"
#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/PastoralNotes.h"
#include "importexport/ContactExporter.h"
#include "security/RoleGate.h"
#include "security/StaffAccounts.h"
#include "widgets/EmptyState.h"

#include <QComboBox>
#include <QDialog>
#include <QDialogButtonBox>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QPushButton>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableView>
#include <QTimer>
#include <QVBoxLayout>

#include <algorithm>

namespace kengele {

ContactsPage::ContactsPage(ContactService &contacts, GroupService &groups, ContactImportService &imports,
                           const ContactExporter &exporter, QWidget *parent)
    : QWidget(parent)
    , m_contacts(contacts)
    , m_groups(groups)
    , m_imports(imports)
    , m_exporter(exporter)
{
    setObjectName(QStringLiteral("contactsPage"));
    m_model = new ContactTableModel(m_contacts, this);

    m_search = new QLineEdit(this);
    m_search->setObjectName(QStringLiteral("searchEdit"));
    m_search->setAccessibleName(tr("Search contacts"));
    m_search->setPlaceholderText(tr("Search by name, phone or e-mail"));
    m_search->setClearButtonEnabled(true);
    m_searchTimer = new QTimer(this);
    m_searchTimer->setSingleShot(true);
    m_searchTimer->setInterval(150);
    connect(m_search, &QLineEdit::textChanged, m_searchTimer, qOverload<>(&QTimer::start));
    connect(m_searchTimer, &QTimer::timeout, this, [this] { m_model->setSearch(m_search->text()); });

    m_groupFilter = new QComboBox(this);
    m_groupFilter->setObjectName(QStringLiteral("groupFilterCombo"));
    m_groupFilter->setMinimumContentsLength(18);
    connect(m_groupFilter, &QComboBox::currentIndexChanged, this,
            [this] { m_model->setGroupFilter(m_groupFilter->currentData().toLongLong()); });

    m_add = new QPushButton(tr("Add…"), this);
    m_add->setObjectName(QStringLiteral("addButton"));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editButton"));
    m_delete = new QPushButton(tr("Delete"), this);
    m_delete->setObjectName(QStringLiteral("deleteButton"));
    m_optOut = new QPushButton(tr("Mark as opted out…"), this);
    m_optOut->setObjectName(QStringLiteral("optOutButton"));
    m_optOut->setToolTip(tr("The selected people will get no SMS until you allow SMS again."));
    m_allow = new QPushButton(tr("Allow SMS again…"), this);
    m_allow->setObjectName(QStringLiteral("allowSmsButton"));
    m_allow->setToolTip(tr("The selected people opted out. Allow SMS to them again; you are asked why."));
    m_import = new QPushButton(tr("Import…"), this);
    m_import->setObjectName(QStringLiteral("importButton"));
    m_import->setToolTip(tr("Add contacts from a spreadsheet (CSV) or phone contacts (vCard)."));
    m_export = new QPushButton(tr("Export…"), this);
    m_export->setObjectName(QStringLiteral("exportButton"));
    connect(m_add, &QPushButton::clicked, this, &ContactsPage::addContact);
    connect(m_edit, &QPushButton::clicked, this, &ContactsPage::editSelected);
    connect(m_delete, &QPushButton::clicked, this, &ContactsPage::deleteSelected);
    connect(m_optOut, &QPushButton::clicked, this, &ContactsPage::markSelectedOptedOut);
    connect(m_allow, &QPushButton::clicked, this, &ContactsPage::allowSmsToSelected);
    connect(m_import, &QPushButton::clicked, this, [this] { importContacts(); });
    connect(m_export, &QPushButton::clicked, this, &ContactsPage::exportContacts);

    m_view = new QTableView(this);
    m_view->setObjectName(QStringLiteral("contactsView"));
    m_view->setAccessibleName(tr("Contacts"));
    m_view->setModel(m_model);
    m_view->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_view->setSelectionMode(QAbstractItemView::ExtendedSelection);
    m_view->setSortingEnabled(true);
    m_view->sortByColumn(ContactTableModel::NameColumn, Qt::AscendingOrder);
    m_view->setDragEnabled(true);
    m_view->setDragDropMode(QAbstractItemView::DragOnly);
    m_view->setAlternatingRowColors(true);
    m_view->setWordWrap(false);
    m_view->verticalHeader()->hide();
    m_view->verticalHeader()->setDefaultSectionSize(m_view->fontMetrics().height() + 10);
    // Status holds one short word ("Opted out") or nothing: sized to it. Groups, the longest text,
    // takes the rest of the width.
    QHeaderView *header = m_view->horizontalHeader();
    header->setSectionResizeMode(QHeaderView::Interactive);
    header->setStretchLastSection(false);
    header->setSectionResizeMode(ContactTableModel::GroupsColumn, QHeaderView::Stretch);
    m_view->setColumnWidth(ContactTableModel::NameColumn, 240);
    m_view->setColumnWidth(ContactTableModel::PhoneColumn, 150);
    const int statusText = m_view->fontMetrics().horizontalAdvance(ContactTableModel::tr("Opted out")) + 24;
    m_view->setColumnWidth(ContactTableModel::StatusColumn,
                           qMax(statusText, header->sectionSizeHint(ContactTableModel::StatusColumn)));
    m_view->setContextMenuPolicy(Qt::CustomContextMenu);
    connect(m_view, &QTableView::doubleClicked, this, &ContactsPage::editSelected);
    connect(m_view, &QTableView::customContextMenuRequested, this, &ContactsPage::showContextMenu);
    connect(m_view->selectionModel(), &QItemSelectionModel::selectionChanged, this, &ContactsPage::updateButtons);
    connect(m_model, &ContactTableModel::modelReset, this, &ContactsPage::updateButtons);
    connect(m_model, &ContactTableModel::countChanged, this, &ContactsPage::updateCountAndState);
    connect(m_model, &ContactTableModel::loadFailed, this,
            [this](const QString &message) { MessageBox::warning(this, tr("Contacts"), message); });

    m_count = new QLabel(this);
    m_count->setObjectName(QStringLiteral("countLabel"));

    // Shown instead of the table while the profile has no contacts at all.
    m_emptyState = new EmptyState(QStringLiteral("emptyStateLabel"), this);
    m_emptyState->setText(tr("<h2>No contacts yet</h2><p>Add people one by one, or import the spreadsheet or phone "
                             "contacts you already have.</p>"));
    m_emptyAdd = m_emptyState->addButton(tr("Add a contact"));
    m_emptyAdd->setObjectName(QStringLiteral("emptyAddButton"));
    connect(m_emptyAdd, &QPushButton::clicked, this, &ContactsPage::addContact);
    m_emptyImport = m_emptyState->addButton(tr("Import a spreadsheet"));
    m_emptyImport->setObjectName(QStringLiteral("emptyImportButton"));
    connect(m_emptyImport, &QPushButton::clicked, this, [this] { importContacts(); });

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_view);
    m_stack->addWidget(m_emptyState);

    auto *filters = new QHBoxLayout;
    filters->addWidget(m_search, 1);
    filters->addWidget(new QLabel(tr("Group:"), this));
    filters->addWidget(m_groupFilter);
    m_pastoralSearch = new QPushButton(tr("Search pastoral notes…"), this);
    m_pastoralSearch->setObjectName(QStringLiteral("pastoralSearchButton"));
    m_pastoralSearch->setToolTip(tr("Find people by the words in their confidential pastoral notes."));
    m_pastoralSearch->hide();
    connect(m_pastoralSearch, &QPushButton::clicked, this, &ContactsPage::searchPastoralNotes);
    filters->addWidget(m_pastoralSearch);

    m_sendSms = new QPushButton(tr("Send SMS…"), this);
    m_sendSms->setObjectName(QStringLiteral("sendSmsButton"));
    m_sendSms->setToolTip(tr("Write an SMS to the people you selected."));
    connect(m_sendSms, &QPushButton::clicked, this, [this] { Q_EMIT sendSmsRequested(selectedIds()); });

    auto *actions = new QHBoxLayout;
    actions->addWidget(m_sendSms);
    actions->addWidget(m_add);
    actions->addWidget(m_edit);
    actions->addWidget(m_delete);
    actions->addWidget(m_optOut);
    actions->addWidget(m_allow);
    actions->addStretch();
    actions->addWidget(m_import);
    actions->addWidget(m_export);

    auto *layout = new QVBoxLayout(this);
    auto *title = new QLabel(tr("<h1>Contacts</h1>"), this);
    layout->addWidget(title);
    layout->addLayout(filters);
    layout->addLayout(actions);
    layout->addWidget(m_stack, 1);
    layout->addWidget(m_count);

    connect(&m_groups, &GroupService::groupsChanged, this, &ContactsPage::refreshGroups);
    connect(&m_groups, &GroupService::membersChanged, m_model, &ContactTableModel::reload);
    refreshGroups();
    updateCountAndState();
    updateButtons();
}

void ContactsPage::setRoleGate(RoleGate &gate)
{
    for (QPushButton *button : {m_add, m_edit, m_delete, m_optOut, m_allow, m_import})
        gate.gate(button, Permission::EditContacts);
    gate.gate(m_export, Permission::ExportContacts);
    gate.gate(m_sendSms, Permission::SendCampaigns);
    // An empty list suggests what to do: only what this person may do.
    gate.hide(m_emptyAdd, Permission::EditContacts);
    gate.hide(m_emptyImport, Permission::EditContacts);
    // Dragging people onto a group adds them to it.
    gate.follow(m_view, Permission::EditContacts, [this](const Status &allowed) { m_view->setDragEnabled(allowed.has_value()); });
    // Pastoral notes: not greyed but absent for anyone who may not open them.
    gate.follow(m_pastoralSearch, Permission::Pastoral, [this](const Status &) { updatePastoralSearch(); });
}

void ContactsPage::refreshGroups()
{
    const qint64 current = m_groupFilter->currentData().toLongLong();
    QSignalBlocker blocker(m_groupFilter);
    m_groupFilter->clear();
    m_groupFilter->addItem(tr("All contacts"), qint64(0));
    if (const auto groups = m_groups.list(); groups) {
        for (const Group &group : *groups)
            m_groupFilter->addItem(tr("%1 (%2)").arg(group.name).arg(group.memberCount), group.id);
    }
    const int index = m_groupFilter->findData(current);
    m_groupFilter->setCurrentIndex(index < 0 ? 0 : index);
    if (index < 0 && current != 0)
        m_model->setGroupFilter(0);
}

void ContactsPage::updateCountAndState()
{
    const int shown = m_model->rowCount();
    const Result<int> total = m_contacts.count();
    const int all = total ? *total : shown;
    m_stack->setCurrentWidget(all == 0 ? m_emptyState : static_cast<QWidget *>(m_view));
    if (shown == all)
        m_count->setText(tr("%n contact(s)", nullptr, all));
    else
        m_count->setText(tr("Showing %1 of %n contact(s)", nullptr, all).arg(shown));
}

QList<qint64> ContactsPage::selectedIds() const
{
    return m_model->contactIds(m_view->selectionModel()->selectedRows());
}

void ContactsPage::setPastoralNotes(PastoralNotes *pastoral)
{
    m_pastoral = pastoral;
    updatePastoralSearch();
}

void ContactsPage::updatePastoralSearch()
{
    m_pastoralSearch->setVisible(m_pastoral && m_pastoral->mayOpen());
}

void ContactsPage::searchPastoralNotes()
{
    if (!m_pastoral)
        return;
    PastoralSearchDialog dialog(m_contacts, *m_pastoral, this);
    dialog.exec();
    m_model->reload();
}

void ContactsPage::updateButtons()
{
    const QModelIndexList rows = m_view->selectionModel()->selectedRows();
    RoleGate::setEnabled(m_edit, rows.size() == 1);
    RoleGate::setEnabled(m_delete, !rows.isEmpty());
    // Mark as opted out: when someone selected still gets SMS; allow again: when all have opted out.
    bool anyOptedOut = false;
    bool anyReceives = false;
    for (const QModelIndex &index : rows) {
        if (const Contact *contact = m_model->contactAt(index.row()))
            (contact->optedOut ? anyOptedOut : anyReceives) = true;
    }
    RoleGate::setEnabled(m_optOut, anyReceives);
    RoleGate::setEnabled(m_allow, anyOptedOut && !anyReceives);
}

void ContactsPage::addContact()
{
    if (!RoleGate::allowed(m_add))
        return;
    ContactDialog dialog(m_contacts, 0, this, m_pastoral);
    dialog.exec();
}

void ContactsPage::editSelected()
{
    const QList<qint64> ids = selectedIds();
    // A double click, too: nothing for someone who may only look.
    if (ids.size() != 1 || !RoleGate::allowed(m_edit))
        return;
    ContactDialog dialog(m_contacts, ids.first(), this, m_pastoral);
    dialog.exec();
}

void ContactsPage::deleteSelected()
{
    const QList<qint64> ids = selectedIds();
    if (ids.isEmpty())
        return;
    QString question;
    if (ids.size() == 1) {
        const Contact *contact = m_model->contactAt(m_view->selectionModel()->selectedRows().first().row());
        question = tr("Delete %1? They will also be removed from their groups.").arg(contact ? contact->name() : QString());
    } else {
        question = tr("Delete %n contacts? They will also be removed from their groups.", nullptr, int(ids.size()));
    }
    if (MessageBox::question(this, tr("Delete contacts"), question) != QMessageBox::Yes)
        return;
    if (const Status removed = m_contacts.remove(ids); !removed)
        MessageBox::warning(this, tr("Delete contacts"), removed.error().message);
}

void ContactsPage::setForgetter(ContactForgetter *forgetter, const StaffAccounts *staff)
{
    m_forgetter = forgetter;
    m_staff = staff;
}

void ContactsPage::forgetSelected()
{
    const QList<Contact> chosen = selectedContacts();
    if (!m_forgetter || chosen.size() != 1)
        return;
    const Contact &contact = chosen.first();
    const QString question
        = tr("Forget %1 (%2) at their request?\n\nThis removes from Kengele for good: the contact, their groups and "
             "pastoral notes, and the name, number and text of every message sent to them or received from them, "
             "their prayer requests and their opt-out history. Messages to them that are still waiting are "
             "cancelled. Campaign counts and costs stay. If they asked not to receive messages, their number stays "
             "blocked in a protected form.\n\nThis cannot be undone. Backups made before today still hold their "
             "details.")
              .arg(contact.name(), contact.phone);
    if (MessageBox::question(this, tr("Forget this person"), question) != QMessageBox::Yes)
        return;
    const auto forgotten = m_forgetter->forget(contact.phone);
    if (!forgotten) {
        MessageBox::warning(this, tr("Forget this person"), forgotten.error().message);
        return;
    }
    if (!forgotten->fileCleaned)
        MessageBox::information(this, tr("Forget this person"),
                                tr("The person was forgotten. The data file could not be tidied just now (another "
                                   "Kengele has it open): the removed details can no longer be seen in Kengele, but may "
                                   "remain in the file's unused space for a while."));
}

QList<Contact> ContactsPage::selectedContacts() const
{
    QList<Contact> chosen;
    for (const QModelIndex &index : m_view->selectionModel()->selectedRows()) {
        if (const Contact *contact = m_model->contactAt(index.row()))
            chosen.append(*contact);
    }
    return chosen;
}

void ContactsPage::markSelectedOptedOut()
{
    QList<Contact> chosen = selectedContacts();
    chosen.removeIf([](const Contact &contact) { return contact.optedOut; });
    if (chosen.isEmpty())
        return;
    const QString question = chosen.size() == 1
        ? tr("Mark %1 as opted out? They will get no SMS until you allow SMS again.").arg(chosen.first().name())
        : tr("Mark %n people as opted out? They will get no SMS until you allow SMS again.", nullptr, int(chosen.size()));
    if (MessageBox::question(this, tr("Mark as opted out"), question) != QMessageBox::Yes)
        return;
    for (const Contact &contact : std::as_const(chosen)) {
        if (const Status status
            = m_contacts.optOut(contact.phone, tr("Marked as opted out by office staff"), QStringLiteral("staff"));
            !status) {
            MessageBox::warning(this, tr("Contacts"), status.error().message);
            return;
        }
    }
}

void ContactsPage::allowSmsToSelected()
{
    const QList<Contact> chosen = selectedContacts();
    if (chosen.isEmpty() || std::any_of(chosen.cbegin(), chosen.cend(), [](const Contact &c) { return !c.optedOut; }))
        return;
    // A person asked for no SMS: allowing them again is confirmed, with the reason recorded.
    QDialog dialog(this);
    dialog.setObjectName(QStringLiteral("allowSmsDialog"));
    dialog.setWindowTitle(tr("Allow SMS again"));
    auto *text = new QLabel(&dialog);
    text->setObjectName(QStringLiteral("allowSmsText"));
    text->setWordWrap(true);
    text->setTextFormat(Qt::PlainText);
    if (chosen.size() == 1) {
        const Contact &contact = chosen.first();
        const QString who = contact.name().isEmpty() ? contact.phone : contact.name();
        text->setText(contact.optOutReason.isEmpty()
                          ? tr("%1 opted out. Allow SMS to them again?").arg(who)
                          : tr("%1 opted out (%2). Allow SMS to them again?").arg(who, contact.optOutReason));
    } else {
        text->setText(tr("%n people opted out. Allow SMS to them again?", nullptr, int(chosen.size())));
    }
    auto *reasonLabel = new QLabel(tr("Why? (kept with the contact's record)"), &dialog);
    auto *reason = new QLineEdit(&dialog);
    reason->setObjectName(QStringLiteral("allowReasonEdit"));
    reason->setPlaceholderText(tr("For example: she asked at church to get the announcements again"));
    reasonLabel->setBuddy(reason);
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, &dialog);
    QPushButton *confirm = buttons->addButton(tr("Allow SMS again"), QDialogButtonBox::AcceptRole);
    confirm->setObjectName(QStringLiteral("allowConfirmButton"));
    confirm->setEnabled(false);
    confirm->setDefault(true);
    connect(reason, &QLineEdit::textChanged, confirm,
            [confirm](const QString &typed) { confirm->setEnabled(!typed.trimmed().isEmpty()); });
    connect(buttons, &QDialogButtonBox::accepted, &dialog, &QDialog::accept);
    connect(buttons, &QDialogButtonBox::rejected, &dialog, &QDialog::reject);
    auto *layout = new QVBoxLayout(&dialog);
    layout->addWidget(text);
    layout->addWidget(reasonLabel);
    layout->addWidget(reason);
    layout->addWidget(buttons);
    dialog.resize(qMax(dialog.sizeHint().width(), 460), dialog.sizeHint().height());
    if (dialog.exec() != QDialog::Accepted)
        return;
    const QString user = qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
    for (const Contact &contact : chosen) {
        if (const Status allowed = m_contacts.allowAgain(contact.phone, reason->text(), user); !allowed) {
            MessageBox::warning(this, tr("Allow SMS again"), allowed.error().message);
            return;
        }
    }
}

void ContactsPage::showContextMenu(const QPoint &position)
{
    if (selectedIds().isEmpty())
        return;
    QMenu menu(this);
    // The same as the buttons: greyed for what this person may not do.
    menu.addAction(tr("Edit…"), this, &ContactsPage::editSelected)->setEnabled(m_edit->isEnabled());
    QMenu *groupsMenu = menu.addMenu(tr("Add to group"));
    if (const auto groups = m_groups.list(); groups && !groups->isEmpty() && RoleGate::allowed(m_add)) {
        for (const Group &group : *groups)
            groupsMenu->addAction(group.name, this, [this, id = group.id] { addSelectedToGroup(id); });
    } else {
        groupsMenu->setEnabled(false);
    }
    menu.addAction(m_optOut->text(), this, &ContactsPage::markSelectedOptedOut)->setEnabled(m_optOut->isEnabled());
    menu.addAction(m_allow->text(), this, &ContactsPage::allowSmsToSelected)->setEnabled(m_allow->isEnabled());
    menu.addSeparator();
    menu.addAction(tr("Delete"), this, &ContactsPage::deleteSelected)->setEnabled(m_delete->isEnabled());
    if (m_forgetter && (!m_staff || m_staff->may(Permission::ExportContacts)) && selectedIds().size() == 1)
        menu.addAction(tr("Forget this person…"), this, &ContactsPage::forgetSelected);
    menu.exec(m_view->viewport()->mapToGlobal(position));
}

void ContactsPage::addSelectedToGroup(qint64 groupId)
{
    if (const auto added = m_groups.addMembers(groupId, selectedIds()); !added)
        MessageBox::warning(this, tr("Groups"), added.error().message);
}

void ContactsPage::importContacts(const QString &filePath)
{
    if (!RoleGate::allowed(m_import))
        return;
    QString path = filePath;
    if (path.isEmpty()) {
        path = QFileDialog::getOpenFileName(this, tr("Import contacts"),
                                            QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation),
                                            tr("Contact lists (*.csv *.txt *.vcf);;All files (*)"));
        if (path.isEmpty())
            return;
    }
    ImportDialog dialog(m_imports, m_groups, path, this);
    dialog.exec();
}

void ContactsPage::exportContacts()
{
    if (!RoleGate::allowed(m_export))
        return;
    const qint64 groupId = m_groupFilter->currentData().toLongLong();
    const QString suggested
        = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) + QStringLiteral("/contacts.csv");
    const QString path = QFileDialog::getSaveFileName(this, tr("Export contacts"), suggested, tr("CSV spreadsheet (*.csv)"));
    if (path.isEmpty())
        return;
    const auto written = m_exporter.exportCsv(path, groupId);
    if (!written) {
        MessageBox::warning(this, tr("Export contacts"), written.error().message);
        return;
    }
    MessageBox::information(this, tr("Export contacts"), tr("Saved %n contact(s) to %1.", nullptr, *written).arg(path));
}

} // namespace kengele
