// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayAdmin.h"

#include "Hooks.h"
#include "Secrets.h"

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

std::expected<OrganisationCreated, QString> createOrganisation(RelayStore &store, const QString &name, const QString &publicUrl)
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
    return OrganisationCreated{*org, secret, hookUrls(publicUrl, org->id, secret)};
}

std::expected<OrganisationCreated, QString> rotateHookSecret(RelayStore &store, const QString &orgId, const QString &publicUrl)
{
    auto org = store.organisation(orgId);
    if (!org)
        return std::unexpected(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(orgId));
    const QString secret = secrets::hookSecret();
    if (auto ok = store.setSecretHash(orgId, secrets::sha256(secret)); !ok)
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

} // namespace kengele::relay
