// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DarkPalette.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/MessageBubble.h"

#include <QPushButton>
#include <QVBoxLayout>
#include <QtTest>

using namespace kengele;

// Banners and message bubbles: labels on panels painted from the palette.
class TestBanner final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void paintsItsKindFromThePalette();
    void buttonSitsBesideTheText();
    void bubbleIsPlainSelectableText();

private:
    static QColor middleOfPadding(QWidget *widget)
    {
        const QImage image = widget->grab().toImage();
        return image.pixelColor(image.width() / 2, 3 * image.height() / widget->height());
    }
};

void TestBanner::paintsItsKindFromThePalette()
{
    QWidget window;
    window.setPalette(test::darkPalette());
    auto *banner = new Banner(Banner::Kind::Error, QStringLiteral("Sending stopped."), &window);
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(banner);
    window.resize(400, 80);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QCOMPARE(banner->text(), QStringLiteral("Sending stopped."));
    QCOMPARE(middleOfPadding(banner).rgb(), Colours::panelFill(Colours::Panel::Error, banner->palette()).rgb());
    banner->setKind(Banner::Kind::Info);
    QCOMPARE(banner->kind(), Banner::Kind::Info);
    QCOMPARE(middleOfPadding(banner).rgb(), Colours::panelFill(Colours::Panel::Info, banner->palette()).rgb());
    // The text keeps the palette's own colour, which reads on the tint.
    QCOMPARE(banner->palette().color(QPalette::WindowText), test::darkPalette().color(QPalette::WindowText));
}

void TestBanner::buttonSitsBesideTheText()
{
    Banner banner(Banner::Kind::Warning, QStringLiteral("This message needs Unicode, so only 70 characters fit in one SMS."));
    banner.setWordWrap(true);
    auto *button = new QPushButton(QStringLiteral("Replace look-alikes"));
    banner.setButton(button);
    banner.resize(500, 60);
    banner.show();
    QVERIFY(QTest::qWaitForWindowExposed(&banner));
    QCOMPARE(button->parentWidget(), &banner);
    QVERIFY(button->isVisible());
    QVERIFY(banner.contentsRect().right() < button->geometry().left());
    QVERIFY(banner.rect().contains(button->geometry()));
    QVERIFY(banner.height() >= button->height());
    // Without the button the text takes the whole width again.
    const int withButton = banner.contentsRect().width();
    button->hide();
    QVERIFY(banner.contentsRect().width() > withButton + button->width());
    button->show();
    QCOMPARE(banner.contentsRect().width(), withButton);
}

void TestBanner::bubbleIsPlainSelectableText()
{
    MessageBubble bubble(QStringLiteral("Dear <b>Mary</b>, see you on Sunday."));
    QCOMPARE(bubble.textFormat(), Qt::PlainText);
    QVERIFY(bubble.wordWrap());
    QVERIFY(bubble.textInteractionFlags() & Qt::TextSelectableByMouse);
    bubble.resize(300, 60);
    bubble.show();
    QVERIFY(QTest::qWaitForWindowExposed(&bubble));
    QCOMPARE(middleOfPadding(&bubble).rgb(), Colours::panelFill(Colours::Panel::Message, bubble.palette()).rgb());
}

QTEST_MAIN(TestBanner)
#include "TestBanner.moc"
