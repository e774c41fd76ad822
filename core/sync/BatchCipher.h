// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceRecord.h"
#include "common/Result.h"
#include "security/SecretBytes.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QString>

#include <expected>
#include <functional>
#include <map>
#include <optional>

namespace kengele {

class DeviceIdentity;
class OrgKeyRing;

// The labels the relay keeps beside a batch, in the clear: which organisation, which computer wrote
// it, its sequence number (per computer, from 1, rising), and the key epoch it was sealed with. The
// relay may lie about any of them: they are bound into the ciphertext and the signature, so a batch
// relabelled in transit does not open.
struct BatchLabel {
    QString org; // org_…
    QString device; // dev_…
    quint64 seq = 0;
    quint32 epoch = 0;
    // The relay's feed position of the batch (its `seq` in the event feed); not authenticated. Used
    // only to refuse a removed computer's batches that came after its removal. 0: not known.
    qint64 cursor = 0;
};

struct SealedBatch {
    BatchLabel label;
    QByteArray blob; // what goes to the relay (base64 in its JSON)
};

// Why a batch was refused. Each has a fixed code for the log (BatchCipher::code) and a message in
// plain words (BatchRefused::message). None quotes anything from inside the batch.
enum class BatchRefusal {
    Malformed, // not a batch of this version, cut short or garbage
    TooLarge, // over BatchCipher::MaxBlobBytes
    WrongOrganisation, // labelled with another organisation
    UnknownDevice, // from a computer this one has never heard of
    DeviceNotApproved, // from a computer that asked to join and was not approved
    DeviceRemoved, // from a removed computer: sealed with an epoch it was not given, or delivered after its removal
    Replayed, // a sequence number already applied from that computer
    StaleEpoch, // sealed with an older key than that computer already wrote with
    UnknownEpoch, // sealed with a key epoch this computer does not hold
    DecryptionFailed, // the key does not open it: another key, or the labels or bytes were changed
    BadSignature, // not signed by the computer it claims to come from (forged)
};

struct BatchRefused {
    BatchRefusal reason;
    QString message;
};

// What this computer already holds of a sending computer: the caller (the change applier) passes
// them, from the same transaction that will apply the batch. open() refuses only sequences at or
// below lastAppliedSeq; a gap (seq > last + 1: the relay held one back) is the caller's to notice —
// park the batch and open it when the missing one has been applied.
struct DeviceProgress {
    quint64 lastAppliedSeq = 0; // 0: nothing applied yet
    quint32 lastEpoch = 0; // the highest epoch of its batches applied so far (0: none)
};

// Seals and opens batches of change operations (opaque bytes to it) for the organisation, with the
// organisation's key ring and this computer's signing key. See docs/architecture.md, "Joining a
// computer, and its keys".
//
// Blob, version 1: version (u8 = 1) ‖ nonce (24) ‖ ciphertext (padded plaintext + 16-byte tag) ‖
// Ed25519 signature (64).
// - Cipher: XChaCha20-Poly1305-IETF under the epoch's "KglBatch" sub-key, random nonce.
// - Associated data: version (u8) ‖ org (u16 length ‖ UTF-8) ‖ device (u16 length ‖ UTF-8) ‖ seq
//   (u64) ‖ epoch (u32), all big-endian.
// - Padding: ISO/IEC 7816-4 (sodium_pad) to max(256, Padmé(n + 1)) bytes, so the size shows little
//   more than its order of magnitude (at most 6.25 % larger above 256 bytes).
// - Signature by the writing computer over "Kengele batch 1" (16 bytes with its NUL) ‖ AD ‖ nonce ‖
//   BLAKE2b-256 of the ciphertext (personal "KglBatchDigest1"): the shared key alone cannot tell
//   which computer wrote a batch.
class BatchCipher final
{
    Q_DECLARE_TR_FUNCTIONS(BatchCipher)

public:
    static constexpr quint8 Version = 1;
    static constexpr qsizetype MaxPlainBytes = 1024 * 1024;
    static constexpr qsizetype MinPaddedBytes = 256;
    static constexpr qsizetype NonceBytes = 24;
    static constexpr qsizetype TagBytes = 16;
    static constexpr qsizetype SignatureBytes = 64;
    static constexpr qsizetype Overhead = 1 + NonceBytes + TagBytes + SignatureBytes;
    static qsizetype paddedSize(qsizetype plainBytes);
    static const qsizetype MaxBlobBytes; // Overhead + paddedSize(MaxPlainBytes)

    // The record of a computer by its id; nullopt when unknown.
    using DeviceLookup = std::function<std::optional<DeviceRecord>(const QString &deviceId)>;

    // `org` is this computer's organisation; `keys` must outlive the cipher (epochs may be added to
    // it, or another ring moved into it, meanwhile). Keep one cipher and use it from one thread: it
    // remembers the sub-keys it derived (in sodium_malloc'd memory) while the ring is the same one
    // (OrgKeyRing::serial), which spares small batches a key derivation and three system calls.
    BatchCipher(QString org, const OrgKeyRing &keys);
    ~BatchCipher();
    BatchCipher(const BatchCipher &) = delete;
    BatchCipher &operator=(const BatchCipher &) = delete;

    // Seals `plain` as batch `seq` of `deviceId` (this computer, signing with `me`), with the current
    // epoch. Fails when the plaintext is over MaxPlainBytes or the ring is empty.
    Result<SealedBatch> seal(const DeviceIdentity &me, const QString &deviceId, quint64 seq, QByteArrayView plain) const;

    // Opens a batch with the labels the relay gave. Checks, in order: size and form; organisation;
    // the sending computer (known, approved, not removed for this epoch or delivery); replay and
    // epoch against `progress`; the epoch held; decryption (labels bound as AD); the signature.
    // The plaintext only comes out when all of them pass.
    std::expected<QByteArray, BatchRefused> open(const BatchLabel &label, QByteArrayView blob, const DeviceLookup &devices,
                                                 const DeviceProgress &progress) const;

    // "unknown-device", … : for the log.
    static const char *code(BatchRefusal reason);
    static QString describe(BatchRefusal reason);

private:
    const SecretBytes *batchKey(quint32 epoch) const;

    QString m_org;
    const OrgKeyRing &m_keys;
    mutable std::map<quint32, SecretBytes> m_subKeys;
    mutable quint64 m_subKeysOf = 0; // the ring's serial they were derived from
};

} // namespace kengele
