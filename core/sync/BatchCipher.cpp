// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "BatchCipher.h"

#include "DeviceIdentity.h"
#include "OrgKeyRing.h"
#include "OrgWire.h"
#include "SyncLog.h"
#include "security/SecretBytes.h"

#include <sodium.h>

#include <bit>

namespace kengele {

namespace {

static_assert(BatchCipher::NonceBytes == crypto_aead_xchacha20poly1305_ietf_NPUBBYTES);
static_assert(BatchCipher::TagBytes == crypto_aead_xchacha20poly1305_ietf_ABYTES);
static_assert(BatchCipher::SignatureBytes == crypto_sign_BYTES);

// 16 bytes with the NUL: what a device signs for a batch, so a batch signature is never mistaken
// for a grant's (KeyGrant signs under its own words).
constexpr char SignatureDomain[] = "Kengele batch 1";
static_assert(sizeof SignatureDomain == 16);

// Longest organisation or device id accepted in a label (the relay's are about 20 characters).
constexpr qsizetype MaxIdBytes = 200;

// Padmé (Nikitin et al., PoPETs 2019) rounds a length up to a multiple of 2^(E − S), E = ⌊log2 n⌋,
// S = ⌊log2 E⌋ + 1: the size then shows O(log log n) bits of the length, for at most 12 % more bytes.
// Rounding up to a multiple is what sodium_pad does with that multiple as its block size.
qsizetype padmeBlock(qsizetype length)
{
    if (length < 2)
        return 1;
    const int e = std::bit_width(quint64(length)) - 1;
    const int s = std::bit_width(quint32(e));
    return qsizetype(1) << (e - s);
}

qsizetype roundUp(qsizetype length, qsizetype block)
{
    return (length + block - 1) / block * block;
}

// The block size sodium_pad uses for `plainBytes`, and the one sodium_unpad needs for a padded
// size: the smallest bucket is one block; above it, Padmé's multiple (never smaller than the one
// the writer used, so the marker is always within it).
qsizetype padBlockForPlain(qsizetype plainBytes)
{
    const qsizetype block = padmeBlock(plainBytes + 1);
    return roundUp(plainBytes + 1, block) <= BatchCipher::MinPaddedBytes ? BatchCipher::MinPaddedBytes : block;
}

qsizetype padBlockForPadded(qsizetype paddedBytes)
{
    return paddedBytes <= BatchCipher::MinPaddedBytes ? paddedBytes : padmeBlock(paddedBytes);
}

QByteArray associatedData(const QString &org, const QString &device, quint64 seq, quint32 epoch)
{
    orgwire::Writer ad(64);
    ad.u8(BatchCipher::Version).text16(org).text16(device).u64(seq).u32(epoch);
    return ad.bytes();
}

// What the writing device signs: the domain, the AD, the nonce and a BLAKE2b-256 digest of the
// ciphertext (hash-then-sign: Ed25519 would hash a 64 KiB ciphertext twice with SHA-512, which made
// signing four times slower than the cipher itself).
QByteArray signedMessage(QByteArrayView ad, QByteArrayView nonce, QByteArrayView ciphertext)
{
    QByteArray message;
    message.reserve(qsizetype(sizeof SignatureDomain) + ad.size() + nonce.size() + 32);
    message.append(SignatureDomain, sizeof SignatureDomain);
    message.append(ad);
    message.append(nonce);
    message.append(orgwire::hash(ciphertext, "KglBatchDigest1", 32));
    return message;
}

bool idFits(const QString &id)
{
    return !id.isEmpty() && id.toUtf8().size() <= MaxIdBytes;
}

} // namespace

const qsizetype BatchCipher::MaxBlobBytes = BatchCipher::Overhead + BatchCipher::paddedSize(BatchCipher::MaxPlainBytes);

qsizetype BatchCipher::paddedSize(qsizetype plainBytes)
{
    return roundUp(plainBytes + 1, padBlockForPlain(plainBytes));
}

BatchCipher::BatchCipher(QString org, const OrgKeyRing &keys)
    : m_org(std::move(org))
    , m_keys(keys)
{ }

BatchCipher::~BatchCipher() = default;

const SecretBytes *BatchCipher::batchKey(quint32 epoch) const
{
    // An epoch's key never changes within one ring (OrgKeyRing::addEpoch refuses another), so
    // neither does its sub-key.
    if (m_subKeysOf != m_keys.serial()) {
        m_subKeys.clear();
        m_subKeysOf = m_keys.serial();
    }
    if (const auto known = m_subKeys.find(epoch); known != m_subKeys.end())
        return &known->second;
    SecretBytes sub = m_keys.subKey(epoch, OrgKeyRing::Purpose::Batch);
    if (sub.isEmpty())
        return nullptr;
    return &m_subKeys.emplace(epoch, std::move(sub)).first->second;
}

Result<SealedBatch> BatchCipher::seal(const DeviceIdentity &me, const QString &deviceId, quint64 seq, QByteArrayView plain) const
{
    if (plain.size() > MaxPlainBytes)
        return fail(ErrorCode::InvalidInput, tr("Too many changes to send at once; they must be sent in smaller parts."));
    if (sodium_init() < 0 || m_keys.isEmpty() || !me.isValid())
        return fail(ErrorCode::Keychain, tr("This computer does not hold the congregation's shared key yet."));
    if (seq == 0 || !idFits(deviceId) || !idFits(m_org))
        return fail(ErrorCode::InvalidInput, tr("The changes could not be prepared for the other computers."));

    const quint32 epoch = m_keys.currentEpoch();
    const SecretBytes *key = batchKey(epoch);
    if (!key)
        return fail(ErrorCode::Keychain, tr("This computer does not hold the congregation's shared key yet."));

    // Padded in place where the ciphertext goes, then encrypted in place (libsodium allows it).
    const qsizetype padded = paddedSize(plain.size());
    QByteArray blob(1 + NonceBytes + padded + TagBytes + SignatureBytes, Qt::Uninitialized);
    auto *out = reinterpret_cast<unsigned char *>(blob.data());
    out[0] = Version;
    unsigned char *nonce = out + 1;
    unsigned char *body = nonce + NonceBytes;
    memcpy(body, plain.data(), size_t(plain.size()));
    size_t paddedLength = 0;
    if (sodium_pad(&paddedLength, body, size_t(plain.size()), size_t(padBlockForPlain(plain.size())), size_t(padded)) != 0
        || qsizetype(paddedLength) != padded) {
        sodium_memzero(body, size_t(plain.size()));
        return fail(ErrorCode::InvalidInput, tr("The changes could not be prepared for the other computers."));
    }

    const QByteArray ad = associatedData(m_org, deviceId, seq, epoch);
    randombytes_buf(nonce, NonceBytes);
    unsigned long long cipherLength = 0;
    crypto_aead_xchacha20poly1305_ietf_encrypt(body, &cipherLength, body, quint64(padded),
                                               reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()),
                                               nullptr, nonce, key->data());
    const QByteArray signature
        = me.sign(signedMessage(ad, QByteArrayView(nonce, NonceBytes), QByteArrayView(body, qsizetype(cipherLength))));
    if (signature.size() != SignatureBytes)
        return fail(ErrorCode::Keychain, tr("This computer's signing key is not available."));
    memcpy(out + 1 + NonceBytes + cipherLength, signature.constData(), SignatureBytes);
    return SealedBatch{BatchLabel{m_org, deviceId, seq, epoch, 0}, blob};
}

std::expected<QByteArray, BatchRefused> BatchCipher::open(const BatchLabel &label, QByteArrayView blob,
                                                          const DeviceLookup &devices, const DeviceProgress &progress) const
{
    const auto refuse = [&label](BatchRefusal reason) {
        qCWarning(lcSync) << "batch refused:" << code(reason) << "device" << label.device << "seq" << label.seq << "epoch"
                          << label.epoch;
        return std::unexpected(
            BatchRefused{reason, tr("Changes from another computer were not taken in: %1").arg(describe(reason))});
    };

    if (blob.size() > MaxBlobBytes)
        return refuse(BatchRefusal::TooLarge);
    if (blob.size() < Overhead + MinPaddedBytes || quint8(blob[0]) != Version || sodium_init() < 0)
        return refuse(BatchRefusal::Malformed);
    if (label.org != m_org)
        return refuse(BatchRefusal::WrongOrganisation);
    if (!idFits(label.device) || label.seq == 0)
        return refuse(BatchRefusal::Malformed);

    const std::optional<DeviceRecord> device = devices ? devices(label.device) : std::nullopt;
    if (!device || device->id != label.device)
        return refuse(BatchRefusal::UnknownDevice);
    switch (device->state) {
    case DeviceRecord::State::Pending:
        return refuse(BatchRefusal::DeviceNotApproved);
    case DeviceRecord::State::Removed:
        if ((device->removedAtEpoch != 0 && label.epoch >= device->removedAtEpoch) || device->removedAtCursor <= 0
            || label.cursor <= 0 || label.cursor > device->removedAtCursor)
            return refuse(BatchRefusal::DeviceRemoved);
        break;
    case DeviceRecord::State::Approved:
        break;
    }
    if (device->keys.sign.size() != crypto_sign_PUBLICKEYBYTES)
        return refuse(BatchRefusal::DeviceNotApproved);

    if (label.seq <= progress.lastAppliedSeq)
        return refuse(BatchRefusal::Replayed);
    if (label.epoch < progress.lastEpoch)
        return refuse(BatchRefusal::StaleEpoch);
    if (!m_keys.hasEpoch(label.epoch))
        return refuse(BatchRefusal::UnknownEpoch);
    const SecretBytes *key = batchKey(label.epoch);
    if (!key)
        return refuse(BatchRefusal::UnknownEpoch);

    const QByteArray ad = associatedData(m_org, label.device, label.seq, label.epoch);
    const qsizetype cipherLength = blob.size() - 1 - NonceBytes - SignatureBytes;
    const auto *nonce = reinterpret_cast<const unsigned char *>(blob.data() + 1);
    QByteArray padded(cipherLength - TagBytes, Qt::Uninitialized);
    unsigned long long paddedLength = 0;
    if (crypto_aead_xchacha20poly1305_ietf_decrypt(
            reinterpret_cast<unsigned char *>(padded.data()), &paddedLength, nullptr, nonce + NonceBytes, quint64(cipherLength),
            reinterpret_cast<const unsigned char *>(ad.constData()), quint64(ad.size()), nonce, key->data())
        != 0)
        return refuse(BatchRefusal::DecryptionFailed);

    const QByteArray message = signedMessage(ad, blob.sliced(1, NonceBytes), blob.sliced(1 + NonceBytes, cipherLength));
    if (crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(blob.data() + blob.size() - SignatureBytes),
                                    reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
                                    reinterpret_cast<const unsigned char *>(device->keys.sign.constData()))
        != 0) {
        wipe(padded);
        return refuse(BatchRefusal::BadSignature);
    }

    size_t plainLength = 0;
    if (sodium_unpad(&plainLength, reinterpret_cast<const unsigned char *>(padded.constData()), size_t(paddedLength),
                     size_t(padBlockForPadded(qsizetype(paddedLength))))
        != 0) {
        wipe(padded);
        return refuse(BatchRefusal::Malformed);
    }
    padded.truncate(qsizetype(plainLength));
    return padded;
}

const char *BatchCipher::code(BatchRefusal reason)
{
    switch (reason) {
    case BatchRefusal::Malformed:
        return "malformed";
    case BatchRefusal::TooLarge:
        return "too-large";
    case BatchRefusal::WrongOrganisation:
        return "wrong-organisation";
    case BatchRefusal::UnknownDevice:
        return "unknown-device";
    case BatchRefusal::DeviceNotApproved:
        return "device-not-approved";
    case BatchRefusal::DeviceRemoved:
        return "device-removed";
    case BatchRefusal::Replayed:
        return "replayed";
    case BatchRefusal::StaleEpoch:
        return "stale-epoch";
    case BatchRefusal::UnknownEpoch:
        return "unknown-epoch";
    case BatchRefusal::DecryptionFailed:
        return "decryption-failed";
    case BatchRefusal::BadSignature:
        return "bad-signature";
    }
    return "unknown";
}

QString BatchCipher::describe(BatchRefusal reason)
{
    switch (reason) {
    case BatchRefusal::Malformed:
        return tr("what arrived is damaged or incomplete.");
    case BatchRefusal::TooLarge:
        return tr("what arrived is too large to be a set of changes.");
    case BatchRefusal::WrongOrganisation:
        return tr("it belongs to another congregation.");
    case BatchRefusal::UnknownDevice:
        return tr("it comes from a computer this one does not know.");
    case BatchRefusal::DeviceNotApproved:
        return tr("it comes from a computer that has not been approved.");
    case BatchRefusal::DeviceRemoved:
        return tr("it comes from a computer that was removed.");
    case BatchRefusal::Replayed:
        return tr("these changes were already applied; a copy was sent again.");
    case BatchRefusal::StaleEpoch:
        return tr("it was locked with an old key that computer no longer uses.");
    case BatchRefusal::UnknownEpoch:
        return tr("it was locked with a key this computer has not been given.");
    case BatchRefusal::DecryptionFailed:
        return tr("it could not be unlocked: it was changed on the way, or locked with another key.");
    case BatchRefusal::BadSignature:
        return tr("it was not signed by the computer it claims to come from.");
    }
    return {};
}

} // namespace kengele
