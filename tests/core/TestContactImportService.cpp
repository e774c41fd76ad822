// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "importexport/ContactImportService.h"

#include <QCoreApplication>
#include <QFutureWatcher>
#include <QSignalSpy>
#include <QThread>
#include <QtTest>

#include <atomic>

using namespace kengele;
using namespace Qt::StringLiterals;

// The import as front ends run it: the contacts and the groups the file brings are announced by
// the service itself once the import has committed (never when nothing changed), and the
// background variants work off the calling thread.
class TestContactImportService final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importAnnouncesContactsAndGroupsOnce();
    void backgroundImportWorksOffThisThreadAndAnnouncesFirst();
    void previewInBackgroundReadsTheFile();
    void cancelledImportChangesNothingAndSaysNothing();
    void refusedFileSaysNothing();
};

void TestContactImportService::importAnnouncesContactsAndGroupsOnce()
{
    test::TempProfile profile;
    QSignalSpy contactsChanged(&profile->contacts(), &ContactService::contactsChanged);
    QSignalSpy groupsChanged(&profile->groups(), &GroupService::groupsChanged);

    const Result<ImportReport> report = profile->imports().import(test::testDataPath(u"import/basic_bom.csv"_s));
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    QCOMPARE(report->created, 3);
    QCOMPARE(report->groupsCreated, (QStringList{u"Choir"_s, u"Youth"_s, u"Women"_s}));
    // At once, on this thread: a command line has no event loop to wait for.
    QCOMPARE(contactsChanged.count(), 1);
    QCOMPARE(groupsChanged.count(), 1);
    QCOMPARE(*profile->contacts().count(), 3);
}

void TestContactImportService::backgroundImportWorksOffThisThreadAndAnnouncesFirst()
{
    test::TempProfile profile;
    ContactImportService &imports = profile->imports();
    QFutureWatcher<Result<ImportPreview>> previewWatcher;
    previewWatcher.setFuture(imports.previewInBackground(test::testDataPath(u"import/basic_bom.csv"_s)));
    previewWatcher.waitForFinished();
    const Result<ImportPreview> preview = previewWatcher.result();
    QVERIFY(preview);

    // What the views hear, in the order they hear it.
    QStringList heard;
    connect(&profile->contacts(), &ContactService::contactsChanged, this, [&heard] { heard << u"contacts"_s; });
    connect(&profile->groups(), &GroupService::groupsChanged, this, [&heard] { heard << u"groups"_s; });
    QFutureWatcher<Result<ImportReport>> watcher;
    connect(&watcher, &QFutureWatcher<Result<ImportReport>>::finished, this, [&heard] { heard << u"finished"_s; });

    std::atomic_bool onThisThread{false};
    std::atomic_int progressCalls{0};
    ImportOptions options;
    options.groupName = u"Visitors"_s;
    options.progress = [&onThisThread, &progressCalls, self = QThread::currentThread()](qint64, qint64) {
        ++progressCalls;
        if (QThread::currentThread() == self)
            onThisThread = true;
    };
    watcher.setFuture(imports.importInBackground(*preview, options));
    // Nothing is announced while the worker writes: it can only be heard through the event loop.
    QVERIFY(heard.isEmpty());
    QTRY_COMPARE(heard, (QStringList{u"contacts"_s, u"groups"_s, u"finished"_s}));

    QVERIFY(progressCalls > 0);
    QVERIFY(!onThisThread);
    const Result<ImportReport> report = watcher.result();
    QVERIFY(report);
    QCOMPARE(report->created, 3);
    QVERIFY(report->groupsCreated.contains(u"Visitors"_s));
    QCOMPARE(*profile->contacts().count(), 3);
    // Nothing more follows.
    QTest::qWait(50);
    QCOMPARE(heard.size(), 3);
}

void TestContactImportService::previewInBackgroundReadsTheFile()
{
    test::TempProfile profile;
    QFuture<Result<ImportPreview>> future
        = profile->imports().previewInBackground(test::testDataPath(u"import/headerless.csv"_s));
    future.waitForFinished();
    const Result<ImportPreview> preview = future.result();
    QVERIFY(preview);
    QVERIFY(preview->rowCount() > 0);
    QVERIFY(preview->mapping().hasPhone());

    QFuture<Result<ImportPreview>> missing = profile->imports().previewInBackground(u"/nonexistent/contacts.csv"_s);
    missing.waitForFinished();
    QVERIFY(!missing.result());
}

void TestContactImportService::cancelledImportChangesNothingAndSaysNothing()
{
    test::TempProfile profile;
    QSignalSpy contactsChanged(&profile->contacts(), &ContactService::contactsChanged);
    QSignalSpy groupsChanged(&profile->groups(), &GroupService::groupsChanged);
    const Result<ImportPreview> preview
        = profile->imports().previewInBackground(test::testDataPath(u"import/basic_bom.csv"_s)).result();
    QVERIFY(preview);

    ImportOptions options;
    options.isCancelled = [] {
        return true;
    };
    QFutureWatcher<Result<ImportReport>> watcher;
    QSignalSpy finished(&watcher, &QFutureWatcher<Result<ImportReport>>::finished);
    watcher.setFuture(profile->imports().importInBackground(*preview, options));
    QTRY_COMPARE(finished.count(), 1);
    const Result<ImportReport> report = watcher.result();
    QVERIFY(!report);
    QCOMPARE(report.error().code, ErrorCode::Cancelled);
    QTest::qWait(50);
    QCOMPARE(contactsChanged.count(), 0);
    QCOMPARE(groupsChanged.count(), 0);
    QCOMPARE(*profile->contacts().count(), 0);
}

void TestContactImportService::refusedFileSaysNothing()
{
    test::TempProfile profile;
    QSignalSpy contactsChanged(&profile->contacts(), &ContactService::contactsChanged);
    QSignalSpy groupsChanged(&profile->groups(), &GroupService::groupsChanged);
    const Result<ImportReport> report = profile->imports().import(u"/nonexistent/contacts.csv"_s);
    QVERIFY(!report);
    QCOMPARE(contactsChanged.count(), 0);
    QCOMPARE(groupsChanged.count(), 0);
}

QTEST_GUILESS_MAIN(TestContactImportService)
#include "TestContactImportService.moc"
