// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditExporter.h"

#include "ContactExporter.h"
#include "common/Log.h"

#include <QDir>
#include <QSaveFile>

namespace kengele {

QString AuditExporter::csv(const QList<AuditEntry> &entries)
{
    QString out = QStringLiteral("Id,Time,User,Computer,Action,Object,Summary,Hash\r\n");
    for (const AuditEntry &e : entries) {
        out += QString::number(e.id);
        out += u',';
        out += e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out += u',';
        out += ContactExporter::csvCell(e.user);
        out += u',';
        out += ContactExporter::csvCell(e.device);
        out += u',';
        out += ContactExporter::csvCell(e.action);
        out += u',';
        out += ContactExporter::csvCell(e.object);
        out += u',';
        out += ContactExporter::csvCell(e.summary);
        out += u',';
        out += e.hash;
        out += QStringLiteral("\r\n");
    }
    return out;
}

Result<int> AuditExporter::exportCsv(const QString &path, const QList<AuditEntry> &entries)
{
    QSaveFile file(path);
    const QByteArray bytes = csv(entries).toUtf8();
    const bool ok = file.open(QIODevice::WriteOnly) && file.write("\xEF\xBB\xBF", 3) == 3 && file.write(bytes) == bytes.size()
        && file.commit();
    if (!ok) {
        qCWarning(lcImport) << "writing the audit trail file failed:" << file.errorString();
        file.cancelWriting();
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in Excel.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    qCInfo(lcImport) << "exported" << entries.size() << "audit trail entries";
    return int(entries.size());
}

} // namespace kengele
