// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "MessageBox.h"
#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "contacts/ContactDialog.h"
#include "contacts/ContactService.h"
#include "inbox/InboxPage.h"
#include "inbox/InboxService.h"
#include "inbox/InboxTableModel.h"
#include "inbox/InboxText.h"
#include "inbox/RelayStatusText.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"

#include <QAbstractItemModelTester>
#include <QComboBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QSignalSpy>
#include <QStyleOptionViewItem>
#include <QTextEdit>
#include <QTreeView>
#include <QtTest>

using namespace kengele;
using kengele::test::find;

// The Inbox page: messages members sent (as the relay sync stores them), filters and search, read
// state, adding the sender as a contact, and a reply that becomes a campaign of one.
class TestInboxPage final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void emptyPageSaysHowToConnect();
    void listsMessagesWithClearWords();
    void messagesAreWholeInTheList();
    void filtersAndSearch();
    void openingAMessageMarksItRead();
    void addsTheSenderToContacts();
    void replyIsACampaignOfOneAfterConfirming();
    void replyIsRefusedForOptedOutSenders();
    void incomingMessageIsReadOnlyText();
    void visitorIsAnsweredThenAddedToContacts();
    void relayBannerOffersReconnect();
    void optingOutHasOneName();
    void sidebarShowsTheUnreadCount();
    void manyMessagesAreReadInPages();

private:
    // An SMS as the relay brings it; minutes after 08:00 UTC on 1 March 2026.
    void receive(const QString &from, const QString &text);
    void receiveMany(int count);
    Profile &profile() { return m_profile->profile(); }
    int rowWithText(InboxPage &page, const QString &text);

    std::unique_ptr<test::TempProfile> m_profile;
    qint64 m_seq = 0;
};

void TestInboxPage::init()
{
    m_profile = std::make_unique<test::TempProfile>();
    m_seq = 0;
    QVERIFY(RelayLinkStore(profile().database(), m_profile->clock())
                .saveEnrolment(RelayEnrolment{QStringLiteral("dev_1"), QStringLiteral("t"), QStringLiteral("org_a"), QString()}));
    ContactInput mary;
    mary.firstName = QStringLiteral("Mary");
    mary.lastName = QStringLiteral("Wanjiku");
    mary.phone = QStringLiteral("0712345678");
    QVERIFY(profile().contacts().add(mary));
}

void TestInboxPage::cleanup()
{
    MessageBox::setNextAnswer(std::nullopt);
    m_profile.reset();
}

void TestInboxPage::receive(const QString &from, const QString &text)
{
    RelayEventApplier applier(profile().database(), profile().contacts(), profile().tokens(), m_profile->clock());
    ++m_seq;
    const RelayEvent event{m_seq, QStringLiteral("at.inbound"),
                           QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).addSecs(m_seq * 60),
                           QJsonObject{{QStringLiteral("id"), QStringLiteral("in-%1").arg(m_seq)},
                                       {QStringLiteral("from"), from},
                                       {QStringLiteral("text"), text},
                                       {QStringLiteral("date"), QStringLiteral("2026-03-01 08:00:00")}}};
    const auto report = applier.apply(QStringLiteral("org_a"), {event}, m_seq);
    QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
    profile().inbox().notifyNewMessages();
}

void TestInboxPage::receiveMany(int count)
{
    RelayEventApplier applier(profile().database(), profile().contacts(), profile().tokens(), m_profile->clock());
    QList<RelayEvent> batch;
    for (int i = 0; i < count; ++i) {
        ++m_seq;
        batch.append(RelayEvent{m_seq, QStringLiteral("at.inbound"),
                                QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).addSecs(m_seq),
                                QJsonObject{{QStringLiteral("id"), QStringLiteral("bulk-%1").arg(m_seq)},
                                            {QStringLiteral("from"), QStringLiteral("+2547%1").arg(10000000 + i)},
                                            {QStringLiteral("text"), QStringLiteral("Message number %1").arg(m_seq)}}});
        if (batch.size() == 500 || i == count - 1) {
            const auto report = applier.apply(QStringLiteral("org_a"), batch, m_seq);
            QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
            batch.clear();
        }
    }
    profile().inbox().notifyNewMessages();
}

int TestInboxPage::rowWithText(InboxPage &page, const QString &text)
{
    for (int row = 0; row < page.model()->rowCount(); ++row) {
        if (page.model()->messageAt(row)->text == text)
            return row;
    }
    return -1;
}

void TestInboxPage::emptyPageSaysHowToConnect()
{
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    auto *empty = find<QLabel>(&page, "inboxEmptyLabel");
    QVERIFY(empty->isVisible());
    QVERIFY(empty->text().contains(QStringLiteral("No messages yet")));
    QVERIFY(empty->text().contains(QStringLiteral("Connect to your relay in Settings → Relay.")));
    auto *open = find<QPushButton>(&page, "openRelaySettingsButton");
    QVERIFY(open->isVisible());
    QSignalSpy asked(&page, &InboxPage::relaySettingsRequested);
    QTest::mouseClick(open, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);

    page.setRelayConfigured(true);
    QVERIFY(!empty->text().contains(QStringLiteral("Settings → Relay")));
    QVERIFY(!open->isVisible());

    // The first message replaces the empty page with the list.
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor"));
    QVERIFY(!empty->isVisible());
    QVERIFY(page.view()->isVisible());
    QCOMPARE(page.model()->rowCount(), 1);
}

void TestInboxPage::listsMessagesWithClearWords()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor for the visit"));
    receive(QStringLiteral("+254799000111"), QStringLiteral("PRAY for my son's exams this week"));
    receive(QStringLiteral("0722 000 222"), QStringLiteral("STOP"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.resize(1000, 700);
    page.show();
    InboxTableModel *model = page.model();
    QCOMPARE(model->rowCount(), 3);
    auto cell = [model](int row, int column) {
        return model->index(row, column).data().toString();
    };
    // Newest first; a contact by name, anyone else by number.
    QCOMPARE(cell(0, InboxTableModel::FromColumn), QStringLiteral("+254722000222"));
    QCOMPARE(cell(0, InboxTableModel::HandledAsColumn), QStringLiteral("Opted out"));
    QCOMPARE(cell(1, InboxTableModel::HandledAsColumn), QStringLiteral("Prayer request"));
    QCOMPARE(cell(2, InboxTableModel::FromColumn), QStringLiteral("Mary Wanjiku"));
    QCOMPARE(cell(2, InboxTableModel::TextColumn).replace(u'\n', u' '), QStringLiteral("Asante pastor for the visit"));
    QCOMPARE(cell(2, InboxTableModel::HandledAsColumn), QStringLiteral("Message"));
    // 08:01 UTC is 11:01 in Nairobi.
    QVERIFY2(cell(2, InboxTableModel::ReceivedColumn).contains(QStringLiteral("11:01")), qPrintable(cell(2, 2)));
    QVERIFY(model->index(0, 0).data(Qt::FontRole).value<QFont>().bold());
    QVERIFY(model->index(0, InboxTableModel::HandledAsColumn)
                .data(Qt::ToolTipRole)
                .toString()
                .contains(QStringLiteral("marked the number as opted out")));

    // A long text is whole in the list (in lines, messagesAreWholeInTheList) and in the detail pane.
    const QString longText = QStringLiteral("Habari pastor,\n") + QString(300, u'a');
    receive(QStringLiteral("+254712345678"), longText);
    QCOMPARE(cell(0, InboxTableModel::TextColumn).remove(u'\n').remove(u' '),
             QStringLiteral("Habaripastor,") + QString(300, u'a'));
    QVERIFY(page.selectMessage(model->messageId(0)));
    QCOMPARE(find<QLabel>(&page, "inboxTextView")->text(), longText);
    QVERIFY(find<QLabel>(&page, "inboxSenderLabel")->text().contains(QStringLiteral("Mary Wanjiku")));
}

void TestInboxPage::messagesAreWholeInTheList()
{
    // An SMS is a few sentences: the list shows all of it, in lines that fit the column, and each
    // row is as tall as its lines.
    const QString longText = QStringLiteral("Is the youth camp still on Saturday? My two children want to come but "
                                            "we need to know what to bring and when the bus leaves the church.");
    receive(QStringLiteral("+254733000333"), longText);
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.resize(1000, 700);
    page.show();
    QVERIFY(QTest::qWaitForWindowExposed(&page));
    test::settle();
    QTreeView *view = page.view();
    InboxTableModel *model = page.model();
    QCOMPARE(model->rowCount(), 2);
    for (int row = 0; row < model->rowCount(); ++row) {
        const QModelIndex text = model->index(row, InboxTableModel::TextColumn);
        QStyleOptionViewItem option;
        option.initFrom(view);
        option.rect = view->visualRect(text);
        const QSize needed = view->itemDelegateForIndex(text)->sizeHint(option, text);
        const QString shown = text.data().toString();
        QVERIFY2(!shown.contains(u'…'), qPrintable(shown));
        QVERIFY2(needed.width() <= option.rect.width() && needed.height() <= option.rect.height(),
                 qPrintable(QStringLiteral("row %1 needs %2x%3 px, has %4x%5")
                                .arg(row)
                                .arg(needed.width())
                                .arg(needed.height())
                                .arg(option.rect.width())
                                .arg(option.rect.height())));
    }
    QCOMPARE(model->index(1, InboxTableModel::TextColumn).data().toString().replace(u'\n', u' '), longText);
    QVERIFY(model->index(1, InboxTableModel::TextColumn).data().toString().contains(u'\n'));
    // Narrower: the lines follow.
    const int before = view->visualRect(model->index(1, InboxTableModel::TextColumn)).height();
    page.resize(800, 700);
    QTRY_VERIFY(view->visualRect(model->index(1, InboxTableModel::TextColumn)).height() > before);
}

void TestInboxPage::filtersAndSearch()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor"));
    receive(QStringLiteral("+254799000111"), QStringLiteral("OMBI: mama ni mgonjwa"));
    receive(QStringLiteral("+254722000222"), QStringLiteral("Acha"));
    receive(QStringLiteral("+254733000333"), QStringLiteral("Is the youth camp on Saturday?"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    auto *filter = find<QComboBox>(&page, "inboxFilterCombo");
    QCOMPARE(page.model()->rowCount(), 4);
    filter->setCurrentIndex(filter->findData(int(InboxPage::OptedOutFilter)));
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->messageAt(0)->text, QStringLiteral("Acha"));
    filter->setCurrentIndex(filter->findData(int(InboxPage::PrayerFilter)));
    QCOMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->index(0, InboxTableModel::HandledAsColumn).data().toString(), QStringLiteral("Prayer request"));
    filter->setCurrentIndex(filter->findData(int(InboxPage::UnreadFilter)));
    QCOMPARE(page.model()->rowCount(), 4);
    filter->setCurrentIndex(filter->findData(int(InboxPage::AllFilter)));

    // Search in the text, the contact's name and the number's digits, as the person types.
    QTest::keyClicks(find<QLineEdit>(&page, "inboxSearchEdit"), QStringLiteral("wanjiku"));
    QTRY_COMPARE(page.model()->rowCount(), 1);
    QCOMPARE(page.model()->messageAt(0)->text, QStringLiteral("Asante pastor"));
    page.setSearch(QStringLiteral("733 000"));
    QCOMPARE(page.model()->rowCount(), 1);
    page.setSearch(QStringLiteral("nothing like this"));
    QCOMPARE(page.model()->rowCount(), 0);
    QVERIFY(find<QLabel>(&page, "inboxNoMatchLabel")->isVisible());
    QVERIFY(!find<QLabel>(&page, "inboxEmptyLabel")->isVisible());
    page.setSearch(QString());
    QCOMPARE(page.model()->rowCount(), 4);
    QVERIFY(find<QLabel>(&page, "inboxCountLabel")->text().startsWith(QStringLiteral("4 message")));
}

void TestInboxPage::openingAMessageMarksItRead()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor"));
    receive(QStringLiteral("+254799000111"), QStringLiteral("Habari"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QCOMPARE(*profile().inbox().unreadCount(), 2);
    const qint64 id = page.model()->messageId(1);
    page.view()->setCurrentIndex(page.model()->index(1, 0));
    QCOMPARE(page.currentMessageId(), id);
    QTRY_COMPARE(*profile().inbox().unreadCount(), 1);
    QVERIFY(profile().inbox().get(id)->isRead());
    // Still selected after the model re-read.
    QCOMPARE(page.view()->currentIndex().row(), 1);
    auto *mark = find<QPushButton>(&page, "markReadButton");
    QCOMPARE(mark->text(), QStringLiteral("Mark as unread"));
    QTest::mouseClick(mark, Qt::LeftButton);
    QVERIFY(!profile().inbox().get(id)->isRead());
    QCOMPARE(mark->text(), QStringLiteral("Mark as read"));
    QVERIFY(page.model()->index(1, 0).data(Qt::FontRole).value<QFont>().bold());
}

void TestInboxPage::addsTheSenderToContacts()
{
    receive(QStringLiteral("+254799000111"), QStringLiteral("Habari, I am new in the choir"));
    receive(QStringLiteral("+254799000111"), QStringLiteral("Can you add me to the group?"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(1)));
    auto *add = find<QPushButton>(&page, "addSenderButton");
    QVERIFY(add->isVisible());
    QVERIFY(find<QLabel>(&page, "inboxSenderLabel")->text().contains(QStringLiteral("not in your contacts")));

    ContactInput names;
    names.firstName = QStringLiteral("Grace");
    names.lastName = QStringLiteral("Achieng");
    QVERIFY(page.addSenderAsContact(names));
    const auto contact = profile().contacts().findByPhone(QStringLiteral("+254799000111"));
    QVERIFY(contact);
    QCOMPARE(contact->name(), QStringLiteral("Grace Achieng"));
    // Both messages are now hers; the pane offers a reply instead.
    QCOMPARE(page.model()->index(0, InboxTableModel::FromColumn).data().toString(), QStringLiteral("Grace Achieng"));
    QCOMPARE(page.model()->index(1, InboxTableModel::FromColumn).data().toString(), QStringLiteral("Grace Achieng"));
    QVERIFY(find<QLabel>(&page, "inboxSenderLabel")->text().contains(QStringLiteral("Grace Achieng")));
    QVERIFY(!add->isVisible());
    QVERIFY(find<QPlainTextEdit>(&page, "replyEdit")->isEnabled());
    QVERIFY(page.replyHintText().isEmpty());
}

void TestInboxPage::replyIsACampaignOfOneAfterConfirming()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("What time is the service on Sunday?"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(0)));
    auto *edit = find<QPlainTextEdit>(&page, "replyEdit");
    auto *send = find<QPushButton>(&page, "sendReplyButton");
    QVERIFY(edit->isEnabled());
    QVERIFY(!send->isEnabled());
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("At 9:00. Karibu!"));
    QVERIFY2(page.replyCounterText().contains(QStringLiteral("16 / 160 characters · 1 SMS")),
             qPrintable(page.replyCounterText()));
    QVERIFY2(page.replyCounterText().contains(QStringLiteral("practice messages use no tokens")),
             qPrintable(page.replyCounterText()));
    QVERIFY(send->isEnabled());

    // Saying no sends nothing.
    QSignalSpy sent(&page, &InboxPage::replySent);
    MessageBox::setNextAnswer(QMessageBox::No);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("Send this reply to Mary Wanjiku (+254712345678)?")));
    QVERIFY(MessageBox::lastText().contains(QStringLiteral("At 9:00. Karibu!")));
    QCOMPARE(sent.size(), 0);
    QVERIFY(profile().campaigns().list()->isEmpty());

    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(send, Qt::LeftButton);
    QCOMPARE(sent.size(), 1);
    const qint64 campaignId = sent.at(0).at(0).toLongLong();
    const auto campaign = profile().campaigns().get(campaignId);
    QVERIFY(campaign);
    QCOMPARE(campaign->recipients, 1);
    QCOMPARE(campaign->body, QStringLiteral("At 9:00. Karibu!"));
    QVERIFY(campaign->name.contains(QStringLiteral("Mary Wanjiku")));
    QVERIFY(edit->toPlainText().isEmpty());
    QCOMPARE(profile().inbox().get(page.currentMessageId())->replyCampaignId, campaignId);
}

void TestInboxPage::replyIsRefusedForOptedOutSenders()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("STOP"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(0)));
    QVERIFY2(page.replyHintText().contains(QStringLiteral("Mary Wanjiku has opted out")), qPrintable(page.replyHintText()));
    QVERIFY(!find<QPlainTextEdit>(&page, "replyEdit")->isEnabled());
    QVERIFY(!find<QPushButton>(&page, "sendReplyButton")->isEnabled());
    QVERIFY(find<QLabel>(&page, "inboxHandledAsLabel")->text().contains(QStringLiteral("Opted out")));
}

void TestInboxPage::incomingMessageIsReadOnlyText()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante pastor for the visit"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(0)));
    // The message is text to read (and copy), not a box to type in.
    auto *text = find<QLabel>(&page, "inboxTextView");
    QVERIFY(text->isVisible());
    QCOMPARE(text->text(), QStringLiteral("Asante pastor for the visit"));
    QCOMPARE(text->textFormat(), Qt::PlainText);
    QVERIFY(text->textInteractionFlags() & Qt::TextSelectableByMouse);
    QVERIFY(text->textInteractionFlags() & Qt::TextSelectableByKeyboard);
    QVERIFY(!(text->textInteractionFlags() & Qt::TextEditable));
    // The only box to type in is the reply.
    const QList<QPlainTextEdit *> plainEdits = page.findChildren<QPlainTextEdit *>();
    for (QPlainTextEdit *edit : plainEdits)
        QCOMPARE(edit->objectName(), QStringLiteral("replyEdit"));
    QVERIFY(page.findChildren<QTextEdit *>().isEmpty());
}

void TestInboxPage::visitorIsAnsweredThenAddedToContacts()
{
    receive(QStringLiteral("+254799000111"), QStringLiteral("Habari, I visited on Sunday. When is choir practice?"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(0)));
    auto *edit = find<QPlainTextEdit>(&page, "replyEdit");
    auto *send = find<QPushButton>(&page, "sendReplyButton");
    auto *offer = find<QWidget>(&page, "addAfterReplyBanner");
    // A visitor can be answered at once, without adding them first.
    QVERIFY(edit->isEnabled());
    QVERIFY(page.replyHintText().isEmpty());
    QVERIFY(!offer->isVisible());
    edit->setFocus();
    QTest::keyClicks(edit, QStringLiteral("Saturday at 4pm. Karibu!"));
    QVERIFY(send->isEnabled());
    QSignalSpy sent(&page, &InboxPage::replySent);
    MessageBox::setNextAnswer(QMessageBox::Yes);
    QTest::mouseClick(send, Qt::LeftButton);
    QVERIFY2(MessageBox::lastText().contains(QStringLiteral("Send this reply to +254799000111?")),
             qPrintable(MessageBox::lastText()));
    QCOMPARE(sent.size(), 1);
    const auto campaign = profile().campaigns().get(sent.at(0).at(0).toLongLong());
    QVERIFY(campaign);
    QCOMPARE(campaign->recipients, 1);

    // After the reply: "Add to contacts…", which opens the contact dialog with the number in it.
    QVERIFY(offer->isVisible());
    QVERIFY(find<QLabel>(&page, "addAfterReplyBanner")->text().contains(QStringLiteral("+254799000111")));
    auto *add = find<QPushButton>(&page, "addAfterReplyButton");
    QVERIFY(add->isVisible());
    QString phoneInDialog;
    bool dialogSeen = false;
    QTimer::singleShot(0, this, [&] {
        auto *dialog = qobject_cast<ContactDialog *>(QApplication::activeModalWidget());
        if (!dialog)
            return;
        dialogSeen = true;
        phoneInDialog = find<QLineEdit>(dialog, "phoneEdit")->text();
        find<QLineEdit>(dialog, "firstNameEdit")->setText(QStringLiteral("Grace"));
        dialog->accept();
    });
    QTest::mouseClick(add, Qt::LeftButton);
    QVERIFY(dialogSeen);
    QCOMPARE(phoneInDialog, QStringLiteral("+254799000111"));
    const auto contact = profile().contacts().findByPhone(QStringLiteral("+254799000111"));
    QVERIFY(contact);
    QCOMPARE(contact->firstName, QStringLiteral("Grace"));
    // Now hers: the name in the list and the pane, no more offer.
    QTRY_COMPARE(page.model()->index(0, InboxTableModel::FromColumn).data().toString(), QStringLiteral("Grace"));
    QVERIFY(find<QLabel>(&page, "inboxSenderLabel")->text().contains(QStringLiteral("Grace")));
    QVERIFY(!offer->isVisible());
    QVERIFY(!find<QPushButton>(&page, "addSenderButton")->isVisible());
}

void TestInboxPage::relayBannerOffersReconnect()
{
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    auto *banner = find<QLabel>(&page, "inboxRelayBanner");
    auto *reconnect = find<QPushButton>(&page, "inboxReconnectButton");
    const QDateTime now(QDate(2026, 3, 1), QTime(6, 30), Qt::UTC);
    RelaySyncStatus connected;
    connected.configured = connected.running = connected.connected = true;
    connected.lastSync = now;
    page.setRelayIndicator(RelayStatusText::indicator(connected, true, now));
    QVERIFY(!banner->isVisible());

    RelaySyncStatus refused;
    refused.configured = true;
    refused.needsEnrolment = true;
    refused.lastError = QStringLiteral("The relay no longer accepts this computer.");
    page.setRelayIndicator(RelayStatusText::indicator(refused, true, now));
    QVERIFY(banner->isVisible());
    QVERIFY2(banner->text().contains(QStringLiteral("must be connected again")), qPrintable(banner->text()));
    // The reason, in the sync's own words.
    QVERIFY(banner->text().contains(QStringLiteral("The relay no longer accepts this computer.")));
    QVERIFY(reconnect->isVisible());
    QCOMPARE(reconnect->text(), QStringLiteral("Reconnect…"));
    QSignalSpy asked(&page, &InboxPage::relaySettingsRequested);
    QTest::mouseClick(reconnect, Qt::LeftButton);
    QCOMPARE(asked.size(), 1);

    page.setRelayIndicator(RelayStatusText::indicator(connected, true, now));
    QVERIFY(!banner->isVisible());
}

void TestInboxPage::optingOutHasOneName()
{
    // "Opted out" is the one name: no "stop messages" or "stopped" anywhere on the page.
    receive(QStringLiteral("+254712345678"), QStringLiteral("STOP"));
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    page.show();
    QVERIFY(page.selectMessage(page.model()->messageId(0)));
    const QString help = InboxText::handledAsHelp(InboxText::OptOut);
    QVERIFY2(help.contains(QStringLiteral("opted out")), qPrintable(help));
    const QRegularExpression retired(QStringLiteral("stop(ped)? messages|no more messages|asked not to receive"),
                                     QRegularExpression::CaseInsensitiveOption);
    QStringList texts{help, page.replyHintText(), find<QLabel>(&page, "inboxHandledAsLabel")->text()};
    auto *filter = find<QComboBox>(&page, "inboxFilterCombo");
    for (int i = 0; i < filter->count(); ++i)
        texts << filter->itemText(i);
    for (const QString &text : std::as_const(texts))
        QVERIFY2(!retired.match(text).hasMatch(), qPrintable(text));
}

void TestInboxPage::sidebarShowsTheUnreadCount()
{
    MainWindow window(profile());
    window.show();
    auto *sidebar = find<QListWidget>(&window, "sidebarList");
    QCOMPARE(sidebar->item(MainWindow::InboxPageIndex)->text(), QStringLiteral("Inbox"));
    receive(QStringLiteral("+254712345678"), QStringLiteral("Asante"));
    receive(QStringLiteral("+254799000111"), QStringLiteral("PRAY for rain"));
    receive(QStringLiteral("+254799000112"), QStringLiteral("Habari"));
    QCOMPARE(sidebar->item(MainWindow::InboxPageIndex)->text(), QStringLiteral("Inbox (3)"));
    window.showPage(MainWindow::InboxPageIndex);
    QVERIFY(window.inboxPage()->isVisible());
    QVERIFY(window.inboxPage()->selectMessage(window.inboxPage()->model()->messageId(0)));
    QTRY_COMPARE(sidebar->item(MainWindow::InboxPageIndex)->text(), QStringLiteral("Inbox (2)"));
}

void TestInboxPage::manyMessagesAreReadInPages()
{
    receiveMany(3000);
    InboxPage page(profile().inbox(), profile().contacts(), profile().settings());
    QAbstractItemModelTester tester(page.model(), QAbstractItemModelTester::FailureReportingMode::QtTest);
    page.show();
    QCOMPARE(page.model()->rowCount(), 3000);
    // The oldest is last, many pages down.
    QCOMPARE(page.model()->messageAt(2999)->text, QStringLiteral("Message number 1"));
    QCOMPARE(page.model()->messageAt(0)->text, QStringLiteral("Message number 3000"));
    page.view()->scrollToBottom();
    QCOMPARE(rowWithText(page, QStringLiteral("Message number 1500")), 1500);
}

QTEST_MAIN(TestInboxPage)
#include "TestInboxPage.moc"
