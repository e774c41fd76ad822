// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "TestSupport.h"

#include <QDir>
#include <QFile>
#include <QtTest>

#include <functional>

using namespace kengele;

// Replays, in the normal build, every input of the desktop's fuzz harnesses (tests/fuzz, clang and
// libFuzzer): their seed corpora (tests/fuzz/corpus/NAME) and every input a fuzzer once found a bug
// with (tests/data/fuzz/NAME), through the same code the harnesses run (tests/fuzz/targets). A
// broken promise aborts the test, as it would the harness.
class TestFuzzReplay final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void replay_data();
    void replay();
    void everyHarnessHasInputs_data();
    void everyHarnessHasInputs();
};

namespace {

using Target = std::function<void(QByteArrayView)>;

const QList<std::pair<QString, Target>> &targets()
{
    static const QList<std::pair<QString, Target>> list = {
        {QStringLiteral("csv_import"), fuzz::csvImport},
        {QStringLiteral("vcard_import"), fuzz::vcardImport},
        {QStringLiteral("message_template"), fuzz::messageTemplate},
        {QStringLiteral("relay_events"), fuzz::relayEvents},
        {QStringLiteral("backup_file"), fuzz::backupFile},
        {QStringLiteral("org_crypto"), fuzz::orgCrypto},
    };
    return list;
}

QString corpusDir(const QString &name)
{
    return QDir(test::testDataPath(QStringLiteral("../fuzz/corpus"))).filePath(name);
}

QString regressionDir(const QString &name)
{
    return QDir(test::testDataPath(QStringLiteral("fuzz"))).filePath(name);
}

QStringList inputsIn(const QString &dir)
{
    QStringList files;
    for (const QString &file : QDir(dir).entryList(QDir::Files, QDir::Name))
        files.append(QDir(dir).filePath(file));
    return files;
}

} // namespace

void TestFuzzReplay::replay_data()
{
    QTest::addColumn<int>("target");
    QTest::addColumn<QString>("path");
    for (qsizetype t = 0; t < targets().size(); ++t) {
        const QString &name = targets()[t].first;
        for (const QString &kind : {QStringLiteral("corpus"), QStringLiteral("found")}) {
            const QString dir = kind == QStringLiteral("corpus") ? corpusDir(name) : regressionDir(name);
            for (const QString &path : inputsIn(dir))
                QTest::addRow("%s/%s/%s", qPrintable(name), qPrintable(kind), qPrintable(QFileInfo(path).fileName()))
                    << int(t) << path;
        }
    }
}

void TestFuzzReplay::replay()
{
    QFETCH(int, target);
    QFETCH(QString, path);
    QFile file(path);
    QVERIFY2(file.open(QIODevice::ReadOnly), qPrintable(path));
    const QByteArray bytes = file.readAll();
    targets()[target].second(bytes); // aborts on a broken promise
}

void TestFuzzReplay::everyHarnessHasInputs_data()
{
    QTest::addColumn<QString>("name");
    for (const auto &[name, target] : targets())
        QTest::addRow("%s", qPrintable(name)) << name;
}

// A harness without seeds would replay nothing here and start the fuzzer from nothing.
void TestFuzzReplay::everyHarnessHasInputs()
{
    QFETCH(QString, name);
    QVERIFY2(inputsIn(corpusDir(name)).size() >= 3, qPrintable(corpusDir(name)));
}

QTEST_GUILESS_MAIN(TestFuzzReplay)
#include "TestFuzzReplay.moc"
