// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SyncOp.h"
#include "common/Result.h"

#include <QByteArray>
#include <QCoreApplication>
#include <QList>

namespace kengele {

// A batch of operations as bytes (before encryption): CBOR, a versioned envelope
//   {"protocol": 1, "schema": 15, "min_reader": 1, "ops": [[entity, uid, field, value, hlc,
//    device, user, prev, …], …]}
// protocol: this envelope's format; schema: the writer's schema version; min_reader: the oldest
// reader protocol that can apply it. A reader keeps elements it does not know past the eighth
// (ignored today) and hands unknown entities and fields to the applier, which keeps them.
struct DecodedOps {
    int protocol = 0;
    int schemaVersion = 0;
    int minReader = 0;
    QList<SyncOp> ops;
};

class SyncOpCodec final
{
    Q_DECLARE_TR_FUNCTIONS(SyncOpCodec)

public:
    static constexpr int Protocol = 1;
    static constexpr int MinReader = 1;

    static QByteArray encodeOps(const QList<SyncOp> &ops);
    // Fails (Unsupported) for bytes that are not such a batch, or a batch that needs a newer Kengele
    // (min_reader above Protocol): the caller keeps it for after an update.
    static Result<DecodedOps> decodeOps(const QByteArray &bytes);

    // One operation alone (parked operations are kept this way).
    static QByteArray encodeOne(const SyncOp &op);
    static std::optional<SyncOp> decodeOne(const QByteArray &bytes);
};

} // namespace kengele
