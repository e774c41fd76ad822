// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LayoutAudit.h"
#include "widgets/ElidedLabel.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QFormLayout>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollArea>
#include <QStyleFactory>
#include <QTabWidget>
#include <QTableWidget>
#include <QVBoxLayout>
#include <QtTest>

using namespace kengele;
using kengele::test::AuditFinding;
using kengele::test::LayoutAudit;

// The audit the page walk (TestPageAudit) relies on: it finds text that is cut, controls without
// a name and controls Tab never reaches, and leaves alone what fits, is named and is reachable.
class TestLayoutAudit final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void narrowLabelIsFound();
    void wideEnoughLabelIsNot();
    void richTextLabel();
    void wrappedLabelTooShortIsFound();
    void elidedLabelShortenedIsFound();
    void narrowButtonIsFound();
    void shortButtonBelowTheStyleMinimumIsNot();
    void checkBoxTooNarrowIsFound();
    void narrowHeaderIsFound();
    void headerWideEnoughIsNot();
    void columnPastTheRightEdgeIsFound();
    void narrowComboIsFound();
    void rowTextCutIsFound();
    void groupBoxTitleCutIsFound();
    void tabTooNarrowIsFound();
    void scrolledOutOfViewIsNotChecked();
    void namelessLineEditIsFound();
    void lineEditWithBuddyOrNameIsNot();
    void iconButtonWithoutNameIsFound();
    void listNeedsItsOwnName();
    void unreachableWidgetIsFound();
    void uncheckedRadioButtonIsReachedByArrows();

private:
    // The findings of `kind` about widgets called `name`.
    static QList<AuditFinding> about(QWidget *window, const QString &name, AuditFinding::Kind kind = AuditFinding::Kind::Cut);
    static void show(QWidget *window);
};

namespace {

const QString LongText = QStringLiteral("Women's Fellowship and Men's Fellowship");

} // namespace

void TestLayoutAudit::initTestCase()
{
    // The style the screenshots and the page walk use.
    QApplication::setStyle(QStyleFactory::create(QStringLiteral("Fusion")));
}

QList<AuditFinding> TestLayoutAudit::about(QWidget *window, const QString &name, AuditFinding::Kind kind)
{
    QList<AuditFinding> found;
    const QList<AuditFinding> all = LayoutAudit::run(window);
    for (const AuditFinding &finding : all) {
        // The widget's own part of the path: its name, then its text (which may hold a '/').
        const QString leaf = QLatin1Char('/') + name;
        if (finding.kind == kind && (finding.path.endsWith(leaf) || finding.path.contains(leaf + QLatin1Char(' '))))
            found.append(finding);
    }
    return found;
}

void TestLayoutAudit::show(QWidget *window)
{
    window->show();
    QVERIFY(QTest::qWaitForWindowExposed(window));
}

void TestLayoutAudit::narrowLabelIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *label = new QLabel(LongText);
    label->setObjectName(QStringLiteral("narrow"));
    label->setFixedWidth(label->sizeHint().width() - 3); // three pixels short is cut too
    layout->addWidget(label);
    show(&window);
    const QList<AuditFinding> found = about(&window, QStringLiteral("narrow"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().path.contains(LongText), qPrintable(found.first().toString()));
}

void TestLayoutAudit::wideEnoughLabelIsNot()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *label = new QLabel(LongText);
    label->setObjectName(QStringLiteral("fits"));
    label->setFixedWidth(label->sizeHint().width());
    layout->addWidget(label);
    auto *twoLines = new QLabel(QStringLiteral("Choir\nWomen's Fellowship"));
    twoLines->setObjectName(QStringLiteral("twoLines"));
    layout->addWidget(twoLines);
    show(&window);
    QVERIFY2(about(&window, QStringLiteral("fits")).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("fits")))));
    QVERIFY(about(&window, QStringLiteral("twoLines")).isEmpty());
}

void TestLayoutAudit::richTextLabel()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    const QString rich = QStringLiteral("<b>Not sent:</b> 5 opted out · <i>Counted once:</i> 10");
    auto *fits = new QLabel(rich);
    fits->setObjectName(QStringLiteral("fits"));
    fits->setFixedWidth(fits->sizeHint().width());
    layout->addWidget(fits);
    auto *narrow = new QLabel(rich);
    narrow->setObjectName(QStringLiteral("narrow"));
    narrow->setFixedWidth(fits->sizeHint().width() - 3);
    layout->addWidget(narrow);
    show(&window);
    QVERIFY2(about(&window, QStringLiteral("fits")).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("fits")))));
    QCOMPARE(about(&window, QStringLiteral("narrow")).size(), 1);
}

void TestLayoutAudit::wrappedLabelTooShortIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    const QString text = LongText + QStringLiteral(" meet on Saturday at two in the church hall; bring a friend.");
    auto *fits = new QLabel(text);
    fits->setObjectName(QStringLiteral("fits"));
    fits->setWordWrap(true);
    fits->setFixedWidth(150);
    layout->addWidget(fits);
    auto *cut = new QLabel(text);
    cut->setObjectName(QStringLiteral("cut"));
    cut->setWordWrap(true);
    cut->setFixedSize(150, cut->fontMetrics().height() + 2);
    layout->addWidget(cut);
    show(&window);
    QVERIFY(about(&window, QStringLiteral("fits")).isEmpty());
    QCOMPARE(about(&window, QStringLiteral("cut")).size(), 1);
}

void TestLayoutAudit::elidedLabelShortenedIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *shortened = new ElidedLabel;
    shortened->setObjectName(QStringLiteral("shortened"));
    shortened->setElidableText(QStringLiteral("Data folder: %1"),
                               QStringLiteral("/home/mary/.local/share/Kengele/profiles/st-andrews"));
    shortened->setFixedWidth(120);
    layout->addWidget(shortened);
    auto *whole = new ElidedLabel;
    whole->setObjectName(QStringLiteral("whole"));
    whole->setElidableText(QStringLiteral("Data folder: %1"), QStringLiteral("/home/mary"));
    layout->addWidget(whole);
    window.setFixedWidth(400);
    show(&window);
    QVERIFY2(shortened->text() != shortened->fullText(), qPrintable(shortened->text()));
    QCOMPARE(about(&window, QStringLiteral("shortened")).size(), 1);
    QVERIFY(about(&window, QStringLiteral("whole")).isEmpty());
}

void TestLayoutAudit::narrowButtonIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *narrow = new QPushButton(QStringLiteral("Send to everyone in the group…"));
    narrow->setObjectName(QStringLiteral("narrow"));
    narrow->setFixedWidth(narrow->sizeHint().width() / 2);
    layout->addWidget(narrow);
    auto *fits = new QPushButton(QStringLiteral("Send to everyone in the group…"));
    fits->setObjectName(QStringLiteral("fits"));
    layout->addWidget(fits);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("narrow")).size(), 1);
    QVERIFY(about(&window, QStringLiteral("fits")).isEmpty());
}

void TestLayoutAudit::shortButtonBelowTheStyleMinimumIsNot()
{
    // Fusion asks 80 px for any button with text; "OK" is whole in 50.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *button = new QPushButton(QStringLiteral("OK"));
    button->setObjectName(QStringLiteral("ok"));
    button->setFixedWidth(50);
    layout->addWidget(button);
    show(&window);
    QVERIFY(button->sizeHint().width() > 50);
    QVERIFY(about(&window, QStringLiteral("ok")).isEmpty());
}

void TestLayoutAudit::checkBoxTooNarrowIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *narrow = new QCheckBox(QStringLiteral("Also send to people in more than one group"));
    narrow->setObjectName(QStringLiteral("narrow"));
    narrow->setFixedWidth(100);
    layout->addWidget(narrow);
    auto *fits = new QCheckBox(QStringLiteral("Also send to people in more than one group"));
    fits->setObjectName(QStringLiteral("fits"));
    layout->addWidget(fits);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("narrow")).size(), 1);
    QVERIFY(about(&window, QStringLiteral("fits")).isEmpty());
}

void TestLayoutAudit::narrowHeaderIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *table = new QTableWidget(1, 2);
    table->setObjectName(QStringLiteral("table"));
    table->setAccessibleName(QStringLiteral("People"));
    table->setHorizontalHeaderLabels({QStringLiteral("Telephone number of the person"), QStringLiteral("Name")});
    table->setColumnWidth(0, 60);
    layout->addWidget(table);
    window.resize(600, 300);
    show(&window);
    const QList<AuditFinding> found = about(&window, QStringLiteral("QHeaderView"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().problem.contains(QStringLiteral("Telephone number")), qPrintable(found.first().toString()));
}

void TestLayoutAudit::headerWideEnoughIsNot()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *table = new QTableWidget(2, 3);
    table->setObjectName(QStringLiteral("table"));
    table->setHorizontalHeaderLabels(
        {QStringLiteral("Telephone number of the person"), QStringLiteral("Name"), QStringLiteral("Groups")});
    table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("+254 712 345 678")));
    table->setItem(1, 2, new QTableWidgetItem(LongText));
    table->setSortingEnabled(true);
    table->sortByColumn(1, Qt::AscendingOrder);
    table->resizeColumnsToContents();
    layout->addWidget(table);
    window.resize(1000, 300);
    show(&window);
    QVERIFY2(about(&window, QStringLiteral("QHeaderView")).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("QHeaderView")))));
    QVERIFY2(about(&window, QStringLiteral("table")).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("table")))));
}

void TestLayoutAudit::columnPastTheRightEdgeIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *table = new QTableWidget(1, 3);
    table->setObjectName(QStringLiteral("table"));
    table->setHorizontalHeaderLabels({QStringLiteral("Number"), QStringLiteral("Name"), QStringLiteral("Network")});
    table->setItem(0, 2, new QTableWidgetItem(QStringLiteral("Airtel Kenya")));
    for (int column = 0; column < 3; ++column)
        table->setColumnWidth(column, 150);
    table->setFixedWidth(400);
    layout->addWidget(table);
    show(&window);
    const QList<AuditFinding> found = about(&window, QStringLiteral("QHeaderView"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().problem.contains(QStringLiteral("\"Network\" runs")), qPrintable(found.first().toString()));
}

void TestLayoutAudit::narrowComboIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *narrow = new QComboBox;
    narrow->setObjectName(QStringLiteral("narrow"));
    narrow->addItems({LongText, QStringLiteral("Choir")});
    narrow->setFixedWidth(90);
    layout->addWidget(narrow);
    auto *fits = new QComboBox;
    fits->setObjectName(QStringLiteral("fits"));
    fits->addItems({LongText, QStringLiteral("Choir")});
    layout->addWidget(fits);
    auto *editable = new QComboBox;
    editable->setObjectName(QStringLiteral("editable"));
    editable->setEditable(true);
    editable->addItems({LongText});
    editable->setFixedWidth(90);
    layout->addWidget(editable);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("narrow")).size(), 1);
    QVERIFY2(about(&window, QStringLiteral("fits")).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("fits")))));
    QCOMPARE(about(&window, QStringLiteral("editable")).size(), 1);
}

void TestLayoutAudit::rowTextCutIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *table = new QTableWidget(2, 2);
    table->setObjectName(QStringLiteral("table"));
    table->setItem(0, 0, new QTableWidgetItem(QStringLiteral("Choir")));
    table->setItem(1, 0, new QTableWidgetItem(LongText));
    table->setItem(0, 1, new QTableWidgetItem(QStringLiteral("12")));
    table->setColumnWidth(0, 80);
    layout->addWidget(table);
    auto *list = new QListWidget;
    list->setObjectName(QStringLiteral("list"));
    auto *item = new QListWidgetItem(QStringLiteral("Choir"), list);
    item->setCheckState(Qt::Checked);
    layout->addWidget(list);
    window.resize(500, 400);
    show(&window);
    const QList<AuditFinding> found = about(&window, QStringLiteral("table"));
    QCOMPARE(found.size(), 1);
    QVERIFY2(found.first().problem.startsWith(QStringLiteral("row 2, column 1")), qPrintable(found.first().toString()));
    QVERIFY(about(&window, QStringLiteral("list")).isEmpty());
}

void TestLayoutAudit::groupBoxTitleCutIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *narrow = new QGroupBox(LongText);
    narrow->setObjectName(QStringLiteral("narrow"));
    narrow->setFixedWidth(80);
    layout->addWidget(narrow);
    auto *fits = new QGroupBox(LongText);
    fits->setObjectName(QStringLiteral("fits"));
    layout->addWidget(fits);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("narrow")).size(), 1);
    QVERIFY(about(&window, QStringLiteral("fits")).isEmpty());
}

void TestLayoutAudit::tabTooNarrowIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *tabs = new QTabWidget;
    tabs->setObjectName(QStringLiteral("tabs"));
    for (const QString &name : {QStringLiteral("Gateway"), QStringLiteral("Sending"), LongText, QStringLiteral("Relay")})
        tabs->addTab(new QWidget, name);
    tabs->setFixedWidth(200);
    layout->addWidget(tabs);
    auto *wide = new QTabWidget;
    wide->setObjectName(QStringLiteral("wide"));
    for (const QString &name : {QStringLiteral("Gateway"), QStringLiteral("Sending")})
        wide->addTab(new QWidget, name);
    layout->addWidget(wide);
    show(&window);
    QList<AuditFinding> cut;
    const QList<AuditFinding> all = LayoutAudit::run(&window);
    for (const AuditFinding &finding : all) {
        if (finding.path.contains(QStringLiteral("QTabBar")))
            cut.append(finding);
    }
    QVERIFY2(!cut.isEmpty(), "a tab bar 200 px wide for four tabs");
    for (const AuditFinding &finding : cut)
        QVERIFY2(finding.path.contains(QStringLiteral("tabs/")), qPrintable(finding.toString()));
}

void TestLayoutAudit::scrolledOutOfViewIsNotChecked()
{
    // A label cut at the far end of a long scroll area is not seen until one scrolls there.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *area = new QScrollArea;
    auto *content = new QWidget;
    content->setFixedSize(300, 2000);
    auto *label = new QLabel(LongText, content);
    label->setObjectName(QStringLiteral("below"));
    label->setGeometry(0, 1900, 40, 20);
    area->setWidget(content);
    layout->addWidget(area);
    window.resize(400, 300);
    show(&window);
    QVERIFY(about(&window, QStringLiteral("below")).isEmpty());
    area->ensureWidgetVisible(label);
    QCOMPARE(about(&window, QStringLiteral("below")).size(), 1);
}

void TestLayoutAudit::namelessLineEditIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    layout->addWidget(new QLabel(QStringLiteral("Name")));
    auto *edit = new QLineEdit;
    edit->setObjectName(QStringLiteral("nameEdit"));
    edit->setPlaceholderText(QStringLiteral("Name")); // shown, but no name for a screen reader
    layout->addWidget(edit);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("nameEdit"), AuditFinding::Kind::Nameless).size(), 1);
}

void TestLayoutAudit::lineEditWithBuddyOrNameIsNot()
{
    QWidget window;
    auto *layout = new QFormLayout(&window);
    auto *buddied = new QLineEdit;
    buddied->setObjectName(QStringLiteral("buddied"));
    layout->addRow(QStringLiteral("&Name:"), buddied); // a form row makes its label the buddy
    auto *label = new QLabel(QStringLiteral("Phone:"));
    auto *phone = new QLineEdit;
    phone->setObjectName(QStringLiteral("phone"));
    label->setBuddy(phone);
    layout->addRow(label, phone);
    auto *named = new QLineEdit;
    named->setObjectName(QStringLiteral("named"));
    named->setAccessibleName(QStringLiteral("Search contacts"));
    layout->addRow(named);
    auto *combo = new QComboBox;
    combo->setObjectName(QStringLiteral("combo"));
    combo->setEditable(true);
    layout->addRow(QStringLiteral("Group:"), combo);
    show(&window);
    const QList<AuditFinding> all = LayoutAudit::run(&window);
    QList<AuditFinding> nameless;
    for (const AuditFinding &finding : all) {
        if (finding.kind == AuditFinding::Kind::Nameless)
            nameless.append(finding);
    }
    QVERIFY2(nameless.isEmpty(), qPrintable(LayoutAudit::format(nameless)));
}

void TestLayoutAudit::iconButtonWithoutNameIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *bare = new QPushButton;
    bare->setObjectName(QStringLiteral("bare"));
    bare->setIcon(window.style()->standardIcon(QStyle::SP_TrashIcon));
    layout->addWidget(bare);
    auto *named = new QPushButton;
    named->setObjectName(QStringLiteral("named"));
    named->setIcon(window.style()->standardIcon(QStyle::SP_TrashIcon));
    named->setAccessibleName(QStringLiteral("Delete"));
    layout->addWidget(named);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("bare"), AuditFinding::Kind::Nameless).size(), 1);
    QVERIFY(about(&window, QStringLiteral("named"), AuditFinding::Kind::Nameless).isEmpty());
}

void TestLayoutAudit::listNeedsItsOwnName()
{
    // Unlike edits, item views take no name from a buddy label.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *label = new QLabel(QStringLiteral("&Groups:"));
    layout->addWidget(label);
    auto *buddied = new QListWidget;
    buddied->setObjectName(QStringLiteral("buddied"));
    label->setBuddy(buddied);
    layout->addWidget(buddied);
    auto *named = new QListWidget;
    named->setObjectName(QStringLiteral("named"));
    named->setAccessibleName(QStringLiteral("Groups"));
    layout->addWidget(named);
    show(&window);
    QCOMPARE(about(&window, QStringLiteral("buddied"), AuditFinding::Kind::Nameless).size(), 1);
    QVERIFY(about(&window, QStringLiteral("named"), AuditFinding::Kind::Nameless).isEmpty());
}

void TestLayoutAudit::unreachableWidgetIsFound()
{
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *reachable = new QPushButton(QStringLiteral("Save"));
    reachable->setObjectName(QStringLiteral("reachable"));
    layout->addWidget(reachable);
    auto *mouseOnly = new QPushButton(QStringLiteral("Delete"));
    mouseOnly->setObjectName(QStringLiteral("mouseOnly"));
    mouseOnly->setFocusPolicy(Qt::ClickFocus);
    layout->addWidget(mouseOnly);
    auto *never = new QLineEdit;
    never->setObjectName(QStringLiteral("never"));
    never->setAccessibleName(QStringLiteral("Search"));
    never->setFocusPolicy(Qt::NoFocus);
    layout->addWidget(never);
    auto *disabled = new QPushButton(QStringLiteral("Send"));
    disabled->setObjectName(QStringLiteral("disabled"));
    disabled->setFocusPolicy(Qt::NoFocus);
    disabled->setEnabled(false);
    layout->addWidget(disabled);
    show(&window);
    QVERIFY(about(&window, QStringLiteral("reachable"), AuditFinding::Kind::NoKeyboard).isEmpty());
    QCOMPARE(about(&window, QStringLiteral("mouseOnly"), AuditFinding::Kind::NoKeyboard).size(), 1);
    QCOMPARE(about(&window, QStringLiteral("never"), AuditFinding::Kind::NoKeyboard).size(), 1);
    // A control that cannot be used now is not expected to take the focus.
    QVERIFY(about(&window, QStringLiteral("disabled"), AuditFinding::Kind::NoKeyboard).isEmpty());
}

void TestLayoutAudit::uncheckedRadioButtonIsReachedByArrows()
{
    // Tab stops on the checked one of exclusive radio buttons, the arrow keys move to the others.
    QWidget window;
    auto *layout = new QVBoxLayout(&window);
    auto *practice = new QRadioButton(QStringLiteral("Practice mode"));
    practice->setObjectName(QStringLiteral("practice"));
    practice->setChecked(true);
    layout->addWidget(practice);
    auto *real = new QRadioButton(QStringLiteral("Africa's Talking"));
    real->setObjectName(QStringLiteral("real"));
    layout->addWidget(real);
    show(&window);
    QVERIFY(!(real->focusPolicy() & Qt::TabFocus));
    QVERIFY2(about(&window, QStringLiteral("real"), AuditFinding::Kind::NoKeyboard).isEmpty(),
             qPrintable(LayoutAudit::format(about(&window, QStringLiteral("real"), AuditFinding::Kind::NoKeyboard))));
    QVERIFY(about(&window, QStringLiteral("practice"), AuditFinding::Kind::NoKeyboard).isEmpty());
}

QTEST_MAIN(TestLayoutAudit)
#include "TestLayoutAudit.moc"
