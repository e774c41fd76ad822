// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CsvReader.h"

#include <array>

namespace kengele {

namespace {

constexpr std::array<char16_t, 3> Candidates = {u',', u';', u'\t'};

// "sep=;" on the first line: Excel's way of saying which delimiter a file uses.
QChar separatorHint(QStringView text, qsizetype *lineEnd)
{
    if (text.size() < 5 || !text.first(4).startsWith(u"sep=", Qt::CaseInsensitive))
        return {};
    qsizetype end = 5;
    if (end < text.size() && text[end] != u'\r' && text[end] != u'\n')
        return {};
    if (end < text.size() && text[end] == u'\r')
        ++end;
    if (end < text.size() && text[end] == u'\n')
        ++end;
    if (lineEnd)
        *lineEnd = end;
    return text[4];
}

} // namespace

CsvReader::CsvReader(QString text, QChar delimiter)
    : m_text(std::move(text))
    , m_delimiter(delimiter)
{
    if (m_text.startsWith(QChar(0xfeff)))
        m_pos = 1;
    qsizetype hintEnd = 0;
    const QChar hint = separatorHint(QStringView(m_text).sliced(m_pos), &hintEnd);
    if (!hint.isNull()) {
        m_pos += hintEnd;
        m_line = 2;
        if (m_delimiter.isNull())
            m_delimiter = hint;
    }
    if (m_delimiter.isNull())
        m_delimiter = detectDelimiter(QStringView(m_text).sliced(m_pos));
}

QChar CsvReader::detectDelimiter(QStringView text)
{
    if (text.startsWith(QChar(0xfeff)))
        text = text.sliced(1);
    if (const QChar hint = separatorHint(text, nullptr); !hint.isNull())
        return hint;

    constexpr int MaxLines = 20;
    constexpr qsizetype MaxChars = 256LL * 1024;
    std::array<QList<int>, Candidates.size()> counts;
    std::array<int, Candidates.size()> current{};
    bool inQuotes = false;
    bool lineHasContent = false;
    int lines = 0;
    const qsizetype limit = qMin(text.size(), MaxChars);
    for (qsizetype i = 0; i < limit && lines < MaxLines; ++i) {
        const char16_t ch = text[i].unicode();
        if (ch == u'"') {
            inQuotes = !inQuotes;
            lineHasContent = true;
            continue;
        }
        if (inQuotes)
            continue;
        if (ch == u'\n' || ch == u'\r') {
            if (lineHasContent) {
                for (std::size_t c = 0; c < Candidates.size(); ++c)
                    counts[c].append(current[c]);
                ++lines;
            }
            current = {};
            lineHasContent = false;
            continue;
        }
        if (ch != u' ')
            lineHasContent = true;
        for (std::size_t c = 0; c < Candidates.size(); ++c)
            current[c] += ch == Candidates[c];
    }
    // A file shorter than the sample also counts its last line (it has no line break).
    if (lineHasContent && !inQuotes && limit == text.size() && lines < MaxLines) {
        for (std::size_t c = 0; c < Candidates.size(); ++c)
            counts[c].append(current[c]);
    }

    // Best: present on the first line and the same count on every line; then: the same count as
    // on the first line on most lines; ties go to the larger count, then to the order above.
    int bestIndex = -1;
    int bestAgreeing = -1;
    int bestCount = 0;
    bool bestConsistent = false;
    for (std::size_t c = 0; c < Candidates.size(); ++c) {
        const QList<int> &perLine = counts[c];
        if (perLine.isEmpty() || perLine.first() == 0)
            continue;
        const int first = perLine.first();
        int agreeing = 0;
        for (const int n : perLine)
            agreeing += n == first;
        const bool consistent = agreeing == perLine.size();
        const bool better = bestIndex < 0 || (consistent && !bestConsistent)
            || (consistent == bestConsistent && (agreeing > bestAgreeing || (agreeing == bestAgreeing && first > bestCount)));
        if (better) {
            bestIndex = int(c);
            bestAgreeing = agreeing;
            bestCount = first;
            bestConsistent = consistent;
        }
    }
    return bestIndex < 0 ? QChar(u',') : QChar(Candidates[std::size_t(bestIndex)]);
}

bool CsvReader::next(CsvRecord &record)
{
    return parse<true>(&record);
}

int CsvReader::countRemaining() const
{
    CsvReader copy(*this);
    int count = 0;
    while (copy.parse<false>(nullptr))
        ++count;
    return count;
}

void CsvReader::skipToNextLine(qsizetype from, int startLine)
{
    const QChar *data = m_text.constData();
    const qsizetype size = m_text.size();
    qsizetype pos = from;
    while (pos < size && data[pos] != u'\n' && data[pos] != u'\r')
        ++pos;
    if (pos < size) {
        if (data[pos] == u'\r' && pos + 1 < size && data[pos + 1] == u'\n')
            ++pos;
        ++pos;
    }
    m_pos = pos;
    m_line = startLine + 1;
}

template<bool Collect> bool CsvReader::parse(CsvRecord *record)
{
    const QChar *const data = m_text.constData();
    const qsizetype size = m_text.size();
    const char16_t delimiter = m_delimiter.unicode();

    QString quotedField;
    while (m_pos < size) {
        const qsizetype start = m_pos;
        const int startLine = m_line;
        qsizetype pos = m_pos;
        int line = m_line;
        int columns = 0;
        bool content = false;
        bool tooManyColumns = false;
        bool tooLong = false;
        bool unclosedQuote = false;
        if constexpr (Collect) {
            record->fields.clear();
            record->problem.clear();
            record->line = startLine;
        }

        for (;;) {
            ++columns;
            if (columns > MaxColumns)
                tooManyColumns = true;
            const bool keep = Collect && !tooManyColumns && !tooLong;
            // Spaces before an opening quote ("a, "b, c"") are not part of the field.
            qsizetype quote = pos;
            while (quote < size && data[quote] == u' ')
                ++quote;
            if (quote < size && data[quote] == u'"') {
                pos = quote;
                ++pos;
                if constexpr (Collect)
                    quotedField.clear();
                qsizetype length = 0;
                bool spansLines = false;
                bool closed = false;
                bool hasCarriageReturn = false;
                for (;;) {
                    const qsizetype segment = pos;
                    while (pos < size) {
                        const char16_t ch = data[pos].unicode();
                        if (ch == u'"')
                            break;
                        if (ch == u'\n') {
                            ++line;
                            spansLines = true;
                        } else if (ch == u'\r') {
                            hasCarriageReturn = true;
                            spansLines = true;
                            if (pos + 1 >= size || data[pos + 1] != u'\n')
                                ++line;
                        } else if (!content && ch != u' ' && ch != u'\t') {
                            content = true;
                        }
                        ++pos;
                    }
                    length += pos - segment;
                    if (length > MaxFieldLength)
                        tooLong = true;
                    if (keep && !tooLong)
                        quotedField.append(data + segment, pos - segment);
                    if (pos >= size)
                        break;
                    if (pos + 1 < size && data[pos + 1] == u'"') {
                        content = true;
                        ++length;
                        if (keep && !tooLong)
                            quotedField.append(u'"');
                        pos += 2;
                        continue;
                    }
                    ++pos;
                    closed = true;
                    break;
                }
                // Whatever follows the closing quote up to the delimiter belongs to the field.
                const qsizetype tail = pos;
                bool tailHasText = false;
                while (pos < size) {
                    const char16_t ch = data[pos].unicode();
                    if (ch == delimiter || ch == u'\n' || ch == u'\r')
                        break;
                    if (ch != u' ' && ch != u'\t')
                        tailHasText = true;
                    ++pos;
                }
                // A quote that runs over line breaks and then does not end its field (or never
                // closes) is a stray quotation mark: only the line it is on is lost.
                if (spansLines && (!closed || tailHasText)) {
                    unclosedQuote = true;
                    break;
                }
                if (tailHasText) {
                    content = true;
                    length += pos - tail;
                    if (length > MaxFieldLength)
                        tooLong = true;
                    if (keep && !tooLong)
                        quotedField.append(data + tail, pos - tail);
                }
                if (keep && !tooLong) {
                    if (hasCarriageReturn) {
                        quotedField.replace(QStringLiteral("\r\n"), QStringLiteral("\n"));
                        quotedField.replace(u'\r', u'\n');
                    }
                    record->fields.append(quotedField);
                }
            } else {
                const qsizetype field = pos;
                while (pos < size) {
                    const char16_t ch = data[pos].unicode();
                    if (ch == delimiter || ch == u'\n' || ch == u'\r')
                        break;
                    if (!content && ch != u' ' && ch != u'\t')
                        content = true;
                    ++pos;
                }
                if (pos - field > MaxFieldLength)
                    tooLong = true;
                if (keep && !tooLong)
                    record->fields.append(QString(data + field, pos - field));
            }

            if (pos < size && data[pos] == delimiter) {
                ++pos;
                continue;
            }
            // End of the record: one line break (CRLF, LF or CR), or the end of the text.
            if (pos < size) {
                if (data[pos] == u'\r' && pos + 1 < size && data[pos + 1] == u'\n')
                    ++pos;
                ++pos;
                ++line;
            }
            break;
        }

        if (unclosedQuote) {
            skipToNextLine(start, startLine);
            if constexpr (Collect) {
                record->fields.clear();
                record->problem = tr("A quotation mark (\") on this line is never closed, so the line could not be read.");
            }
            return true;
        }

        m_pos = pos;
        m_line = line;
        if (tooManyColumns) {
            if constexpr (Collect) {
                record->fields.clear();
                record->problem = tr("This line has more than %1 columns, so it could not be read.").arg(MaxColumns);
            }
            return true;
        }
        if (tooLong) {
            if constexpr (Collect) {
                record->fields.clear();
                record->problem
                    = tr("A value on this line is longer than %1 characters, so the line could not be read.").arg(MaxFieldLength);
            }
            return true;
        }
        if (!content)
            continue; // a blank line, or a row of empty cells
        return true;
    }
    return false;
}

} // namespace kengele
