// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

// What a column of a contact file holds.
enum class ImportField {
    Ignore,
    FirstName,
    LastName,
    FullName, // split on import: the first word is the first name, the rest the last name
    Phone,
    Email,
    Notes, // several columns are joined, one per line
    Groups, // group names separated by ';' ',' or '|'; several columns allowed
};

// Which field each column of a CSV file goes to, and whether the first row is a header.
// Built by guessing from the header (English and Swahili names) or, when the file has no header,
// from the values (see ImportPreview); the person importing can change it before the import.
class ColumnMapping final
{
    Q_DECLARE_TR_FUNCTIONS(ColumnMapping)

public:
    ColumnMapping() = default;
    explicit ColumnMapping(QList<ImportField> fields, bool firstRowIsHeader = true);

    QList<ImportField> fields() const { return m_fields; }
    int columnCount() const { return int(m_fields.size()); }
    // Ignore for columns past the end.
    ImportField field(int column) const;
    // Assigns a field to a column (growing the mapping as needed). FirstName, LastName, FullName,
    // Phone and Email belong to one column only, so they are taken off any other column.
    void setField(int column, ImportField field);

    int columnOf(ImportField field) const; // the first column with that field, or -1
    QList<int> columnsOf(ImportField field) const;
    bool hasPhone() const { return columnOf(ImportField::Phone) >= 0; }

    bool firstRowIsHeader() const { return m_firstRowIsHeader; }
    void setFirstRowIsHeader(bool header) { m_firstRowIsHeader = header; }

    // Guesses from a header, ignoring case, spaces and punctuation ("E-mail", "Jina la Kwanza").
    static ImportField guessField(QStringView header);
    // Guesses every column from the header row. Of several phone columns the mobile one wins.
    static ColumnMapping fromHeaders(const QStringList &headers);

    // Names for the mapping step's choices, translated.
    static QString fieldName(ImportField field);
    static QList<ImportField> allFields();
    static bool allowsSeveralColumns(ImportField field);

    bool operator==(const ColumnMapping &other) const = default;

private:
    QList<ImportField> m_fields;
    bool m_firstRowIsHeader = true;
};

} // namespace kengele
