// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ComputersSettingsWidget.h"

#include "ComputersBanner.h"
#include "ComputersWatcher.h"
#include "ConflictsDialog.h"
#include "MessageBox.h"
#include "common/Clock.h"
#include "inbox/RelayStatusText.h"
#include "settings/SettingsDialog.h"
#include "widgets/Banner.h"

#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPushButton>
#include <QTabWidget>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

namespace {
constexpr int DeviceRole = Qt::UserRole;
} // namespace

ComputersSettingsWidget::ComputersSettingsWidget(ComputersWatcher &watcher, const ChangeLog &changes, const Clock &clock,
                                                 QWidget *parent)
    : QWidget(parent)
    , m_watcher(watcher)
    , m_changes(changes)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("computersSettings"));
    m_banner = new ComputersBanner(watcher, this);
    m_banner->setScope(ComputersBanner::Scope::OtherComputers);
    m_summary = new QLabel(this);
    m_summary->setObjectName(QStringLiteral("computersSummary"));
    m_summary->setWordWrap(true);
    m_empty = new QLabel(this);
    m_empty->setObjectName(QStringLiteral("computersEmptyLabel"));
    m_empty->setWordWrap(true);
    m_empty->setTextFormat(Qt::RichText);
    m_empty->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("computersList"));
    m_list->setRootIsDecorated(false);
    m_list->setAllColumnsShowFocus(true);
    m_list->setHeaderLabels({tr("Computer"), tr("Person"), tr("Last seen"), tr("State")});
    m_list->setAccessibleName(tr("The church's computers"));
    m_list->header()->setStretchLastSection(true);
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_letIn = new QPushButton(tr("Let in…"), this);
    m_letIn->setObjectName(QStringLiteral("letInSelectedButton"));
    m_remove = new QPushButton(tr("Remove…"), this);
    m_remove->setObjectName(QStringLiteral("removeComputerButton"));
    m_conflicts = new QPushButton(tr("Recent conflicts…"), this);
    m_conflicts->setObjectName(QStringLiteral("conflictsButton"));
    m_conflicts->setToolTip(tr("Changes made on two computers at the same time, and which one was kept."));
    m_refresh = new QPushButton(tr("Look again"), this);
    m_refresh->setObjectName(QStringLiteral("refreshComputersButton"));
    connect(m_letIn, &QPushButton::clicked, this, &ComputersSettingsWidget::letInSelected);
    connect(m_remove, &QPushButton::clicked, this, &ComputersSettingsWidget::removeSelected);
    connect(m_conflicts, &QPushButton::clicked, this, &ComputersSettingsWidget::openConflicts);
    connect(m_refresh, &QPushButton::clicked, &m_watcher, &ComputersWatcher::refresh);
    connect(m_list, &QTreeWidget::itemSelectionChanged, this, &ComputersSettingsWidget::updateButtons);
    connect(&m_watcher, &ComputersWatcher::changed, this, &ComputersSettingsWidget::reload);
    // What came of "Let in" or "Remove": a note under the notices (not a dialog: it may come a while later).
    m_result = new Banner(Banner::Kind::Info, this);
    m_result->setObjectName(QStringLiteral("computersResultLabel"));
    m_result->setWordWrap(true);
    m_result->setTextFormat(Qt::PlainText);
    m_result->hide();
    connect(&m_watcher, &ComputersWatcher::finished, this, [this](const QString &message, bool ok) {
        m_result->setKind(ok ? Banner::Kind::Info : Banner::Kind::Error);
        m_result->setText(message);
        m_result->show();
    });

    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_letIn);
    buttons->addWidget(m_remove);
    buttons->addStretch();
    buttons->addWidget(m_refresh);
    buttons->addWidget(m_conflicts);
    auto *layout = new QVBoxLayout(this);
    layout->addWidget(m_banner);
    layout->addWidget(m_result);
    layout->addWidget(m_summary);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty, 1);
    layout->addLayout(buttons);
    reload();
    m_watcher.refresh();
}

int ComputersSettingsWidget::addTo(SettingsDialog &dialog, ComputersWatcher &watcher, const ChangeLog &changes,
                                   const Clock &clock)
{
    return dialog.tabs()->addTab(new ComputersSettingsWidget(watcher, changes, clock, &dialog), tr("Computers"));
}

QString ComputersSettingsWidget::stateText(bool isThis, bool approved, bool pending, bool removed)
{
    if (removed)
        return tr("Removed");
    if (isThis)
        return pending ? tr("This computer (waiting for approval)") : tr("This computer");
    if (pending)
        return tr("Waiting for approval");
    return approved ? tr("In") : tr("Not let in");
}

void ComputersSettingsWidget::reload()
{
    const QString selected = selectedDevice();
    const ComputersWatcher::Stage stage = m_watcher.stage();
    const bool connected = stage != ComputersWatcher::Stage::NotConnected;
    const bool listed = m_watcher.devicesKnown() && !m_watcher.devices().isEmpty();
    QString howToAdd = tr("<p><b>To add a computer:</b> ask the person who runs your relay for an enrolment code for it "
                          "(<code>kengele-relay device enroll</code>). On the new computer, enter the code in Settings → "
                          "Relay. Then an administrator lets it in here, after checking that both computers show the "
                          "same safety code.</p>");
    if (!connected) {
        m_empty->setText(tr("<h3>This computer is not connected to a relay</h3><p>Several computers of one church "
                            "share their contacts, groups and templates through the church's relay, encrypted so the "
                            "relay cannot read them. Connect this computer in Settings → Relay first.</p>")
                         + howToAdd);
    } else if (stage == ComputersWatcher::Stage::Waiting) {
        m_empty->setText(tr("<h3>This computer is waiting to be let in</h3><p>An administrator on one of the church's "
                            "computers must let it in. The list of computers appears here afterwards.</p>"));
    } else if (!listed) {
        m_empty->setText((m_watcher.isOffline() ? tr("<h3>The relay cannot be reached</h3><p>The list of computers "
                                                     "appears once the relay answers.</p>")
                                                : tr("<h3>Asking the relay for the church's computers…</h3>"))
                         + howToAdd);
    }
    m_empty->setVisible(!connected || !listed);
    m_list->setVisible(connected && listed);
    // Nothing to let in or remove without a list.
    m_letIn->setVisible(connected && listed);
    m_remove->setVisible(connected && listed);
    m_refresh->setVisible(connected && stage != ComputersWatcher::Stage::Waiting);

    m_list->clear();
    const QDateTime now = m_clock.nowUtc();
    for (const SyncDeviceEntry &d : m_watcher.devices()) {
        auto *item = new QTreeWidgetItem(m_list);
        item->setText(0, d.name.isEmpty() ? tr("(no name)") : d.name);
        item->setText(1, d.user.isEmpty() ? tr("—") : d.user);
        item->setText(2, d.isThis ? tr("now") : d.lastSeen.isValid() ? RelayStatusText::ago(d.lastSeen, now) : tr("never"));
        item->setText(3, stateText(d.isThis, d.approved, d.pending, d.removed));
        item->setData(0, DeviceRole, d.device);
        item->setToolTip(0, d.device);
        if (d.device == selected)
            item->setSelected(true);
    }
    if (!connected || !listed)
        m_summary->clear();
    else
        m_summary->setText(tr("These computers share the church's contacts, groups and templates, encrypted so the relay "
                              "cannot read them. %n other computer(s) in step with this one.",
                              nullptr, m_watcher.otherComputers()));
    m_summary->setVisible(!m_summary->text().isEmpty());
    updateButtons();
}

QString ComputersSettingsWidget::selectedDevice() const
{
    const QList<QTreeWidgetItem *> items = m_list->selectedItems();
    return items.isEmpty() ? QString() : items.first()->data(0, DeviceRole).toString();
}

void ComputersSettingsWidget::updateButtons()
{
    const QString device = selectedDevice();
    const SyncDeviceEntry *entry = nullptr;
    for (const SyncDeviceEntry &d : m_watcher.devices()) {
        if (d.device == device)
            entry = &d;
    }
    const bool admin = m_watcher.isAdministrator();
    const QString onlyAdmins = tr("Only an administrator may let a computer in or remove one.");
    const bool waiting = entry && entry->pending && !entry->removed && !entry->isThis;
    m_letIn->setEnabled(admin && waiting && !m_watcher.isBusy());
    m_letIn->setToolTip(admin ? tr("Compare the safety code with the one the waiting computer shows, then let it in.")
                              : onlyAdmins);
    m_remove->setEnabled(admin && entry && !entry->isThis && !entry->removed && !m_watcher.isBusy());
    m_remove->setToolTip(admin ? tr("The computer can no longer read anything the church adds or changes.") : onlyAdmins);
    m_refresh->setEnabled(m_watcher.stage() == ComputersWatcher::Stage::Member
                          || m_watcher.stage() == ComputersWatcher::Stage::Joined);
}

void ComputersSettingsWidget::letInSelected()
{
    const QString device = selectedDevice();
    QString name = device;
    for (const SyncDeviceEntry &d : m_watcher.devices()) {
        if (d.device == device)
            name = d.name;
    }
    const QString code = m_watcher.safetyCodeFor(device);
    if (code.isEmpty()) {
        m_watcher.askSafetyCode(device);
        MessageBox::information(this, tr("Let a computer in"),
                                tr("Kengele is getting the safety code from “%1”. Keep Kengele open on it; the code "
                                   "appears at the top of this tab in a moment.")
                                    .arg(name));
        return;
    }
    if (MessageBox::question(this, tr("Let a computer in"),
                             ComputersBanner::askText(name, code) + u"\n\n"
                                 + tr("Let it in only if the codes are the same. It will then read all of the church's "
                                      "contacts, groups and templates."),
                             QMessageBox::Yes | QMessageBox::No)
        == QMessageBox::Yes)
        m_watcher.letIn(device);
}

void ComputersSettingsWidget::removeSelected()
{
    const QString device = selectedDevice();
    QString name = device;
    for (const SyncDeviceEntry &d : m_watcher.devices()) {
        if (d.device == device)
            name = d.name;
    }
    if (MessageBox::question(this, tr("Remove a computer"),
                             tr("Remove “%1” from the church's computers?\n\nIt keeps what it already has, but it can no "
                                "longer read anything the church adds or changes from now on, and its changes are no "
                                "longer accepted. To use it again, it must be connected and let in anew.")
                                 .arg(name))
        == QMessageBox::Yes)
        m_watcher.remove(device);
}

void ComputersSettingsWidget::openConflicts()
{
    ConflictsDialog dialog(m_changes, m_clock, this);
    dialog.exec();
}

} // namespace kengele
