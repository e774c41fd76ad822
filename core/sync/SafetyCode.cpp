// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SafetyCode.h"

#include "OrgWire.h"

#include <QtEndian>

namespace kengele {

QString SafetyCode::fromTranscript(QByteArrayView transcriptHash)
{
    const QByteArray digest = orgwire::hash(transcriptHash, "KglSafetyCode_1", 16);
    if (digest.size() != 16)
        return {};
    const quint64 number = qFromBigEndian<quint64>(digest.constData()) % 100000000ULL;
    const QString digits = QStringLiteral("%1").arg(number, Digits, 10, QLatin1Char('0'));
    return digits.left(4) + QLatin1Char(' ') + digits.mid(4);
}

bool SafetyCode::same(const QString &a, const QString &b)
{
    QString left = a;
    QString right = b;
    left.remove(QLatin1Char(' '));
    right.remove(QLatin1Char(' '));
    return !left.isEmpty() && left == right;
}

} // namespace kengele
