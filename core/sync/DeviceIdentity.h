// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceRecord.h"
#include "common/Result.h"
#include "security/SecretBytes.h"

#include <QCoreApplication>

#include <optional>

namespace kengele {

class SecretStore;

// This computer's own key pairs for the organisation's sync: X25519 (crypto_box, to receive sealed
// keys) and Ed25519 (crypto_sign, to sign its batches and the keys it grants). Made once; the secret
// halves live only in the keychain (the profile-scoped SecretStore, under SecretName) and in
// sodium_malloc'd memory here — never in the database, the settings, a log or a backup. The public
// halves are what other computers know it by.
class DeviceIdentity final
{
    Q_DECLARE_TR_FUNCTIONS(DeviceIdentity)

public:
    static constexpr const char *SecretName = "sync/device-keys";

    // New random key pairs, not saved.
    static DeviceIdentity generate();
    // The pairs in the keychain; nullopt when it holds none. Blocking (SecretStore::readNow).
    static Result<std::optional<DeviceIdentity>> load(SecretStore &secrets);
    // The pairs in the keychain, or new ones saved there. Blocking.
    static Result<DeviceIdentity> loadOrCreate(SecretStore &secrets);
    Status save(SecretStore &secrets) const;

    bool isValid() const { return m_public.isValid(); }
    const DevicePublicKeys &publicKeys() const { return m_public; }

    // Ed25519 detached signature (64 bytes).
    QByteArray sign(QByteArrayView message) const;
    // Opens a crypto_box_seal sealed to this computer; nullopt when it was not, or was changed.
    std::optional<SecretBytes> openSealed(QByteArrayView sealed) const;

private:
    DeviceIdentity() = default;
    static std::optional<DeviceIdentity> fromSecrets(SecretBytes boxSecret, QByteArrayView signSeed);

    SecretBytes m_boxSecret; // 32
    SecretBytes m_signSecret; // 64 (seed + public key, libsodium's form)
    DevicePublicKeys m_public;
};

} // namespace kengele
