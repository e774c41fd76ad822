// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QStringView>

#include <array>

namespace kengele {

// The GSM 03.38 default alphabet (3GPP TS 23.038 §6.2.1) and its extension table, as Unicode.
//
// A character in the basic table costs one septet; one in the extension table (form feed,
// ^ { } \ [ ~ ] | €) costs two, because it is sent as ESC (0x1B) followed by its code.
// Anything else cannot be sent as GSM-7 and turns the whole message into UCS-2.
// Lookups are constant time: a 256-entry table for Latin-1 and a small switch for Greek and €.
class GsmCharset final
{
public:
    GsmCharset() = delete;

    // 1 for the basic table, 2 for the extension table, 0 when the character is not GSM-7.
    // A surrogate (half of a character outside the BMP) is never GSM-7.
    static int septets(QChar ch) noexcept
    {
        const char16_t unit = ch.unicode();
        return unit < 256 ? s_latin1Septets[unit] : nonLatin1Septets(unit);
    }
    static int septets(char32_t codePoint) noexcept;

    static bool isBasic(char32_t codePoint) noexcept { return septets(codePoint) == 1; }
    static bool isExtension(char32_t codePoint) noexcept { return septets(codePoint) == 2; }
    static bool contains(char32_t codePoint) noexcept { return septets(codePoint) != 0; }

    // True when every character of text can be sent as GSM-7 (true for an empty text).
    static bool isGsm7(QStringView text) noexcept;

    // The Unicode character for a code of the basic table (0x00-0x7F); 0x1B, the escape code,
    // has no character of its own and yields 0.
    static char16_t basicCharacter(int code) noexcept;

    static constexpr int EscapeCode = 0x1B;

private:
    static int nonLatin1Septets(char16_t unit) noexcept;

    // Septet cost of U+0000-U+00FF; inline above because counting calls it for every character.
    static const std::array<unsigned char, 256> s_latin1Septets;
};

} // namespace kengele
