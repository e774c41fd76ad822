// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "importexport/AuditExporter.h"
#include "security/AuditLog.h"

#include <QFile>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// The audit trail as a CSV file: the columns, local times, cells quoted and defused, the file
// written whole or not at all.
class TestAuditExporter final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void writesEveryEntryWithItsColumns();
    void quotesAndDefusesCells();
    void anUnwritableFolderSaysSo();
};

void TestAuditExporter::writesEveryEntryWithItsColumns()
{
    test::TempProfile profile;
    AuditLog &audit = profile->audit();
    audit.setActor(u"mary"_s);
    QVERIFY(audit.record(u"users.add"_s, u"user:john"_s, u"role staff"_s));
    profile.clock().advanceMs(90'000);
    audit.setActor(u"john"_s);
    QVERIFY(audit.record(u"signin"_s, u"user:john"_s, QString()));
    const Result<QList<AuditEntry>> entries = audit.list();
    QVERIFY(entries);
    QCOMPARE(entries->size(), 2);

    QTemporaryDir dir;
    const QString path = dir.filePath(u"audit.csv"_s);
    const Result<int> written = AuditExporter::exportCsv(path, *entries);
    QVERIFY(written);
    QCOMPARE(*written, 2);
    QFile file(path);
    QVERIFY(file.open(QIODevice::ReadOnly));
    const QByteArray bytes = file.readAll();
    QVERIFY(bytes.startsWith("\xEF\xBB\xBF"));
    const QStringList lines = QString::fromUtf8(bytes.mid(3)).split(u"\r\n"_s);
    QCOMPARE(lines.size(), 4); // header, two entries, the empty rest after the last CRLF
    QCOMPARE(lines.at(0), u"Id,Time,User,Computer,Action,Object,Summary,Hash"_s);
    for (int i = 0; i < 2; ++i) {
        const AuditEntry &e = entries->at(i);
        const QString expected = QStringList{QString::number(e.id),
                                             e.time.toLocalTime().toString(u"yyyy-MM-dd HH:mm:ss"_s),
                                             e.user,
                                             e.device,
                                             e.action,
                                             e.object,
                                             e.summary,
                                             e.hash}
                                     .join(u',');
        QCOMPARE(lines.at(i + 1), expected);
    }
    // In the order given (AuditLog lists the newest first).
    QVERIFY(lines.at(1).contains(u",john,"_s) != lines.at(2).contains(u",john,"_s));
    QVERIFY(lines.at(1).contains(u",mary,"_s) != lines.at(2).contains(u",mary,"_s));
    QCOMPARE(lines.at(3), QString());
}

void TestAuditExporter::quotesAndDefusesCells()
{
    AuditEntry entry;
    entry.id = 7;
    entry.time = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC);
    entry.user = u"=cmd"_s;
    entry.device = u"OFFICE-PC"_s;
    entry.action = u"users.role"_s;
    entry.object = u"user:john"_s;
    entry.summary = u"staff, then \"pastor\""_s;
    entry.hash = u"ab12"_s;
    const QString text = AuditExporter::csv({entry});
    const QString line = text.split(u"\r\n"_s).value(1);
    QVERIFY2(line.startsWith(u"7,"_s), qPrintable(line));
    QVERIFY2(line.contains(u",'=cmd,OFFICE-PC,users.role,user:john,\"staff, then \"\"pastor\"\"\",ab12"_s), qPrintable(line));
    QCOMPARE(AuditExporter::csv({}), u"Id,Time,User,Computer,Action,Object,Summary,Hash\r\n"_s);
}

void TestAuditExporter::anUnwritableFolderSaysSo()
{
    QTemporaryDir dir;
    const QString path = dir.filePath(u"missing/folder/audit.csv"_s);
    const Result<int> written = AuditExporter::exportCsv(path, {});
    QVERIFY(!written);
    QCOMPARE(written.error().code, ErrorCode::Io);
    QVERIFY(written.error().message.contains(u"audit.csv"_s));
    QVERIFY(!QFile::exists(path));
}

QTEST_GUILESS_MAIN(TestAuditExporter)
#include "TestAuditExporter.moc"
