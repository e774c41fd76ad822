// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"
#include "security/SecretBytes.h"

#include <QCoreApplication>
#include <QList>

#include <map>
#include <optional>

namespace kengele {

class SecretStore;

// The organisation's data keys, one per key epoch: 32 random bytes each. The first computer makes
// epoch 1; removing a computer makes the next epoch (rotate()), which is granted to the computers
// that remain (KeyGrant). New batches are always sealed with the current (highest) epoch; older
// epochs stay, read-only, to open older batches. Kept in the keychain (SecretName), never in the
// database or the settings.
//
// The keys themselves encrypt nothing: each use has its own sub-key derived with crypto_kdf
// (context "KglBatch" for batches, "KglSnap_" for snapshots), so a key for one purpose never
// opens another's data.
class OrgKeyRing final
{
    Q_DECLARE_TR_FUNCTIONS(OrgKeyRing)

public:
    static constexpr const char *SecretName = "sync/org-keys";
    static constexpr qsizetype KeyBytes = 32;
    static constexpr qsizetype SubKeyBytes = 32;
    // More epochs than this in one ring is damage, not history (a rotation per removal).
    static constexpr int MaxEpochs = 4096;

    enum class Purpose {
        Batch, // "KglBatch": change batches (BatchCipher)
        Snapshot, // "KglSnap_": encrypted snapshots (secretstream), for the lead
    };

    OrgKeyRing();
    OrgKeyRing(OrgKeyRing &&) noexcept = default;
    OrgKeyRing &operator=(OrgKeyRing &&) noexcept = default;
    OrgKeyRing clone() const;

    // Differs between any two rings made (a clone or a ring read back is another ring); moves keep
    // it. An epoch's key never changes within one ring, so a cache of sub-keys stays good as long as
    // this does (BatchCipher).
    quint64 serial() const { return m_serial; }

    // A new organisation: epoch 1 with a random key.
    static OrgKeyRing createFirst();

    bool isEmpty() const { return m_keys.empty(); }
    quint32 currentEpoch() const { return m_keys.empty() ? 0 : m_keys.rbegin()->first; }
    bool hasEpoch(quint32 epoch) const { return m_keys.contains(epoch); }
    QList<quint32> epochs() const;

    // Adds epoch current+1 with a new random key and returns it.
    quint32 rotate();
    // Adds an epoch someone granted. The same key again is fine; another key for an epoch already
    // held is a Conflict (two computers rotated at once: see docs/architecture.md).
    Status addEpoch(quint32 epoch, SecretBytes key);
    // Adds every epoch of `other` (addEpoch for each); stops at the first conflict.
    Status merge(const OrgKeyRing &other);
    // A ring of one epoch, for granting a rotation to the computers that remain.
    OrgKeyRing onlyEpoch(quint32 epoch) const;

    // The sub-key for `purpose` of `epoch`; empty when the ring has no such epoch.
    SecretBytes subKey(quint32 epoch, Purpose purpose) const;

    // Binary form (inside a sealed KeyGrant, and the keychain's text as base64):
    // version 1 (u8) ‖ count (u32) ‖ count × (epoch u32 ‖ key 32 bytes), epochs rising.
    SecretBytes serialize() const;
    static Result<OrgKeyRing> deserialize(QByteArrayView bytes);

    // Blocking (SecretStore::readNow / writeNow).
    static Result<std::optional<OrgKeyRing>> load(SecretStore &secrets);
    Status save(SecretStore &secrets) const;

private:
    std::map<quint32, SecretBytes> m_keys;
    quint64 m_serial;
};

} // namespace kengele
