// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "VoucherIssuer.h"

#include "MasterKey.h"
#include "RelayStore.h"
#include "Secrets.h"
#include "tokens/Plan.h"

#include <QJsonDocument>

namespace kengele::relay::vouchers {

namespace {

const QString SecretContext = QStringLiteral("voucher-key");

} // namespace

std::expected<Voucher::KeyPair, QString> keyPair(RelayStore &store, const MasterKey &key)
{
    auto sealed = store.voucherKey([&key] {
        const Voucher::KeyPair made = Voucher::generateKeyPair();
        return RelayStore::SealedKeyPair{made.publicKey, key.seal(made.secretKey, SecretContext)};
    });
    if (!sealed)
        return std::unexpected(sealed.error());
    const auto secret = key.open(sealed->secretSealed, SecretContext);
    if (!secret || Voucher::publicKeyOf(*secret) != sealed->publicKey)
        return std::unexpected(QStringLiteral("the voucher key cannot be opened with this key file (is it the relay's own?)"));
    return Voucher::KeyPair{sealed->publicKey, *secret};
}

OwnEvent event(const Voucher &voucher, const QByteArray &secretKey)
{
    const QString dedupe = voucher.purchase.isEmpty() ? QStringLiteral("demo") : QStringLiteral("voucher:") + voucher.purchase;
    return OwnEvent{QStringLiteral("voucher"), dedupe,
                    QJsonDocument(voucher.signedEventData(secretKey)).toJson(QJsonDocument::Compact)};
}

OwnEvent purchaseEvent(const Purchase &purchase)
{
    return OwnEvent{QStringLiteral("purchase"), purchase.id + QLatin1Char(':') + purchase.state,
                    QJsonDocument(purchase.toJson()).toJson(QJsonDocument::Compact)};
}

QString newVoucherId()
{
    return QStringLiteral("vch_") + secrets::randomBase32(16);
}

std::expected<void, QString> issueDemo(RelayStore &store, const MasterKey &key, const QString &orgId)
{
    const auto keys = keyPair(store, key);
    if (!keys)
        return std::unexpected(keys.error());
    const Plan demo = Plan::of(PlanTier::Demo);
    Voucher voucher;
    voucher.id = newVoucherId();
    voucher.org = orgId;
    voucher.plan = demo.key();
    voucher.account = QStringLiteral("Main");
    voucher.tokens = demo.tokens;
    voucher.validityDays = demo.validityDays;
    voucher.issued = QDateTime::currentDateTimeUtc();
    return store.appendOwnEvents(orgId, {event(voucher, keys->secretKey)}, QDateTime::currentMSecsSinceEpoch());
}

} // namespace kengele::relay::vouchers
