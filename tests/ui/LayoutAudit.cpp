// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LayoutAudit.h"

#include "widgets/ElidedLabel.h"

#include <QAbstractButton>
#include <QAbstractItemDelegate>
#include <QAbstractScrollArea>
#include <QAbstractSlider>
#include <QAbstractSpinBox>
#include <QAccessible>
#include <QAction>
#include <QButtonGroup>
#include <QCheckBox>
#include <QComboBox>
#include <QGroupBox>
#include <QHeaderView>
#include <QLabel>
#include <QLineEdit>
#include <QListView>
#include <QMenu>
#include <QMenuBar>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QRadioButton>
#include <QScrollBar>
#include <QSet>
#include <QStyle>
#include <QStyleOption>
#include <QTabBar>
#include <QTableView>
#include <QTextDocument>
#include <QTextEdit>
#include <QToolButton>
#include <QTreeView>

#include <algorithm>

namespace kengele::test {

namespace {

using Kind = AuditFinding::Kind;

// What a person reads: "&Save" is shown as "Save", "&&" as "&".
QString withoutMnemonic(const QString &text)
{
    QString shown;
    shown.reserve(text.size());
    for (qsizetype i = 0; i < text.size(); ++i) {
        if (text.at(i) == QLatin1Char('&') && i + 1 < text.size())
            ++i;
        shown.append(text.at(i));
    }
    return shown;
}

QString shortText(QString text)
{
    text = text.simplified();
    if (text.size() > 50)
        text = text.left(49) + QStringLiteral("…");
    return text;
}

// The text a widget shows, for naming it in a finding.
QString shownText(const QWidget *widget)
{
    if (const auto *label = qobject_cast<const QLabel *>(widget)) {
        if (label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()))) {
            QTextDocument doc;
            doc.setHtml(label->text());
            return doc.toPlainText();
        }
        return label->text();
    }
    if (const auto *button = qobject_cast<const QAbstractButton *>(widget))
        return withoutMnemonic(button->text());
    if (const auto *box = qobject_cast<const QGroupBox *>(widget))
        return withoutMnemonic(box->title());
    if (const auto *combo = qobject_cast<const QComboBox *>(widget))
        return combo->currentText();
    return {};
}

// "settingsDialog/gatewayPage/QLabel "Your API key is kept…"": the named ancestors from the
// window down (Qt's own "qt_…" helpers left out), then the widget by name, or by class and text.
QString pathOf(const QWidget *widget, const QWidget *window)
{
    QStringList names;
    for (const QWidget *w = widget->parentWidget(); w && w != window; w = w->parentWidget()) {
        const QString name = w->objectName();
        if (!name.isEmpty() && !name.startsWith(QLatin1String("qt_")))
            names.prepend(name);
    }
    names.prepend(window->objectName().isEmpty() ? QString::fromLatin1(window->metaObject()->className()) : window->objectName());
    QString leaf = widget->objectName();
    if (leaf.isEmpty() || leaf.startsWith(QLatin1String("qt_")))
        leaf = QString::fromLatin1(widget->metaObject()->className());
    const QString text = shortText(shownText(widget));
    if (!text.isEmpty())
        leaf += QStringLiteral(" \"%1\"").arg(text);
    names.append(leaf);
    return names.join(QLatin1Char('/'));
}

bool isScrollViewport(const QWidget *widget)
{
    const auto *area = qobject_cast<const QAbstractScrollArea *>(widget->parentWidget());
    return area && area->viewport() == widget;
}

// The part of `widget` (in its own coordinates) that its ancestors let through: what a person
// can see of it. Empty when it is scrolled out of view or outside its window.
QRect visiblePart(const QWidget *widget, const QWidget *window)
{
    QRect part = widget->rect();
    QPoint offset; // widget's origin in the current ancestor's coordinates
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        offset += w->pos();
        const QWidget *parent = w->parentWidget();
        if (!parent)
            break;
        part &= parent->rect().translated(-offset);
        if (part.isEmpty())
            return {};
    }
    return part;
}

// Whether `widget` is pushed partly out of a container that cannot scroll (so the rest of it can
// never be seen); being partly outside a scroll area's viewport is fine: one scrolls to it.
bool cutByContainer(const QWidget *widget, const QWidget *window)
{
    QRect rect = widget->rect();
    QPoint offset;
    for (const QWidget *w = widget; w && w != window; w = w->parentWidget()) {
        offset += w->pos();
        const QWidget *parent = w->parentWidget();
        if (!parent)
            break;
        if (isScrollViewport(parent))
            return false;
        if (!parent->rect().contains(rect.translated(offset)))
            return true;
    }
    return false;
}

// Widgets Qt puts inside other widgets (a combo box's line edit, a spin box's edit, a tab bar's
// scroll arrows): their container is what a person uses and what is checked.
bool isPartOfAnother(const QWidget *widget)
{
    const QWidget *parent = widget->parentWidget();
    return parent
        && (qobject_cast<const QComboBox *>(parent) || qobject_cast<const QAbstractSpinBox *>(parent)
            || qobject_cast<const QTabBar *>(parent) || qobject_cast<const QScrollBar *>(widget)
            || qobject_cast<const QHeaderView *>(widget) || qobject_cast<const QLineEdit *>(parent));
}

bool isInteractive(const QWidget *widget)
{
    if (isPartOfAnother(widget))
        return false;
    if (const auto *box = qobject_cast<const QGroupBox *>(widget))
        return box->isCheckable();
    return qobject_cast<const QAbstractButton *>(widget) || qobject_cast<const QLineEdit *>(widget)
        || qobject_cast<const QComboBox *>(widget) || qobject_cast<const QAbstractSpinBox *>(widget)
        || qobject_cast<const QAbstractItemView *>(widget) || qobject_cast<const QTextEdit *>(widget)
        || qobject_cast<const QPlainTextEdit *>(widget) || qobject_cast<const QAbstractSlider *>(widget);
}

class Auditor
{
public:
    explicit Auditor(QWidget *root)
        : m_root(root)
        , m_window(root->window())
    { }

    QList<AuditFinding> run();

private:
    void add(Kind kind, const QWidget *widget, const QString &problem)
    {
        m_findings.append(AuditFinding{kind, pathOf(widget, m_window), problem});
    }

    void checkLabel(const QLabel *label);
    void checkButton(const QAbstractButton *button);
    void checkCombo(const QComboBox *combo);
    void checkGroupBox(const QGroupBox *box);
    void checkTabBar(const QTabBar *bar);
    void checkHeader(const QHeaderView *header);
    void checkItemView(const QAbstractItemView *view);
    void checkName(const QWidget *widget);
    void checkKeyboard(const QList<QWidget *> &interactive);

    QWidget *m_root; // what is looked at: a window, or a part of one (its status bar)
    QWidget *m_window;
    QList<AuditFinding> m_findings;
};

void Auditor::checkLabel(const QLabel *label)
{
    if (label->text().isEmpty() || !label->pixmap().isNull())
        return;
    if (const auto *elided = qobject_cast<const ElidedLabel *>(label)) {
        if (elided->text() != elided->fullText())
            add(Kind::Cut, label, QStringLiteral("shortened to \"%1\"").arg(elided->text()));
        return;
    }
    const QRect contents = label->contentsRect();
    if (label->wordWrap()) {
        const int needed = label->heightForWidth(label->width());
        if (needed > label->height())
            add(Kind::Cut, label,
                QStringLiteral("wrapped text needs %1 px of height, has %2: its last lines are cut")
                    .arg(needed)
                    .arg(label->height()));
        return;
    }
    const bool rich
        = label->textFormat() == Qt::RichText || (label->textFormat() == Qt::AutoText && Qt::mightBeRichText(label->text()));
    int width = 0;
    int height = 0;
    if (rich) {
        QTextDocument doc;
        doc.setDefaultFont(label->font());
        doc.setDocumentMargin(0);
        doc.setHtml(label->text());
        width = qCeil(doc.idealWidth());
        doc.setTextWidth(width);
        height = qCeil(doc.size().height());
    } else {
        const QFontMetrics metrics(label->font());
        const QString text = label->buddy() ? withoutMnemonic(label->text()) : label->text();
        const QStringList lines = text.split(QLatin1Char('\n'));
        for (const QString &line : lines)
            width = qMax(width, metrics.horizontalAdvance(line));
        height = int(lines.size()) * metrics.height() + int(lines.size() - 1) * metrics.leading();
    }
    const int available = contents.width() - 2 * label->margin() - qMax(0, label->indent());
    if (width > available)
        add(Kind::Cut, label, QStringLiteral("text is %1 px wide, the label shows %2").arg(width).arg(available));
    else if (height > contents.height() - 2 * label->margin())
        add(Kind::Cut, label,
            QStringLiteral("text is %1 px high, the label shows %2").arg(height).arg(contents.height() - 2 * label->margin()));
}

void Auditor::checkButton(const QAbstractButton *button)
{
    if (button->text().isEmpty() && button->icon().isNull())
        return;
    int needed = button->sizeHint().width();
    if (const auto *push = qobject_cast<const QPushButton *>(button)) {
        // Styles give short buttons a minimum width (Fusion: 80 px) that their text does not need.
        QStyleOptionButton option;
        option.initFrom(push);
        option.text = push->text();
        option.icon = push->icon();
        option.iconSize = push->iconSize();
        if (push->autoDefault() || push->isDefault())
            option.features |= QStyleOptionButton::AutoDefaultButton;
        if (push->menu())
            option.features |= QStyleOptionButton::HasMenu;
        const QStyle *style = push->style();
        int content = push->fontMetrics().size(Qt::TextShowMnemonic, push->text()).width();
        if (!push->icon().isNull())
            content += push->iconSize().width() + (push->text().isEmpty() ? 0 : 4);
        if (push->menu())
            content += style->pixelMetric(QStyle::PM_MenuButtonIndicator, &option, push);
        const int frame = 2 * style->pixelMetric(QStyle::PM_DefaultFrameWidth, &option, push);
        int bare = content + style->pixelMetric(QStyle::PM_ButtonMargin, &option, push) + frame;
        if (option.features & QStyleOptionButton::AutoDefaultButton)
            bare += 2 * style->pixelMetric(QStyle::PM_ButtonDefaultIndicator, &option, push);
        needed = qMin(needed, bare);
    }
    if (needed > button->width())
        add(Kind::Cut, button, QStringLiteral("needs %1 px of width, has %2").arg(needed).arg(button->width()));
}

void Auditor::checkCombo(const QComboBox *combo)
{
    const QString text = combo->currentText();
    if (text.isEmpty())
        return;
    QStyleOptionComboBox option;
    option.initFrom(combo);
    option.editable = combo->isEditable();
    option.frame = combo->hasFrame();
    option.currentText = text;
    option.currentIcon = combo->itemIcon(combo->currentIndex());
    option.iconSize = combo->iconSize();
    option.subControls = QStyle::SC_All;
    const QRect edit = combo->style()->subControlRect(QStyle::CC_ComboBox, &option, QStyle::SC_ComboBoxEditField, combo);
    int available = edit.width() - 2; // the label is drawn 1 px in from each side
    if (!option.currentIcon.isNull())
        available -= option.iconSize.width() + 4;
    const int width = combo->fontMetrics().horizontalAdvance(text);
    if (width > available)
        add(Kind::Cut, combo, QStringLiteral("shown choice is %1 px wide, the box shows %2").arg(width).arg(available));
}

void Auditor::checkGroupBox(const QGroupBox *box)
{
    if (box->title().isEmpty())
        return;
    QStyleOptionGroupBox option;
    option.initFrom(box);
    option.text = box->title();
    option.lineWidth = 1;
    option.midLineWidth = 0;
    option.textAlignment = Qt::Alignment(box->alignment());
    option.subControls = QStyle::SC_GroupBoxFrame | QStyle::SC_GroupBoxLabel;
    if (box->isCheckable())
        option.subControls |= QStyle::SC_GroupBoxCheckBox;
    if (box->isFlat())
        option.features |= QStyleOptionFrame::Flat;
    const QRect label = box->style()->subControlRect(QStyle::CC_GroupBox, &option, QStyle::SC_GroupBoxLabel, box);
    if (!box->rect().contains(label))
        add(Kind::Cut, box,
            QStringLiteral("title needs %1 px of width, the box has %2").arg(label.right() + 1).arg(box->width()));
}

void Auditor::checkTabBar(const QTabBar *bar)
{
    const QStyle *style = bar->style();
    for (int i = 0; i < bar->count(); ++i) {
        if (!bar->isTabVisible(i))
            continue;
        const QRect rect = bar->tabRect(i);
        const QString text = bar->tabText(i);
        const QString name = QStringLiteral("tab \"%1\"").arg(withoutMnemonic(text));
        if (!bar->rect().contains(rect)) {
            add(Kind::Cut, bar, name + QStringLiteral(" is hidden behind the tab bar's arrows"));
            continue;
        }
        QStyleOptionTab option;
        option.initFrom(bar);
        option.shape = bar->shape();
        option.text = text;
        int needed = bar->fontMetrics().size(Qt::TextShowMnemonic, text).width()
            + style->pixelMetric(QStyle::PM_TabBarTabHSpace, &option, bar);
        if (!bar->tabIcon(i).isNull())
            needed += bar->iconSize().width() + 4;
        if (bar->tabButton(i, QTabBar::RightSide))
            needed += bar->tabButton(i, QTabBar::RightSide)->width();
        if (bar->tabButton(i, QTabBar::LeftSide))
            needed += bar->tabButton(i, QTabBar::LeftSide)->width();
        const bool vertical = bar->shape() == QTabBar::RoundedWest || bar->shape() == QTabBar::RoundedEast
            || bar->shape() == QTabBar::TriangularWest || bar->shape() == QTabBar::TriangularEast;
        const int has = vertical ? rect.height() : rect.width();
        if (needed > has)
            add(Kind::Cut, bar, name + QStringLiteral(" needs %1 px, has %2").arg(needed).arg(has));
    }
}

void Auditor::checkHeader(const QHeaderView *header)
{
    const QAbstractItemModel *model = header->model();
    if (!model)
        return;
    const bool horizontal = header->orientation() == Qt::Horizontal;
    const QStyle *style = header->style();
    const int margin = style->pixelMetric(QStyle::PM_HeaderMargin, nullptr, header);
    const QRect viewport = header->viewport()->rect();
    for (int logical = 0; logical < header->count(); ++logical) {
        if (header->isSectionHidden(logical) || header->sectionSize(logical) <= 0)
            continue;
        const int position = header->sectionViewportPosition(logical);
        const int size = header->sectionSize(logical);
        const QRect section = horizontal ? QRect(position, 0, size, header->height()) : QRect(0, position, header->width(), size);
        if (!viewport.intersects(section))
            continue;
        const QString text = model->headerData(logical, header->orientation(), Qt::DisplayRole).toString();
        if (text.isEmpty())
            continue;
        // A column that runs past the table's right edge is cut, header and rows, until one
        // scrolls sideways ("Airtel Ken").
        if (horizontal && section.right() > viewport.right()) {
            add(Kind::Cut, header,
                QStringLiteral("column \"%1\" runs %2 px past the table's right edge (it shows only when one scrolls sideways)")
                    .arg(shortText(text))
                    .arg(section.right() - viewport.right()));
            continue;
        }
        QFont font = header->font();
        const QVariant fontRole = model->headerData(logical, header->orientation(), Qt::FontRole);
        if (fontRole.canConvert<QFont>())
            font = qvariant_cast<QFont>(fontRole).resolve(font);
        const QFontMetrics metrics(font);
        int needed = 2 * margin;
        const QStringList lines = text.split(QLatin1Char('\n'));
        int textWidth = 0;
        for (const QString &line : lines)
            textWidth = qMax(textWidth, metrics.horizontalAdvance(line));
        needed += horizontal ? textWidth : int(lines.size()) * metrics.height();
        if (header->isSortIndicatorShown() && header->sortIndicatorSection() == logical)
            needed += (horizontal ? header->height() : header->width()) / 2;
        if (needed > size)
            add(Kind::Cut, header,
                QStringLiteral("column \"%1\" needs %2 px, has %3").arg(shortText(text)).arg(needed).arg(size));
    }
}

void Auditor::checkItemView(const QAbstractItemView *view)
{
    const QAbstractItemModel *model = view->model();
    if (!model)
        return;
    const QRect viewport = view->viewport()->rect();
    QStyleOptionViewItem base;
    base.initFrom(view);
    base.state &= ~QStyle::State_HasFocus;
    base.font = view->font();
    base.fontMetrics = view->fontMetrics();
    base.widget = view;
    base.locale = view->locale();
    base.textElideMode = view->textElideMode();
    base.displayAlignment = Qt::AlignLeft | Qt::AlignVCenter;
    base.decorationAlignment = Qt::AlignCenter;
    base.decorationPosition = QStyleOptionViewItem::Left;
    const int iconExtent = view->style()->pixelMetric(QStyle::PM_SmallIconSize, nullptr, view);
    base.decorationSize = view->iconSize().isValid() ? view->iconSize() : QSize(iconExtent, iconExtent);
    bool wrap = false;
    bool scrollsSideways = view->horizontalScrollBar()->isVisible();
    const auto *tree = qobject_cast<const QTreeView *>(view);
    const auto *table = qobject_cast<const QTableView *>(view);
    const auto *list = qobject_cast<const QListView *>(view);
    if (tree)
        wrap = tree->wordWrap();
    else if (table)
        wrap = table->wordWrap();
    else if (list) {
        wrap = list->wordWrap();
        if (list->viewMode() == QListView::IconMode)
            base.decorationPosition = QStyleOptionViewItem::Top;
    }
    if (wrap)
        base.features |= QStyleOptionViewItem::WrapText;

    const auto columnHidden = [&](int column) {
        return (tree && tree->isColumnHidden(column)) || (table && table->isColumnHidden(column))
            || (list && column != list->modelColumn());
    };
    const auto check = [&](const QModelIndex &index) {
        const QRect rect = view->visualRect(index);
        if (!rect.isValid() || !viewport.intersects(rect))
            return;
        const QString text = index.data(Qt::DisplayRole).toString();
        if (text.isEmpty())
            return;
        QAbstractItemDelegate *delegate = view->itemDelegateForIndex(index);
        if (!delegate)
            return;
        QStyleOptionViewItem option = base;
        option.rect = rect;
        const QSize needed = delegate->sizeHint(option, index);
        const int row = index.row() + 1;
        if (wrap ? needed.height() > rect.height() : needed.width() > rect.width()) {
            // A list wider than its view scrolls sideways to show the rest.
            if (list && scrollsSideways)
                return;
            const QString where = QStringLiteral("row %1").arg(row)
                + (model->columnCount(index.parent()) > 1 ? QStringLiteral(", column %1").arg(index.column() + 1) : QString());
            add(Kind::Cut, view,
                QStringLiteral("%1 \"%2\" needs %3 px, has %4")
                    .arg(where, shortText(text))
                    .arg(wrap ? needed.height() : needed.width())
                    .arg(wrap ? rect.height() : rect.width()));
        }
    };

    if (tree) {
        // Expanded children too, in the order they are shown, until below the visible part.
        for (QModelIndex index = model->index(0, 0, tree->rootIndex()); index.isValid(); index = tree->indexBelow(index)) {
            const QRect rect = tree->visualRect(index);
            if (rect.top() > viewport.bottom())
                break;
            for (int column = 0; column < model->columnCount(index.parent()); ++column) {
                if (!columnHidden(column))
                    check(index.siblingAtColumn(column));
            }
        }
        return;
    }
    const QModelIndex root = view->rootIndex();
    const int rows = model->rowCount(root);
    const int columns = model->columnCount(root);
    for (int row = 0; row < rows; ++row) {
        if (table && table->isRowHidden(row))
            continue;
        if (list && list->isRowHidden(row))
            continue;
        for (int column = 0; column < columns; ++column) {
            if (!columnHidden(column))
                check(model->index(row, column, root));
        }
        const QRect first = view->visualRect(model->index(row, 0, root));
        if (first.isValid() && first.top() > viewport.bottom() && (!list || list->flow() == QListView::TopToBottom))
            break;
    }
}

void Auditor::checkName(const QWidget *widget)
{
    QAccessibleInterface *accessible = QAccessible::queryAccessibleInterface(const_cast<QWidget *>(widget));
    if (accessible && !accessible->text(QAccessible::Name).trimmed().isEmpty())
        return;
    // Qt names edits, combo and spin boxes after their buddy label, buttons after their text; item
    // views (lists, tables, trees) take nothing from a label, and placeholder text is no name.
    QString fix;
    if (qobject_cast<const QAbstractItemView *>(widget))
        fix = QStringLiteral("lists and tables take no name from a label: setAccessibleName");
    else if (qobject_cast<const QAbstractButton *>(widget))
        fix = QStringLiteral("a button without text: setAccessibleName");
    else
        fix = QStringLiteral("its label needs setBuddy, or setAccessibleName");
    add(Kind::Nameless, widget, QStringLiteral("no accessible name (%1)").arg(fix));
}

void Auditor::checkKeyboard(const QList<QWidget *> &interactive)
{
    // What Tab visits, walking the focus chain from the window as QWidget::focusNextPrevChild does.
    QSet<const QWidget *> reached;
    for (QWidget *w = m_window->nextInFocusChain(); w && w != m_window; w = w->nextInFocusChain()) {
        if (w->window() == m_window && (w->focusPolicy() & Qt::TabFocus) && w->isVisible() && w->isEnabled() && !w->focusProxy())
            reached.insert(w);
    }
    // Actions in the menu bar are reached with Alt and the arrow keys.
    QSet<const QAction *> inMenus;
    if (const auto *menuBar = m_window->findChild<QMenuBar *>()) {
        QList<QAction *> pending = menuBar->actions();
        while (!pending.isEmpty()) {
            QAction *action = pending.takeFirst();
            inMenus.insert(action);
            if (action->menu())
                pending += action->menu()->actions();
        }
    }
    for (const QWidget *widget : interactive) {
        const QWidget *target = widget;
        while (target->focusProxy())
            target = target->focusProxy();
        if (reached.contains(target))
            continue;
        // Of exclusive radio buttons Tab visits only the checked one (Qt takes TabFocus from the
        // others); the arrow keys move between them.
        if (const auto *button = qobject_cast<const QAbstractButton *>(widget)) {
            if (button->isCheckable() && (button->autoExclusive() || (button->group() && button->group()->exclusive()))) {
                QList<QAbstractButton *> together = button->group() ? button->group()->buttons() : QList<QAbstractButton *>();
                if (!button->group() && button->parentWidget())
                    together = button->parentWidget()->findChildren<QAbstractButton *>(Qt::FindDirectChildrenOnly);
                const bool groupReached = std::any_of(together.cbegin(), together.cend(), [&](const QAbstractButton *other) {
                    return other != button && reached.contains(other)
                        && (button->group() || (other->isCheckable() && other->autoExclusive()));
                });
                if (groupReached)
                    continue;
            }
        }
        if (const auto *tool = qobject_cast<const QToolButton *>(widget)) {
            const QAction *action = tool->defaultAction();
            if (action && (inMenus.contains(action) || !action->shortcut().isEmpty()))
                continue;
        }
        add(Kind::NoKeyboard, widget, QStringLiteral("cannot be reached with the Tab key"));
    }
}

QList<AuditFinding> Auditor::run()
{
    QList<QWidget *> interactive;
    const QList<QWidget *> widgets = m_root->findChildren<QWidget *>();
    for (QWidget *widget : widgets) {
        if (widget->window() != m_window || !widget->isVisible() || visiblePart(widget, m_window).isEmpty())
            continue;
        const bool showsText = qobject_cast<QLabel *>(widget) || qobject_cast<QAbstractButton *>(widget)
            || qobject_cast<QComboBox *>(widget) || qobject_cast<QGroupBox *>(widget);
        if (showsText && !isPartOfAnother(widget) && !shownText(widget).isEmpty() && cutByContainer(widget, m_window))
            add(Kind::Cut, widget, QStringLiteral("sticks out of its container: part of it is never shown"));
        else if (auto *label = qobject_cast<QLabel *>(widget))
            checkLabel(label);
        else if (auto *button = qobject_cast<QAbstractButton *>(widget)) {
            if (!isPartOfAnother(button))
                checkButton(button);
        } else if (auto *combo = qobject_cast<QComboBox *>(widget))
            checkCombo(combo);
        else if (auto *box = qobject_cast<QGroupBox *>(widget))
            checkGroupBox(box);
        else if (auto *bar = qobject_cast<QTabBar *>(widget))
            checkTabBar(bar);
        else if (auto *header = qobject_cast<QHeaderView *>(widget))
            checkHeader(header);
        else if (auto *view = qobject_cast<QAbstractItemView *>(widget))
            checkItemView(view);

        if (isInteractive(widget) && widget->isEnabled()) {
            interactive.append(widget);
            if (widget->focusPolicy() != Qt::NoFocus)
                checkName(widget);
        }
    }
    checkKeyboard(interactive);
    return m_findings;
}

} // namespace

QString AuditFinding::toString() const
{
    const char *what = kind == Kind::Cut ? "cut" : kind == Kind::Nameless ? "no name" : "no keyboard";
    return QStringLiteral("[%1] %2: %3").arg(QLatin1String(what), path, problem);
}

QList<AuditFinding> LayoutAudit::run(QWidget *root)
{
    return Auditor(root).run();
}

QString LayoutAudit::format(const QList<AuditFinding> &findings)
{
    QStringList lines;
    for (const AuditFinding &finding : findings)
        lines.append(finding.toString());
    return lines.join(QLatin1Char('\n'));
}

} // namespace kengele::test
