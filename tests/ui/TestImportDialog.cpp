// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "contacts/ImportDialog.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QFile>
#include <QLabel>
#include <QPushButton>
#include <QTableWidget>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestImportDialog final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void importWithGroupAndSeeSkippedRows();
    void headerlessFileNeedsAPhoneColumn();
    void cancelChangesNothing();
    void unreadableFileIsExplained();
    void missingFileShowsItsNameNotItsPath();
};

void TestImportDialog::importWithGroupAndSeeSkippedRows()
{
    TempProfile profile;
    ImportDialog dialog(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/bad_rows.csv")));
    dialog.show();
    QTRY_VERIFY(dialog.isReady());
    auto *group = dialog.findChild<QComboBox *>(QStringLiteral("importGroupCombo"));
    group->setEditText(QStringLiteral("New members"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("startImportButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.report().has_value(), 20000);
    const ImportReport report = *dialog.report();
    QCOMPARE(report.rows, report.created + report.updated + int(report.skipped.size()));
    auto *skipped = dialog.findChild<QTableWidget *>(QStringLiteral("skippedTable"));
    QCOMPARE(skipped->rowCount(), int(report.skipped.size()));
    QVERIFY(skipped->rowCount() > 0);
    QCOMPARE(skipped->item(0, 0)->data(Qt::DisplayRole).toInt(), report.skipped.first().line);
    QCOMPARE(*profile->contacts().count(), report.created);
    const auto members = profile->groups().findByName(QStringLiteral("New members"));
    QVERIFY(members);
    QCOMPARE(members->memberCount, report.created + report.updated);
}

void TestImportDialog::headerlessFileNeedsAPhoneColumn()
{
    TempProfile profile;
    ImportDialog dialog(profile->imports(), profile->groups(), test::testDataPath(QStringLiteral("import/headerless.csv")));
    dialog.show();
    QTRY_VERIFY(dialog.isReady());
    auto *start = dialog.findChild<QPushButton *>(QStringLiteral("startImportButton"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("mappingHintLabel"));
    QVERIFY(!dialog.findChild<QCheckBox *>(QStringLiteral("headerRowCheck"))->isChecked());
    QVERIFY(start->isEnabled()); // the phone column was recognised from its values
    QVERIFY(hint->text().contains(QStringLiteral("check")));
    // Setting the phone column to "Do not import" leaves no phone: importing is not possible.
    auto *phoneColumn = dialog.findChild<QComboBox *>(QStringLiteral("fieldCombo0"));
    phoneColumn->setCurrentIndex(phoneColumn->findData(int(ImportField::Ignore)));
    QVERIFY(!start->isEnabled());
    QVERIFY(hint->text().contains(QStringLiteral("phone numbers")));
    phoneColumn->setCurrentIndex(phoneColumn->findData(int(ImportField::Phone)));
    QVERIFY(start->isEnabled());
    QTest::mouseClick(start, Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(dialog.report().has_value(), 20000);
    QVERIFY(dialog.report()->created > 0);
}

void TestImportDialog::cancelChangesNothing()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 10));
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("big.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("Name,Phone\n");
    for (int i = 0; i < 200000; ++i)
        file.write(QStringLiteral("Person %1,07%2\n").arg(i).arg(20000000 + i).toUtf8());
    file.close();
    ImportDialog dialog(profile->imports(), profile->groups(), path);
    dialog.show();
    QTRY_VERIFY_WITH_TIMEOUT(dialog.isReady(), 20000);
    dialog.startImport();
    QVERIFY(dialog.isImporting());
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("cancelImportButton")), Qt::LeftButton);
    QTRY_VERIFY_WITH_TIMEOUT(!dialog.isImporting(), 30000);
    QTRY_COMPARE(dialog.result(), int(QDialog::Rejected));
    QVERIFY(!dialog.report().has_value());
    QCOMPARE(*profile->contacts().count(), 10);
}

void TestImportDialog::unreadableFileIsExplained()
{
    TempProfile profile;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("photo.csv"));
    QFile file(path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write(QByteArray("\x89PNG\r\n\x1a\n\0\0\0\rIHDR", 16) + QByteArray(4000, '\0'));
    file.close();
    ImportDialog dialog(profile->imports(), profile->groups(), path);
    dialog.show();
    QTRY_VERIFY(dialog.isReady());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("importErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("not a contact list")));
}

// The error names the file, not a long path, and the dialog fits the message instead of staying
// the size of the column-matching page with the text lost in the middle.
void TestImportDialog::missingFileShowsItsNameNotItsPath()
{
    TempProfile profile;
    QTemporaryDir dir;
    const QString path = dir.filePath(QStringLiteral("members/2026/choir-list.csv"));
    ImportDialog dialog(profile->imports(), profile->groups(), path);
    dialog.show();
    QTRY_VERIFY(dialog.isReady());
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("importErrorLabel"));
    QTRY_VERIFY(error->isVisible());
    QVERIFY2(error->text().contains(QStringLiteral("choir-list.csv")), qPrintable(error->text()));
    QVERIFY2(!error->text().contains(QDir::toNativeSeparators(dir.path())), qPrintable(error->text()));
    QVERIFY2(!error->text().contains(QStringLiteral("members/2026")), qPrintable(error->text()));
    QVERIFY2(dialog.height() < 360, qPrintable(QString::number(dialog.height())));
    QVERIFY2(error->y() < 80, qPrintable(QString::number(error->y()))); // at the top, not floating in the middle
}

QTEST_MAIN(TestImportDialog)
#include "TestImportDialog.moc"
