// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactImporter.h"

#include "CsvRows.h"
#include "ImportPreview.h"
#include "ImportRow.h"
#include "ImportWriter.h"
#include "NumberNormalization.h"
#include "TextFileDecoder.h"
#include "VCardReader.h"
#include "VCardRows.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "contacts/ForgottenOptOuts.h"
#include "contacts/Group.h"
#include "contacts/PhoneNormalizer.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QSqlError>
#include <QThread>
#include <QThreadPool>

#include <optional>

namespace kengele {

namespace {

constexpr int ChunkSize = 2000;
constexpr int CancelCheckInterval = 1000;

} // namespace

ContactImporter::ContactImporter(Database &database, const PhoneNormalizer &phones, const Clock &clock)
    : m_database(database)
    , m_phones(phones)
    , m_clock(clock)
{ }

Result<ImportReport> ContactImporter::run(const QString &path, const ColumnMapping &mapping, const ImportOptions &options) const
{
    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    if (!decoded)
        return std::unexpected(decoded.error());
    return import(*decoded, mapping, options);
}

Result<ImportReport> ContactImporter::run(const ImportPreview &preview, const ImportOptions &options) const
{
    return run(preview.path(), preview.mapping(), options);
}

Result<ImportReport> ContactImporter::run(const QString &path, const ImportOptions &options) const
{
    const Result<DecodedText> decoded = TextFileDecoder::decodeFile(path);
    if (!decoded)
        return std::unexpected(decoded.error());
    return import(*decoded, std::nullopt, options);
}

Result<ImportReport> ContactImporter::import(const DecodedText &decoded, std::optional<ColumnMapping> mapping,
                                             const ImportOptions &options) const
{
    QElapsedTimer timer;
    timer.start();

    const QString region = options.region.trimmed().toUpper();
    if (!region.isEmpty() && !PhoneNormalizer::isSupportedRegion(region)) {
        return fail(ErrorCode::InvalidInput,
                    tr("“%1” is not a country code Kengele knows. Use two letters, such as KE for Kenya or TZ for Tanzania.")
                        .arg(options.region.trimmed()));
    }
    // A copy, so a change of the profile's region during the import cannot interfere.
    const PhoneNormalizer phones(region.isEmpty() ? m_phones.defaultRegion() : region);

    const QString groupName = options.groupName.simplified();
    if (groupName.size() > MaxGroupNameLength)
        return fail(ErrorCode::InvalidInput, tr("A group name can have at most %1 characters.").arg(MaxGroupNameLength));

    ImportReport report;
    report.warnings = decoded.warnings;

    const bool vcard = VCardReader::looksLikeVCard(decoded.text);
    if (!vcard && !mapping) {
        const ImportPreview preview = ImportPreview::fromText(decoded.text, phones);
        mapping = preview.mapping();
        if (preview.needsMapping() && mapping->hasPhone())
            report.warnings << tr("The file has no recognisable header, so the columns were guessed from their contents. "
                                  "Check the imported contacts.");
    }
    if (!vcard && !mapping->hasPhone()) {
        return fail(ErrorCode::InvalidInput,
                    tr("Kengele cannot tell which column holds the phone numbers. Choose the phone number column and "
                       "import again."));
    }

    std::optional<CsvRows> csvRows;
    std::optional<VCardRows> vcardRows;
    if (vcard)
        vcardRows.emplace(decoded.text);
    else
        csvRows.emplace(decoded.text, *mapping);
    const auto nextRow = [&](ImportRow &row) {
        return vcard ? vcardRows->next(row) : csvRows->next(row);
    };
    const qint64 total = vcard ? vcardRows->remaining() : csvRows->remaining();

    const auto cancelled = [&options] {
        return options.isCancelled && options.isCancelled();
    };
    const auto cancelError = [] {
        return fail(ErrorCode::Cancelled, tr("The import was cancelled; nothing was changed."));
    };
    if (options.progress)
        options.progress(0, total);

    QSqlDatabase db = m_database.connection();
    Transaction transaction(db);
    if (Status begun = transaction.began(tr("Importing the contacts")); !begun)
        return std::unexpected(begun.error());

    ImportWriter writer(db, m_clock.nowMs(), report);
    if (m_forgotten) {
        Result<ForgottenCheck> forgotten = m_forgotten->check(db);
        if (!forgotten)
            return std::unexpected(forgotten.error());
        writer.setForgotten(std::move(*forgotten));
    }
    if (Status prepared = writer.prepare(total); !prepared)
        return std::unexpected(prepared.error());
    qint64 targetGroup = 0;
    if (!groupName.isEmpty()) {
        const Result<qint64> group = writer.ensureGroup(groupName, 0);
        if (!group)
            return std::unexpected(group.error());
        targetGroup = *group;
    }

    // Normalising numbers is the slow part (libphonenumber, ~10 µs a number). Three chunks are in
    // flight: while helper threads normalise one, this thread reads the next from the file and
    // then writes the one before; it joins the helpers when it is done.
    QThreadPool pool;
    const int helpers = qMax(0, QThread::idealThreadCount() - 1);
    pool.setMaxThreadCount(qMax(1, helpers));
    const auto fill = [&nextRow](QList<ImportRow> &chunk) {
        chunk.clear();
        chunk.reserve(ChunkSize);
        ImportRow row;
        while (chunk.size() < ChunkSize && nextRow(row))
            chunk.append(std::move(row));
    };

    QList<ImportRow> writing; // numbers normalised, being written
    QList<ImportRow> normalising; // numbers being normalised
    QList<ImportRow> reading; // read, waiting for its turn
    // Declared after the chunks and the pool: on any return its destructor stops the helpers
    // before the rows they work on go away.
    NumberNormalization normalization(phones, pool, helpers);

    QElapsedTimer phase;
    phase.start();
    fill(normalising);
    normalization.start(normalising);
    fill(reading);
    qint64 readingNs = phase.nsecsElapsed();
    qint64 done = 0;
    qint64 waitingNs = 0;
    qint64 writingNs = 0;
    while (!normalising.isEmpty()) {
        if (cancelled())
            return cancelError();
        phase.start();
        normalization.finish();
        waitingNs += phase.nsecsElapsed();
        std::swap(writing, normalising);
        std::swap(normalising, reading);
        normalization.start(normalising);
        phase.start();
        fill(reading);
        readingNs += phase.nsecsElapsed();

        phase.start();
        for (qsizetype i = 0; i < writing.size(); ++i) {
            if (i > 0 && i % CancelCheckInterval == 0 && cancelled())
                return cancelError();
            if (Status written = writer.write(writing[i], targetGroup); !written)
                return std::unexpected(written.error());
        }
        if (Status written = writer.writeMemberships(); !written)
            return std::unexpected(written.error());
        writingNs += phase.nsecsElapsed();
        done += writing.size();
        if (options.progress)
            options.progress(done, qMax(done, total));
    }
    if (cancelled())
        return cancelError();
    phase.start();
    if (Status committed = transaction.commit(); !committed)
        return std::unexpected(committed.error());
    qCDebug(lcImport) << "reading" << readingNs / 1000000 << "ms, waiting for numbers" << waitingNs / 1000000 << "ms, writing"
                      << writingNs / 1000000 << "ms, committing" << phase.elapsed() << "ms";

    report.warnings += writer.warnings();
    qCInfo(lcImport) << "imported" << report.rows << "rows:" << report.created << "created," << report.updated << "updated,"
                     << report.skipped.size() << "skipped in" << timer.elapsed() << "ms";
    return report;
}

} // namespace kengele
