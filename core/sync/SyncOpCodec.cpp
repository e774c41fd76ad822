// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncOpCodec.h"

#include "storage/Schema.h"

#include <QCborArray>
#include <QCborMap>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

QCborArray toArray(const SyncOp &op)
{
    return QCborArray{op.entity, op.uid, op.field, op.value, qint64(op.hlc), op.device, op.user, qint64(op.prev)};
}

std::optional<SyncOp> fromArray(const QCborArray &a)
{
    if (a.size() < 8 || !a.at(0).isString() || !a.at(1).isString() || !a.at(2).isString() || !a.at(4).isInteger()
        || !a.at(5).isString() || !a.at(6).isString() || !a.at(7).isInteger())
        return std::nullopt;
    SyncOp op;
    op.entity = a.at(0).toString();
    op.uid = a.at(1).toString();
    op.field = a.at(2).toString();
    op.value = a.at(3);
    op.hlc = quint64(a.at(4).toInteger());
    op.device = a.at(5).toString();
    op.user = a.at(6).toString();
    op.prev = quint64(a.at(7).toInteger());
    return op;
}

} // namespace

QByteArray SyncOpCodec::encodeOps(const QList<SyncOp> &ops)
{
    QCborArray list;
    for (const SyncOp &op : ops)
        list.append(toArray(op));
    QCborMap envelope;
    envelope.insert(u"protocol"_s, Protocol);
    envelope.insert(u"schema"_s, schema::CurrentVersion);
    envelope.insert(u"min_reader"_s, MinReader);
    envelope.insert(u"ops"_s, list);
    return QCborValue(envelope).toCbor();
}

Result<DecodedOps> SyncOpCodec::decodeOps(const QByteArray &bytes)
{
    QCborParserError error;
    const QCborValue root = QCborValue::fromCbor(bytes, &error);
    if (error.error != QCborError::NoError || !root.isMap())
        return fail(ErrorCode::Unsupported, tr("Changes from another computer could not be read."));
    const QCborMap envelope = root.toMap();
    DecodedOps decoded;
    decoded.protocol = int(envelope.value(u"protocol"_s).toInteger());
    decoded.schemaVersion = int(envelope.value(u"schema"_s).toInteger());
    decoded.minReader = int(envelope.value(u"min_reader"_s).toInteger());
    if (decoded.minReader > Protocol) {
        return fail(ErrorCode::NewerSchema,
                    tr("Another computer uses a newer Kengele. Update Kengele on this computer to receive its changes; "
                       "they are kept until then."));
    }
    const QCborArray list = envelope.value(u"ops"_s).toArray();
    decoded.ops.reserve(list.size());
    for (const QCborValue &item : list) {
        std::optional<SyncOp> op = fromArray(item.toArray());
        if (!op)
            return fail(ErrorCode::Unsupported, tr("Changes from another computer could not be read."));
        decoded.ops.append(std::move(*op));
    }
    return decoded;
}

QByteArray SyncOpCodec::encodeOne(const SyncOp &op)
{
    return QCborValue(toArray(op)).toCbor();
}

std::optional<SyncOp> SyncOpCodec::decodeOne(const QByteArray &bytes)
{
    return fromArray(QCborValue::fromCbor(bytes).toArray());
}

} // namespace kengele
