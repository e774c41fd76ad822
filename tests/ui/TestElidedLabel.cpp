// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MainWindow.h"
#include "TestSupport.h"
#include "common/Language.h"
#include "profile/Profile.h"
#include "widgets/ElidedLabel.h"

#include <QDir>
#include <QFontMetrics>
#include <QStatusBar>
#include <QTemporaryDir>
#include <QtTest>

using namespace kengele;

// A long folder path in a narrow place loses its middle, not its end, and shows whole in the
// tooltip; the status bar's data folder is one (it was cut off in Kiswahili).
class TestElidedLabel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void longPartLosesItsMiddle();
    void reElidedOnResize();
    void statusBarDataFolderInKiswahili();

private:
    static bool fits(const QLabel *label)
    {
        return QFontMetrics(label->font()).horizontalAdvance(label->text()) <= label->contentsRect().width();
    }
};

namespace {

const QString Format = QStringLiteral("Data folder: %1");
const QString Path = QStringLiteral("/home/mary/.local/share/Kengele/profiles/st-andrews-presbyterian-church-nairobi");

} // namespace

void TestElidedLabel::cleanup()
{
    Language::install(QStringLiteral("en"));
}

void TestElidedLabel::longPartLosesItsMiddle()
{
    ElidedLabel label;
    label.setElidableText(Format, Path);
    const int whole = QFontMetrics(label.font()).horizontalAdvance(Format.arg(Path));
    label.resize(whole / 2, 30);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    QVERIFY2(label.text().startsWith(QStringLiteral("Data folder: /home/")), qPrintable(label.text()));
    QVERIFY2(label.text().endsWith(QStringLiteral("nairobi")), qPrintable(label.text()));
    QVERIFY(label.text().contains(QStringLiteral("…")));
    QVERIFY(fits(&label));
    QCOMPARE(label.toolTip(), Format.arg(Path));
    QCOMPARE(label.fullText(), Format.arg(Path));
    // Wide enough: whole.
    label.resize(whole + 20, 30);
    QCOMPARE(label.text(), Format.arg(Path));
}

void TestElidedLabel::reElidedOnResize()
{
    ElidedLabel label;
    label.setElidableText(Format, Path);
    label.resize(300, 30);
    label.show();
    QVERIFY(QTest::qWaitForWindowExposed(&label));
    const QString at300 = label.text();
    label.resize(200, 30);
    QVERIFY(label.text().size() < at300.size());
    QVERIFY(fits(&label));
    label.resize(260, 30);
    QVERIFY(fits(&label));
    QVERIFY(label.text().size() > QStringLiteral("Data folder: …").size());
    // A new path is elided at once.
    label.setElidableText(Format, Path + QStringLiteral("/second"));
    QVERIFY(label.text().endsWith(QStringLiteral("second")));
    QVERIFY(fits(&label));
}

void TestElidedLabel::statusBarDataFolderInKiswahili()
{
    QVERIFY(Language::install(QStringLiteral("sw")));
    // A profile where people keep their documents: a long path.
    QTemporaryDir home;
    const QString directory = QDir::toNativeSeparators(
        home.path() + QStringLiteral("/Documents/Church office/Kengele/St Andrew's Presbyterian Church, Nairobi West"));
    QVERIFY(QDir().mkpath(directory));
    test::FixedClock clock;
    auto profile = Profile::open(directory, clock);
    QVERIFY(profile);
    MainWindow window(**profile);
    window.resize(1280, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    ElidedLabel *folder = window.dataFolderLabel();
    QCOMPARE(folder->objectName(), QStringLiteral("dataFolderLabel"));
    QVERIFY(folder->isVisible());
    QVERIFY2(folder->toolTip().endsWith(directory), qPrintable(folder->toolTip()));
    // The label shows what fits: the start and the end of the path, the middle left out.
    for (const int width : {1280, 1100}) {
        window.resize(width, 800);
        QTRY_VERIFY2(fits(folder) && folder->text() != folder->fullText(), qPrintable(folder->text()));
        QVERIFY2(folder->text().contains(QStringLiteral("…")), qPrintable(folder->text()));
        QVERIFY2(folder->text().endsWith(QStringLiteral("West")), qPrintable(folder->text()));
        QVERIFY(folder->geometry().right() <= window.statusBar()->width());
        QVERIFY2(folder->toolTip().endsWith(directory), qPrintable(folder->toolTip()));
    }
}

QTEST_MAIN(TestElidedLabel)
#include "TestElidedLabel.moc"
