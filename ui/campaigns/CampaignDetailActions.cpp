// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// CampaignDetail's buttons: which of them a campaign offers, and pause, resume, cancel, send again,
// send now, edit and open a repeating campaign's time, each with the question it asks first and the
// answer it shows. What the detail shows is in CampaignDetail.cpp.
#include "CampaignDetail.h"
#include "CampaignText.h"
#include "MessageBox.h"
#include "OutboxTableModel.h"
#include "campaigns/CampaignService.h"
#include "campaigns/OutboxStore.h"
#include "security/RoleGate.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/MessageBubble.h"
#include <QComboBox>
#include <QFrame>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QProgressBar>
#include <QPushButton>
#include <QStyle>
#include <QTableView>
#include <QTimer>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

void CampaignDetail::setRoleGate(RoleGate &gate)
{
    for (QPushButton *button : {m_pause, m_resume, m_edit, m_cancel, m_sendNow, m_resendUncertain, m_retryFailed})
        gate.gate(button, Permission::SendCampaigns);
}

void CampaignDetail::updateButtons()
{
    const Campaign &c = m_campaign;
    const bool exists = c.id > 0;
    const bool cancelled = c.status == CampaignStatus::Cancelled;
    const bool paused = c.status == CampaignStatus::Paused;
    const bool repeating = c.isRepeating();
    const bool recurring = c.status == CampaignStatus::Recurring;
    const bool skipped = c.status == CampaignStatus::Skipped;
    m_pause->setVisible(!paused && !skipped);
    RoleGate::setEnabled(m_pause, exists && (repeating ? recurring : isUnderway(c.status)));
    RoleGate::setToolTip(m_pause,
                         repeating ? tr("No more times go until you resume it.")
                                   : tr("Stop sending for now; messages not yet sent wait until you resume."));
    m_resume->setVisible(paused);
    RoleGate::setEnabled(m_resume, exists && paused);
    m_edit->setVisible(exists && CampaignService::isEditable(c));
    RoleGate::setEnabled(m_edit, exists && CampaignService::isEditable(c));
    const int unsent = c.states.value(MessageState::Queued) + c.states.value(MessageState::Uncertain);
    m_cancel->setVisible(!skipped);
    RoleGate::setEnabled(m_cancel, exists && (repeating ? recurring || paused : (isUnderway(c.status) || paused) && unsent > 0));
    RoleGate::setToolTip(m_cancel,
                         repeating ? tr("No more times go. Messages already sent by earlier times are not affected.")
                                   : tr("Messages not yet sent are not sent, and their tokens go back to the budget."));
    // A repeating campaign and a skipped time have no messages of their own.
    const bool hasMessages = exists && !repeating && c.status != CampaignStatus::Skipped;
    m_resendUncertain->setVisible(hasMessages || !exists);
    m_retryFailed->setVisible(hasMessages || !exists);
    m_report->setVisible(hasMessages);
    const int uncertain = c.states.value(MessageState::Uncertain);
    RoleGate::setEnabled(m_resendUncertain, exists && !cancelled && uncertain > 0);
    m_resendUncertain->setText(uncertain > 0 ? tr("Send again to those with no report (%1)…").arg(CampaignText::number(uncertain))
                                             : tr("Send again to those with no report…"));
    const bool canSendNow = exists && (repeating ? recurring : c.status == CampaignStatus::Scheduled);
    m_sendNow->setText(repeating ? tr("Send next time now…") : tr("Send now…"));
    m_sendNow->setVisible(canSendNow);
    RoleGate::setEnabled(m_sendNow, canSendNow);
    RoleGate::setToolTip(m_sendNow,
                         repeating ? tr("Send the next time now instead of waiting for it; the time after it is then the next.")
                                   : tr("Send it now instead of waiting for its time."));
    const int failed = c.states.value(MessageState::Failed);
    RoleGate::setEnabled(m_retryFailed, exists && !cancelled && failed > 0);
    m_retryFailed->setText(failed > 0 ? tr("Retry failed (%1)…").arg(CampaignText::number(failed)) : tr("Retry failed…"));
    m_filter->setEnabled(exists);
    // Another computer of the church sends it: it is shown here, and changed only there.
    if (exists && !c.sentHere) {
        for (QPushButton *button : {m_pause, m_resume, m_edit, m_cancel, m_sendNow, m_resendUncertain, m_retryFailed}) {
            RoleGate::setEnabled(button, false);
            RoleGate::setToolTip(button, tr("Another computer of the church sends this campaign: change it on that computer."));
        }
    }
}

void CampaignDetail::openOccurrence(QTreeWidgetItem *item)
{
    if (item)
        Q_EMIT openCampaignRequested(item->data(0, Qt::UserRole).toLongLong());
}

void CampaignDetail::reportAction(const Result<int> &result, const QString &doneText)
{
    if (!result) {
        MessageBox::warning(this, tr("Campaign"), result.error().message);
        return;
    }
    m_actionResult->setText(doneText);
    m_actionResult->setVisible(!doneText.isEmpty());
    refresh();
    Q_EMIT campaignChanged(m_campaign.id, *result > 0);
}

void CampaignDetail::pause()
{
    if (m_campaign.id <= 0)
        return;
    if (m_campaign.isRepeating()) {
        const Status paused = m_campaigns.pauseRepeating(m_campaign.id);
        reportAction(
            paused ? Result<int>(0) : Result<int>(std::unexpected(paused.error())),
            tr("Paused: no more times go until you resume it. A time that is sending now goes on; pause it on its own."));
        return;
    }
    const Status paused = m_outbox.pause(m_campaign.id, tr("You paused it."));
    reportAction(paused ? Result<int>(0) : Result<int>(std::unexpected(paused.error())),
                 tr("Paused. Messages already handed to the SMS provider still go out; the rest wait."));
}

void CampaignDetail::resume()
{
    if (m_campaign.id <= 0)
        return;
    if (m_campaign.isRepeating()) {
        const Status resumed = m_campaigns.resumeRepeating(m_campaign.id);
        reportAction(resumed ? Result<int>(1) : Result<int>(std::unexpected(resumed.error())),
                     tr("Repeating again. A time that was due while it was paused is not sent late."));
        return;
    }
    const Status resumed = m_outbox.resume(m_campaign.id);
    reportAction(resumed ? Result<int>(1) : Result<int>(std::unexpected(resumed.error())), tr("Sending again."));
}

void CampaignDetail::cancel()
{
    if (m_campaign.id <= 0)
        return;
    if (m_campaign.isRepeating()) {
        if (MessageBox::question(
                this, tr("Cancel campaign"),
                tr("Cancel “%1”?\n\nIt will not be sent again: no more times go. Messages already sent by earlier times "
                   "are not affected, and a time that is sending now goes on (cancel it on its own).")
                    .arg(m_campaign.name))
            != QMessageBox::Yes)
            return;
        const Result<int> cancelled = m_outbox.cancel(m_campaign.id);
        reportAction(cancelled, cancelled ? tr("Cancelled: no more times go.") : QString());
        return;
    }
    const int unsent = m_campaign.states.value(MessageState::Queued) + m_campaign.states.value(MessageState::Uncertain);
    if (MessageBox::question(this, tr("Cancel campaign"),
                             tr("Cancel “%1”?\n\n%Ln message(s) not yet sent will not be sent, and their tokens go back to the "
                                "budget. Messages already sent cannot be called back.",
                                nullptr, unsent)
                                 .arg(m_campaign.name))
        != QMessageBox::Yes)
        return;
    const Result<int> cancelled = m_outbox.cancel(m_campaign.id);
    reportAction(cancelled, cancelled ? tr("Cancelled: %Ln message(s) will not be sent.", nullptr, *cancelled) : QString());
}

void CampaignDetail::resendUncertain()
{
    const int uncertain = m_campaign.states.value(MessageState::Uncertain);
    if (m_campaign.id <= 0 || uncertain == 0)
        return;
    const int tokens = m_campaign.tokens > 0 ? m_campaign.stateSegments.value(MessageState::Uncertain) : 0;
    const QString cost = tokens > 0 ? tr("It costs %Ln token(s).", nullptr, tokens) : tr("Practice messages use no tokens.");
    if (MessageBox::question(this, tr("Send again"),
                             tr("No delivery report yet for %Ln message(s): Kengele sent them but never heard back, so some "
                                "may have arrived.\n\nSend them again? Those people may then get a second copy.",
                                nullptr, uncertain)
                                 + u' ' + cost)
        != QMessageBox::Yes)
        return;
    const Result<int> queued = m_outbox.resendUncertain(m_campaign.id);
    reportAction(queued, queued ? tr("%Ln message(s) will be sent again.", nullptr, *queued) : QString());
}

void CampaignDetail::retryFailed()
{
    const int failed = m_campaign.states.value(MessageState::Failed);
    if (m_campaign.id <= 0 || failed == 0)
        return;
    const QString cost = CampaignText::isSimulation(m_campaign.gateway) || m_campaign.tokens == 0
        ? tr("Practice messages use no tokens.")
        : tr("Their tokens are set aside again before they go.");
    if (MessageBox::question(this, tr("Retry failed messages"),
                             tr("Try the %Ln failed message(s) once more?", nullptr, failed) + u' ' + cost)
        != QMessageBox::Yes)
        return;
    const Result<int> queued = m_outbox.retryFailed(m_campaign.id);
    reportAction(queued, queued ? tr("%Ln failed message(s) will be tried again.", nullptr, *queued) : QString());
}

void CampaignDetail::sendNow()
{
    const Campaign &c = m_campaign;
    if (c.id <= 0)
        return;
    QString question;
    if (c.isRepeating()) {
        const QDateTime after = c.recurrence.next(c.scheduledAt.toLocalTime());
        const bool last = !after.isValid() || (c.repeatUntil.isValid() && after > c.repeatUntil);
        question = tr("Send the next time of “%1”, due %2, now?").arg(c.name, CampaignText::dayAndTime(c.scheduledAt)) + u' '
            + (last ? tr("It is the last time: the repeating message then ends.")
                    : tr("The time after it, %1, is then the next.").arg(CampaignText::dayAndTime(after.toUTC())));
    } else {
        question = tr("Send “%1” now instead of at %2? It goes to the members of its groups as they are now.")
                       .arg(c.name, CampaignText::localTime(c.scheduledAt));
    }
    if (MessageBox::question(this, tr("Send now"), question) != QMessageBox::Yes)
        return;
    const Result<qint64> sent = m_campaigns.sendNow(c.id);
    if (!sent) {
        MessageBox::warning(this, tr("Send now"), sent.error().message);
        refresh();
        return;
    }
    const qint64 id = c.id;
    m_actionResult->setText(tr("Sending now."));
    m_actionResult->show();
    refresh();
    Q_EMIT campaignChanged(id, true);
    // A repeating campaign's time is an SMS of its own: show it going.
    if (*sent != id)
        Q_EMIT openCampaignRequested(*sent);
}

void CampaignDetail::edit()
{
    if (m_campaign.id > 0 && CampaignService::isEditable(m_campaign))
        Q_EMIT editRequested(m_campaign.id);
}

} // namespace kengele
