// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageBox.h"
#include "TestSupport.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"

#include <QLabel>
#include <QLineEdit>
#include <QPushButton>
#include <QStackedWidget>
#include <QTableView>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

class TestContactsPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup() { MessageBox::setNextAnswer(std::nullopt); }
    void emptyProfileShowsHowToStart();
    void searchAsYouType();
    void dialogChecksPhoneAndRefusesWithMessage();
    void dialogSavesNormalisedContact();
    void deleteAsksFirst();
    void stopAndAllowMessages();
};

void TestContactsPage::emptyProfileShowsHowToStart()
{
    TempProfile profile;
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    auto *stack = page.findChild<QStackedWidget *>();
    QVERIFY(stack);
    QVERIFY(stack->currentWidget() != page.view());
    QVERIFY(page.findChild<QLabel *>(QStringLiteral("emptyStateLabel"))->text().contains(QStringLiteral("No contacts yet")));
    QVERIFY(test::fillContacts(*profile, 3));
    QCOMPARE(stack->currentWidget(), page.view());
}

void TestContactsPage::searchAsYouType()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 800));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    auto *search = page.findChild<QLineEdit *>(QStringLiteral("searchEdit"));
    auto *count = page.findChild<QLabel *>(QStringLiteral("countLabel"));
    QCOMPARE(count->text(), QStringLiteral("800 contacts"));
    QTest::keyClicks(search, QStringLiteral("akinyi"));
    QTRY_COMPARE(page.model()->rowCount(), 100);
    QCOMPARE(count->text(), QStringLiteral("Showing 100 of 800 contacts"));
    QTest::keyClicks(search, QStringLiteral(" member 000012"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    search->clear();
    QTRY_COMPARE(page.model()->rowCount(), 800);
}

void TestContactsPage::dialogChecksPhoneAndRefusesWithMessage()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 1)); // +254710000000
    ContactDialog dialog(profile->contacts(), 0);
    dialog.show();
    auto *phone = dialog.findChild<QLineEdit *>(QStringLiteral("phoneEdit"));
    auto *hint = dialog.findChild<QLabel *>(QStringLiteral("phoneHintLabel"));
    auto *error = dialog.findChild<QLabel *>(QStringLiteral("errorLabel"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Mary"));
    QTest::keyClicks(phone, QStringLiteral("0712"));
    QVERIFY(hint->text().contains(QStringLiteral("too few digits")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->isVisible());
    QVERIFY(error->text().contains(QStringLiteral("0712")));
    // A number that already belongs to someone: refused, names the owner, the form keeps its text.
    phone->clear();
    QTest::keyClicks(phone, QStringLiteral("0710 000 000"));
    QVERIFY(hint->text().contains(QStringLiteral("+254710000000")));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QVERIFY(dialog.isVisible());
    QVERIFY(error->text().contains(QStringLiteral("already belongs to Mary Member 000000")));
    QCOMPARE(phone->text(), QStringLiteral("0710 000 000"));
    QCOMPARE(*profile->contacts().count(), 1);
}

void TestContactsPage::dialogSavesNormalisedContact()
{
    TempProfile profile;
    ContactDialog dialog(profile->contacts(), 0);
    dialog.show();
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Grace"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("lastNameEdit")), QStringLiteral("Achieng"));
    QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("phoneEdit")), QStringLiteral("254 722-000-111"));
    QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(dialog.result(), int(QDialog::Accepted));
    const auto saved = profile->contacts().get(dialog.savedContactId());
    QCOMPARE(saved->phone, QStringLiteral("+254722000111"));
    QCOMPARE(saved->phoneRaw, QStringLiteral("254 722-000-111"));

    // Editing shows what was typed and saves changes to the same contact.
    ContactDialog edit(profile->contacts(), saved->id);
    auto *first = edit.findChild<QLineEdit *>(QStringLiteral("firstNameEdit"));
    QCOMPARE(edit.findChild<QLineEdit *>(QStringLiteral("phoneEdit"))->text(), QStringLiteral("254 722-000-111"));
    first->setText(QStringLiteral("Grace N."));
    QTest::mouseClick(edit.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
    QCOMPARE(profile->contacts().get(saved->id)->firstName, QStringLiteral("Grace N."));
    QCOMPARE(*profile->contacts().count(), 1);
}

void TestContactsPage::deleteAsksFirst()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 5));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    page.view()->selectRow(0);
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QCOMPARE(*profile->contacts().count(), 5);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Akinyi Member")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(page.findChild<QPushButton *>(QStringLiteral("deleteButton")), Qt::LeftButton);
    QCOMPARE(*profile->contacts().count(), 4);
    QCOMPARE(page.model()->rowCount(), 4);
}

void TestContactsPage::stopAndAllowMessages()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 3));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    auto *button = page.findChild<QPushButton *>(QStringLiteral("optOutButton"));
    page.view()->selectRow(1);
    QCOMPARE(button->text(), QStringLiteral("Stop messages"));
    const QString phone = page.model()->contactAt(1)->phone;
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(*profile->contacts().isOptedOut(phone));
    page.view()->selectRow(1);
    QCOMPARE(button->text(), QStringLiteral("Allow messages"));
    QTest::mouseClick(button, Qt::LeftButton);
    QVERIFY(!*profile->contacts().isOptedOut(phone));
}

QTEST_MAIN(TestContactsPage)
#include "TestContactsPage.moc"
