// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Purchase.h"
#include "tokens/Voucher.h"

#include <expected>

namespace kengele::relay {

class MasterKey;
class RelayStore;

// The relay's voucher key and the events that carry vouchers (docs/relay.md, "Vouchers").
namespace vouchers {

// The relay's Ed25519 key pair, shared by every relay process through the database (made by the
// first one that needs it; its secret half sealed with the master key).
std::expected<Voucher::KeyPair, QString> keyPair(RelayStore &store, const MasterKey &key);
// The `voucher` event for a voucher (dedupe key "voucher:" + purchase id, or "demo").
OwnEvent event(const Voucher &voucher, const QByteArray &secretKey);
// The `purchase` event for a purchase that became paid or failed (dedupe key id + ":" + state).
OwnEvent purchaseEvent(const Purchase &purchase);
// Appends the demo voucher of a new organisation (100 tokens for 7 days, once: idempotent).
std::expected<void, QString> issueDemo(RelayStore &store, const MasterKey &key, const QString &orgId);
QString newVoucherId(); // vch_ + 16 base32

} // namespace vouchers
} // namespace kengele::relay
