// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "PurchaseEventApplier.h"
#include "RelayEvent.h"
#include "campaigns/OutboxStore.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QMetaType>

namespace kengele {

class Clock;
class ContactService;
class Database;
class TokenLedger;

// What applying one batch of relay events did.
struct RelayApplyReport {
    int events = 0; // in the batch
    int duplicates = 0; // already applied before (same org and seq): nothing done
    int deliveryReports = 0; // at.delivery events applied
    int messagesChanged = 0; // outbox messages that became delivered or failed, or that a report confirmed
    int inbox = 0; // incoming SMS kept as messages for the inbox
    int optOuts = 0; // numbers opted out (STOP-type SMS or the provider's opt-out)
    int prayers = 0; // PRAY/OMBI messages kept for the prayer board
    int kept = 0; // stored for later (Daraja payments, unknown kinds)
    int purchases = 0; // purchase states saved (waiting, paid, failed)
    int vouchersRefused = 0; // vouchers that credited nothing: bad signature, another organisation, …
    QList<CreditedVoucher> credited; // vouchers that added tokens now
    qint64 cursor = 0; // the feed's cursor after the batch

    int applied() const { return events - duplicates; }
    RelayApplyReport &operator+=(const RelayApplyReport &other);
};

// Applies one batch of the relay's feed and the new cursor in ONE transaction (docs/relay.md):
// either all of it is saved, with the cursor, or none of it, and the relay hands the same events
// again. Each event is applied once per (org, seq); incoming SMS once per provider id; delivery
// reports once per (message id, status) through OutboxStore (architecture.md §4: a terminal state never
// goes back).
//   at.delivery  -> the outbox (OutboxStore::applyDeliveryReportsInTransaction)
//   at.inbound   -> the inbox; STOP/STOP ALL/UNSUBSCRIBE/ACHA opt the number out (source "sms",
//                   reason the keyword); PRAY/OMBI -> prayer intake; else a message tied to the contact
//   at.optout    -> opt-out with source "provider" (reason: the sender id opted out of)
//   voucher      -> tokens credited once per voucher id, when its signature matches the pinned key
//                   (PurchaseEventApplier); refused ones are kept with handled "refused"
//   purchase     -> token_purchases (the purchase's state)
//   daraja.*, unknown kinds -> kept in relay_events as received, nothing else
class RelayEventApplier final
{
    Q_DECLARE_TR_FUNCTIONS(RelayEventApplier)

public:
    RelayEventApplier(Database &database, ContactService &contacts, TokenLedger &ledger, const Clock &clock);

    Result<RelayApplyReport> apply(const QString &org, const QList<RelayEvent> &events, qint64 next);

private:
    Database &m_database;
    ContactService &m_contacts;
    TokenLedger &m_ledger;
    const Clock &m_clock;
    OutboxStore m_outbox;
};

} // namespace kengele

Q_DECLARE_METATYPE(kengele::RelayApplyReport)
