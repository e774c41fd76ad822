// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QByteArrayView>
#include <QString>

#include <optional>

namespace kengele::orgwire {

// The byte layouts of the organisation's crypto blobs (batches, join messages, key grants): big-endian
// integers, and strings and byte strings with a length in front, so no two different sets of fields
// ever give the same bytes (what is signed or hashed is unambiguous).
class Writer final
{
public:
    explicit Writer(qsizetype reserve = 0) { m_out.reserve(reserve); }

    Writer &u8(quint8 value);
    Writer &u16(quint16 value);
    Writer &u32(quint32 value);
    Writer &u64(quint64 value);
    Writer &raw(QByteArrayView bytes);
    // A u16 length, then the bytes (at most 65535).
    Writer &text16(const QString &text);
    Writer &bytes16(QByteArrayView bytes);
    // A u32 length, then the bytes.
    Writer &bytes32(QByteArrayView bytes);

    const QByteArray &bytes() const { return m_out; }
    QByteArray &bytes() { return m_out; }

private:
    QByteArray m_out;
};

// Reads what a Writer wrote; every read past the end (or a length that does not fit) turns `ok` off
// and gives zeros or empties from then on, so a parser checks once at the end.
class Reader final
{
public:
    explicit Reader(QByteArrayView in)
        : m_in(in)
    { }

    quint8 u8();
    quint16 u16();
    quint32 u32();
    quint64 u64();
    QByteArrayView raw(qsizetype size);
    // Text must be valid UTF-8 and at most `maxChars` long.
    QString text16(qsizetype maxChars);
    QByteArrayView bytes16();
    QByteArrayView bytes32(qsizetype maxBytes);
    QByteArrayView rest();

    bool ok() const { return m_ok; }
    bool atEnd() const { return m_ok && m_pos == m_in.size(); }
    qsizetype remaining() const { return m_in.size() - m_pos; }

private:
    QByteArrayView m_in;
    qsizetype m_pos = 0;
    bool m_ok = true;
};

// BLAKE2b with libsodium's 16-byte personalisation (`personal` is padded with zeros), `outBytes`
// 16–64.
QByteArray hash(QByteArrayView message, const char *personal, int outBytes = 32);

} // namespace kengele::orgwire
