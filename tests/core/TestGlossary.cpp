// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "common/Language.h"

#include <algorithm>

#include <QCoreApplication>
#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QRegularExpression>
#include <QTest>
#include <QXmlStreamReader>

// docs/glossary.md gives one word for each idea and lists the words Kengele no longer uses. This test
// reads that list and every string of translations/*.ts (English source and Kiswahili translation),
// so a retired word cannot come back unnoticed; and it checks that Qt's own words (Cancel, Yes…) are
// in Kiswahili on Kiswahili screens.
class TestGlossary final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void theRetiredWordsAreListed();
    void aRetiredWordIsFound();
    void noRetiredWordInTheTranslations();
    void qtsOwnWordsAreInKiswahili();

private:
    struct Retired {
        QString word;
        bool everywhere = true; // false: on screens only, not in the command-line tool's strings
        QRegularExpression pattern;
    };
    struct Message {
        QString file;
        QString context;
        QString text;
    };
    static QString sourceDir();
    static QList<Retired> retiredWords();
    static QList<Message> messages(const QString &path);
    static bool isCommandLine(const QString &context);
    static QStringList findings(const QList<Retired> &retired, const QList<Message> &messages);
};

QString TestGlossary::sourceDir()
{
    return QDir(qEnvironmentVariable("KENGELE_TEST_DATA")).absoluteFilePath(QStringLiteral("../.."));
}

// The rows of the "Retired words" table: | `word` | use instead | everywhere or screens |
QList<TestGlossary::Retired> TestGlossary::retiredWords()
{
    QFile file(sourceDir() + QStringLiteral("/docs/glossary.md"));
    if (!file.open(QIODevice::ReadOnly))
        return {};
    const QString text = QString::fromUtf8(file.readAll());
    const qsizetype start = text.indexOf(QStringLiteral("## Retired words"));
    if (start < 0)
        return {};
    static const QRegularExpression row(QStringLiteral(R"(^\| `([^`]+)` \| [^|]+ \| (everywhere|screens) \|$)"),
                                        QRegularExpression::MultilineOption);
    QList<Retired> words;
    for (auto match = row.globalMatch(text.mid(start)); match.hasNext();) {
        const QRegularExpressionMatch m = match.next();
        Retired retired;
        retired.word = m.captured(1);
        retired.everywhere = m.captured(2) == QStringLiteral("everywhere");
        // A word matches at the start of a word ("segment" finds "segments", not "bisegment"); "..." anywhere.
        const QString escaped = QRegularExpression::escape(retired.word);
        retired.pattern = QRegularExpression(retired.word.front().isLetter() ? QStringLiteral("\\b") + escaped : escaped,
                                             QRegularExpression::CaseInsensitiveOption);
        words << retired;
    }
    return words;
}

QList<TestGlossary::Message> TestGlossary::messages(const QString &path)
{
    QFile file(path);
    if (!file.open(QIODevice::ReadOnly))
        return {};
    QList<Message> found;
    QXmlStreamReader xml(&file);
    QString context;
    const QString name = QFileInfo(path).fileName();
    while (!xml.atEnd()) {
        if (xml.readNext() != QXmlStreamReader::StartElement)
            continue;
        if (xml.name() == u"name")
            context = xml.readElementText();
        else if (xml.name() == u"source" || xml.name() == u"translation" || xml.name() == u"numerusform")
            found << Message{name, context, xml.readElementText(QXmlStreamReader::IncludeChildElements)};
    }
    return found;
}

// The command-line tool's own contexts: its usage lines keep "PHONE..." and its arguments their names.
bool TestGlossary::isCommandLine(const QString &context)
{
    return context.endsWith(QStringLiteral("Command")) || context.startsWith(QStringLiteral("Cli"))
        || context == QStringLiteral("ForegroundDispatch");
}

QStringList TestGlossary::findings(const QList<Retired> &retired, const QList<Message> &messages)
{
    QStringList found;
    for (const Message &message : messages) {
        for (const Retired &word : retired) {
            if (!word.everywhere && isCommandLine(message.context))
                continue;
            if (message.text.contains(word.pattern))
                found << QStringLiteral("%1 [%2] “%3”: %4").arg(message.file, message.context, word.word, message.text);
        }
    }
    return found;
}

void TestGlossary::theRetiredWordsAreListed()
{
    const QList<Retired> retired = retiredWords();
    QVERIFY2(retired.size() >= 10, "docs/glossary.md has no \"Retired words\" table this test can read");
    QVERIFY(
        std::any_of(retired.cbegin(), retired.cend(), [](const Retired &r) { return r.word == QStringLiteral("merge field"); }));
    QVERIFY(std::any_of(retired.cbegin(), retired.cend(), [](const Retired &r) { return !r.everywhere; }));
}

void TestGlossary::aRetiredWordIsFound()
{
    const QList<Retired> retired = retiredWords();
    const QList<Message> samples{
        {QStringLiteral("x.ts"), QStringLiteral("kengele::ComposeCampaignDialog"), QStringLiteral("Unknown Merge Field {x}")},
        {QStringLiteral("x.ts"), QStringLiteral("kengele::TemplateEditor"), QStringLiteral("3 segments")},
        {QStringLiteral("x.ts"), QStringLiteral("kengele::ContactsPage"), QStringLiteral("Add...")},
        // The command-line tool may keep "..." in its usage lines, but not a word retired everywhere.
        {QStringLiteral("x.ts"), QStringLiteral("GroupsCommand"), QStringLiteral("groups add NAME PHONE...")},
        {QStringLiteral("x.ts"), QStringLiteral("CampaignCommand"), QStringLiteral("Send “not sure” again")},
        // The glossary's own words pass.
        {QStringLiteral("x.ts"), QStringLiteral("kengele::ContactsPage"), QStringLiteral("Opted out")},
    };
    const QStringList found = findings(retired, samples);
    QCOMPARE(found.size(), 4);
    QVERIFY(found.at(0).contains(QStringLiteral("merge field")));
    QVERIFY(found.at(1).contains(QStringLiteral("segment")));
    QVERIFY(found.at(2).contains(QStringLiteral("...")));
    QVERIFY(found.at(3).contains(QStringLiteral("CampaignCommand")));
}

void TestGlossary::noRetiredWordInTheTranslations()
{
    const QList<Retired> retired = retiredWords();
    QVERIFY(!retired.isEmpty());
    const QDir translations(sourceDir() + QStringLiteral("/translations"));
    // qt_*.ts holds Qt's own strings ("Show Details..."), whose sources are Qt's, not ours.
    const QStringList files = translations.entryList({QStringLiteral("kengele_*.ts")}, QDir::Files);
    QVERIFY(files.size() >= 2);
    QStringList found;
    for (const QString &file : files)
        found << findings(retired, messages(translations.absoluteFilePath(file)));
    if (!found.isEmpty())
        QFAIL(qPrintable(QStringLiteral("%1 retired word(s) in the translations (see docs/glossary.md):\n").arg(found.size())
                         + found.join(u'\n')));
}

void TestGlossary::qtsOwnWordsAreInKiswahili()
{
    QVERIFY(kengele::Language::install(QStringLiteral("sw")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Ghairi"));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "&Yes"), QStringLiteral("&Ndiyo"));
    QCOMPARE(QCoreApplication::translate("QLineEdit", "&Copy"), QStringLiteral("&Nakili"));
    QVERIFY(kengele::Language::install(QStringLiteral("en")));
    QCOMPARE(QCoreApplication::translate("QPlatformTheme", "Cancel"), QStringLiteral("Cancel"));
}

QTEST_GUILESS_MAIN(TestGlossary)
#include "TestGlossary.moc"
