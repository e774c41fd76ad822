// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReplicaUid.h"

#include <QRandomGenerator>

#include <sodium.h>

#include <array>

namespace kengele {

namespace {

QString format(const std::array<quint8, 16> &bytes)
{
    static constexpr char Hex[] = "0123456789abcdef";
    QString text;
    text.reserve(36);
    for (std::size_t i = 0; i < bytes.size(); ++i) {
        if (i == 4 || i == 6 || i == 8 || i == 10)
            text.append(u'-');
        text.append(QLatin1Char(Hex[bytes[i] >> 4]));
        text.append(QLatin1Char(Hex[bytes[i] & 0x0F]));
    }
    return text;
}

} // namespace

QString ReplicaUid::fromName(QStringView nameSpace, QStringView name)
{
    // NUL-separated, so ("ab", "c") and ("a", "bc") differ.
    QByteArray input("kengele");
    input.append('\0');
    input.append(nameSpace.toUtf8());
    input.append('\0');
    input.append(name.toUtf8());
    std::array<quint8, 16> bytes{};
    crypto_generichash(bytes.data(), bytes.size(), reinterpret_cast<const unsigned char *>(input.constData()),
                       quint64(input.size()), nullptr, 0);
    bytes[6] = quint8(0x80 | (bytes[6] & 0x0F)); // version 8
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3F)); // variant 10
    return format(bytes);
}

QString ReplicaUid::generate(qint64 unixMs)
{
    std::array<quint8, 16> bytes{};
    const quint64 ms = quint64(unixMs) & 0xFFFFFFFFFFFFull;
    for (int i = 0; i < 6; ++i)
        bytes[std::size_t(i)] = quint8(ms >> (8 * (5 - i)));
    std::array<quint32, 3> random{};
    QRandomGenerator::system()->fillRange(random.data(), random.size());
    for (std::size_t i = 0; i < 10; ++i)
        bytes[6 + i] = quint8(random[i / 4] >> (8 * (i % 4)));
    bytes[6] = quint8(0x70 | (bytes[6] & 0x0F)); // version 7
    bytes[8] = quint8(0x80 | (bytes[8] & 0x3F)); // variant 10
    return format(bytes);
}

bool ReplicaUid::isValid(QStringView uid)
{
    if (uid.size() != 36)
        return false;
    for (qsizetype i = 0; i < uid.size(); ++i) {
        const QChar c = uid[i];
        if (i == 8 || i == 13 || i == 18 || i == 23) {
            if (c != u'-')
                return false;
        } else if (!((c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'))) {
            return false;
        }
    }
    return true;
}

} // namespace kengele
