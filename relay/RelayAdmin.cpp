// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayAdmin.h"

#include "Hooks.h"
#include "Secrets.h"
#include "VoucherIssuer.h"

#include <QRegularExpression>

namespace kengele::relay {

QJsonObject hookUrls(const QString &publicUrl, const QString &orgId, const QString &secret)
{
    QString base = publicUrl;
    while (base.endsWith(QLatin1Char('/')))
        base.chop(1);
    QJsonObject hooks;
    for (HookKind kind : {HookKind::AtDelivery, HookKind::AtInbound, HookKind::AtOptOut, HookKind::DarajaStk,
                          HookKind::DarajaValidation, HookKind::DarajaConfirmation}) {
        const QString url
            = base + QStringLiteral("/hooks/") + orgId + QLatin1Char('/') + secret + QLatin1Char('/') + hookPath(kind);
        hooks.insert(hookUrlKey(kind), url);
    }
    return hooks;
}

namespace {

QString hookSecretContext(const QString &orgId)
{
    return QStringLiteral("hook-secret:") + orgId;
}

} // namespace

std::expected<OrganisationCreated, QString> createOrganisation(RelayStore &store, const MasterKey &key, const QString &name,
                                                               const QString &publicUrl)
{
    const QString trimmed = name.trimmed();
    if (trimmed.isEmpty())
        return std::unexpected(QStringLiteral("Give the organisation a name."));
    if (trimmed.size() > 200)
        return std::unexpected(QStringLiteral("The organisation's name is too long (200 characters at most)."));
    const QString secret = secrets::hookSecret();
    auto org = store.createOrganisation(secrets::organisationId(), trimmed, secrets::sha256(secret),
                                        QDateTime::currentMSecsSinceEpoch());
    if (!org)
        return std::unexpected(QStringLiteral("Could not save the organisation: %1").arg(org.error()));
    if (auto ok = store.setHookSecretSealed(org->id, key.seal(secret.toLatin1(), hookSecretContext(org->id))); !ok)
        return std::unexpected(QStringLiteral("Could not save the organisation: %1").arg(ok.error()));
    if (auto ok = vouchers::issueDemo(store, key, org->id); !ok)
        return std::unexpected(QStringLiteral("Could not issue the demo voucher: %1").arg(ok.error()));
    return OrganisationCreated{*org, secret, hookUrls(publicUrl, org->id, secret)};
}

std::expected<OrganisationCreated, QString> rotateHookSecret(RelayStore &store, const MasterKey &key, const QString &orgId,
                                                             const QString &publicUrl)
{
    auto org = store.organisation(orgId);
    if (!org)
        return std::unexpected(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(orgId));
    const QString secret = secrets::hookSecret();
    if (auto ok = store.setSecretHash(orgId, secrets::sha256(secret)); !ok)
        return std::unexpected(ok.error());
    if (auto ok = store.setHookSecretSealed(orgId, key.seal(secret.toLatin1(), hookSecretContext(orgId))); !ok)
        return std::unexpected(ok.error());
    org->secretHash = secrets::sha256(secret);
    return OrganisationCreated{*org, secret, hookUrls(publicUrl, orgId, secret)};
}

std::expected<EnrolCodeCreated, QString> createEnrolCode(RelayStore &store, const QString &orgId, int validHours)
{
    if (!store.organisation(orgId))
        return std::unexpected(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(orgId));
    const QString code = secrets::enrolCode();
    const qint64 now = QDateTime::currentMSecsSinceEpoch();
    const qint64 expires = now + qint64(validHours) * 3600 * 1000;
    if (auto ok = store.addEnrolCode(orgId, secrets::sha256(secrets::normaliseEnrolCode(code)), expires, now); !ok)
        return std::unexpected(QStringLiteral("Could not save the code: %1").arg(ok.error()));
    return EnrolCodeCreated{code, QDateTime::fromMSecsSinceEpoch(expires, Qt::UTC)};
}

std::expected<MpesaSettings, QString> setUpMpesa(RelayStore &store, const MasterKey &key, const QString &orgId,
                                                 const MpesaSetup &setup)
{
    if (!store.organisation(orgId))
        return std::unexpected(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(orgId));
    if (store.hookSecretSealed(orgId).isEmpty())
        return std::unexpected(QStringLiteral("The relay does not know %1's hook secret (the organisation is older than this "
                                              "version): run `kengele-relay org rotate %1` and update the dashboards first.")
                                   .arg(orgId));
    MpesaSettings settings;
    settings.orgId = orgId;
    settings.updatedAt = QDateTime::currentMSecsSinceEpoch();
    if (setup.simulator) {
        settings.simulator = true;
        settings.environment = QStringLiteral("simulator");
        settings.shortcode = QStringLiteral("174379");
    } else {
        static const QRegularExpression digits(QStringLiteral("^[0-9]{5,7}$"));
        if (!digits.match(setup.shortcode).hasMatch())
            return std::unexpected(QStringLiteral("--shortcode must be the 5 to 7 digit shortcode."));
        if (!setup.till.isEmpty() && !digits.match(setup.till).hasMatch())
            return std::unexpected(QStringLiteral("--till must be the 5 to 7 digit till number."));
        if (setup.environment != QLatin1String("sandbox") && setup.environment != QLatin1String("live"))
            return std::unexpected(QStringLiteral("--environment must be sandbox or live."));
        QString base = setup.baseUrl.trimmed();
        if (base.isEmpty())
            base = setup.environment == QLatin1String("live") ? QStringLiteral("https://api.safaricom.co.ke")
                                                              : QStringLiteral("https://sandbox.safaricom.co.ke");
        if (!base.startsWith(QLatin1String("https://")) && !base.startsWith(QLatin1String("http://")))
            return std::unexpected(QStringLiteral("--base-url must start with https://."));
        if (setup.consumerKey.isEmpty() || setup.consumerSecret.isEmpty() || setup.passkey.isEmpty())
            return std::unexpected(
                QStringLiteral("Give the consumer key, the consumer secret and the passkey as three lines on standard input."));
        settings.shortcode = setup.shortcode;
        settings.till = setup.till;
        settings.environment = setup.environment;
        settings.baseUrl = base;
        settings.consumerKeySealed = key.seal(setup.consumerKey.toUtf8(), QStringLiteral("mpesa:%1:consumer_key").arg(orgId));
        settings.consumerSecretSealed
            = key.seal(setup.consumerSecret.toUtf8(), QStringLiteral("mpesa:%1:consumer_secret").arg(orgId));
        settings.passkeySealed = key.seal(setup.passkey.toUtf8(), QStringLiteral("mpesa:%1:passkey").arg(orgId));
    }
    if (auto ok = store.setMpesaSettings(settings); !ok)
        return std::unexpected(QStringLiteral("Could not save the M-Pesa settings: %1").arg(ok.error()));
    return settings;
}

} // namespace kengele::relay
