// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SmsEncoding.h"

namespace kengele {

QString toText(SmsEncoding encoding)
{
    switch (encoding) {
    case SmsEncoding::Gsm7:
        return QStringLiteral("GSM-7");
    case SmsEncoding::Ucs2:
        return QStringLiteral("UCS-2");
    case SmsEncoding::Mixed:
        break;
    }
    return QStringLiteral("mixed");
}

std::optional<SmsEncoding> smsEncodingFromText(QStringView text)
{
    for (const SmsEncoding encoding : AllSmsEncodings) {
        if (toText(encoding) == text)
            return encoding;
    }
    return std::nullopt;
}

} // namespace kengele
