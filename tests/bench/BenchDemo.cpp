// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "demo/DemoCongregation.h"
#include "profile/Profile.h"

#include <QElapsedTimer>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// A new profile's demo (architecture.md §2, "The demo"): 320 people, their groups and templates, and
// a year of their messaging, written on the desktop's first start. Target: well under 1 s.
class BenchDemo final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void populate();

private:
    test::FixedClock m_clock;
};

void BenchDemo::populate()
{
    // A fresh profile each time; opening it (the migrations) is not measured.
    QTemporaryDir dir;
    QList<qint64> times;
    for (int run = 0; run < 5; ++run) {
        auto profile = Profile::open(dir.filePath(QString::number(run)), m_clock);
        QVERIFY(profile);
        QElapsedTimer timer;
        timer.start();
        QVERIFY(DemoCongregation::populate(**profile));
        times.append(timer.elapsed());
    }
    std::sort(times.begin(), times.end());
    qInfo() << "populate, ms, sorted:" << times;
    QTest::setBenchmarkResult(qreal(times.at(times.size() / 2)), QTest::WalltimeMilliseconds);
}

QTEST_GUILESS_MAIN(BenchDemo)
#include "BenchDemo.moc"
