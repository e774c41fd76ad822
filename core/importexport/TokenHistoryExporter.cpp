// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TokenHistoryExporter.h"

#include "ContactExporter.h"
#include "common/Log.h"

#include <QDir>
#include <QSaveFile>

namespace kengele {

QString TokenHistoryExporter::kindKey(TokenTransferKind kind)
{
    switch (kind) {
    case TokenTransferKind::Grant:
        return QStringLiteral("grant");
    case TokenTransferKind::Purchase:
        return QStringLiteral("purchase");
    case TokenTransferKind::Reserve:
        return QStringLiteral("reserve");
    case TokenTransferKind::Spend:
        return QStringLiteral("spend");
    case TokenTransferKind::Release:
        return QStringLiteral("release");
    case TokenTransferKind::Transfer:
        return QStringLiteral("transfer");
    case TokenTransferKind::Expiry:
        break;
    }
    return QStringLiteral("expiry");
}

QString TokenHistoryExporter::csv(const QList<TokenHistoryLine> &lines)
{
    QString out = QStringLiteral("Date,Budget,Kind,Tokens,Balance After,Other Account,Reason,Reference,By\r\n");
    for (const TokenHistoryLine &line : lines) {
        const TokenHistoryEntry &e = line.entry;
        out += e.created.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm:ss"));
        out += u',';
        out += ContactExporter::csvCell(line.account);
        out += u',';
        out += kindKey(e.kind);
        out += u',';
        out += QString::number(e.amount);
        out += u',';
        out += QString::number(e.balanceAfter);
        out += u',';
        out += ContactExporter::csvCell(e.counterpart);
        out += u',';
        out += ContactExporter::csvCell(e.reason);
        out += u',';
        out += ContactExporter::csvCell(e.reference);
        out += u',';
        out += ContactExporter::csvCell(e.user);
        out += QStringLiteral("\r\n");
    }
    return out;
}

Result<int> TokenHistoryExporter::exportCsv(const QString &path, const QList<TokenHistoryLine> &lines)
{
    QSaveFile file(path);
    const QByteArray bytes = csv(lines).toUtf8();
    const bool ok = file.open(QIODevice::WriteOnly) && file.write("\xEF\xBB\xBF", 3) == 3 && file.write(bytes) == bytes.size()
        && file.commit();
    if (!ok) {
        qCWarning(lcImport) << "writing the token history file failed:" << file.errorString();
        file.cancelWriting();
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in Excel.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    qCInfo(lcImport) << "exported" << lines.size() << "token history lines";
    return int(lines.size());
}

} // namespace kengele
