// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactExporter.h"

#include "security/Access.h"

#include "common/Log.h"
#include "contacts/ContactStore.h"
#include "storage/Database.h"

#include <QDir>
#include <QSaveFile>
#include <QSqlError>
#include <QSqlQuery>

namespace kengele {

namespace {

constexpr qsizetype FlushAt = 256LL * 1024;

} // namespace

ContactExporter::ContactExporter(Database &database)
    : m_database(database)
{ }

bool ContactExporter::isPlainNumber(QStringView value)
{
    qsizetype i = 0;
    if (i < value.size() && (value[i] == u'+' || value[i] == u'-'))
        ++i;
    qsizetype digits = 0;
    bool point = false;
    for (; i < value.size(); ++i) {
        const QChar ch = value[i];
        if (ch >= u'0' && ch <= u'9') {
            ++digits;
        } else if (ch == u'.' && !point && digits > 0 && i + 1 < value.size()) {
            point = true;
        } else {
            return false;
        }
    }
    return digits > 0;
}

QString ContactExporter::csvCell(const QString &value)
{
    QString cell = value;
    if (!cell.isEmpty()) {
        const QChar first = cell.front();
        const bool formula = first == u'=' || first == u'@' || first == u'\t' || first == u'\r'
            || ((first == u'+' || first == u'-') && !isPlainNumber(cell));
        if (formula)
            cell.prepend(u'\'');
    }
    bool quote = false;
    for (const QChar ch : std::as_const(cell)) {
        if (ch == u',' || ch == u';' || ch == u'"' || ch == u'\n' || ch == u'\r') {
            quote = true;
            break;
        }
    }
    if (!quote)
        return cell;
    cell.replace(u'"', QStringLiteral("\"\""));
    return QString(u'"' + cell + u'"');
}

Result<int> ContactExporter::exportCsv(const QString &path, qint64 groupId) const
{
    if (Status allowed = Access::check(m_access, Permission::ExportContacts); !allowed)
        return std::unexpected(allowed.error());
    QSqlDatabase db = m_database.connection();
    if (groupId > 0) {
        const Result<bool> exists = ContactStore(db, tr("Exporting contacts")).groupExists(groupId);
        if (!exists)
            return std::unexpected(exists.error());
        if (!*exists)
            return fail(ErrorCode::NotFound, tr("This group no longer exists."));
    }

    QSqlQuery q(db);
    q.setForwardOnly(true);
    QString sql
        = QStringLiteral("SELECT c.first_name, c.last_name, c.phone, c.email, "
                         " (SELECT group_concat(name, '; ') FROM (SELECT g.name AS name FROM group_members gm "
                         "   JOIN groups g ON g.id = gm.group_id WHERE gm.contact_id = c.id ORDER BY g.name COLLATE NOCASE)), "
                         " o.phone IS NOT NULL, c.notes "
                         "FROM contacts c LEFT JOIN opt_outs o ON o.phone = c.phone ");
    if (groupId > 0)
        sql += QStringLiteral("WHERE c.id IN (SELECT contact_id FROM group_members WHERE group_id = ?) ");
    sql += QStringLiteral("ORDER BY c.name COLLATE NOCASE, c.id");
    q.prepare(sql);
    if (groupId > 0)
        q.addBindValue(groupId);
    if (!q.exec())
        return std::unexpected(Database::storageError(q.lastError(), tr("Exporting contacts")));

    const auto cannotWrite = [&path] {
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in Excel.")
                        .arg(QDir::toNativeSeparators(path)));
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcImport) << "cannot write the export file:" << file.errorString();
        return cannotWrite();
    }

    // The header stays English: it is data for spreadsheets and for importing again.
    QString buffer = QStringLiteral("First Name,Last Name,Phone,Email,Groups,Opted Out,Notes\r\n");
    const QString yes = QStringLiteral("Yes");
    const QString no = QStringLiteral("No");
    bool ok = file.write("\xEF\xBB\xBF", 3) == 3;
    int count = 0;
    while (ok && q.next()) {
        buffer += csvCell(q.value(0).toString());
        buffer += u',';
        buffer += csvCell(q.value(1).toString());
        buffer += u',';
        buffer += csvCell(q.value(2).toString());
        buffer += u',';
        buffer += csvCell(q.value(3).toString());
        buffer += u',';
        buffer += csvCell(q.value(4).toString());
        buffer += u',';
        buffer += q.value(5).toBool() ? yes : no;
        buffer += u',';
        buffer += csvCell(q.value(6).toString());
        buffer += QStringLiteral("\r\n");
        ++count;
        if (buffer.size() >= FlushAt) {
            const QByteArray bytes = buffer.toUtf8();
            ok = file.write(bytes) == bytes.size();
            buffer.clear();
        }
    }
    if (ok) {
        const QByteArray bytes = buffer.toUtf8();
        ok = file.write(bytes) == bytes.size();
    }
    if (q.lastError().isValid()) {
        file.cancelWriting();
        return std::unexpected(Database::storageError(q.lastError(), tr("Exporting contacts")));
    }
    // Recorded before the file is kept: an export that is not in the audit trail does not happen.
    if (ok) {
        const QString object = groupId > 0 ? QStringLiteral("group:%1").arg(groupId) : QStringLiteral("contacts");
        if (Status recorded = Access::record(
                m_access, {QStringLiteral("contacts.export"), object, QStringLiteral("%1 contacts, CSV").arg(count)});
            !recorded) {
            file.cancelWriting();
            return std::unexpected(recorded.error());
        }
    }
    if (!ok || !file.commit()) {
        qCWarning(lcImport) << "writing the export file failed:" << file.errorString();
        file.cancelWriting();
        return cannotWrite();
    }
    qCInfo(lcImport) << "exported" << count << "contacts";
    return count;
}

} // namespace kengele
