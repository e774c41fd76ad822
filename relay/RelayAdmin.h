// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "MasterKey.h"
#include "RelayStore.h"

#include <QDateTime>
#include <QJsonObject>

namespace kengele::relay {

// What `kengele-relay org …` and `device …` do, callable from tests.
struct OrganisationCreated {
    Organisation org;
    QString secret; // shown once; only its hash is stored
    QJsonObject hooks; // at_delivery, at_inbound, at_optout, mpesa_stk, c2b_validation, c2b_confirmation → URL
};

struct EnrolCodeCreated {
    QString code;
    QDateTime expires; // UTC
};

QJsonObject hookUrls(const QString &publicUrl, const QString &orgId, const QString &secret);
// Both keep the hook secret sealed with the master key (the relay needs it for Daraja's
// CallBackURL) besides its hash; org create also issues the organisation's demo voucher.
std::expected<OrganisationCreated, QString> createOrganisation(RelayStore &store, const MasterKey &key, const QString &name,
                                                               const QString &publicUrl);
std::expected<OrganisationCreated, QString> rotateHookSecret(RelayStore &store, const MasterKey &key, const QString &orgId,
                                                             const QString &publicUrl);

// org mpesa: the credentials in plain text only here, sealed before they reach the store.
struct MpesaSetup {
    bool simulator = false;
    QString shortcode, till, environment, baseUrl;
    QString consumerKey, consumerSecret, passkey;
};
std::expected<MpesaSettings, QString> setUpMpesa(RelayStore &store, const MasterKey &key, const QString &orgId,
                                                 const MpesaSetup &setup);
std::expected<EnrolCodeCreated, QString> createEnrolCode(RelayStore &store, const QString &orgId, int validHours);

} // namespace kengele::relay
