// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>
#include <optional>

namespace kengele {

// A purchase of tokens with M-Pesa as this computer knows it (token_purchases; docs/relay.md,
// "Buying tokens"): asked for here or on another computer of the organisation, and what the relay
// last said about it. The tokens themselves come only from the voucher, once.
enum class PurchaseState {
    Requesting, // sent to the relay, no answer yet
    Waiting, // the payer's phone was asked for the M-Pesa PIN
    Paid, // M-Pesa confirmed the payment; the voucher brings the tokens
    Failed, // cancelled, refused or never answered: nothing was charged
};

struct PurchaseRecord {
    QString requestId; // made on the computer that asked: a second click is the same purchase
    QString purchase; // the relay's pur_…; empty until it answered
    QString plan; // Plan::key()
    qint64 tokens = 0;
    int validityDays = 0;
    std::optional<qint64> amountKes;
    QString phone; // masked, as the relay shows it ("2547•••••678")
    QString account; // the budget the tokens go to
    PurchaseState state = PurchaseState::Requesting;
    QString reason; // why it failed, for people (already in their language)
    QString resultCode; // M-Pesa's result code, as text ("1032"), when it gave one
    QString receipt; // the M-Pesa receipt, once paid
    QString voucher; // the voucher's id, once issued
    bool simulated = false; // paid through the relay's simulator: no real money
    QString user; // who asked for it on this computer; empty when another computer did
    QDateTime requested; // UTC
    QDateTime updated; // UTC
    QDateTime credited; // UTC; invalid until its tokens were added here

    bool isOpen() const { return state == PurchaseState::Requesting || state == PurchaseState::Waiting; }

    static QString stateKey(PurchaseState state); // "requesting", "waiting", "paid", "failed"
    static std::optional<PurchaseState> stateFromKey(const QString &key);
};

} // namespace kengele
