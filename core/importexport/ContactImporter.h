// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ColumnMapping.h"
#include "ImportOptions.h"
#include "ImportReport.h"
#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <optional>

namespace kengele {

class Clock;
class Database;
class ForgottenOptOuts;
class ImportPreview;
class PhoneNormalizer;
struct DecodedText;

// Imports contacts from a CSV or vCard file into the store in ONE transaction: all rows or, on
// cancel or a storage failure, nothing.
//
// Numbers are normalised to E.164 (in parallel), so the same number in any format is one contact:
// a row whose number is already stored, or appeared earlier in the file, updates that contact
// (non-empty values from the file replace stored ones; the stored raw number is kept). Rows
// without a usable number are skipped with their line and the reason. Opt-outs are untouched.
//
// Meant to run on a worker thread: it uses that thread's own database connection and emits no
// signals. Front ends import through ContactImportService, which tells the views afterwards.
class ContactImporter final
{
    Q_DECLARE_TR_FUNCTIONS(ContactImporter)

public:
    ContactImporter(Database &database, const PhoneNormalizer &phones, const Clock &clock);

    // Rows with a number that opted out and whose person was forgotten are skipped, saying so.
    void setForgottenOptOuts(ForgottenOptOuts *forgotten) { m_forgotten = forgotten; }

    // Imports `path` with `mapping` (ignored for vCard files).
    Result<ImportReport> run(const QString &path, const ColumnMapping &mapping, const ImportOptions &options = {}) const;
    // Imports the previewed file with the preview's (possibly changed) mapping.
    Result<ImportReport> run(const ImportPreview &preview, const ImportOptions &options = {}) const;
    // Imports with the mapping ImportPreview would guess (the command line's way). Fails when no
    // column can be recognised as the phone number.
    Result<ImportReport> run(const QString &path, const ImportOptions &options = {}) const;

private:
    Result<ImportReport> import(const DecodedText &decoded, std::optional<ColumnMapping> mapping,
                                const ImportOptions &options) const;

    Database &m_database;
    const PhoneNormalizer &m_phones;
    const Clock &m_clock;
    ForgottenOptOuts *m_forgotten = nullptr;
};

} // namespace kengele
