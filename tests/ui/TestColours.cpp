// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarkPalette.h"
#include "widgets/Colours.h"

#include <QApplication>
#include <QLabel>
#include <QListWidget>
#include <QScrollBar>
#include <QStyle>
#include <QStyleFactory>
#include <QtTest>

#include <memory>

using namespace kengele;
using Tone = Colours::Tone;
using Panel = Colours::Panel;

// The colours Kengele adds read on a light and on a dark palette alike.
class TestColours final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void contrastIsTheWcagRatio();
    void textReadsOnLightAndDark_data();
    void textReadsOnLightAndDark();
    void lightThemeKeepsTheUsualColours();
    void panelsKeepThePalettesTextReadable_data();
    void panelsKeepThePalettesTextReadable();
    void toneOnAWidgetAndBack();
    void checkBoxesShowInADarkList();

private:
    static QPalette lightPalette()
    {
        const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
        return fusion->standardPalette();
    }
};

void TestColours::contrastIsTheWcagRatio()
{
    QCOMPARE(qRound(Colours::contrast(Qt::black, Qt::white)), 21);
    QCOMPARE(Colours::contrast(QColor(0x77, 0x77, 0x77), QColor(0x77, 0x77, 0x77)), 1.0);
    QVERIFY(qAbs(Colours::contrast(QColor(0x76, 0x76, 0x76), Qt::white) - 4.54) < 0.01);
    QCOMPARE(Colours::mix(Qt::black, Qt::white, 0.5).red(), 128);
    QVERIFY(Colours::isDark(test::darkPalette()));
    QVERIFY(!Colours::isDark(lightPalette()));
}

void TestColours::textReadsOnLightAndDark_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("tone");
    QTest::addColumn<int>("background");
    for (const Tone tone : {Tone::Error, Tone::Success, Tone::Warning, Tone::Field}) {
        for (const QPalette::ColorRole role : {QPalette::Window, QPalette::Base}) {
            QTest::addRow("light %d on %d", int(tone), int(role)) << lightPalette() << int(tone) << int(role);
            QTest::addRow("dark %d on %d", int(tone), int(role)) << test::darkPalette() << int(tone) << int(role);
        }
    }
}

void TestColours::textReadsOnLightAndDark()
{
    QFETCH(QPalette, palette);
    QFETCH(int, tone);
    QFETCH(int, background);
    const auto role = QPalette::ColorRole(background);
    const QColor colour = Colours::text(Tone(tone), palette, role);
    QVERIFY2(Colours::contrast(colour, palette.color(role)) >= 4.5, qPrintable(colour.name()));
    // Still the hue it was: red stays red, green green.
    if (Tone(tone) == Tone::Error)
        QVERIFY2(colour.red() > colour.green() && colour.red() > colour.blue(), qPrintable(colour.name()));
    if (Tone(tone) == Tone::Success)
        QVERIFY2(colour.green() > colour.red() && colour.green() > colour.blue(), qPrintable(colour.name()));
}

void TestColours::lightThemeKeepsTheUsualColours()
{
    QCOMPARE(Colours::text(Tone::Error, lightPalette()).name(), QStringLiteral("#b00020"));
    QCOMPARE(Colours::text(Tone::Success, lightPalette(), QPalette::Base).name(), QStringLiteral("#2e7d32"));
    QCOMPARE(Colours::text(Tone::Normal, lightPalette()), lightPalette().color(QPalette::WindowText));
    // On a dark window the red is lightened, not kept.
    QVERIFY(Colours::text(Tone::Error, test::darkPalette()).lightness() > QColor(0xb0, 0x00, 0x20).lightness());
}

void TestColours::panelsKeepThePalettesTextReadable_data()
{
    QTest::addColumn<QPalette>("palette");
    QTest::addColumn<int>("panel");
    for (const Panel panel : {Panel::Info, Panel::Warning, Panel::Error, Panel::Message}) {
        QTest::addRow("light %d", int(panel)) << lightPalette() << int(panel);
        QTest::addRow("dark %d", int(panel)) << test::darkPalette() << int(panel);
    }
}

void TestColours::panelsKeepThePalettesTextReadable()
{
    QFETCH(QPalette, palette);
    QFETCH(int, panel);
    const QColor fill = Colours::panelFill(Panel(panel), palette);
    QVERIFY(fill != palette.color(QPalette::Base)); // it shows
    QVERIFY2(Colours::contrast(palette.color(QPalette::WindowText), fill) >= 7, qPrintable(fill.name()));
    QVERIFY(Colours::contrast(Colours::panelBorder(Panel(panel), palette), fill) > 1.2);
    const QColor marker = Colours::marker(Panel(panel), palette);
    QVERIFY2(Colours::contrast(palette.color(QPalette::Text), marker) >= 4.5, qPrintable(marker.name()));
    // Dark theme, dark panel; light theme, light panel.
    QCOMPARE(fill.lightness() < 128, Colours::isDark(palette));
}

void TestColours::toneOnAWidgetAndBack()
{
    QWidget parent;
    parent.setPalette(test::darkPalette());
    auto *label = new QLabel(QStringLiteral("Could not connect"), &parent);
    Colours::setTone(label, Tone::Error, true);
    const QColor error = label->palette().color(QPalette::WindowText);
    QCOMPARE(error, Colours::text(Tone::Error, test::darkPalette()));
    QVERIFY(Colours::contrast(error, parent.palette().color(QPalette::Window)) >= 4.5);
    QVERIFY(label->font().bold());
    Colours::setTone(label, Tone::Normal);
    QCOMPARE(label->palette().color(QPalette::WindowText), test::darkPalette().color(QPalette::WindowText));
    QVERIFY(!label->font().bold());
    // Back to its parent's palette: it follows a change of theme again.
    parent.setPalette(lightPalette());
    QCOMPARE(label->palette().color(QPalette::WindowText), lightPalette().color(QPalette::WindowText));
}

void TestColours::checkBoxesShowInADarkList()
{
    QListWidget light;
    light.setPalette(lightPalette());
    Colours::showCheckBoxes(&light);
    QCOMPARE(light.palette().color(QPalette::Window), lightPalette().color(QPalette::Window)); // nothing to do

    const std::unique_ptr<QStyle> fusion(QStyleFactory::create(QStringLiteral("Fusion")));
    QListWidget dark;
    dark.setStyle(fusion.get());
    dark.setPalette(test::darkPalette());
    const QColor base = test::darkPalette().color(QPalette::Base);
    // Fusion's outline of an unticked box (window darker(140), lighter(110)) is the base itself.
    QCOMPARE(test::darkPalette().color(QPalette::Window).darker(140).lighter(110).rgb(), base.rgb());
    Colours::showCheckBoxes(&dark);
    const QColor outline = dark.palette().color(QPalette::Window).darker(140).lighter(110);
    QVERIFY2(Colours::contrast(outline, base) >= 1.8, qPrintable(outline.name()));
    QCOMPARE(dark.palette().color(QPalette::Base), base);
    QCOMPARE(dark.verticalScrollBar()->palette().color(QPalette::Window), test::darkPalette().color(QPalette::Window));

    // The unticked box in the list now has an edge: some pixel of the row (it has no text)
    // differs from the base.
    auto *item = new QListWidgetItem(QString(), &dark);
    item->setFlags(Qt::ItemIsEnabled | Qt::ItemIsUserCheckable);
    item->setCheckState(Qt::Unchecked);
    dark.resize(200, 60);
    dark.show();
    QVERIFY(QTest::qWaitForWindowExposed(&dark));
    const QImage image = dark.viewport()->grab().toImage();
    const QRect box = dark.visualItemRect(item);
    bool edge = false;
    for (int x = box.left(); x <= box.right() && !edge; ++x) {
        for (int y = box.top(); y <= box.bottom() && !edge; ++y)
            edge = Colours::contrast(image.pixelColor(x, y), base) >= 1.5;
    }
    QVERIFY(edge);
}

QTEST_MAIN(TestColours)
#include "TestColours.moc"
