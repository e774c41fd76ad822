// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactImporter.h"

#include "CsvReader.h"
#include "ImportPreview.h"
#include "TextFileDecoder.h"
#include "VCardReader.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "contacts/PhoneNormalizer.h"
#include "storage/Database.h"
#include "storage/Transaction.h"

#include <QElapsedTimer>
#include <QFuture>
#include <QHash>
#include <QMap>
#include <QSqlError>
#include <QSqlQuery>
#include <QThread>
#include <QThreadPool>
#include <QtConcurrentRun>

#include <atomic>
#include <functional>
#include <limits>
#include <optional>

namespace kengele {

namespace {

constexpr int ChunkSize = 2000;
constexpr int CancelCheckInterval = 1000;
// The same limits as ContactService and GroupService.
constexpr int MaxNameLength = 100;
constexpr int MaxNotesLength = 2000;
constexpr int MaxGroupName = 60;
constexpr int MaxListedLines = 10;
constexpr int ImportCacheKb = 64 * 1024;

// One contact as read from the file, before and after its number is normalised.
struct ImportRow {
    int line = 0;
    QString problem; // set: the row is skipped for this reason
    QString firstName;
    QString lastName;
    QString phoneRaw;
    QString email;
    QString notes;
    QStringList groups;
    QString phone; // E.164, once normalised
};

// QtSql binds a null QString as NULL; the contacts columns are NOT NULL DEFAULT ''.
QString text(const QString &value)
{
    return value.isNull() ? QStringLiteral("") : value;
}

enum class RowWarning { EmailLeftOut, NameShortened, NotesShortened, GroupNameTooLong };

// Kengele's export protects cells against spreadsheet formulas with a leading apostrophe
// ('=SUM, '+254...), and Excel users type one to keep a leading zero ('0712...). Drop it.
QString cleanCell(QStringView cell)
{
    QStringView trimmed = cell.trimmed();
    if (trimmed.size() > 1 && trimmed[0] == u'\'') {
        const QChar next = trimmed[1];
        if (next == u'=' || next == u'+' || next == u'-' || next == u'@' || next.isDigit())
            trimmed = trimmed.sliced(1);
    }
    return trimmed.toString();
}

void splitGroups(QStringView cell, QStringList &groups)
{
    qsizetype start = 0;
    for (qsizetype i = 0; i <= cell.size(); ++i) {
        if (i == cell.size() || cell[i] == u';' || cell[i] == u',' || cell[i] == u'|') {
            const QString name = cell.sliced(start, i - start).toString().simplified();
            if (!name.isEmpty() && !groups.contains(name, Qt::CaseInsensitive))
                groups.append(name);
            start = i + 1;
        }
    }
}

// "Amina Wanjiru Njeri": the first word is the first name. "Njeri, Amina": surname first.
void splitFullName(const QString &fullName, QString &first, QString &last)
{
    const QString simple = fullName.simplified();
    if (const qsizetype comma = simple.indexOf(u','); comma > 0 && comma == simple.lastIndexOf(u',')) {
        last = simple.first(comma).trimmed();
        first = simple.sliced(comma + 1).trimmed();
        if (!first.isEmpty())
            return;
    }
    const qsizetype space = simple.indexOf(u' ');
    if (space < 0) {
        first = simple;
        last.clear();
    } else {
        first = simple.first(space);
        last = simple.sliced(space + 1);
    }
}

// Turns CSV records into rows according to the mapping.
class CsvRows
{
public:
    CsvRows(const QString &text, const ColumnMapping &mapping)
        : m_reader(text)
        , m_mapping(mapping)
        , m_firstName(mapping.columnOf(ImportField::FirstName))
        , m_lastName(mapping.columnOf(ImportField::LastName))
        , m_fullName(mapping.columnOf(ImportField::FullName))
        , m_phone(mapping.columnOf(ImportField::Phone))
        , m_email(mapping.columnOf(ImportField::Email))
        , m_notes(mapping.columnsOf(ImportField::Notes))
        , m_groups(mapping.columnsOf(ImportField::Groups))
    {
        if (mapping.firstRowIsHeader())
            m_reader.next(m_record);
    }

    int remaining() const { return m_reader.countRemaining(); }

    bool next(ImportRow &row)
    {
        if (!m_reader.next(m_record))
            return false;
        row = ImportRow{};
        row.line = m_record.line;
        if (!m_record.isValid()) {
            row.problem = m_record.problem;
            return true;
        }
        const QStringList &fields = m_record.fields;
        const auto cell = [&fields](int column) {
            return column >= 0 && column < fields.size() ? cleanCell(fields[column]) : QString();
        };
        row.firstName = cell(m_firstName).simplified();
        row.lastName = cell(m_lastName).simplified();
        if (row.firstName.isEmpty() && row.lastName.isEmpty() && m_fullName >= 0)
            splitFullName(cell(m_fullName), row.firstName, row.lastName);
        row.phoneRaw = cell(m_phone);
        row.email = cell(m_email);
        for (const int column : m_notes) {
            const QString note = cell(column);
            if (!note.isEmpty())
                row.notes = row.notes.isEmpty() ? note : QString(row.notes + u'\n' + note);
        }
        for (const int column : m_groups) {
            if (column < fields.size())
                splitGroups(fields[column], row.groups);
        }
        return true;
    }

private:
    CsvReader m_reader;
    CsvRecord m_record;
    ColumnMapping m_mapping;
    int m_firstName, m_lastName, m_fullName, m_phone, m_email;
    QList<int> m_notes, m_groups;
};

class VCardRows
{
public:
    explicit VCardRows(const QString &text)
        : m_reader(text)
    { }

    int remaining() const { return m_reader.countRemaining(); }

    bool next(ImportRow &row)
    {
        if (!m_reader.next(m_card))
            return false;
        row = ImportRow{};
        row.line = m_card.line;
        row.firstName = m_card.firstName;
        row.lastName = m_card.lastName;
        if (row.firstName.isEmpty() && row.lastName.isEmpty())
            splitFullName(m_card.formattedName, row.firstName, row.lastName);
        row.phoneRaw = m_card.phone;
        row.email = m_card.emails.value(0);
        row.notes = m_card.notes;
        row.groups = m_card.categories;
        return true;
    }

private:
    VCardReader m_reader;
    VCard m_card;
};

// The database side of one import, inside the caller's transaction.
class ImportWriter
{
    Q_DECLARE_TR_FUNCTIONS(ContactImporter)

public:
    ImportWriter(QSqlDatabase db, qint64 now, ImportReport &report)
        : m_db(std::move(db))
        , m_now(now)
        , m_report(report)
        , m_insertContact(m_db)
        , m_updateContact(m_db)
        , m_findContact(m_db)
        , m_insertGroup(m_db)
        , m_insertMember(m_db)
    { }

    ~ImportWriter()
    {
        if (m_cacheSize) {
            QSqlQuery restore(m_db);
            restore.exec(QStringLiteral("PRAGMA cache_size = %1").arg(*m_cacheSize));
        }
    }

    Status prepare()
    {
        QSqlQuery load(m_db);
        load.setForwardOnly(true);
        // Inserting many rows touches index pages all over the file; a bigger page cache for
        // the import saves reading them again and again. Restored afterwards.
        if (load.exec(QStringLiteral("PRAGMA cache_size")) && load.next()) {
            m_cacheSize = load.value(0).toInt();
            load.finish();
            load.exec(QStringLiteral("PRAGMA cache_size = -%1").arg(ImportCacheKb));
        }
        if (!load.exec(QStringLiteral("SELECT phone, id FROM contacts")))
            return failed(load);
        while (load.next())
            m_contacts.insert(load.value(0).toString(), load.value(1).toLongLong());
        if (!load.exec(QStringLiteral("SELECT name, id FROM groups")))
            return failed(load);
        while (load.next())
            m_groups.insert(load.value(0).toString().toCaseFolded(), load.value(1).toLongLong());
        load.finish();

        const bool ok
            = m_insertContact.prepare(QStringLiteral(
                  "INSERT INTO contacts(first_name, last_name, phone, phone_raw, email, notes, source, created_at, updated_at) "
                  "VALUES (?, ?, ?, ?, ?, ?, 'import', ?, ?)"))
            // Values from the file replace stored ones only when the file has them.
            && m_updateContact.prepare(
                QStringLiteral("UPDATE contacts SET first_name = coalesce(nullif(?, ''), first_name), "
                               "last_name = coalesce(nullif(?, ''), last_name), email = coalesce(nullif(?, ''), email), "
                               "notes = coalesce(nullif(?, ''), notes), updated_at = ? WHERE id = ?"))
            && m_findContact.prepare(QStringLiteral("SELECT id FROM contacts WHERE phone = ?"))
            && m_insertGroup.prepare(QStringLiteral("INSERT INTO groups(name, description, created_at) VALUES (?, '', ?)"))
            && m_insertMember.prepare(
                QStringLiteral("INSERT OR IGNORE INTO group_members(group_id, contact_id, added_at) VALUES (?, ?, ?)"));
        if (!ok)
            return std::unexpected(Database::storageError(m_db.lastError(), tr("Importing the contacts")));
        return {};
    }

    // The group's id, creating it when missing; 0 when the name cannot be a group name.
    Result<qint64> ensureGroup(const QString &name, int line)
    {
        const QString clean = name.simplified();
        if (clean.isEmpty())
            return 0;
        if (clean.size() > MaxGroupName) {
            warn(RowWarning::GroupNameTooLong, line);
            return 0;
        }
        const QString key = clean.toCaseFolded();
        if (const auto it = m_groups.constFind(key); it != m_groups.cend())
            return *it;
        m_insertGroup.bindValue(0, clean);
        m_insertGroup.bindValue(1, m_now);
        if (!m_insertGroup.exec())
            return failed(m_insertGroup);
        const qint64 id = m_insertGroup.lastInsertId().toLongLong();
        m_groups.insert(key, id);
        m_report.groupsCreated.append(clean);
        return id;
    }

    Status write(ImportRow &row, qint64 targetGroup)
    {
        ++m_report.rows;
        if (!row.problem.isEmpty()) {
            m_report.skipped.append({row.line, row.problem});
            return {};
        }
        checkValues(row);

        qint64 id = m_contacts.value(row.phone, 0);
        bool update = id != 0;
        if (!update) {
            m_insertContact.bindValue(0, text(row.firstName));
            m_insertContact.bindValue(1, text(row.lastName));
            m_insertContact.bindValue(2, row.phone);
            m_insertContact.bindValue(3, text(row.phoneRaw));
            m_insertContact.bindValue(4, text(row.email));
            m_insertContact.bindValue(5, text(row.notes));
            m_insertContact.bindValue(6, m_now);
            m_insertContact.bindValue(7, m_now);
            if (m_insertContact.exec()) {
                id = m_insertContact.lastInsertId().toLongLong();
                ++m_report.created;
            } else {
                // Someone else may have saved the number since the import began.
                const QSqlError error = m_insertContact.lastError();
                m_findContact.bindValue(0, row.phone);
                if (!m_findContact.exec())
                    return failed(m_findContact);
                if (!m_findContact.next())
                    return std::unexpected(Database::storageError(error, tr("Importing the contacts")));
                id = m_findContact.value(0).toLongLong();
                m_findContact.finish();
                update = true;
            }
            m_contacts.insert(row.phone, id);
        }
        if (update) {
            m_updateContact.bindValue(0, text(row.firstName));
            m_updateContact.bindValue(1, text(row.lastName));
            m_updateContact.bindValue(2, text(row.email));
            m_updateContact.bindValue(3, text(row.notes));
            m_updateContact.bindValue(4, m_now);
            m_updateContact.bindValue(5, id);
            if (!m_updateContact.exec())
                return failed(m_updateContact);
            ++m_report.updated;
        }

        if (targetGroup > 0) {
            if (Status added = addMember(targetGroup, id); !added)
                return added;
        }
        for (const QString &name : std::as_const(row.groups)) {
            const Result<qint64> group = ensureGroup(name, row.line);
            if (!group)
                return std::unexpected(group.error());
            if (*group > 0) {
                if (Status added = addMember(*group, id); !added)
                    return added;
            }
        }
        return {};
    }

    QStringList warnings() const
    {
        QStringList messages;
        for (auto it = m_warnings.cbegin(); it != m_warnings.cend(); ++it) {
            const QList<int> &lines = it.value();
            QStringList shown;
            for (int i = 0; i < lines.size() && i < MaxListedLines; ++i)
                shown.append(QString::number(lines[i]));
            QString list = shown.join(QStringLiteral(", "));
            if (lines.size() > MaxListedLines)
                list += tr(" and %n more", nullptr, int(lines.size() - MaxListedLines));
            const int count = int(lines.size());
            switch (it.key()) {
            case RowWarning::EmailLeftOut:
                messages << tr("The e-mail address was left out on %n line(s) because it is not a usable address "
                               "(line %1).",
                               nullptr, count)
                                .arg(list);
                break;
            case RowWarning::NameShortened:
                messages << tr("A name longer than %1 characters was shortened on %n line(s) (line %2).", nullptr, count)
                                .arg(MaxNameLength)
                                .arg(list);
                break;
            case RowWarning::NotesShortened:
                messages << tr("Notes longer than %1 characters were shortened on %n line(s) (line %2).", nullptr, count)
                                .arg(MaxNotesLength)
                                .arg(list);
                break;
            case RowWarning::GroupNameTooLong:
                messages << tr("A group name longer than %1 characters was left out on %n line(s) (line %2).", nullptr, count)
                                .arg(MaxGroupName)
                                .arg(list);
                break;
            }
        }
        return messages;
    }

private:
    std::unexpected<Error> failed(const QSqlQuery &query)
    {
        return std::unexpected(Database::storageError(query.lastError(), tr("Importing the contacts")));
    }

    void warn(RowWarning warning, int line)
    {
        QList<int> &lines = m_warnings[warning];
        if (lines.isEmpty() || lines.last() != line)
            lines.append(line);
    }

    // The rules ContactService applies to what people type, made gentle: the contact is kept.
    void checkValues(ImportRow &row)
    {
        if (row.firstName.size() > MaxNameLength || row.lastName.size() > MaxNameLength) {
            row.firstName.truncate(MaxNameLength);
            row.lastName.truncate(MaxNameLength);
            warn(RowWarning::NameShortened, row.line);
        }
        if (row.notes.size() > MaxNotesLength) {
            row.notes.truncate(MaxNotesLength);
            warn(RowWarning::NotesShortened, row.line);
        }
        if (!row.email.isEmpty()
            && (!row.email.contains(u'@') || row.email.contains(u' ') || row.email.startsWith(u'@')
                || row.email.endsWith(u'@'))) {
            row.email.clear();
            warn(RowWarning::EmailLeftOut, row.line);
        }
    }

    Status addMember(qint64 group, qint64 contact)
    {
        m_insertMember.bindValue(0, group);
        m_insertMember.bindValue(1, contact);
        m_insertMember.bindValue(2, m_now);
        if (!m_insertMember.exec())
            return failed(m_insertMember);
        return {};
    }

    QSqlDatabase m_db;
    std::optional<int> m_cacheSize; // the connection's own setting, restored at the end
    qint64 m_now;
    ImportReport &m_report;
    QSqlQuery m_insertContact;
    QSqlQuery m_updateContact;
    QSqlQuery m_findContact;
    QSqlQuery m_insertGroup;
    QSqlQuery m_insertMember;
    QHash<QString, qint64> m_contacts; // E.164 -> id, stored and imported so far
    QHash<QString, qint64> m_groups; // case-folded name -> id
    QMap<RowWarning, QList<int>> m_warnings;
};

// Between two numbers written in one cell.
constexpr QStringView AlternativeSeparators = u"/;,|\n";

// "0712 345 678", "(0712) 345-678", "+254.712.345.678": digits, one leading '+' and the spacing
// people put between digit groups. libphonenumber ignores that spacing but is about twice as slow
// with it, so such numbers are normalised from their digits alone (same result, less work).
// Anything else (letters, extensions, other scripts' digits) goes to libphonenumber as written.
bool plainDigits(QStringView raw, QString &digits)
{
    digits.clear();
    const QStringView trimmed = raw.trimmed();
    for (qsizetype i = 0; i < trimmed.size(); ++i) {
        const char16_t ch = trimmed[i].unicode();
        if (ch >= u'0' && ch <= u'9')
            digits.append(QChar(ch));
        else if (ch == u'+' && i == 0)
            digits.append(QChar(ch));
        else if (ch != u' ' && ch != u'-' && ch != u'.' && ch != u'(' && ch != u')')
            return false;
    }
    return digits.size() > 1 && digits.size() != trimmed.size();
}

// Normalises the numbers of a chunk of rows: helper threads from the pool and, once it calls
// finish(), the importing thread itself take rows one at a time until none are left.
class NumberNormalization
{
public:
    NumberNormalization(const PhoneNormalizer &phones, QThreadPool &pool, int helpers)
        : m_phones(phones)
        , m_pool(pool)
        , m_helpers(helpers)
    { }

    ~NumberNormalization() { abandon(); }

    void start(QList<ImportRow> &rows)
    {
        m_rows = rows.data(); // detached here, once, not by several threads
        m_size = rows.size();
        m_next.store(0);
        if (rows.isEmpty())
            return;
        for (int i = 0; i < m_helpers; ++i)
            m_running.append(QtConcurrent::run(&m_pool, [this] { work(); }));
    }

    // Helps until every row is done.
    void finish()
    {
        if (m_rows)
            work();
        waitForHelpers();
    }

    // Stops handing out rows and waits for the helpers.
    void abandon()
    {
        m_next.store(std::numeric_limits<qsizetype>::max() / 2);
        waitForHelpers();
    }

private:
    void work()
    {
        QString digits;
        for (;;) {
            const qsizetype index = m_next.fetch_add(1, std::memory_order_relaxed);
            if (index >= m_size)
                return;
            ImportRow &row = m_rows[index];
            if (!row.problem.isEmpty())
                continue;
            const bool canonical = plainDigits(row.phoneRaw, digits);
            Result<QString> phone = m_phones.normalize(canonical ? QStringView(digits) : QStringView(row.phoneRaw));
            if (!phone && canonical)
                phone = m_phones.normalize(row.phoneRaw); // the reason, in the words of the file
            if (!phone) {
                // "0712 345 678 / 0733 111 222": registers often hold two numbers in one cell.
                // The first one that is a phone number is used.
                const QStringView raw(row.phoneRaw);
                qsizetype start = 0;
                for (qsizetype pos = 0; pos <= raw.size(); ++pos) {
                    if (pos < raw.size() && !AlternativeSeparators.contains(raw[pos]))
                        continue;
                    const QStringView part = raw.sliced(start, pos - start).trimmed();
                    start = pos + 1;
                    if (part.isEmpty() || part.size() == raw.size())
                        continue;
                    if (Result<QString> first = m_phones.normalize(part); first) {
                        phone = std::move(first);
                        break;
                    }
                }
            }
            if (phone)
                row.phone = std::move(*phone);
            else
                row.problem = phone.error().message;
        }
    }

    void waitForHelpers()
    {
        for (QFuture<void> &future : m_running)
            future.waitForFinished();
        m_running.clear();
    }

    const PhoneNormalizer &m_phones;
    QThreadPool &m_pool;
    const int m_helpers;
    ImportRow *m_rows = nullptr;
    qsizetype m_size = 0;
    std::atomic<qsizetype> m_next{0};
    QList<QFuture<void>> m_running;
};

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
    if (groupName.size() > MaxGroupName)
        return fail(ErrorCode::InvalidInput, tr("A group name can have at most %1 characters.").arg(MaxGroupName));

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
    if (!transaction.isActive())
        return std::unexpected(Database::storageError(db.lastError(), tr("Importing the contacts")));

    ImportWriter writer(db, m_clock.nowMs(), report);
    if (Status prepared = writer.prepare(); !prepared)
        return std::unexpected(prepared.error());
    qint64 targetGroup = 0;
    if (!groupName.isEmpty()) {
        const Result<qint64> group = writer.ensureGroup(groupName, 0);
        if (!group)
            return std::unexpected(group.error());
        targetGroup = *group;
    }

    // Normalising numbers is the slow part (libphonenumber, ~15 µs a number). While this thread
    // writes one chunk, helper threads normalise the next; this thread joins in when it is done.
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

    QList<ImportRow> current;
    QList<ImportRow> pending;
    // Declared after the chunks and the pool: on any return its destructor stops the helpers
    // before the rows they work on go away.
    NumberNormalization normalization(phones, pool, helpers);

    fill(pending);
    normalization.start(pending);
    qint64 done = 0;
    qint64 waitingNs = 0;
    qint64 readingNs = 0;
    qint64 writingNs = 0;
    QElapsedTimer phase;
    while (!pending.isEmpty()) {
        if (cancelled())
            return cancelError();
        phase.start();
        normalization.finish();
        waitingNs += phase.nsecsElapsed();
        std::swap(current, pending);
        phase.start();
        fill(pending);
        readingNs += phase.nsecsElapsed();
        normalization.start(pending);

        phase.start();
        for (qsizetype i = 0; i < current.size(); ++i) {
            if (i > 0 && i % CancelCheckInterval == 0 && cancelled())
                return cancelError();
            if (Status written = writer.write(current[i], targetGroup); !written)
                return std::unexpected(written.error());
        }
        writingNs += phase.nsecsElapsed();
        done += current.size();
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
