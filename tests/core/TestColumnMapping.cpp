// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "importexport/ColumnMapping.h"

#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

class TestColumnMapping : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void guessesHeaders_data();
    void guessesHeaders();
    void mapsHeaderRow_data();
    void mapsHeaderRow();
    void fieldsThatBelongToOneColumnMove();
};

void TestColumnMapping::guessesHeaders_data()
{
    QTest::addColumn<QString>("header");
    QTest::addColumn<ImportField>("field");

    const auto add = [](ImportField field, std::initializer_list<QString> headers) {
        for (const QString &header : headers)
            QTest::addRow("'%s'", qPrintable(header)) << header << field;
    };
    add(ImportField::FullName,
        {u"Name"_s, u"Full Name"_s, u"FULL_NAME"_s, u"Jina"_s, u"Jina Kamili"_s, u"Majina"_s, u" name "_s});
    add(ImportField::FirstName, {u"First Name"_s, u"first-name"_s, u"Given Name"_s, u"Jina la Kwanza"_s, u"firstname"_s});
    add(ImportField::LastName,
        {u"Last Name"_s, u"Surname"_s, u"Family Name"_s, u"Jina la Mwisho"_s, u"Jina la Ukoo"_s, u"LAST NAME"_s});
    add(ImportField::Phone,
        {u"Phone"_s, u"Phone Number"_s, u"Mobile"_s, u"Mobile Number"_s, u"Cell"_s, u"Tel"_s, u"Tel."_s, u"Telephone"_s,
         u"MSISDN"_s, u"Simu"_s, u"Nambari ya Simu"_s, u"Namba ya Simu"_s, u"Namba"_s, u"Phone No."_s, u"Phone 1 - Value"_s,
         u"Mobile Phone"_s});
    add(ImportField::Email, {u"Email"_s, u"E-mail"_s, u"E-Mail Address"_s, u"Barua Pepe"_s, u"E-mail 1 - Value"_s});
    add(ImportField::Notes, {u"Notes"_s, u"Maelezo"_s, u"Comments"_s, u"Remarks"_s});
    add(ImportField::Groups, {u"Group"_s, u"Groups"_s, u"Kikundi"_s, u"Vikundi"_s, u"Category"_s, u"Group Membership"_s});
    add(ImportField::Ignore, {u"Opted Out"_s, u"Phone 1 - Type"_s, u"Date of Birth"_s, u""_s, u"Tarehe"_s});
}

void TestColumnMapping::guessesHeaders()
{
    QFETCH(QString, header);
    QFETCH(ImportField, field);
    QCOMPARE(ColumnMapping::guessField(header), field);
}

void TestColumnMapping::mapsHeaderRow_data()
{
    QTest::addColumn<QStringList>("headers");
    QTest::addColumn<QList<ImportField>>("fields");

    using F = ImportField;
    QTest::addRow("kengele export") << QStringList{u"First Name"_s, u"Last Name"_s, u"Phone"_s, u"Email"_s,
                                                   u"Groups"_s,     u"Opted Out"_s, u"Notes"_s}
                                    << QList<F>{F::FirstName, F::LastName, F::Phone, F::Email, F::Groups, F::Ignore, F::Notes};
    QTest::addRow("name and surname") << QStringList{u"Name"_s, u"Surname"_s, u"Phone"_s}
                                      << QList<F>{F::FirstName, F::LastName, F::Phone};
    QTest::addRow("swahili") << QStringList{u"Jina Kamili"_s, u"Namba ya Simu"_s, u"Kikundi"_s, u"Maelezo"_s}
                             << QList<F>{F::FullName, F::Phone, F::Groups, F::Notes};
    QTest::addRow("mobile wins over home phone")
        << QStringList{u"Name"_s, u"Home Phone"_s, u"Mobile Phone"_s, u"Business Phone"_s}
        << QList<F>{F::FullName, F::Ignore, F::Phone, F::Ignore};
    QTest::addRow("first of two equal columns")
        << QStringList{u"Phone"_s, u"Telephone"_s, u"Email"_s, u"E-mail"_s} << QList<F>{F::Phone, F::Ignore, F::Email, F::Ignore};
    QTest::addRow("several group columns") << QStringList{u"Name"_s, u"Phone"_s, u"Group"_s, u"Category"_s}
                                           << QList<F>{F::FullName, F::Phone, F::Groups, F::Groups};
    QTest::addRow("google contacts") << QStringList{u"Name"_s,           u"Given Name"_s,
                                                    u"Family Name"_s,    u"Group Membership"_s,
                                                    u"Phone 1 - Type"_s, u"Phone 1 - Value"_s}
                                     << QList<F>{F::FullName, F::FirstName, F::LastName, F::Groups, F::Ignore, F::Phone};
}

void TestColumnMapping::mapsHeaderRow()
{
    QFETCH(QStringList, headers);
    QFETCH(QList<ImportField>, fields);
    const ColumnMapping mapping = ColumnMapping::fromHeaders(headers);
    QCOMPARE(mapping.fields(), fields);
    QVERIFY(mapping.firstRowIsHeader());
}

void TestColumnMapping::fieldsThatBelongToOneColumnMove()
{
    ColumnMapping mapping({ImportField::Phone, ImportField::FullName, ImportField::Groups});
    mapping.setField(1, ImportField::Phone);
    QCOMPARE(mapping.fields(), (QList<ImportField>{ImportField::Ignore, ImportField::Phone, ImportField::Groups}));
    mapping.setField(4, ImportField::Groups); // grows; groups may be in several columns
    QCOMPARE(mapping.columnCount(), 5);
    QCOMPARE(mapping.columnsOf(ImportField::Groups), (QList<int>{2, 4}));
    QCOMPARE(mapping.field(3), ImportField::Ignore);
    QCOMPARE(mapping.field(99), ImportField::Ignore);
    QCOMPARE(mapping.columnOf(ImportField::Phone), 1);
    QVERIFY(mapping.hasPhone());
    mapping.setField(1, ImportField::Notes);
    QVERIFY(!mapping.hasPhone());
}

QTEST_GUILESS_MAIN(TestColumnMapping)
#include "TestColumnMapping.moc"
