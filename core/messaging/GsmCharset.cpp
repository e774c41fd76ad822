// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GsmCharset.h"

#include <array>

namespace kengele {

namespace {

// The basic table by code, exactly as in 3GPP TS 23.038 §6.2.1. 0x1B is the escape to the
// extension table and has no character (0 here).
constexpr std::array<char16_t, 128> kBasicTable = {
    u'@',      u'\u00A3', u'$',      u'\u00A5', u'\u00E8', u'\u00E9', u'\u00F9', u'\u00EC', // 0x00
    u'\u00F2', u'\u00C7', u'\n',     u'\u00D8', u'\u00F8', u'\r',     u'\u00C5', u'\u00E5', // 0x08
    u'\u0394', u'_',      u'\u03A6', u'\u0393', u'\u039B', u'\u03A9', u'\u03A0', u'\u03A8', // 0x10
    u'\u03A3', u'\u0398', u'\u039E', 0,         u'\u00C6', u'\u00E6', u'\u00DF', u'\u00C9', // 0x18
    u' ',      u'!',      u'"',      u'#',      u'\u00A4', u'%',      u'&',      u'\'', // 0x20
    u'(',      u')',      u'*',      u'+',      u',',      u'-',      u'.',      u'/', // 0x28
    u'0',      u'1',      u'2',      u'3',      u'4',      u'5',      u'6',      u'7', // 0x30
    u'8',      u'9',      u':',      u';',      u'<',      u'=',      u'>',      u'?', // 0x38
    u'\u00A1', u'A',      u'B',      u'C',      u'D',      u'E',      u'F',      u'G', // 0x40
    u'H',      u'I',      u'J',      u'K',      u'L',      u'M',      u'N',      u'O', // 0x48
    u'P',      u'Q',      u'R',      u'S',      u'T',      u'U',      u'V',      u'W', // 0x50
    u'X',      u'Y',      u'Z',      u'\u00C4', u'\u00D6', u'\u00D1', u'\u00DC', u'\u00A7', // 0x58
    u'\u00BF', u'a',      u'b',      u'c',      u'd',      u'e',      u'f',      u'g', // 0x60
    u'h',      u'i',      u'j',      u'k',      u'l',      u'm',      u'n',      u'o', // 0x68
    u'p',      u'q',      u'r',      u's',      u't',      u'u',      u'v',      u'w', // 0x70
    u'x',      u'y',      u'z',      u'\u00E4', u'\u00F6', u'\u00F1', u'\u00FC', u'\u00E0', // 0x78
};

// The extension table's characters (form feed, ^ { } \ [ ~ ] | €); each is sent as ESC + code.
constexpr std::array<char16_t, 10> kExtensionTable = {
    u'\f', u'^', u'{', u'}', u'\\', u'[', u'~', u']', u'|', u'\u20AC',
};

// Septet cost of every Latin-1 character, built at compile time from the two tables above so the
// tables stay the single source of truth.
constexpr std::array<unsigned char, 256> makeLatin1Costs()
{
    std::array<unsigned char, 256> costs{};
    for (char16_t ch : kBasicTable) {
        if (ch != 0 && ch < 256)
            costs[ch] = 1;
    }
    for (char16_t ch : kExtensionTable) {
        if (ch < 256)
            costs[ch] = 2;
    }
    return costs;
}

constexpr std::array<unsigned char, 256> kLatin1Costs = makeLatin1Costs();

static_assert(kLatin1Costs[u'@'] == 1 && kLatin1Costs[u'`'] == 0 && kLatin1Costs[u'{'] == 2);
static_assert(kLatin1Costs[0] == 0, "NUL is not the @ sign");

} // namespace

constinit const std::array<unsigned char, 256> GsmCharset::s_latin1Septets = kLatin1Costs;

int GsmCharset::nonLatin1Septets(char16_t ch) noexcept
{
    switch (ch) {
    // The Greek capitals that have no Latin look-alike in the basic table.
    case u'\u0393': // Γ
    case u'\u0394': // Δ
    case u'\u0398': // Θ
    case u'\u039B': // Λ
    case u'\u039E': // Ξ
    case u'\u03A0': // Π
    case u'\u03A3': // Σ
    case u'\u03A6': // Φ
    case u'\u03A8': // Ψ
    case u'\u03A9': // Ω
        return 1;
    case u'\u20AC': // €
        return 2;
    default:
        return 0;
    }
}

int GsmCharset::septets(char32_t codePoint) noexcept
{
    return codePoint <= 0xFFFF ? septets(QChar(char16_t(codePoint))) : 0;
}

bool GsmCharset::isGsm7(QStringView text) noexcept
{
    for (QChar ch : text) {
        if (septets(ch) == 0)
            return false;
    }
    return true;
}

char16_t GsmCharset::basicCharacter(int code) noexcept
{
    return code >= 0 && code < int(kBasicTable.size()) ? kBasicTable[code] : char16_t(0);
}

} // namespace kengele
