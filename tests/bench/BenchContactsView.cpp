// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "contacts/ContactTableModel.h"

#include <QRandomGenerator>
#include <QTableView>
#include <QtTest>

using namespace kengele;

// 100,000 contacts in the contacts view: what one scroll step, one keystroke in the search box
// and one click on a column header cost. A frame is 16 ms; anything under that shows no stall.
class BenchContactsView final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openView();
    void scrollAnywhere();
    void searchKeystroke_data();
    void searchKeystroke();
    void sortByPhone();

private:
    std::unique_ptr<test::TempProfile> m_profile;
};

void BenchContactsView::initTestCase()
{
    m_profile = std::make_unique<test::TempProfile>();
    QVERIFY(test::fillContacts(**m_profile, 100000));
}

void BenchContactsView::openView()
{
    QBENCHMARK
    {
        ContactTableModel model((*m_profile)->contacts());
        QTableView view;
        view.setModel(&model);
        view.resize(1000, 700);
        view.show();
        QCOMPARE(model.rowCount(), 100000);
        QVERIFY(!model.data(model.index(0, 0)).toString().isEmpty());
    }
}

void BenchContactsView::scrollAnywhere()
{
    ContactTableModel model((*m_profile)->contacts());
    QRandomGenerator random(7);
    QBENCHMARK
    {
        // A jump to a row far from anything loaded: one page read from the store.
        model.reload();
        const int row = random.bounded(100000);
        for (int r = row; r < qMin(row + 30, 100000); ++r)
            QVERIFY(!model.data(model.index(r, ContactTableModel::PhoneColumn)).toString().isEmpty());
    }
}

void BenchContactsView::searchKeystroke_data()
{
    QTest::addColumn<QString>("search");
    QTest::addRow("name") << "grace";
    QTest::addRow("phone digits") << "0710001";
    QTest::addRow("no match") << "zzzz";
}

void BenchContactsView::searchKeystroke()
{
    QFETCH(QString, search);
    ContactTableModel model((*m_profile)->contacts());
    QBENCHMARK
    {
        model.setSearch(search);
        model.data(model.index(0, 0));
        model.setSearch({});
    }
}

void BenchContactsView::sortByPhone()
{
    ContactTableModel model((*m_profile)->contacts());
    QBENCHMARK
    {
        model.sort(ContactTableModel::PhoneColumn, Qt::DescendingOrder);
        model.data(model.index(0, 0));
        model.sort(ContactTableModel::NameColumn, Qt::AscendingOrder);
        model.data(model.index(0, 0));
    }
}

QTEST_MAIN(BenchContactsView)
#include "BenchContactsView.moc"
