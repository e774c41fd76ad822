// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "common/Language.h"
#include "widgets/ElidedLabel.h"

#include <QFontMetrics>
#include <QtTest>

using namespace kengele;

// A long folder path in a narrow place loses its middle, not its end, and shows whole in the
// tooltip. (The data folder left the status bar for Help → About: TestMainWindow.)
class TestElidedLabel final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void cleanup();
    void longPartLosesItsMiddle();
    void reElidedOnResize();

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

QTEST_MAIN(TestElidedLabel)
#include "TestElidedLabel.moc"
