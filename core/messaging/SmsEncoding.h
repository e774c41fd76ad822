// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>
#include <QStringView>

#include <array>
#include <optional>

namespace kengele {

// How SMS texts are encoded (3GPP TS 23.038): GSM-7, 160 characters in one part, or UCS-2 (Unicode),
// 70. Mixed describes several texts together, when some are one and some the other (a campaign's
// personalised messages: CampaignPreview::encoding). One text is never Mixed (SegmentInfo has an
// encoding of its own with only the two).
//
// Code compares and switches over the enum; the words are for kengele-cli's output (docs/cli.md:
// `segments`, `templates`) and technical labels, never translated.
enum class SmsEncoding { Gsm7, Ucs2, Mixed };

// Every encoding (a new one goes here too).
inline constexpr std::array AllSmsEncodings{SmsEncoding::Gsm7, SmsEncoding::Ucs2, SmsEncoding::Mixed};

// "GSM-7", "UCS-2", "mixed".
QString toText(SmsEncoding encoding);
// The encoding a word names; nullopt for any other word (exact, case-sensitive). Nothing stores an
// encoding (it is counted from the text each time), so there is no stored word to fall back from.
std::optional<SmsEncoding> smsEncodingFromText(QStringView text);

} // namespace kengele
