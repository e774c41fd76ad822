// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "templates/TemplateEditor.h"

#include <QComboBox>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestTemplateEditor final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void counterFollowsTyping_data();
    void counterFollowsTyping();
    void curlyQuoteIsNamedAndReplaced();
    void emojiCannotBeReplaced();
    void unknownFieldFlaggedAsYouType();
    void insertFieldFromMenu();
    void previewForChosenContact();
    void previewDateIsTheDayItGoes();
    void insertFieldInKiswahili();
    void previewOnlyForTheChosenPeople();

private:
    std::unique_ptr<TempProfile> m_profile;
    std::unique_ptr<TemplateEditor> m_editor;
};

void TestTemplateEditor::init()
{
    m_profile = std::make_unique<TempProfile>();
    ContactInput mary;
    mary.firstName = QStringLiteral("Mary");
    mary.lastName = QStringLiteral("Wanjiku");
    mary.phone = QStringLiteral("0712345678");
    QVERIFY((*m_profile)->contacts().add(mary));
    m_editor = std::make_unique<TemplateEditor>((*m_profile)->contacts(), m_profile->clock());
    m_editor->resize(700, 500);
    m_editor->show();
}

void TestTemplateEditor::cleanup()
{
    m_editor.reset();
    m_profile.reset();
}

void TestTemplateEditor::counterFollowsTyping_data()
{
    QTest::addColumn<QString>("text");
    QTest::addColumn<QString>("counter");
    QTest::addRow("empty") << QString() << "Empty message";
    QTest::addRow("short") << "Hello"
                           << "Plain letters: 5 of 160 · 1 SMS part";
    QTest::addRow("160") << QString(160, u'a') << "Plain letters: 160 of 160 · 1 SMS part";
    QTest::addRow("161") << QString(161, u'a') << "Plain letters: 161 · 2 SMS parts (145 more fit in the last part)";
    QTest::addRow("euro counts two") << "Give €5"
                                     << "Plain letters: 8 of 160 · 1 SMS part";
    QTest::addRow("Swahili stays plain") << "Karibu kanisani, Mungu akubariki!"
                                         << "Plain letters: 33 of 160 · 1 SMS part";
    QTest::addRow("70 special") << (QStringLiteral("’") + QString(69, u'a')) << "Special characters: 70 of 70 · 1 SMS part";
    QTest::addRow("71 special") << (QStringLiteral("’") + QString(70, u'a'))
                                << "Special characters: 71 · 2 SMS parts (63 more fit in the last part)";
}

void TestTemplateEditor::counterFollowsTyping()
{
    QFETCH(QString, text);
    QFETCH(QString, counter);
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->setFocus();
    // QTest types ASCII only; other characters arrive as from an input method.
    bool ascii = true;
    for (const QChar ch : text)
        ascii = ascii && ch.unicode() < 128;
    if (ascii)
        QTest::keyClicks(edit, text);
    else
        edit->insertPlainText(text);
    QCOMPARE(edit->toPlainText(), text);
    QCOMPARE(m_editor->findChild<QLabel *>(QStringLiteral("counterLabel"))->text(), counter);
}

void TestTemplateEditor::curlyQuoteIsNamedAndReplaced()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    edit->insertPlainText(QStringLiteral("We’re meeting – all welcome"));
    auto *box = m_editor->findChild<QWidget *>(QStringLiteral("encodingBox"));
    QVERIFY(box->isVisible());
    const QString warning = m_editor->encodingWarningText();
    QVERIFY2(warning.contains(QStringLiteral("’")), qPrintable(warning));
    QVERIFY(warning.contains(QStringLiteral("–")));
    // Plain words: no names of character sets.
    for (const char *word : {"UCS", "GSM", "Unicode"})
        QVERIFY2(!warning.contains(QLatin1String(word)), qPrintable(warning));
    QVERIFY2(warning.contains(QStringLiteral("special characters (70 per SMS part)")), qPrintable(warning));
    auto *replace = m_editor->findChild<QPushButton *>(QStringLiteral("replaceLookalikesButton"));
    QVERIFY(replace->isVisible());
    QTest::mouseClick(replace, Qt::LeftButton);
    QCOMPARE(edit->toPlainText(), QStringLiteral("We're meeting - all welcome"));
    QVERIFY(box->isHidden());
    QVERIFY(m_editor->counterText().startsWith(QStringLiteral("Plain letters:")));
    // One undo brings the original back.
    edit->undo();
    QCOMPARE(edit->toPlainText(), QStringLiteral("We’re meeting – all welcome"));
}

void TestTemplateEditor::emojiCannotBeReplaced()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    QTest::keyClicks(edit, QStringLiteral("Blessings "));
    edit->insertPlainText(QStringLiteral("🙏")); // typed through an emoji picker, not key by key
    QVERIFY(m_editor->counterText().startsWith(QStringLiteral("Special characters:")));
    QVERIFY(m_editor->encodingWarningText().contains(QStringLiteral("🙏")));
    QVERIFY(m_editor->findChild<QPushButton *>(QStringLiteral("replaceLookalikesButton"))->isHidden());
}

void TestTemplateEditor::unknownFieldFlaggedAsYouType()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    auto *problems = m_editor->findChild<QLabel *>(QStringLiteral("problemsLabel"));
    QTest::keyClicks(edit, QStringLiteral("Hello {frist_name}"));
    QVERIFY(problems->isVisible());
    QVERIFY(problems->text().contains(QStringLiteral("frist_name")));
    edit->clear();
    QTest::keyClicks(edit, QStringLiteral("Hello {first_name}"));
    QVERIFY(problems->isHidden());
}

void TestTemplateEditor::insertFieldFromMenu()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    QTest::keyClicks(edit, QStringLiteral("Dear "));
    auto *button = m_editor->findChild<QToolButton *>(QStringLiteral("insertFieldButton"));
    QMenu *menu = button->menu();
    QVERIFY(menu);
    QAction *firstName = nullptr;
    QAction *fallback = nullptr;
    for (QAction *action : menu->actions()) {
        if (action->data().toString() == QStringLiteral("{first_name}"))
            firstName = action;
        if (action->data().toString().startsWith(QStringLiteral("{first_name|")))
            fallback = action;
    }
    QVERIFY(firstName && fallback);
    firstName->trigger();
    QCOMPARE(edit->toPlainText(), QStringLiteral("Dear {first_name}"));
    QTest::keyClicks(edit, QStringLiteral(" and "));
    fallback->trigger();
    QCOMPARE(edit->toPlainText(), QStringLiteral("Dear {first_name} and {first_name|friend}"));
}

void TestTemplateEditor::previewForChosenContact()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    QTest::keyClicks(edit, QStringLiteral("Habari {first_name|ndugu}, karibu."));
    QCOMPARE(m_editor->previewText(), QStringLiteral("Habari Mary, karibu."));
    auto *combo = m_editor->findChild<QComboBox *>(QStringLiteral("previewContactCombo"));
    combo->setCurrentIndex(combo->count() - 1); // someone whose name is not known
    QCOMPARE(m_editor->previewText(), QStringLiteral("Habari ndugu, karibu."));
    QVERIFY(m_editor->findChild<QLabel *>(QStringLiteral("previewCounterLabel"))->text().contains(QStringLiteral("1 SMS")));
}

void TestTemplateEditor::previewDateIsTheDayItGoes()
{
    auto *edit = m_editor->findChild<QPlainTextEdit *>(QStringLiteral("messageEdit"));
    // Today by the profile's clock (Sunday 1 March 2026), not by the computer's.
    QTest::keyClicks(edit, QStringLiteral("Service on {date}"));
    QCOMPARE(m_editor->previewText(), QStringLiteral("Service on 01/03/2026"));
    // A campaign chose Friday evening.
    m_editor->setSendTime(QDateTime(QDate(2026, 3, 6), QTime(18, 0)));
    QCOMPARE(m_editor->previewText(), QStringLiteral("Service on 06/03/2026"));
    // Back to "now", a day later.
    m_profile->clock().set(QDateTime(QDate(2026, 3, 2), QTime(12, 0), Qt::UTC));
    m_editor->setSendTime(QDateTime());
    QCOMPARE(m_editor->previewText(), QStringLiteral("Service on 02/03/2026"));
}

void TestTemplateEditor::insertFieldInKiswahili()
{
    // The interface in Kiswahili: the menu inserts the Kiswahili names, with "rafiki" for someone unnamed.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Swahili, QLocale::Kenya));
    TemplateEditor editor((*m_profile)->contacts(), m_profile->clock());
    QLocale::setDefault(before);
    QStringList inserted;
    for (QAction *action : editor.findChild<QToolButton *>(QStringLiteral("insertFieldButton"))->menu()->actions()) {
        if (!action->isSeparator())
            inserted << action->data().toString();
    }
    QCOMPARE(inserted,
             (QStringList{QStringLiteral("{jina_la_kwanza}"), QStringLiteral("{jina_la_mwisho}"), QStringLiteral("{jina}"),
                          QStringLiteral("{simu}"), QStringLiteral("{kikundi}"), QStringLiteral("{tarehe}"),
                          QStringLiteral("{jina_la_kwanza|rafiki}")}));
    // What it inserts works: no problem, Mary's name in the preview.
    editor.insertField(QStringLiteral("Habari {jina_la_kwanza|rafiki}"));
    QVERIFY(editor.problemText().isEmpty());
    QCOMPARE(editor.previewText(), QStringLiteral("Habari Mary"));
}

void TestTemplateEditor::previewOnlyForTheChosenPeople()
{
    Profile &p = **m_profile;
    ContactInput john;
    john.firstName = QStringLiteral("John");
    john.phone = QStringLiteral("0712345679");
    const qint64 johnId = p.contacts().add(john)->id;
    auto *combo = m_editor->findChild<QComboBox *>(QStringLiteral("previewContactCombo"));
    QCOMPARE(combo->count(), 3); // Mary, John and the nameless example
    // A campaign goes to John only: the preview offers him and nobody else.
    m_editor->setPreviewPeople(QList<qint64>{johnId});
    QCOMPARE(combo->count(), 1);
    QCOMPARE(combo->itemData(0).toLongLong(), johnId);
    QTest::keyClicks(m_editor->textEdit(), QStringLiteral("Hi {first_name}"));
    QCOMPARE(m_editor->previewText(), QStringLiteral("Hi John"));
    // Nobody chosen yet: nobody to preview for, and the editor says so.
    m_editor->setPreviewPeople(QList<qint64>{});
    QCOMPARE(combo->count(), 0);
    QVERIFY(!combo->isEnabled());
    // Back to everyone (the templates page).
    m_editor->setPreviewPeople(std::nullopt);
    QCOMPARE(combo->count(), 3);
}

QTEST_MAIN(TestTemplateEditor)
#include "TestTemplateEditor.moc"
