// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringView>

#include <optional>

namespace kengele {

// Look-alike characters that silently turn a message into UCS-2 (70 instead of 160 characters per
// SMS, so two or three times the cost) and the GSM-7 text that can stand in for them: curly quotes,
// dashes, the ellipsis, special spaces, bullets, accented letters that GSM-7 lacks (á → a, ç → Ç, ...).
// Emoji and other scripts have no stand-in and are left alone.
class GsmLookalikes final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::GsmLookalikes)

public:
    // Why a character is not GSM-7, for the message shown under the editor.
    enum class Kind {
        CurlyQuote, // ‘ ’ “ ” ‛ ‟ ʼ
        QuotationMark, // ‚ „ « » ‹ › ′ ″
        AccentMark, // ´ ` and combining accents
        Dash, // ‐ ‑ ‒ – — ― −
        Ellipsis, // …
        Space, // no-break, thin, ideographic and other special spaces, vertical tab
        Tab,
        LineSeparator, // U+2028, U+2029, NEL
        Bullet, // • ‣ ⁃ ◦ ∙
        AccentedLetter, // á í ó ú â ê î ô û ã õ ç ł đ ... (letters GSM-7 lacks)
        Lookalike, // other stand-ins: œ → oe, Greek question mark → ;, ...
        Invisible, // zero-width space, soft hyphen, byte-order mark, direction marks, joiners
        Emoji, // emoji and pictographic symbols
        Other, // anything else outside GSM-7 (other scripts, symbols)
    };

    // One distinct non-GSM character of a text.
    struct NonGsmCharacter {
        char32_t codePoint = 0;
        QString character; // the code point as text
        qsizetype firstIndex = -1; // UTF-16 index of its first occurrence
        int occurrences = 0;
        Kind kind = Kind::Other;
        bool hasReplacement = false;
        QString replacement; // GSM-7 stand-in; empty with hasReplacement means "remove it"
    };

    GsmLookalikes() = delete;

    // text with every replaceable non-GSM character replaced (decomposed accents are composed
    // first, so "e" + combining acute becomes "é", which is GSM-7). Characters without a stand-in,
    // such as emoji, are kept, so the result is GSM-7 only when nonGsmCharacters() reported
    // hasReplacement for all of them.
    static QString replaced(QStringView text);

    // The distinct non-GSM characters of text in order of first appearance (empty for GSM-7 text).
    static QList<NonGsmCharacter> nonGsmCharacters(QStringView text);

    // The GSM-7 stand-in for one character (possibly empty: drop it); nullopt when the character
    // is GSM-7 already or has no stand-in.
    static std::optional<QString> replacementFor(char32_t codePoint);
    static Kind kindOf(char32_t codePoint);

    // Translated, lower-case name of a kind: "curly quote", "dash", ...
    static QString kindLabel(Kind kind);
    // Translated line for the editor, e.g. "’ (curly quote) forces UCS-2 — replace with '".
    static QString explanation(const NonGsmCharacter &character);
};

} // namespace kengele
