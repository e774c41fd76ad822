// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrgKeyRing.h"

#include "security/SecretStore.h"

#include <QtEndian>

#include <sodium.h>

#include <atomic>

namespace kengele {

namespace {

constexpr quint8 FormatVersion = 1;
constexpr qsizetype EntryBytes = 4 + OrgKeyRing::KeyBytes;

Error damaged()
{
    return {ErrorCode::Keychain, OrgKeyRing::tr("The congregation's shared keys are damaged.")};
}

std::atomic<quint64> s_nextSerial{1};

} // namespace

OrgKeyRing::OrgKeyRing()
    : m_serial(s_nextSerial.fetch_add(1, std::memory_order_relaxed))
{ }

OrgKeyRing OrgKeyRing::clone() const
{
    OrgKeyRing copy;
    for (const auto &[epoch, key] : m_keys)
        copy.m_keys.emplace(epoch, key.clone());
    return copy;
}

OrgKeyRing OrgKeyRing::createFirst()
{
    OrgKeyRing ring;
    ring.m_keys.emplace(1, SecretBytes::random(KeyBytes));
    return ring;
}

QList<quint32> OrgKeyRing::epochs() const
{
    QList<quint32> out;
    for (const auto &entry : m_keys)
        out.append(entry.first);
    return out;
}

quint32 OrgKeyRing::rotate()
{
    const quint32 next = currentEpoch() + 1;
    m_keys.emplace(next, SecretBytes::random(KeyBytes));
    return next;
}

Status OrgKeyRing::addEpoch(quint32 epoch, SecretBytes key)
{
    if (epoch == 0 || key.size() != KeyBytes)
        return std::unexpected(damaged());
    if (const auto held = m_keys.find(epoch); held != m_keys.end()) {
        if (held->second.equals(key))
            return {};
        return fail(ErrorCode::Conflict,
                    tr("Two computers changed the congregation's shared key at the same time. Remove and approve one "
                       "of them again."));
    }
    if (m_keys.size() >= size_t(MaxEpochs))
        return std::unexpected(damaged());
    m_keys.emplace(epoch, std::move(key));
    return {};
}

Status OrgKeyRing::merge(const OrgKeyRing &other)
{
    for (const auto &[epoch, key] : other.m_keys)
        if (Status added = addEpoch(epoch, key.clone()); !added)
            return added;
    return {};
}

OrgKeyRing OrgKeyRing::onlyEpoch(quint32 epoch) const
{
    OrgKeyRing ring;
    if (const auto held = m_keys.find(epoch); held != m_keys.end())
        ring.m_keys.emplace(epoch, held->second.clone());
    return ring;
}

SecretBytes OrgKeyRing::subKey(quint32 epoch, Purpose purpose) const
{
    const auto held = m_keys.find(epoch);
    if (held == m_keys.end())
        return {};
    static_assert(KeyBytes == crypto_kdf_KEYBYTES && SubKeyBytes >= crypto_kdf_BYTES_MIN);
    const char *context = purpose == Purpose::Batch ? "KglBatch" : "KglSnap_";
    SecretBytes sub(SubKeyBytes);
    if (sub.isEmpty() || crypto_kdf_derive_from_key(sub.data(), size_t(SubKeyBytes), 1, context, held->second.data()) != 0)
        return {};
    return sub;
}

SecretBytes OrgKeyRing::serialize() const
{
    SecretBytes out(1 + 4 + qsizetype(m_keys.size()) * EntryBytes);
    if (out.isEmpty())
        return {};
    unsigned char *at = out.data();
    *at++ = FormatVersion;
    qToBigEndian(quint32(m_keys.size()), at);
    at += 4;
    for (const auto &[epoch, key] : m_keys) {
        qToBigEndian(epoch, at);
        memcpy(at + 4, key.data(), size_t(KeyBytes));
        at += EntryBytes;
    }
    return out;
}

Result<OrgKeyRing> OrgKeyRing::deserialize(QByteArrayView bytes)
{
    if (bytes.size() < 5 || quint8(bytes[0]) != FormatVersion)
        return std::unexpected(damaged());
    const quint32 count = qFromBigEndian<quint32>(bytes.data() + 1);
    if (count == 0 || count > quint32(MaxEpochs) || bytes.size() != 5 + qsizetype(count) * EntryBytes)
        return std::unexpected(damaged());
    OrgKeyRing ring;
    const char *at = bytes.data() + 5;
    quint32 previous = 0;
    for (quint32 i = 0; i < count; ++i, at += EntryBytes) {
        // Rising, as serialize() writes them: one ring has one form.
        const quint32 epoch = qFromBigEndian<quint32>(at);
        if (epoch <= previous)
            return std::unexpected(damaged());
        previous = epoch;
        ring.m_keys.emplace(epoch, SecretBytes::copyOf(QByteArrayView(at + 4, KeyBytes)));
    }
    return ring;
}

Result<std::optional<OrgKeyRing>> OrgKeyRing::load(SecretStore &secrets)
{
    Result<QString> stored = secrets.readNow(QString::fromLatin1(SecretName));
    if (!stored) {
        if (stored.error().code == ErrorCode::NotFound)
            return std::optional<OrgKeyRing>();
        return std::unexpected(stored.error());
    }
    const SecretBytes raw = SecretBytes::fromBase64(*stored);
    wipe(*stored);
    Result<OrgKeyRing> ring = deserialize(raw.view());
    if (!ring)
        return std::unexpected(ring.error());
    return std::optional<OrgKeyRing>(std::move(*ring));
}

Status OrgKeyRing::save(SecretStore &secrets) const
{
    if (isEmpty())
        return std::unexpected(damaged());
    QString text = serialize().toBase64();
    Status saved = secrets.writeNow(QString::fromLatin1(SecretName), text);
    wipe(text);
    return saved;
}

} // namespace kengele
