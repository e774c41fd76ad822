// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "OrgWire.h"

#include <QStringDecoder>
#include <QtEndian>

#include <sodium.h>

#include <cstring>

namespace kengele::orgwire {

Writer &Writer::u8(quint8 value)
{
    m_out.append(char(value));
    return *this;
}

Writer &Writer::u16(quint16 value)
{
    char be[2];
    qToBigEndian(value, be);
    m_out.append(be, 2);
    return *this;
}

Writer &Writer::u32(quint32 value)
{
    char be[4];
    qToBigEndian(value, be);
    m_out.append(be, 4);
    return *this;
}

Writer &Writer::u64(quint64 value)
{
    char be[8];
    qToBigEndian(value, be);
    m_out.append(be, 8);
    return *this;
}

Writer &Writer::raw(QByteArrayView bytes)
{
    m_out.append(bytes);
    return *this;
}

Writer &Writer::text16(const QString &text)
{
    return bytes16(text.toUtf8());
}

Writer &Writer::bytes16(QByteArrayView bytes)
{
    Q_ASSERT(bytes.size() <= 0xFFFF);
    u16(quint16(bytes.size()));
    return raw(bytes.first(std::min<qsizetype>(bytes.size(), 0xFFFF)));
}

Writer &Writer::bytes32(QByteArrayView bytes)
{
    u32(quint32(bytes.size()));
    return raw(bytes);
}

QByteArrayView Reader::raw(qsizetype size)
{
    if (!m_ok || size < 0 || size > m_in.size() - m_pos) {
        m_ok = false;
        return {};
    }
    const QByteArrayView out = m_in.sliced(m_pos, size);
    m_pos += size;
    return out;
}

quint8 Reader::u8()
{
    const QByteArrayView b = raw(1);
    return m_ok ? quint8(b[0]) : 0;
}

quint16 Reader::u16()
{
    const QByteArrayView b = raw(2);
    return m_ok ? qFromBigEndian<quint16>(b.data()) : 0;
}

quint32 Reader::u32()
{
    const QByteArrayView b = raw(4);
    return m_ok ? qFromBigEndian<quint32>(b.data()) : 0;
}

quint64 Reader::u64()
{
    const QByteArrayView b = raw(8);
    return m_ok ? qFromBigEndian<quint64>(b.data()) : 0;
}

QString Reader::text16(qsizetype maxChars)
{
    const QByteArrayView b = bytes16();
    if (!m_ok)
        return {};
    // A leading byte order mark stays: what was written is what is read (the commitment hashes it).
    QStringDecoder utf8(QStringDecoder::Utf8, QStringDecoder::Flag::Stateless | QStringDecoder::Flag::ConvertInitialBom);
    QString text = utf8(b);
    if (utf8.hasError() || text.size() > maxChars) {
        m_ok = false;
        return {};
    }
    return text;
}

QByteArrayView Reader::bytes16()
{
    const quint16 size = u16();
    return raw(size);
}

QByteArrayView Reader::bytes32(qsizetype maxBytes)
{
    const quint32 size = u32();
    if (!m_ok || qsizetype(size) > maxBytes) {
        m_ok = false;
        return {};
    }
    return raw(qsizetype(size));
}

QByteArrayView Reader::rest()
{
    return raw(remaining());
}

QByteArray hash(QByteArrayView message, const char *personal, int outBytes)
{
    unsigned char person[crypto_generichash_blake2b_PERSONALBYTES] = {};
    memcpy(person, personal, std::min(strlen(personal), sizeof person));
    QByteArray out(outBytes, '\0');
    if (sodium_init() < 0
        || crypto_generichash_blake2b_salt_personal(reinterpret_cast<unsigned char *>(out.data()), size_t(outBytes),
                                                    reinterpret_cast<const unsigned char *>(message.data()),
                                                    quint64(message.size()), nullptr, 0, nullptr, person)
            != 0)
        return {};
    return out;
}

} // namespace kengele::orgwire
