// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messaging/MessageTemplate.h"

#include <QTest>

using namespace Qt::StringLiterals;
using kengele::MergeField;
using kengele::MergeValues;
using kengele::MessageTemplate;
using ProblemKind = kengele::MessageTemplate::Problem::Kind;
using TokenKind = kengele::MessageTemplate::Token::Kind;

namespace {

MergeValues sampleValues(const QString &firstName)
{
    MergeValues values;
    values.firstName = firstName;
    values.lastName = u"Mwangi"_s;
    values.name = u"Amani Mwangi"_s;
    values.phone = u"+254712345678"_s;
    values.group = u"Kwaya"_s;
    values.date = u"21/11/2025"_s;
    return values;
}

} // namespace

class TestMessageTemplate : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void render_data();
    void render();
    void problems_data();
    void problems();
    void problemMessages();
    void kiswahiliFieldNames();
    void didYouMeanKnowsBothLanguages();
    void tokens();
    void usedFields();
    void checkSendable();
    void knownFields();
    void mergeValues();
};

void TestMessageTemplate::render_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QString>("firstName");
    QTest::addColumn<QString>("expected");

    const QString amani = u"Amani"_s;
    QTest::addRow("empty") << QString() << amani << QString();
    QTest::addRow("no fields") << u"Ibada ni saa 3."_s << amani << u"Ibada ni saa 3."_s;
    QTest::addRow("first name") << u"Habari {first_name}!"_s << amani << u"Habari Amani!"_s;
    QTest::addRow("all fields") << u"{first_name} {last_name}, {name}, {phone}, {group}, {date}"_s << amani
                                << u"Amani Mwangi, Amani Mwangi, +254712345678, Kwaya, 21/11/2025"_s;
    QTest::addRow("fallback unused") << u"Habari {first_name|ndugu}"_s << amani << u"Habari Amani"_s;
    QTest::addRow("fallback used") << u"Habari {first_name|ndugu}"_s << QString() << u"Habari ndugu"_s;
    QTest::addRow("fallback for blank value") << u"Habari {first_name|ndugu}"_s << u"   "_s << u"Habari ndugu"_s;
    QTest::addRow("fallback with spaces") << u"{ first_name | dear friend }!"_s << QString() << u"dear friend!"_s;
    QTest::addRow("empty fallback") << u"[{first_name|}]"_s << QString() << u"[]"_s;
    QTest::addRow("no fallback, empty value") << u"[{first_name}]"_s << QString() << u"[]"_s;
    QTest::addRow("value trimmed") << u"[{first_name}]"_s << u" Amani "_s << u"[Amani]"_s;
    QTest::addRow("case-insensitive name") << u"{First_Name}"_s << amani << u"Amani"_s;
    QTest::addRow("escaped braces") << u"{{first_name}}"_s << amani << u"{first_name}"_s;
    QTest::addRow("escaped around field") << u"{{{first_name}}}"_s << amani << u"{Amani}"_s;
    QTest::addRow("lone closing brace") << u"a } b"_s << amani << u"a } b"_s;
    QTest::addRow("double closing") << u"}}"_s << amani << u"}"_s;
    QTest::addRow("double opening") << u"{{"_s << amani << u"{"_s;
    QTest::addRow("unknown rendered as written") << u"Hi {frist_name}!"_s << amani << u"Hi {frist_name}!"_s;
    QTest::addRow("unclosed rendered as written") << u"Hi {first_name"_s << amani << u"Hi {first_name"_s;
    QTest::addRow("unclosed then field") << u"{first_name {last_name}"_s << amani << u"{first_name Mwangi"_s;
    QTest::addRow("line break ends field") << u"{first_name\n}"_s << amani << u"{first_name\n}"_s;
    QTest::addRow("empty braces as written") << u"a {} b"_s << amani << u"a {} b"_s;
    QTest::addRow("unicode around") << u"Bwana {first_name} \U0001F64F\u2019"_s << amani << u"Bwana Amani \U0001F64F\u2019"_s;
    QTest::addRow("value with braces not re-parsed") << u"{first_name}"_s << u"{phone}"_s << u"{phone}"_s;
}

void TestMessageTemplate::render()
{
    QFETCH(QString, source);
    QFETCH(QString, firstName);
    QFETCH(QString, expected);

    const MessageTemplate tmpl(source);
    QCOMPARE(tmpl.source(), source);
    QCOMPARE(tmpl.render(sampleValues(firstName)), expected);
}

void TestMessageTemplate::problems_data()
{
    QTest::addColumn<QString>("source");
    QTest::addColumn<QList<int>>("kinds");
    QTest::addColumn<QList<int>>("starts");
    QTest::addColumn<QList<int>>("lengths");

    const auto unknown = int(ProblemKind::UnknownField);
    const auto unclosed = int(ProblemKind::UnclosedBrace);
    const auto empty = int(ProblemKind::EmptyField);

    QTest::addRow("none") << u"Habari {first_name|ndugu}, {{ok}} }"_s << QList<int>{} << QList<int>{} << QList<int>{};
    QTest::addRow("escaped empty braces") << u"{{}}"_s << QList<int>{} << QList<int>{} << QList<int>{};
    QTest::addRow("unknown") << u"Hi {frist_name}"_s << QList<int>{unknown} << QList<int>{3} << QList<int>{12};
    QTest::addRow("unknown with fallback") << u"{anwani|ndugu}"_s << QList<int>{unknown} << QList<int>{0} << QList<int>{14};
    QTest::addRow("unclosed") << u"Hi {first_name"_s << QList<int>{unclosed} << QList<int>{3} << QList<int>{1};
    QTest::addRow("unclosed at end") << u"Hi {"_s << QList<int>{unclosed} << QList<int>{3} << QList<int>{1};
    QTest::addRow("unclosed before field") << u"{first_name {last_name}"_s << QList<int>{unclosed} << QList<int>{0}
                                           << QList<int>{1};
    QTest::addRow("unclosed by line break") << u"{first_name\n}"_s << QList<int>{unclosed} << QList<int>{0} << QList<int>{1};
    QTest::addRow("empty") << u"{}"_s << QList<int>{empty} << QList<int>{0} << QList<int>{2};
    QTest::addRow("blank") << u"x{ }"_s << QList<int>{empty} << QList<int>{1} << QList<int>{3};
    QTest::addRow("fallback only") << u"{|friend}"_s << QList<int>{empty} << QList<int>{0} << QList<int>{9};
    //                       0123456789012
    QTest::addRow("several") << u"a { b } c {x"_s << QList<int>{unknown, unclosed} << QList<int>{2, 10} << QList<int>{5, 1};
    QTest::addRow("two unknown") << u"{phon} {grup}"_s << QList<int>{unknown, unknown} << QList<int>{0, 7} << QList<int>{6, 6};
    QTest::addRow("surrogates before") << u"\U0001F600{x}"_s << QList<int>{unknown} << QList<int>{2} << QList<int>{3};
}

void TestMessageTemplate::problems()
{
    QFETCH(QString, source);
    QFETCH(QList<int>, kinds);
    QFETCH(QList<int>, starts);
    QFETCH(QList<int>, lengths);

    const MessageTemplate tmpl(source);
    const auto &problems = tmpl.problems();
    QCOMPARE(tmpl.hasProblems(), !kinds.isEmpty());
    QCOMPARE(problems.size(), kinds.size());
    for (qsizetype i = 0; i < problems.size(); ++i) {
        QCOMPARE(int(problems[i].kind), kinds[i]);
        QCOMPARE(problems[i].start, qsizetype(starts[i]));
        QCOMPARE(problems[i].length, qsizetype(lengths[i]));
        QVERIFY(!problems[i].message.isEmpty());
    }
}

void TestMessageTemplate::problemMessages()
{
    QCOMPARE(MessageTemplate(u"{frist_name}").problems().first().message,
             u"Unknown field {frist_name}. Did you mean {first_name}?"_s);
    QCOMPARE(MessageTemplate(u"{firstname}").problems().first().message,
             u"Unknown field {firstname}. Did you mean {first_name}?"_s);
    QCOMPARE(MessageTemplate(u"{grop}").problems().first().message, u"Unknown field {grop}. Did you mean {group}?"_s);
    QCOMPARE(MessageTemplate(u"{anwani}").problems().first().message,
             u"Unknown field {anwani}. The fields are: {first_name}, {last_name}, {name}, {phone}, {group}, {date}."_s);
    QVERIFY(MessageTemplate(u"{x").problems().first().message.contains(u"{{"));
    QVERIFY(MessageTemplate(u"{}").problems().first().message.contains(u"{first_name}"));
    // The messages say "field", as the editor's menu does.
    for (const auto &source : {u"{x"_s, u"{}"_s, u"{anwani}"_s, u"{frist_name}"_s})
        QVERIFY2(!MessageTemplate(source).problems().first().message.contains(u"merge"), qPrintable(source));
}

void TestMessageTemplate::kiswahiliFieldNames()
{
    // Every field has a Kiswahili name; both names mean the same field, with or without a fallback.
    const QStringList kiswahili = MessageTemplate::knownFields(MessageTemplate::FieldNames::Kiswahili);
    QCOMPARE(kiswahili, (QStringList{u"jina_la_kwanza"_s, u"jina_la_mwisho"_s, u"jina"_s, u"simu"_s, u"kikundi"_s, u"tarehe"_s}));
    const QStringList english = MessageTemplate::knownFields();
    for (qsizetype i = 0; i < english.size(); ++i)
        QCOMPARE(MessageTemplate::fieldFromName(kiswahili.at(i)), MessageTemplate::fieldFromName(english.at(i)));
    const MergeValues mary = sampleValues(u"Mary"_s);
    const MergeValues nobody = sampleValues(QString());
    QCOMPARE(MessageTemplate(u"Habari {jina_la_kwanza|rafiki}, {kikundi} {tarehe}"_s).render(mary),
             MessageTemplate(u"Habari {first_name|rafiki}, {group} {date}"_s).render(mary));
    QCOMPARE(MessageTemplate(u"Habari {JINA_LA_KWANZA | rafiki}"_s).render(nobody), u"Habari rafiki"_s);
    QCOMPARE(MessageTemplate(u"{jina} {simu} {jina_la_mwisho}"_s).render(mary), u"Amani Mwangi +254712345678 Mwangi"_s);
    QVERIFY(!MessageTemplate(u"{jina_la_kwanza} {first_name}"_s).hasProblems());
    QCOMPARE(MessageTemplate::fieldName(MergeField::FirstName, MessageTemplate::FieldNames::Kiswahili), u"jina_la_kwanza"_s);
    QCOMPARE(MessageTemplate::placeholder(MergeField::Group, MessageTemplate::FieldNames::Kiswahili), u"{kikundi}"_s);
    QCOMPARE(MessageTemplate::fallbackWord(MessageTemplate::FieldNames::Kiswahili), u"rafiki"_s);
    QCOMPARE(MessageTemplate::fallbackWord(MessageTemplate::FieldNames::English), u"friend"_s);
    QCOMPARE(MessageTemplate::fieldLabel(u"kikundi"), MessageTemplate::fieldLabel(u"group"));
}

void TestMessageTemplate::didYouMeanKnowsBothLanguages()
{
    QCOMPARE(MessageTemplate(u"{jina_la_kwnza}").problems().first().message,
             u"Unknown field {jina_la_kwnza}. Did you mean {jina_la_kwanza}?"_s);
    QCOMPARE(MessageTemplate(u"{kikudi}").problems().first().message, u"Unknown field {kikudi}. Did you mean {kikundi}?"_s);
    QCOMPARE(MessageTemplate(u"{tareh}").problems().first().message, u"Unknown field {tareh}. Did you mean {tarehe}?"_s);
    // An English slip is still answered in English.
    QCOMPARE(MessageTemplate(u"{frist_name}").problems().first().message,
             u"Unknown field {frist_name}. Did you mean {first_name}?"_s);
    // With the interface in Kiswahili, the list of fields is in Kiswahili.
    const QLocale before;
    QLocale::setDefault(QLocale(QLocale::Swahili, QLocale::Kenya));
    const QString listed = MessageTemplate(u"{anwani}").problems().first().message;
    QLocale::setDefault(before);
    QCOMPARE(listed,
             u"Unknown field {anwani}. The fields are: {jina_la_kwanza}, {jina_la_mwisho}, {jina}, {simu}, {kikundi}, "
             "{tarehe}."_s);
}

void TestMessageTemplate::tokens()
{
    //                         0123456789012345678901234567
    const MessageTemplate tmpl(u"Hi {first_name|friend}, {{ok}}");
    const auto &tokens = tmpl.tokens();
    QCOMPARE(tokens.size(), 3);

    QCOMPARE(tokens[0].kind, TokenKind::Literal);
    QCOMPARE(tokens[0].text, u"Hi "_s);
    QCOMPARE(tokens[0].start, qsizetype(0));

    QCOMPARE(tokens[1].kind, TokenKind::Field);
    QCOMPARE(tokens[1].field, MergeField::FirstName);
    QCOMPARE(tokens[1].fallback, u"friend"_s);
    QCOMPARE(tokens[1].text, u"{first_name|friend}"_s);
    QCOMPARE(tokens[1].start, qsizetype(3));

    QCOMPARE(tokens[2].kind, TokenKind::Literal);
    QCOMPARE(tokens[2].text, u", {ok}"_s);
    QCOMPARE(tokens[2].start, qsizetype(22));

    QVERIFY(MessageTemplate().tokens().isEmpty());
    QVERIFY(MessageTemplate().render(MergeValues()).isEmpty());
}

void TestMessageTemplate::usedFields()
{
    const MessageTemplate tmpl(u"{group}: {first_name}, {group} {date|leo}");
    QCOMPARE(tmpl.usedFields(), (QList<MergeField>{MergeField::Group, MergeField::FirstName, MergeField::Date}));
    QVERIFY(tmpl.isPersonalised());

    const MessageTemplate plain(u"Ibada ni saa 3. {{first_name}} {unknown}");
    QVERIFY(plain.usedFields().isEmpty());
    QVERIFY(!plain.isPersonalised());
}

void TestMessageTemplate::checkSendable()
{
    QVERIFY(MessageTemplate(u"Habari {first_name|ndugu}").checkSendable().has_value());

    const auto problem = MessageTemplate(u"Habari {frist_name} {").checkSendable();
    QVERIFY(!problem.has_value());
    QCOMPARE(problem.error().code, kengele::ErrorCode::InvalidInput);
    QVERIFY(problem.error().message.contains(u"{frist_name}"));

    for (const QString &blank : {QString(), u"  \n "_s}) {
        const auto empty = MessageTemplate(blank).checkSendable();
        QVERIFY(!empty.has_value());
        QCOMPARE(empty.error().code, kengele::ErrorCode::InvalidInput);
    }
}

void TestMessageTemplate::knownFields()
{
    QCOMPARE(MessageTemplate::knownFields(),
             (QStringList{u"first_name"_s, u"last_name"_s, u"name"_s, u"phone"_s, u"group"_s, u"date"_s}));
    for (const QString &name : MessageTemplate::knownFields()) {
        QVERIFY(!MessageTemplate::fieldLabel(name).isEmpty());
        const auto field = MessageTemplate::fieldFromName(name);
        QVERIFY(field);
        QCOMPARE(MessageTemplate::fieldName(*field), name);
        QCOMPARE(MessageTemplate::placeholder(*field), u'{' + name + u'}');
        QVERIFY(!MessageTemplate(MessageTemplate::placeholder(*field)).hasProblems());
    }
    QCOMPARE(MessageTemplate::fieldLabel(u"first_name"), u"First name"_s);
    QCOMPARE(MessageTemplate::fieldLabel(MergeField::Phone), u"Phone number"_s);
    QVERIFY(MessageTemplate::fieldLabel(u"frist_name").isEmpty());
    QCOMPARE(MessageTemplate::fieldFromName(u" GROUP ").value_or(MergeField::Date), MergeField::Group);
    QVERIFY(!MessageTemplate::fieldFromName(u""));
}

void TestMessageTemplate::mergeValues()
{
    MergeValues values;
    values.setValue(MergeField::Date, u"leo"_s);
    values.setValue(MergeField::Name, u"Amani Mwangi"_s);
    QCOMPARE(values.date, u"leo"_s);
    QCOMPARE(values.value(MergeField::Name), u"Amani Mwangi"_s);
    QVERIFY(values.value(MergeField::FirstName).isEmpty());
}

QTEST_GUILESS_MAIN(TestMessageTemplate)
#include "TestMessageTemplate.moc"
