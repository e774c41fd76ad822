// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "messaging/MessageTemplate.h"
#include "messaging/SegmentCounter.h"

#include <QRandomGenerator>
#include <QTest>

using namespace Qt::StringLiterals;
using kengele::MergeValues;
using kengele::MessageTemplate;
using kengele::SegmentCounter;

// Run directly: build/tests/bench/BenchSegments (add -median 5 for steadier figures).
class BenchSegments : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void countSegments();
    void countOneLongText();
    void renderTemplates();
    void parseTemplate();

private:
    static constexpr int Texts = 100'000;

    QList<QString> m_texts;
    QList<MergeValues> m_values;
};

void BenchSegments::initTestCase()
{
    // Church notices in Swahili/English, GSM-7 with the odd extension character, and about a third
    // with something that forces UCS-2 (a curly quote, an emoji, a name in another script).
    const QStringList words = {
        u"Habari"_s,  u"za"_s,     u"asubuhi"_s,   u"ibada"_s,  u"itaanza"_s,  u"saa"_s,     u"tatu"_s,
        u"kamili."_s, u"Karibu"_s, u"wote!"_s,     u"Choir"_s,  u"practice"_s, u"tonight"_s, u"at"_s,
        u"6pm,"_s,    u"Mungu"_s,  u"akubariki"_s, u"sadaka"_s, u"KSh"_s,      u"500"_s,     u"(M-Pesa)"_s,
        u"{youth}"_s, u"[info]"_s, u"\u20AC10"_s,  u"\n"_s,     u"church"_s,   u"meeting"_s, u"Jumapili"_s,
    };
    const QStringList unicode
        = {u"\u2019"_s, u"\U0001F64F"_s, u"\u201CAmen\u201D"_s, u"\u00E7"_s, u"\u0416\u0438\u0437\u043D\u044C"_s, u"\u2014"_s};

    QRandomGenerator random(42);
    m_texts.reserve(Texts);
    qsizetype totalChars = 0;
    for (int i = 0; i < Texts; ++i) {
        const int target = random.bounded(20, 401);
        QString text;
        text.reserve(target + 16);
        while (text.size() < target) {
            if (!text.isEmpty())
                text += u' ';
            text += words.at(random.bounded(int(words.size())));
        }
        if (random.bounded(3) == 0) {
            text.insert(random.bounded(int(text.size())), unicode.at(random.bounded(int(unicode.size()))));
        }
        text.truncate(target); // may cut the inserted character off again; counted below
        totalChars += text.size();
        m_texts.append(std::move(text));
    }
    int counted = 0;
    for (const QString &text : std::as_const(m_texts))
        counted += SegmentCounter::count(text).isUnicode() ? 1 : 0;
    qInfo("%d texts, %d UCS-2, average %lld UTF-16 units", Texts, counted, qlonglong(totalChars / Texts));

    m_values.reserve(Texts);
    const QStringList firstNames = {u"Amani"_s, u"Neema"_s, u"Baraka"_s, u"Imani"_s, QString(), u"Zawadi"_s};
    for (int i = 0; i < Texts; ++i) {
        MergeValues values;
        values.firstName = firstNames.at(i % firstNames.size());
        values.lastName = u"Mwangi"_s + QString::number(i);
        values.name = values.firstName + u' ' + values.lastName;
        values.phone = u"+2547"_s + QString::number(10000000 + i);
        values.group = i % 2 ? u"Kwaya"_s : u"Vijana"_s;
        values.date = u"23/11/2025"_s;
        m_values.append(std::move(values));
    }
}

void BenchSegments::countSegments()
{
    qint64 segments = 0;
    QBENCHMARK
    {
        segments = 0;
        for (const QString &text : std::as_const(m_texts))
            segments += SegmentCounter::count(text).segments;
    }
    QVERIFY(segments > Texts);
}

void BenchSegments::countOneLongText()
{
    // What the editor does on every keystroke.
    const QString text = m_texts.constFirst().repeated(400 / m_texts.constFirst().size() + 1).left(400);
    int segments = 0;
    QBENCHMARK
    {
        segments = SegmentCounter::count(text).segments;
    }
    QVERIFY(segments > 0);
}

void BenchSegments::renderTemplates()
{
    const MessageTemplate tmpl(u"Habari {first_name|ndugu}! {group} itakutana {date} saa 10 jioni. "
                               u"Tafadhali fika mapema. Kwa maswali piga {{simu}} 0712 345 678. Mungu akubariki."_s);
    QVERIFY(!tmpl.hasProblems());
    qint64 size = 0;
    QBENCHMARK
    {
        size = 0;
        for (const MergeValues &values : std::as_const(m_values))
            size += tmpl.render(values).size();
    }
    QVERIFY(size > Texts * 100);
}

void BenchSegments::parseTemplate()
{
    const QString source = u"Habari {first_name|ndugu}! {group} itakutana {date} saa 10 jioni. {{ok}}"_s;
    qsizetype tokens = 0;
    QBENCHMARK
    {
        tokens = MessageTemplate(source).tokens().size();
    }
    QCOMPARE(tokens, qsizetype(7));
}

QTEST_GUILESS_MAIN(BenchSegments)
#include "BenchSegments.moc"
