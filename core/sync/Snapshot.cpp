// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Snapshot.h"

#include "ReplicaSchema.h"

#include <QCborValue>
#include <QtEndian>

#include <sodium.h>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

constexpr char SigningContext[] = "Kengele snapshot 1"; // signed with its NUL
constexpr unsigned char DigestPersonal[crypto_generichash_blake2b_PERSONALBYTES]
    = {'K', 'g', 'l', 'S', 'n', 'a', 'p', 'D', 'i', 'g', 'e', 's', 't', '1', 0, 0};

QList<SnapshotTable> buildTables()
{
    using L = QLatin1StringView;
    QList<SnapshotTable> out;
    const QList<L> clocks{"entity"_L1, "uid"_L1, "field"_L1, "hlc"_L1, "device"_L1, "user"_L1, "prev"_L1, "value"_L1};
    for (const ReplicaEntity &e : ReplicaSchema::rowEntities()) {
        if (e.name == ReplicaSchema::TokenAccount)
            continue; // the ledger's accounts come with its transfers, below
        QList<L> columns{"id"_L1, "uid"_L1};
        columns.append(e.fields);
        if (e.hasUpdatedAt)
            columns << "updated_at"_L1;
        SnapshotTable table{e.table, columns, {}, e.name == "contact"_L1};
        if (table.contactsPart) {
            out.prepend(SnapshotTable{"sync_clocks"_L1, clocks, "entity = 'contact'"_L1, true});
            out.prepend(table);
        } else {
            out.append(table);
        }
    }
    out.append({"group_members"_L1, {"group_id"_L1, "contact_id"_L1, "added_at"_L1}, {}, false});
    out.append({"opt_outs"_L1, {"phone"_L1, "reason"_L1, "source"_L1, "created_at"_L1}, {}, false});
    out.append(
        {"campaign_recipients"_L1, {"campaign_uid"_L1, "phone"_L1, "version"_L1, "rank"_L1, "state"_L1, "reason"_L1}, {}, false});
    out.append({"sync_clocks"_L1, clocks, "entity <> 'contact'"_L1, false});
    out.append({"sync_tags"_L1, {"tag"_L1, "entity"_L1, "a"_L1, "b"_L1, "removed"_L1}, {}, false});
    out.append({"sync_aliases"_L1, {"entity"_L1, "uid"_L1, "canonical"_L1}, {}, false});
    out.append({"sync_unknown"_L1, {"entity"_L1, "uid"_L1, "field"_L1, "value"_L1, "hlc"_L1, "device"_L1, "user"_L1}, {}, false});
    out.append({"sync_parked"_L1, {"id"_L1, "hlc"_L1, "device"_L1, "op"_L1, "parked_at"_L1}, {}, false});
    // The token ledger (schema 18): accounts, transfers with their clocks and campaign references
    // (not this computer's campaign ids), entries, and the credits' lots (plan, expiry; not the
    // overdraft lot every profile has). What each budget holds of each lot is recounted on load.
    out.append({"token_accounts"_L1, {"id"_L1, "uid"_L1, "name"_L1, "kind"_L1, "alert_below"_L1, "created_at"_L1}, {}, false});
    out.append({"token_transfers"_L1,
                {"id"_L1, "uid"_L1, "kind"_L1, "campaign_ref"_L1, "reference"_L1, "reason"_L1, "user_name"_L1, "created_at"_L1,
                 "hlc"_L1, "device"_L1, "lot"_L1},
                {},
                false});
    out.append({"token_entries"_L1, {"id"_L1, "transfer_id"_L1, "account_id"_L1, "amount"_L1}, {}, false});
    out.append({"token_lots"_L1,
                {"id"_L1, "transfer_id"_L1, "plan"_L1, "tokens"_L1, "credited_at"_L1, "expires_at"_L1},
                "id <> -1"_L1,
                false});
    // Every computer's audit trail (schema 22): the writer's own entries (from audit_log, under its
    // replica id) and those it received; a computer loading it keeps none of its own (audit_remote
    // drops them: they are in its audit_log).
    out.append({"audit_remote"_L1,
                {"device"_L1, "entry_id"_L1, "hash"_L1, "at"_L1, "user_name"_L1, "device_name"_L1, "action"_L1, "object"_L1,
                 "summary"_L1},
                {},
                false,
                "audit_entries"_L1});
    out.append({"sync_conflicts"_L1,
                {"id"_L1, "entity"_L1, "uid"_L1, "field"_L1, "kept"_L1, "kept_user"_L1, "kept_device"_L1, "kept_hlc"_L1,
                 "lost"_L1, "lost_user"_L1, "lost_device"_L1, "lost_hlc"_L1, "at"_L1},
                {},
                false});
    return out;
}

} // namespace

const QList<SnapshotTable> &SnapshotFormat::tables()
{
    static const QList<SnapshotTable> tables = buildTables();
    return tables;
}

QByteArray SnapshotFormat::signingMessage(QByteArrayView unsignedPart)
{
    unsigned char digest[32];
    crypto_generichash_blake2b_salt_personal(digest, sizeof digest, reinterpret_cast<const unsigned char *>(unsignedPart.data()),
                                             quint64(unsignedPart.size()), nullptr, 0, nullptr, DigestPersonal);
    QByteArray message(SigningContext, sizeof SigningContext);
    message.append(reinterpret_cast<const char *>(digest), sizeof digest);
    return message;
}

QByteArray SnapshotFormat::prefix(const SnapshotHeader &header)
{
    QCborMap map;
    map[u"org"_s] = header.org;
    map[u"device"_s] = header.device;
    map[u"epoch"_s] = qint64(header.epoch);
    map[u"covers"_s] = header.covers;
    map[u"created"_s] = header.created;
    const QByteArray cbor = map.toCborValue().toCbor();
    QByteArray out(Magic, sizeof Magic);
    char length[4];
    qToBigEndian(quint32(cbor.size()), length);
    out.append(length, 4);
    out.append(cbor);
    return out;
}

QList<QByteArray> SnapshotFormat::split(const QByteArray &blob, qsizetype partBytes)
{
    QList<QByteArray> parts;
    for (qsizetype at = 0; at < blob.size(); at += partBytes)
        parts.append(blob.mid(at, partBytes));
    return parts;
}

const char *SnapshotFormat::code(SnapshotRefusal reason)
{
    switch (reason) {
    case SnapshotRefusal::NoSnapshot:
        return "no-snapshot";
    case SnapshotRefusal::Malformed:
        return "malformed";
    case SnapshotRefusal::WrongOrganisation:
        return "wrong-organisation";
    case SnapshotRefusal::UnknownDevice:
        return "unknown-device";
    case SnapshotRefusal::DeviceNotApproved:
        return "device-not-approved";
    case SnapshotRefusal::UnknownEpoch:
        return "unknown-epoch";
    case SnapshotRefusal::BadSignature:
        return "bad-signature";
    case SnapshotRefusal::DecryptionFailed:
        return "decryption-failed";
    case SnapshotRefusal::Truncated:
        return "truncated";
    case SnapshotRefusal::ProfileNotEmpty:
        return "profile-not-empty";
    case SnapshotRefusal::Storage:
        return "storage";
    case SnapshotRefusal::Relay:
        return "relay";
    }
    return "unknown";
}

QString SnapshotFormat::describe(SnapshotRefusal reason)
{
    switch (reason) {
    case SnapshotRefusal::NoSnapshot:
        return tr("The church's other computers have not saved a copy of their data on the relay yet.");
    case SnapshotRefusal::Malformed:
        return tr("The copy of the church's data on the relay is damaged or of an unknown kind. Nothing was changed.");
    case SnapshotRefusal::WrongOrganisation:
        return tr("The copy of the data on the relay belongs to another church. Nothing was changed.");
    case SnapshotRefusal::UnknownDevice:
        return tr("The copy of the data on the relay was made by a computer this one does not know. Nothing was changed.");
    case SnapshotRefusal::DeviceNotApproved:
        return tr("The copy of the data on the relay was made by a computer that is not approved. Nothing was changed.");
    case SnapshotRefusal::UnknownEpoch:
        return tr("The copy of the data on the relay is locked with a key this computer has not been given yet. "
                  "Nothing was changed.");
    case SnapshotRefusal::BadSignature:
        return tr("The copy of the data on the relay was changed after it was made, or was not made by the computer it "
                  "names. Nothing was changed.");
    case SnapshotRefusal::DecryptionFailed:
        return tr("The copy of the data on the relay could not be unlocked with the church's key. Nothing was changed.");
    case SnapshotRefusal::Truncated:
        return tr("The copy of the data on the relay is incomplete. Nothing was changed.");
    case SnapshotRefusal::ProfileNotEmpty:
        return tr("This computer already holds contacts or groups, so the church's copy cannot simply be loaded. "
                  "Nothing was changed.");
    case SnapshotRefusal::Storage:
        return tr("The church's data could not be saved on this computer. Nothing was changed.");
    case SnapshotRefusal::Relay:
        return tr("The relay could not be reached, or it refused. Nothing was changed.");
    }
    return {};
}

} // namespace kengele
