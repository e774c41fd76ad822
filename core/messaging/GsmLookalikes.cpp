// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "GsmLookalikes.h"

#include "GsmCharset.h"

#include <QHash>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

using Kind = GsmLookalikes::Kind;

// The result of looking one character up, without allocating: every stand-in is at most three
// UTF-16 units long ("...").
struct Match {
    Kind kind = Kind::Other;
    qsizetype length = -1; // -1: no stand-in
    char16_t text[3] = {};

    bool hasReplacement() const { return length >= 0; }
    QStringView replacement() const { return {text, length}; }
};

Match with(Kind kind, QStringView replacement)
{
    Match match;
    match.kind = kind;
    match.length = replacement.size();
    for (qsizetype i = 0; i < replacement.size(); ++i)
        match.text[i] = replacement[i].unicode();
    return match;
}

Match without(Kind kind)
{
    Match match;
    match.kind = kind;
    return match;
}

bool isCombiningDiacritic(char32_t cp)
{
    return cp >= 0x0300 && cp <= 0x036F;
}

bool isEmojiOrSymbol(char32_t cp)
{
    return (cp >= 0x1F000 && cp <= 0x1FAFF) // emoticons, pictographs, flags, ...
        || (cp >= 0x2600 && cp <= 0x27BF) // miscellaneous symbols, dingbats
        || (cp >= 0x2B00 && cp <= 0x2BFF) // arrows and stars (⭐)
        || (cp >= 0x2190 && cp <= 0x21FF) // arrows
        || (cp >= 0x2300 && cp <= 0x23FF) // technical (⌚ ⏰)
        || (cp >= 0x25A0 && cp <= 0x25FF) // geometric shapes
        || (cp >= 0xE0020 && cp <= 0xE007F) // tag characters of subdivision flags
        || cp == 0xFE0E || cp == 0xFE0F // text / emoji presentation selectors
        || cp == 0x20E3; // combining keycap
}

// Stand-ins that are a matter of convention rather than of Unicode decomposition.
std::optional<Match> conventionalMatch(char32_t cp)
{
    switch (cp) {
    case 0x2018: // ‘
    case 0x2019: // ’
    case 0x201B: // ‛
    case 0x02BC: // ʼ modifier letter apostrophe (phone keyboards)
        return with(Kind::CurlyQuote, u"'");
    case 0x201C: // “
    case 0x201D: // ”
    case 0x201F: // ‟
        return with(Kind::CurlyQuote, u"\"");
    case 0x201A: // ‚
    case 0x2032: // ′
    case 0x2039: // ‹
    case 0x203A: // ›
        return with(Kind::QuotationMark, u"'");
    case 0x201E: // „
    case 0x2033: // ″
    case 0x00AB: // «
    case 0x00BB: // »
        return with(Kind::QuotationMark, u"\"");
    case 0x00B4: // ´
    case 0x0060: // `
        return with(Kind::AccentMark, u"'");
    case 0x2010: // ‐ hyphen
    case 0x2011: // ‑ non-breaking hyphen
    case 0x2012: // ‒ figure dash
    case 0x2013: // – en dash
    case 0x2014: // — em dash
    case 0x2015: // ― horizontal bar
    case 0x2212: // − minus sign
        return with(Kind::Dash, u"-");
    case 0x2026: // …
        return with(Kind::Ellipsis, u"...");
    case 0x0009:
        return with(Kind::Tab, u" ");
    case 0x000B: // vertical tab
    case 0x00A0: // no-break space
    case 0x1680: // ogham space mark
    case 0x2000:
    case 0x2001:
    case 0x2002:
    case 0x2003:
    case 0x2004:
    case 0x2005:
    case 0x2006:
    case 0x2007:
    case 0x2008:
    case 0x2009:
    case 0x200A: // en quad ... hair space
    case 0x202F: // narrow no-break space
    case 0x205F: // medium mathematical space
    case 0x3000: // ideographic space
        return with(Kind::Space, u" ");
    case 0x0085: // next line
    case 0x2028: // line separator
    case 0x2029: // paragraph separator
        return with(Kind::LineSeparator, u"\n");
    case 0x2022: // •
    case 0x2023: // ‣
    case 0x2043: // ⁃
    case 0x2219: // ∙
    case 0x25E6: // ◦
        return with(Kind::Bullet, u"-");
    case 0x00E7: // ç: GSM-7 has only Ç (code 0x09, which many phones show as ç)
        return with(Kind::AccentedLetter, u"\u00C7");
    case 0x0131: // ı dotless i
        return with(Kind::AccentedLetter, u"i");
    case 0x0110: // Đ
        return with(Kind::AccentedLetter, u"D");
    case 0x0111: // đ
        return with(Kind::AccentedLetter, u"d");
    case 0x0141: // Ł
        return with(Kind::AccentedLetter, u"L");
    case 0x0142: // ł
        return with(Kind::AccentedLetter, u"l");
    case 0x0152: // Œ
        return with(Kind::Lookalike, u"OE");
    case 0x0153: // œ
        return with(Kind::Lookalike, u"oe");
    case 0x00AD: // soft hyphen
    case 0x200B: // zero-width space
    case 0x200E: // left-to-right mark
    case 0x200F: // right-to-left mark
    case 0x2060: // word joiner
    case 0xFEFF: // byte-order mark / zero-width no-break space
        return with(Kind::Invisible, u"");
    case 0x200C: // zero-width non-joiner and joiner: they shape other scripts and glue emoji
    case 0x200D: // sequences together, so removing them would change what the reader sees
        return without(Kind::Invisible);
    default:
        return std::nullopt;
    }
}

Match lookup(char32_t cp, int depth = 0)
{
    if (auto match = conventionalMatch(cp))
        return *match;
    if (isEmojiOrSymbol(cp))
        return without(Kind::Emoji);
    if (isCombiningDiacritic(cp))
        return with(Kind::AccentMark, u"");

    // Letters with diacritics GSM-7 lacks (á, ê, ō, ş, ...), and singletons such as the Ångström
    // sign or the Greek question mark: the canonical decomposition's base character, if that is
    // GSM-7 or itself has a stand-in.
    if (depth < 4 && QChar::decompositionTag(cp) == QChar::Canonical) {
        const QString decomposition = QChar::decomposition(cp);
        const auto points = decomposition.toUcs4();
        bool restAreMarks = !points.isEmpty();
        for (qsizetype i = 1; i < points.size() && restAreMarks; ++i) {
            const auto category = QChar::category(points[i]);
            restAreMarks = category == QChar::Mark_NonSpacing || category == QChar::Mark_SpacingCombining
                || category == QChar::Mark_Enclosing;
        }
        if (restAreMarks) {
            const char32_t base = points.front();
            const Kind kind = QChar::isLetter(cp) ? Kind::AccentedLetter : Kind::Lookalike;
            if (GsmCharset::contains(base)) {
                const char16_t unit = char16_t(base);
                return with(kind, QStringView(&unit, 1));
            }
            Match inner = lookup(base, depth + 1);
            if (inner.hasReplacement() && inner.length > 0) {
                inner.kind = QChar::isLetter(cp) ? Kind::AccentedLetter : inner.kind;
                return inner;
            }
        }
    }
    return without(Kind::Other);
}

// Reads the code point at i (a lone surrogate stands for itself) and returns its length in units.
qsizetype codePointAt(QStringView text, qsizetype i, char32_t *cp)
{
    const QChar ch = text[i];
    if (ch.isHighSurrogate() && i + 1 < text.size() && text[i + 1].isLowSurrogate()) {
        *cp = QChar::surrogateToUcs4(ch, text[i + 1]);
        return 2;
    }
    *cp = ch.unicode();
    return 1;
}

bool hasCombiningDiacritic(QStringView text)
{
    for (QChar ch : text) {
        if (isCombiningDiacritic(ch.unicode()))
            return true;
    }
    return false;
}

} // namespace

QString GsmLookalikes::replaced(QStringView text)
{
    // "e" followed by a combining acute is one letter to the reader; compose it first so that it
    // becomes é (GSM-7) rather than a bare e.
    QString composed;
    if (hasCombiningDiacritic(text)) {
        composed = text.toString().normalized(QString::NormalizationForm_C);
        text = composed;
    }

    QString out;
    out.reserve(text.size());
    for (qsizetype i = 0; i < text.size();) {
        if (GsmCharset::septets(text[i]) != 0) {
            out.append(text[i]);
            ++i;
            continue;
        }
        char32_t cp = 0;
        const qsizetype length = codePointAt(text, i, &cp);
        const Match match = lookup(cp);
        if (match.hasReplacement())
            out.append(match.replacement());
        else
            out.append(text.mid(i, length));
        i += length;
    }
    return out;
}

QList<GsmLookalikes::NonGsmCharacter> GsmLookalikes::nonGsmCharacters(QStringView text)
{
    QList<NonGsmCharacter> result;
    QHash<char32_t, qsizetype> seen;
    for (qsizetype i = 0; i < text.size();) {
        if (GsmCharset::septets(text[i]) != 0) {
            ++i;
            continue;
        }
        char32_t cp = 0;
        const qsizetype length = codePointAt(text, i, &cp);
        const auto it = seen.constFind(cp);
        if (it != seen.constEnd()) {
            ++result[*it].occurrences;
        } else {
            const Match match = lookup(cp);
            NonGsmCharacter entry;
            entry.codePoint = cp;
            entry.character = text.mid(i, length).toString();
            entry.firstIndex = i;
            entry.occurrences = 1;
            entry.kind = match.kind;
            entry.hasReplacement = match.hasReplacement();
            if (entry.hasReplacement)
                entry.replacement = match.replacement().toString();
            seen.insert(cp, result.size());
            result.append(std::move(entry));
        }
        i += length;
    }
    return result;
}

std::optional<QString> GsmLookalikes::replacementFor(char32_t codePoint)
{
    if (GsmCharset::contains(codePoint))
        return std::nullopt;
    const Match match = lookup(codePoint);
    if (!match.hasReplacement())
        return std::nullopt;
    return match.replacement().toString();
}

GsmLookalikes::Kind GsmLookalikes::kindOf(char32_t codePoint)
{
    return lookup(codePoint).kind;
}

QString GsmLookalikes::kindLabel(Kind kind)
{
    switch (kind) {
    case Kind::CurlyQuote:
        return tr("curly quote");
    case Kind::QuotationMark:
        return tr("quotation mark");
    case Kind::AccentMark:
        return tr("accent mark");
    case Kind::Dash:
        return tr("dash");
    case Kind::Ellipsis:
        return tr("ellipsis");
    case Kind::Space:
        return tr("special space");
    case Kind::Tab:
        return tr("tab");
    case Kind::LineSeparator:
        return tr("line separator");
    case Kind::Bullet:
        return tr("bullet");
    case Kind::AccentedLetter:
        return tr("accented letter");
    case Kind::Lookalike:
        return tr("look-alike character");
    case Kind::Invisible:
        return tr("invisible character");
    case Kind::Emoji:
        return tr("emoji or symbol");
    case Kind::Other:
        break;
    }
    return tr("uncommon character");
}

QString GsmLookalikes::explanation(const NonGsmCharacter &character)
{
    // Spaces, invisible characters and lone accents cannot be seen on their own: name them by code.
    const bool invisible = character.kind == Kind::Space || character.kind == Kind::Tab || character.kind == Kind::LineSeparator
        || character.kind == Kind::Invisible || isCombiningDiacritic(character.codePoint);
    const QString shown = invisible ? u"U+"_s + QString::number(uint(character.codePoint), 16).toUpper().rightJustified(4, u'0')
                                    : character.character;
    const QString label = kindLabel(character.kind);

    if (!character.hasReplacement)
        return tr("%1 (%2) makes the message use special characters (70 per SMS part) — there is no plain letter for it")
            .arg(shown, label);
    if (character.replacement.isEmpty())
        return tr("%1 (%2) makes the message use special characters (70 per SMS part) — remove it").arg(shown, label);
    QString instead = character.replacement;
    if (instead == u" ")
        instead = tr("a space");
    else if (instead == u"\n")
        instead = tr("a line break");
    return tr("%1 (%2) makes the message use special characters (70 per SMS part) — replace with %3").arg(shown, label, instead);
}

} // namespace kengele
