// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DeviceIdentity.h"

#include "security/SecretStore.h"

#include <sodium.h>

namespace kengele {

namespace {

// Keychain form: base64 of version (1) ‖ X25519 secret (32) ‖ Ed25519 seed (32).
constexpr quint8 StoredVersion = 1;
constexpr qsizetype StoredBytes = 1 + crypto_box_SECRETKEYBYTES + crypto_sign_SEEDBYTES;

} // namespace

std::optional<DeviceIdentity> DeviceIdentity::fromSecrets(SecretBytes boxSecret, QByteArrayView signSeed)
{
    if (sodium_init() < 0 || boxSecret.size() != crypto_box_SECRETKEYBYTES || signSeed.size() != crypto_sign_SEEDBYTES)
        return std::nullopt;
    DeviceIdentity identity;
    identity.m_boxSecret = std::move(boxSecret);
    identity.m_signSecret = SecretBytes(crypto_sign_SECRETKEYBYTES);
    if (identity.m_signSecret.isEmpty())
        return std::nullopt;
    identity.m_public.box.resize(crypto_box_PUBLICKEYBYTES);
    identity.m_public.sign.resize(crypto_sign_PUBLICKEYBYTES);
    if (crypto_scalarmult_base(reinterpret_cast<unsigned char *>(identity.m_public.box.data()), identity.m_boxSecret.data()) != 0
        || crypto_sign_seed_keypair(reinterpret_cast<unsigned char *>(identity.m_public.sign.data()),
                                    identity.m_signSecret.data(), reinterpret_cast<const unsigned char *>(signSeed.data()))
            != 0)
        return std::nullopt;
    return identity;
}

DeviceIdentity DeviceIdentity::generate()
{
    const SecretBytes seed = SecretBytes::random(crypto_sign_SEEDBYTES);
    std::optional<DeviceIdentity> made = fromSecrets(SecretBytes::random(crypto_box_SECRETKEYBYTES), seed.view());
    return made ? std::move(*made) : DeviceIdentity();
}

Result<std::optional<DeviceIdentity>> DeviceIdentity::load(SecretStore &secrets)
{
    Result<QString> stored = secrets.readNow(QString::fromLatin1(SecretName));
    if (!stored) {
        if (stored.error().code == ErrorCode::NotFound)
            return std::optional<DeviceIdentity>();
        return std::unexpected(stored.error());
    }
    const SecretBytes raw = SecretBytes::fromBase64(*stored);
    wipe(*stored);
    if (raw.size() != StoredBytes || raw.data()[0] != StoredVersion)
        return fail(ErrorCode::Keychain, tr("The keychain holds damaged keys for this computer's link to the other computers."));
    std::optional<DeviceIdentity> identity = fromSecrets(SecretBytes::copyOf(raw.view().sliced(1, crypto_box_SECRETKEYBYTES)),
                                                         raw.view().sliced(1 + crypto_box_SECRETKEYBYTES, crypto_sign_SEEDBYTES));
    if (!identity)
        return fail(ErrorCode::Keychain, tr("The encryption library could not start."));
    return identity;
}

Result<DeviceIdentity> DeviceIdentity::loadOrCreate(SecretStore &secrets)
{
    Result<std::optional<DeviceIdentity>> loaded = load(secrets);
    if (!loaded)
        return std::unexpected(loaded.error());
    if (*loaded)
        return std::move(**loaded);
    DeviceIdentity made = generate();
    if (!made.isValid())
        return fail(ErrorCode::Keychain, tr("The encryption library could not start."));
    if (Status saved = made.save(secrets); !saved)
        return std::unexpected(saved.error());
    return made;
}

Status DeviceIdentity::save(SecretStore &secrets) const
{
    if (!isValid())
        return fail(ErrorCode::Keychain, tr("The encryption library could not start."));
    SecretBytes raw(StoredBytes);
    raw.data()[0] = StoredVersion;
    memcpy(raw.data() + 1, m_boxSecret.data(), crypto_box_SECRETKEYBYTES);
    crypto_sign_ed25519_sk_to_seed(raw.data() + 1 + crypto_box_SECRETKEYBYTES, m_signSecret.data());
    QString text = raw.toBase64();
    Status saved = secrets.writeNow(QString::fromLatin1(SecretName), text);
    wipe(text);
    return saved;
}

QByteArray DeviceIdentity::sign(QByteArrayView message) const
{
    QByteArray signature(crypto_sign_BYTES, '\0');
    if (!isValid()
        || crypto_sign_detached(reinterpret_cast<unsigned char *>(signature.data()), nullptr,
                                reinterpret_cast<const unsigned char *>(message.data()), quint64(message.size()),
                                m_signSecret.data())
            != 0)
        return {};
    return signature;
}

std::optional<SecretBytes> DeviceIdentity::openSealed(QByteArrayView sealed) const
{
    if (!isValid() || sealed.size() < qsizetype(crypto_box_SEALBYTES))
        return std::nullopt;
    SecretBytes plain(sealed.size() - crypto_box_SEALBYTES);
    if (plain.isEmpty())
        return std::nullopt;
    if (crypto_box_seal_open(plain.data(), reinterpret_cast<const unsigned char *>(sealed.data()), quint64(sealed.size()),
                             reinterpret_cast<const unsigned char *>(m_public.box.constData()), m_boxSecret.data())
        != 0)
        return std::nullopt;
    return plain;
}

} // namespace kengele
