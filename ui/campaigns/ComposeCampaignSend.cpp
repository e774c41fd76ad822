// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// The compose dialog's last step: the confirmation in plain words, and the launch or the change.
// Building the dialog and its preview stay in ComposeCampaignDialog.cpp.
#include "ComposeCampaignDialog.h"

#include "CampaignCostPanel.h"
#include "CampaignText.h"
#include "MessageBox.h"
#include "RecipientPicker.h"
#include "ScheduleEditor.h"
#include "campaigns/CampaignChanges.h"
#include "campaigns/CampaignService.h"
#include "campaigns/QuietHours.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "settings/Settings.h"
#include "sync/PurchaseStore.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "tokens/Plan.h"
#include "tokens/TokenAccount.h"
#include "tokens/TokenLedger.h"
#include "widgets/Banner.h"

#include <QApplication>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QElapsedTimer>
#include <QFormLayout>
#include <QFrame>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QScrollArea>
#include <QSplitter>
#include <QTimer>
#include <QToolButton>
#include <QVBoxLayout>

namespace kengele {

namespace {

// Who launched it, for the ledger's record (the person at the desk).
QString userName()
{
    return qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME"));
}

} // namespace

QStringList ComposeCampaignDialog::confirmation(const CampaignDraft &d, const CampaignPreview &p) const
{
    const bool editing = m_editingId > 0;
    const bool repeating = d.recurrence.isRepeating();
    const QString name = d.name.isEmpty() ? tr("this message") : d.name;
    const qint64 left = qint64(p.balance) + reservedNow() - p.tokens;

    QStringList lines;
    if (editing) {
        lines << tr("Save the changes to “%1”?").arg(m_original.name);
        const QStringList changes = CampaignChanges::describe(CampaignChanges::between(m_original, m_originalDraft, d));
        lines << (changes.isEmpty() ? tr("You changed nothing; the people are counted again.")
                                    : tr("What changes: %1.").arg(changes.join(QStringLiteral(", "))));
        if (m_original.isRepeating())
            lines << tr("Before: %1, about %Ln person(s) each time.", nullptr, m_original.recipients)
                         .arg(CampaignText::repeats(m_original));
        else
            lines << tr("Before: %Ln person(s), %1 SMS parts, %2 tokens set aside.", nullptr, m_original.recipients)
                         .arg(CampaignText::number(m_original.segments), CampaignText::number(m_original.tokens));
        lines << QString();
    }
    if (repeating) {
        if (!editing)
            lines << tr("Schedule “%1”?").arg(name);
        lines << tr("%1: %n time(s), the first on %2.", nullptr, p.occurrences)
                     .arg(CampaignText::repeats(d.recurrence, d.repeatUntil), CampaignText::dayAndTime(p.firstOccurrence));
        lines << QString();
        lines << tr("Each time: %Ln person(s), %1 SMS parts (counted again each time with the members of that day).", nullptr,
                    p.recipients)
                     .arg(CampaignText::number(p.segments));
        if (d.chargeTokens)
            lines << tr("Cost each time: %1 tokens from %2, taken when it goes. After the first time %3 tokens are left.")
                         .arg(CampaignText::number(p.tokens), tokenAccountLabel(d.accountName), CampaignText::number(left));
        else
            lines << tr("%1. No tokens are used.").arg(CampaignText::simulationLabel());
    } else {
        if (editing && d.scheduledAt.isValid())
            lines << tr("It will be sent to %Ln person(s) at %1.", nullptr, p.recipients)
                         .arg(CampaignText::localTime(d.scheduledAt));
        else if (editing)
            lines << tr("It will be sent to %Ln person(s) now.", nullptr, p.recipients);
        else if (d.scheduledAt.isValid())
            lines << tr("Send “%1” to %Ln person(s) at %2?", nullptr, p.recipients)
                         .arg(name, CampaignText::localTime(d.scheduledAt));
        else
            lines << tr("Send “%1” to %Ln person(s) now?", nullptr, p.recipients).arg(name);
        lines << QString();
        lines << tr("SMS parts in all: %1").arg(CampaignText::number(p.segments));
        if (d.chargeTokens)
            lines << tr("Cost: %1 tokens from %2, leaving %3 tokens.")
                         .arg(CampaignText::number(p.tokens), tokenAccountLabel(d.accountName), CampaignText::number(left));
        else
            lines << tr("%1. No tokens are used.").arg(CampaignText::simulationLabel());
        if (editing && reservedNow() > 0)
            lines << tr("The %1 tokens set aside for it now go back to %2 first.")
                         .arg(CampaignText::number(reservedNow()), tokenAccountLabel(m_originalDraft.accountName));
    }
    lines << (d.senderId.isEmpty() ? tr("Sender ID: the account's default") : tr("Sender ID: %1").arg(d.senderId));
    lines << tr("Priority: %1").arg(CampaignText::priority(d.priority));
    if (const QString quiet = m_cost->quietHoursText(); !quiet.isEmpty())
        lines << quiet;
    lines << QString();
    if (repeating)
        lines << tr("You can pause, change or stop it on the Sent SMS page before any time it goes. A message that has gone "
                    "out cannot be called back.");
    else
        lines << tr("A message that has gone out cannot be called back.");
    return lines;
}

void ComposeCampaignDialog::send()
{
    if (m_launching || m_launchedId > 0)
        return;
    // Count once more: contacts may have changed since the preview was made.
    updatePreview();
    if (!m_preview || !m_problemText.isEmpty())
        return;
    const CampaignDraft d = draft();
    const bool editing = m_editingId > 0;
    const bool repeating = d.recurrence.isRepeating();
    const QString title = editing ? tr("Change campaign") : repeating ? tr("Schedule campaign") : tr("Send campaign");
    if (MessageBox::question(this, title, confirmation(d, *m_preview).join(u'\n')) != QMessageBox::Yes)
        return;

    m_launching = true;
    updateSendButton();
    QApplication::setOverrideCursor(Qt::WaitCursor);
    const Result<Campaign> launched
        = editing ? m_campaigns.update(m_editingId, d, userName()) : m_campaigns.launch(d, userName());
    QApplication::restoreOverrideCursor();
    if (!launched) {
        m_launching = false;
        // It started sending or ended meanwhile: say so and offer no more saving.
        if (editing && launched.error().code == ErrorCode::Conflict)
            m_blocked = launched.error().message;
        MessageBox::warning(this, title, launched.error().message);
        updatePreview();
        return;
    }
    m_launchedId = launched->id;
    accept();
}

} // namespace kengele
