// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FakeSecretStore.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactForgetter.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"
#include "contacts/ContactsPage.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PastoralSearchDialog.h"
#include "security/AuditLog.h"
#include "security/DataKey.h"
#include "security/Passwords.h"
#include "security/StaffAccounts.h"
#include "storage/Database.h"

#include <QApplication>
#include <QDialog>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSqlQuery>
#include <QStackedWidget>
#include <QTableView>
#include <QTimer>
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
    void forgetSaysWhatGoesAndThatItIsFinal();
    void markAsOptedOutAsksFirst();
    void allowSmsAgainAsksWhy();
    void statusIsNarrowAndGroupsStretches();
    void pastoralNotesOnlyForPastorsAndOpenedOnRequest();
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

void TestContactsPage::forgetSaysWhatGoesAndThatItIsFinal()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 5));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.setForgetter(&profile->forgetter(), &profile->staff());
    page.show();
    page.view()->selectRow(0);
    MessageBox::setNextAnswer(QMessageBox::No);
    page.forgetSelected();
    QCOMPARE(*profile->contacts().count(), 5);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Akinyi Member")));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("cannot be undone")));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("every message")));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    page.forgetSelected();
    QCOMPARE(*profile->contacts().count(), 4);
    QTRY_COMPARE_WITH_TIMEOUT(page.model()->rowCount(), 4, 5000);
    const auto entries = profile->audit().list({{}, {}, QStringLiteral("contacts.forget"), 0});
    QVERIFY(entries && entries->size() == 1);
}

void TestContactsPage::markAsOptedOutAsksFirst()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 3));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    auto *optOut = page.findChild<QPushButton *>(QStringLiteral("optOutButton"));
    auto *allow = page.findChild<QPushButton *>(QStringLiteral("allowSmsButton"));
    QVERIFY(optOut && allow);
    page.view()->selectRow(1);
    QCOMPARE(optOut->text(), QStringLiteral("Mark as opted out…"));
    QVERIFY(optOut->isEnabled());
    QVERIFY(!allow->isEnabled()); // nobody selected has opted out
    const QString phone = page.model()->contactAt(1)->phone;
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(optOut, Qt::LeftButton);
    QVERIFY(!*profile->contacts().isOptedOut(phone));
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(optOut, Qt::LeftButton);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("opted out")));
    QVERIFY(*profile->contacts().isOptedOut(phone));
    page.view()->selectRow(1);
    QVERIFY(!optOut->isEnabled());
    QVERIFY(allow->isEnabled());
    QCOMPARE(allow->text(), QStringLiteral("Allow SMS again…"));
}

void TestContactsPage::allowSmsAgainAsksWhy()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 3));
    const QString phone = profile->contacts().fetch({}, 0, 10)->at(1).phone;
    QVERIFY(profile->contacts().optOut(phone, QStringLiteral("STOP"), QStringLiteral("sms")));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.show();
    auto *allow = page.findChild<QPushButton *>(QStringLiteral("allowSmsButton"));
    page.view()->selectRow(1);
    QVERIFY(allow->isEnabled());

    // Cancelled: nothing changes.
    bool seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        seen = true;
        dialog->reject();
    });
    QTest::mouseClick(allow, Qt::LeftButton);
    QVERIFY(seen);
    QVERIFY(*profile->contacts().isOptedOut(phone));

    // The button that allows stays off until a reason is typed.
    seen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<QDialog *>(QApplication::activeModalWidget());
        QVERIFY(dialog);
        QCOMPARE(dialog->windowTitle(), QStringLiteral("Allow SMS again"));
        auto *reason = dialog->findChild<QLineEdit *>(QStringLiteral("allowReasonEdit"));
        auto *ok = dialog->findChild<QPushButton *>(QStringLiteral("allowConfirmButton"));
        QVERIFY(reason && ok);
        QVERIFY(!ok->isEnabled());
        reason->setText(QStringLiteral("   "));
        QVERIFY(!ok->isEnabled());
        reason->setText(QStringLiteral("She asked at church"));
        QVERIFY(ok->isEnabled());
        seen = true;
        ok->click();
    });
    QTest::mouseClick(allow, Qt::LeftButton);
    QVERIFY(seen);
    QVERIFY(!*profile->contacts().isOptedOut(phone));
    QSqlQuery q(profile->database().connection());
    QVERIFY(q.exec(QStringLiteral("SELECT reason, user_name FROM opt_ins")) && q.next());
    QCOMPARE(q.value(0).toString(), QStringLiteral("She asked at church"));
    QCOMPARE(q.value(1).toString(), qEnvironmentVariable("USER", qEnvironmentVariable("USERNAME")));
}

// Status holds one short word: it is sized to it, and Groups takes the rest of the width.
void TestContactsPage::statusIsNarrowAndGroupsStretches()
{
    TempProfile profile;
    QVERIFY(test::fillContacts(*profile, 3));
    ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
    page.resize(1100, 600);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    QHeaderView *header = page.view()->horizontalHeader();
    const int status = header->sectionSize(ContactTableModel::StatusColumn);
    const int groups = header->sectionSize(ContactTableModel::GroupsColumn);
    const QFontMetrics metrics = page.view()->fontMetrics();
    QVERIFY2(status >= metrics.horizontalAdvance(QStringLiteral("Opted out")), qPrintable(QString::number(status)));
    QVERIFY2(status <= metrics.horizontalAdvance(QStringLiteral("Opted out")) + 60, qPrintable(QString::number(status)));
    QVERIFY2(groups > status * 2, qPrintable(QStringLiteral("%1 %2").arg(groups).arg(status)));
    // Groups takes what the window gives.
    page.resize(1400, 600);
    QCoreApplication::processEvents();
    QVERIFY(header->sectionSize(ContactTableModel::GroupsColumn) > groups);
    QCOMPARE(header->sectionSize(ContactTableModel::StatusColumn), status);
}

QTEST_MAIN(TestContactsPage)
// The pastoral notes in the contact dialog: not there at all for staff; for a pastor, closed until
// asked for (the opening is what the audit trail records), saved with the contact, and searchable.
void TestContactsPage::pastoralNotesOnlyForPastorsAndOpenedOnRequest()
{
    TempProfile profile;
    test::FakeSecretStore secrets;
    PastoralNotes &notes = profile->pastoral();
    notes.setKeySource([&secrets] { return DataKey::loadOrCreate(secrets); });
    StaffAccounts &staff = profile->staff();
    staff.setCost(Passwords::Cost::TestsOnly);
    const QString password = QStringLiteral("kwaya ya vijana 2026");
    QVERIFY(staff.requireSignIn(QStringLiteral("mary"), QStringLiteral("Mary"), password));
    QVERIFY(staff.add(QStringLiteral("john"), QStringLiteral("John"), Role::Staff, password));
    QVERIFY(staff.add(QStringLiteral("peter"), QStringLiteral("Pastor Peter"), Role::Pastor, password));
    const auto asha
        = profile->contacts().add({QStringLiteral("Asha"), QStringLiteral("Njeri"), QStringLiteral("+254712000001"), {}, {}});
    QVERIFY(asha);
    QVERIFY(notes.write(asha->id, QStringLiteral("Mother in hospital")));
    auto readings = [&profile] {
        return profile->audit().list({{}, {}, QStringLiteral("pastoral.read"), 0}).value().size();
    };

    staff.lock();
    QVERIFY(staff.signIn(QStringLiteral("john"), password));
    {
        ContactDialog dialog(profile->contacts(), asha->id, nullptr, &notes);
        QVERIFY(!dialog.findChild<QGroupBox *>(QStringLiteral("pastoralBox")));
        ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
        page.setPastoralNotes(&notes);
        page.show();
        QVERIFY(page.findChild<QPushButton *>(QStringLiteral("pastoralSearchButton"))->isHidden());
    }

    staff.lock();
    QVERIFY(staff.signIn(QStringLiteral("peter"), password));
    {
        ContactDialog dialog(profile->contacts(), asha->id, nullptr, &notes);
        dialog.show();
        QVERIFY(dialog.findChild<QGroupBox *>(QStringLiteral("pastoralBox")));
        auto *text = dialog.findChild<QPlainTextEdit *>(QStringLiteral("pastoralTextEdit"));
        QVERIFY(!text->isVisible());
        QVERIFY(dialog.findChild<QLabel *>(QStringLiteral("pastoralStateLabel"))
                    ->text()
                    .contains(QStringLiteral("has pastoral notes")));
        QCOMPARE(readings(), 0);
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("pastoralOpenButton")), Qt::LeftButton);
        QCOMPARE(readings(), 1);
        QVERIFY(text->isVisible());
        QCOMPARE(text->toPlainText(), QStringLiteral("Mother in hospital"));
        text->setPlainText(QStringLiteral("Mother home from hospital; visit Sunday"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(notes.read(asha->id).value(), QStringLiteral("Mother home from hospital; visit Sunday"));
    }
    {
        // A new person with notes from the start.
        ContactDialog dialog(profile->contacts(), 0, nullptr, &notes);
        dialog.show();
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("firstNameEdit")), QStringLiteral("Baraka"));
        QTest::keyClicks(dialog.findChild<QLineEdit *>(QStringLiteral("phoneEdit")), QStringLiteral("0712000002"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("pastoralOpenButton")), Qt::LeftButton);
        QTest::keyClicks(dialog.findChild<QPlainTextEdit *>(QStringLiteral("pastoralTextEdit")), QStringLiteral("New in town"));
        QTest::mouseClick(dialog.findChild<QPushButton *>(QStringLiteral("saveButton")), Qt::LeftButton);
        QCOMPARE(dialog.result(), int(QDialog::Accepted));
        QCOMPARE(notes.read(dialog.savedContactId()).value(), QStringLiteral("New in town"));
    }
    {
        ContactsPage page(profile->contacts(), profile->groups(), profile->imports(), profile->exporter());
        page.setPastoralNotes(&notes);
        page.show();
        QVERIFY(!page.findChild<QPushButton *>(QStringLiteral("pastoralSearchButton"))->isHidden());
        PastoralSearchDialog search(profile->contacts(), notes);
        search.findChild<QLineEdit *>(QStringLiteral("pastoralSearchEdit"))->setText(QStringLiteral("HOSPITAL"));
        search.search();
        auto *found = search.findChild<QListWidget *>(QStringLiteral("pastoralFoundList"));
        QCOMPARE(found->count(), 1);
        QVERIFY(found->item(0)->text().contains(QStringLiteral("Asha Njeri")));
        QVERIFY(!profile->audit().list({{}, {}, QStringLiteral("pastoral.search"), 0}).value().isEmpty());
    }
}

#include "TestContactsPage.moc"
