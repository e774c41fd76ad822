// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "TestSupport.h"
#include "demo/DemoCongregation.h"
#include "profile/Profile.h"

#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// Cold start to a usable window (target < 1 s, architecture.md §11): open an existing profile (the demo
// congregation, or 100,000 contacts), build the main window and show it with its first rows drawn.
class BenchStartup final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void openAndShow_data();
    void openAndShow();

private:
    QTemporaryDir m_dir;
    test::FixedClock m_clock;
};

void BenchStartup::initTestCase()
{
    auto demo = Profile::open(m_dir.filePath(QStringLiteral("demo")), m_clock);
    QVERIFY(demo && DemoCongregation::populate(**demo));
    auto large = Profile::open(m_dir.filePath(QStringLiteral("large")), m_clock);
    QVERIFY(large && test::fillContacts(**large, 100000));
}

void BenchStartup::openAndShow_data()
{
    QTest::addColumn<QString>("profile");
    QTest::addRow("demo congregation") << "demo";
    QTest::addRow("100,000 contacts") << "large";
}

void BenchStartup::openAndShow()
{
    QFETCH(QString, profile);
    QBENCHMARK
    {
        auto opened = Profile::open(m_dir.filePath(profile), m_clock);
        QVERIFY(opened);
        MainWindow window(**opened);
        window.show();
        QVERIFY(QTest::qWaitForWindowExposed(&window));
        QCoreApplication::processEvents();
    }
}

QTEST_MAIN(BenchStartup)
#include "BenchStartup.moc"
