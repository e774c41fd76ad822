// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QStringView>

namespace kengele {

class Clock;
class Database;

// Publishes the states of the messages this computer sends to the other computers (architecture.md
// "Several computers: campaigns"). The outbox stays this computer's own (no capture triggers: a
// 100,000-message launch stays about a second); before each push the sync engine asks this to scan
// the outbox rows changed since the last publish (outbox.updated_at, index outbox_by_update) and
// write what moved into campaign_recipients (this computer's copy, the same on every computer) and
// into the change log, as operations of the entity "campaign_states": one per campaign and up to
// ChunkRecipients recipients, value {phone: [version, rank, state(, reason)]}.
//
// Each recipient's published state is a max-lattice: rank orders the states of one attempt (queued
// < submitting < uncertain < sent < failed < delivered < cancelled); when the outbox row went back
// (a retry after a refusal, a resend, failed messages queued again) the version moves on. Only the
// sending computer writes them, so the larger (version, rank) is always its latest, and every
// computer ends with it whatever order the operations arrive in. Nothing changed: nothing written.
class CampaignStatePublisher final
{
    Q_DECLARE_TR_FUNCTIONS(CampaignStatePublisher)

public:
    static constexpr int ChunkRecipients = 200;
    // Rows whose updated_at is this much older than the last publish are looked at again: a
    // writer that read the clock before waiting for the write lock commits with an older time.
    static constexpr qint64 MarginMs = 10'000;

    struct Published {
        int recipients = 0; // recipients whose state moved
        int operations = 0; // change-log rows written
        int scanned = 0; // outbox rows looked at
    };

    CampaignStatePublisher(Database &database, const Clock &clock);

    // One transaction. A clock set back behind the last publish makes it look at every row.
    Result<Published> publish();

    // The order of a state within one attempt; 0 for a word this Kengele does not know.
    static int rank(QStringView state);

private:
    Database &m_database;
    const Clock &m_clock;
};

} // namespace kengele
