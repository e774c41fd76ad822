// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QString>

namespace kengele::relay::secrets {

// Random values from libsodium's CSPRNG, and the hashes the relay keeps instead of them.
QString randomBase32(int length); // lowercase a–z and 2–7
QString organisationId(); // org_ + 10 base32
QString deviceId(); // dev_ + 10 base32
// 26 base32 characters (130 bits) that never contain a word Safaricom refuses in callback URLs.
QString hookSecret();
QString deviceToken(); // 32 random bytes, base64url without padding
QString enrolCode(); // KGL-XXXX-XXXX-XXXX (60 bits, Crockford base32, no I/L/O/U)
QString normaliseEnrolCode(const QString &typed); // upper case, spaces and dashes removed
QByteArray sha256(const QString &text);
bool constantTimeEqual(const QByteArray &a, const QByteArray &b);

} // namespace kengele::relay::secrets
