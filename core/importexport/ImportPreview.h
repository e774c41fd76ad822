// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ColumnMapping.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

class PhoneNormalizer;

// A first look at a contact file for the mapping step: its columns, a few rows and a guess of
// which column holds what. The GUI shows it, lets the person change mapping(), and hands it to
// ContactImporter::run().
class ImportPreview final
{
    Q_DECLARE_TR_FUNCTIONS(ImportPreview)

public:
    enum class Format { Csv, VCard };
    static constexpr int SampleRows = 5;
    // Rows looked at to guess columns from their values.
    static constexpr int GuessRows = 50;

    // Reads the file (see TextFileDecoder for what is refused). `phones` is used to recognise
    // phone numbers in headerless files; it should have the region the import will use.
    static Result<ImportPreview> load(const QString &path, const PhoneNormalizer &phones);
    // The same from text already decoded (tests, pasted lists).
    static ImportPreview fromText(const QString &text, const PhoneNormalizer &phones);

    QString path() const { return m_path; }
    Format format() const { return m_format; }
    QChar delimiter() const { return m_delimiter; }
    QString encoding() const { return m_encoding; }
    // Encoding and similar warnings, translated; show them before importing.
    QStringList warnings() const { return m_warnings; }

    int columnCount() const { return m_columnCount; }
    // Column titles: the header row, or "Column 1", "Column 2", ... when the first row is data.
    // They follow mapping().firstRowIsHeader().
    QStringList headers() const;
    // Up to SampleRows rows of data (not the header), as in the file, padded to columnCount().
    QList<QStringList> sampleRows() const;
    // Records in the file, not counting the header.
    int rowCount() const;

    const ColumnMapping &mapping() const { return m_mapping; }
    void setMapping(const ColumnMapping &mapping) { m_mapping = mapping; }
    // True when the file has no header row or no column could be recognised as the phone number
    // from its header: the person should confirm the guessed mapping before importing.
    bool needsMapping() const { return m_needsMapping; }

    // The guess from values alone: the column where most values are phone numbers becomes Phone,
    // one where most hold '@' Email, and the first mostly-text column FullName. Columns already
    // mapped in `start` are kept.
    static ColumnMapping guessFromContent(const QList<QStringList> &rows, int columnCount, const PhoneNormalizer &phones,
                                          ColumnMapping start = {});

private:
    ImportPreview() = default;

    QString m_path;
    Format m_format = Format::Csv;
    QChar m_delimiter = u',';
    QString m_encoding;
    QStringList m_warnings;
    int m_columnCount = 0;
    int m_records = 0; // every record, the first row included
    QList<QStringList> m_rows; // the first records, the first row included
    QStringList m_fixedHeaders; // vCard: the fields a card provides
    ColumnMapping m_mapping;
    bool m_needsMapping = false;
};

} // namespace kengele
