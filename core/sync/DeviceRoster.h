// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "DeviceRecord.h"
#include "SyncOp.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QSqlDatabase>

#include <optional>

namespace kengele {

class Database;

// The organisation's computers as this one trusts them (sync_devices, schema 16): public keys and
// states only. An entry comes from this computer's own founding or approval, from a key grant, or
// from inside an authenticated batch (entity "device"), never from what the relay says.
//
// Merging two versions of one computer's entry: a later state wins (pending < approved < removed);
// a computer's keys never change once known.
class DeviceRoster final
{
    Q_DECLARE_TR_FUNCTIONS(DeviceRoster)

public:
    static constexpr const char *Entity = "device";

    explicit DeviceRoster(Database &database);

    Result<QList<DeviceRecord>> all() const;
    std::optional<DeviceRecord> find(const QString &id) const;

    // Inside the caller's transaction. `dirty`: this computer wrote it and will send it. Returns
    // whether anything changed.
    static Result<bool> merge(const QSqlDatabase &db, const DeviceRecord &record, bool dirty, qint64 nowMs);
    static std::optional<DeviceRecord> find(const QSqlDatabase &db, const QString &id);
    static Result<QList<DeviceRecord>> all(const QSqlDatabase &db, bool onlyDirty = false);

    // As it travels inside a batch: entity "device", uid the id, field "record".
    static SyncOp toOp(const DeviceRecord &record, quint64 hlc, const QString &fromDevice);
    static std::optional<DeviceRecord> fromOp(const SyncOp &op);

private:
    Database &m_database;
};

} // namespace kengele
