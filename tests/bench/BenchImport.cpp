// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "importexport/ContactImporter.h"

#include <QElapsedTimer>
#include <QFile>
#include <QRandomGenerator>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;
using namespace Qt::StringLiterals;

// Imports a generated 100,000-row contacts CSV (realistic names, numbers in mixed formats, about 2%
// bad rows and 1% repeated numbers) into a fresh profile. Target (architecture.md §11): < 3 s on 2 cores.
class BenchImport : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void import100k();

private:
    QTemporaryDir m_dir;
    QString m_path;
};

void BenchImport::initTestCase()
{
    const QStringList firstNames = {u"Amina"_s, u"Wanjiru"_s, u"Peter"_s, u"Grace"_s,  u"John"_s,   u"Achieng"_s, u"Otieno"_s,
                                    u"Mercy"_s, u"Joseph"_s,  u"Faith"_s, u"Baraka"_s, u"Neema"_s,  u"Juma"_s,    u"Zawadi"_s,
                                    u"Kevin"_s, u"Esther"_s,  u"Daudi"_s, u"Rehema"_s, u"Samuel"_s, u"Wanjikũ"_s};
    const QStringList lastNames
        = {u"Njeri"_s,  u"Kamau"_s, u"Odhiambo"_s, u"Mwangi"_s, u"Wambui"_s,   u"Kiptoo"_s, u"Mutua"_s,  u"Ochieng"_s,
           u"Hamisi"_s, u"Mushi"_s, u"Kariuki"_s,  u"Chebet"_s, u"Nyambura"_s, u"Omondi"_s, u"Wekesa"_s, u"Atieno"_s};
    const QStringList groups
        = {u"Choir"_s, u"Youth"_s, u"Women's Guild"_s, u"Men's Fellowship"_s, u"Sunday School"_s, u"Elders"_s};
    QRandomGenerator random(20260301);
    QString text = u"First Name,Last Name,Phone,Email,Group,Notes\r\n"_s;
    text.reserve(100000 * 80);
    for (int i = 0; i < 100000; ++i) {
        const QString first = firstNames[random.bounded(firstNames.size())];
        const QString last = lastNames[random.bounded(lastNames.size())];
        // 1% repeat an earlier number; the rest are distinct Safaricom/Airtel-style numbers.
        const int n = random.bounded(100) == 0 && i > 0 ? int(random.bounded(i)) : i;
        const QString digits = QString::number(10000000 + n * 7 % 90000000);
        const QString prefix = QStringList{u"71"_s, u"72"_s, u"79"_s, u"11"_s, u"73"_s}[n % 5];
        QString phone;
        switch (random.bounded(5)) {
        case 0:
            phone = u"0"_s + prefix + digits.sliced(1, 1) + u' ' + digits.sliced(2, 3) + u' ' + digits.sliced(5);
            break;
        case 1:
            phone = u"+254"_s + prefix + digits.sliced(1);
            break;
        case 2:
            phone = u"254-"_s + prefix + digits.sliced(1, 1) + u'-' + digits.sliced(2, 3) + u'-' + digits.sliced(5);
            break;
        case 3:
            phone = prefix + digits.sliced(1);
            break;
        default:
            phone = u"(0"_s + prefix + digits.sliced(1, 1) + u") "_s + digits.sliced(2);
            break;
        }
        const int bad = random.bounded(100);
        if (bad == 0)
            phone = phone.left(5); // too short
        else if (bad == 1)
            phone = u"n/a"_s; // not a number
        const QString email
            = random.bounded(3) == 0 ? QString(first.toLower() + u'.' + last.toLower() + u"@example.org") : QString();
        const QString group = random.bounded(2) == 0 ? groups[random.bounded(groups.size())] : QString();
        const QString notes = random.bounded(10) == 0 ? u"\"Visits on Thursdays, sings alto\""_s : QString();
        text += first + u',' + last + u',' + phone + u',' + email + u',' + group + u',' + notes + u"\r\n";
    }
    m_path = m_dir.filePath(u"contacts-100k.csv"_s);
    QFile file(m_path);
    QVERIFY(file.open(QIODevice::WriteOnly));
    file.write("\xEF\xBB\xBF");
    file.write(text.toUtf8());
}

void BenchImport::import100k()
{
    QBENCHMARK
    {
        test::TempProfile profile;
        QElapsedTimer timer;
        timer.start();
        const Result<ImportReport> report = ContactImporter(profile->database(), profile->phones(), profile->clock()).run(m_path);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(report, qPrintable(report ? QString() : report.error().message));
        QCOMPARE(report->rows, 100000);
        qInfo("import: %lld ms; %d created, %d updated, %lld skipped", elapsed, report->created, report->updated,
              qint64(report->skipped.size()));
    }
}

QTEST_GUILESS_MAIN(BenchImport)
#include "BenchImport.moc"
