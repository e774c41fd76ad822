// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBox.h"
#include "TestSupport.h"
#include "templates/TemplateEditor.h"
#include "templates/TemplateService.h"
#include "templates/TemplatesPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestTemplatesPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { MessageBox::setNextAnswer(std::nullopt); }
    void writeAndSaveANewTemplate();
    void brokenTemplateIsNotSavedAndTextStays();
    void switchingWithUnsavedChangesAsks();
};

void TestTemplatesPage::writeAndSaveANewTemplate()
{
    TempProfile profile;
    TemplatesPage page(profile->templates(), profile->contacts(), profile->clock());
    page.show();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("templateNameEdit")), QStringLiteral("Choir practice"));
    QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("messageEdit")),
                     QStringLiteral("Hello {first_name}, practice at 2pm."));
    QVERIFY(page.isDirty());
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("saveTemplateButton")), Qt::LeftButton);
    QVERIFY(!page.isDirty());
    const auto saved = profile->templates().findByName(QStringLiteral("Choir practice"));
    QVERIFY(saved);
    QCOMPARE(saved->body, QStringLiteral("Hello {first_name}, practice at 2pm."));
    QCOMPARE(page.findChild<QListWidget *>(QStringLiteral("templateList"))->count(), 1);
}

void TestTemplatesPage::brokenTemplateIsNotSavedAndTextStays()
{
    TempProfile profile;
    TemplatesPage page(profile->templates(), profile->contacts(), profile->clock());
    page.show();
    QTest::keyClicks(page.findChild<QLineEdit *>(QStringLiteral("templateNameEdit")), QStringLiteral("Oops"));
    QTest::keyClicks(page.findChild<QPlainTextEdit *>(QStringLiteral("messageEdit")), QStringLiteral("Hello {frist_name}"));
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("saveTemplateButton")), Qt::LeftButton);
    QVERIFY(page.isDirty());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("templateStatusLabel"))->text().contains(QStringLiteral("frist_name")));
    QCOMPARE(page.editor()->text(), QStringLiteral("Hello {frist_name}"));
    QVERIFY(profile->templates().list()->isEmpty());
}

void TestTemplatesPage::switchingWithUnsavedChangesAsks()
{
    TempProfile profile;
    const auto a = profile->templates().save(QStringLiteral("A"), QStringLiteral("first"));
    const auto b = profile->templates().save(QStringLiteral("B"), QStringLiteral("second"));
    TemplatesPage page(profile->templates(), profile->contacts(), profile->clock());
    page.show();
    QVERIFY(page.selectTemplate(a->id));
    auto *edit = page.findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->moveCursor(QTextCursor::End);
    QTest::keyClicks(edit, QStringLiteral(" edited"));
    // Cancel: stay on A with the edit.
    MessageBox::setNextAnswer(QMessageBox::Cancel);
    QVERIFY(!page.selectTemplate(b->id));
    QCOMPARE(page.editor()->text(), QStringLiteral("first edited"));
    // Save: the edit is stored, then B opens.
    MessageBox::setNextAnswer(QMessageBox::Save);
    QVERIFY(page.selectTemplate(b->id));
    QCOMPARE(profile->templates().get(a->id)->body, QStringLiteral("first edited"));
    QCOMPARE(page.editor()->text(), QStringLiteral("second"));
}

QTEST_MAIN(TestTemplatesPage)
#include "TestTemplatesPage.moc"
