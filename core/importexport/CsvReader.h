// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kengele {

// One record of a CSV file.
struct CsvRecord {
    QStringList fields;
    int line = 0; // the physical line it starts on, 1-based (the header is line 1)
    QString problem; // set when the record could not be read; then fields are incomplete

    bool isValid() const { return problem.isEmpty(); }
};

// RFC 4180 reader over decoded text: ',' ';' or tab delimiters (detected from the first lines),
// quoted fields with delimiters, doubled quotes and line breaks (CRLF, LF or CR) inside, and
// lenient about what spreadsheets really write. Blank lines and rows of empty cells are skipped.
// A record with more than MaxColumns columns or a value over MaxFieldLength characters, or one
// whose quotation mark is never closed, comes back with a problem instead of stopping the file:
// the reader carries on with the next line.
class CsvReader final
{
    Q_DECLARE_TR_FUNCTIONS(CsvReader)

public:
    static constexpr int MaxColumns = 1000;
    static constexpr int MaxFieldLength = 10000;

    // A null delimiter means: detect it. An Excel "sep=;" first line is honoured and skipped.
    explicit CsvReader(QString text, QChar delimiter = QChar());

    QChar delimiter() const { return m_delimiter; }

    // Reads the next non-blank record; false at the end of the text.
    bool next(CsvRecord &record);
    bool atEnd() const { return m_pos >= m_text.size(); }

    // How far the reader got, in characters of the text.
    qsizetype position() const { return m_pos; }
    qsizetype size() const { return m_text.size(); }

    // Records still to come (as next() would return them), without moving the reader.
    int countRemaining() const;

    // ',' ';' or '\t': the one that occurs outside quotes the same number of times on every one
    // of the first lines; ',' when nothing fits.
    static QChar detectDelimiter(QStringView text);

private:
    template<bool Collect> bool parse(CsvRecord *record);
    void skipToNextLine(qsizetype from, int startLine);

    QString m_text;
    QChar m_delimiter;
    qsizetype m_pos = 0;
    int m_line = 1;
};

} // namespace kengele
