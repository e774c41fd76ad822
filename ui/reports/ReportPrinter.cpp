// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportPrinter.h"

#include "ReportChartObjects.h"
#include "ReportFonts.h"
#include "settings/Settings.h"

#include "common/Log.h"

#include <QAbstractTextDocumentLayout>
#include <QFileInfo>
#include <QImageReader>
#include <QPagedPaintDevice>
#include <QPainter>
#include <QTextCursor>
#include <QTextDocument>
#include <QTextTable>

#include <cmath>

Q_GUI_EXPORT int qt_defaultDpiY(); // QtGui's, the resolution text formats' lengths are in

namespace kengele {

namespace {

constexpr qreal MarginMm = 15;
constexpr qreal BodyPoints = 9.5;
const QColor Ink(0x20, 0x20, 0x20);
const QColor Quiet(0x60, 0x60, 0x60);
const QColor Rule(0xb0, 0xb0, 0xb0);
const QColor HeaderFill(0xe8, 0xec, 0xf0);
const QColor TotalsFill(0xf4, 0xf4, 0xf4);

qreal mmToDevice(qreal mm, const QPagedPaintDevice &device)
{
    return mm / 25.4 * device.logicalDpiX();
}

bool rightAligned(ReportColumn::Kind kind)
{
    return kind != ReportColumn::Kind::Text;
}

QTextCharFormat charFormat(qreal points, bool bold, const QColor &colour, bool italic = false)
{
    QTextCharFormat format;
    QFont font = ReportFonts::font(points, bold);
    font.setItalic(italic);
    format.setFont(font);
    format.setForeground(colour);
    return format;
}

QTextBlockFormat blockFormat(qreal top, qreal bottom, Qt::Alignment alignment = Qt::AlignLeft)
{
    QTextBlockFormat format;
    format.setTopMargin(top);
    format.setBottomMargin(bottom);
    format.setAlignment(alignment);
    return format;
}

// Each column's share of the width, measured in the table's fonts (on the device): a number, date
// or title word never wraps; the texts share what is left by their widths, and wrap when long.
QList<QTextLength> columnWidths(const ReportTable &table, const QLocale &locale, qreal available, qreal padding,
                                const QPaintDevice *device)
{
    constexpr qsizetype Sampled = 200;
    const QFontMetricsF body(ReportFonts::font(BodyPoints, false, device));
    const QFontMetricsF bold(ReportFonts::font(BodyPoints, true, device));
    QList<qreal> needs;
    qreal fixed = 0;
    qreal texts = 0;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        const ReportColumn &column = table.columns.at(c);
        qreal need = 0;
        for (const QString &word : column.title.split(u' ', Qt::SkipEmptyParts))
            need = qMax(need, bold.horizontalAdvance(word));
        const auto measure = [&](const QVariantList &row, const QFontMetricsF &metrics) {
            need = qMax(need, metrics.horizontalAdvance(ReportPrinter::valueText(row.value(c), column.kind, locale)));
        };
        for (qsizetype r = 0; r < qMin(Sampled, table.rows.size()); ++r)
            measure(table.rows.at(r), body);
        measure(table.totals, bold);
        need += 2 * padding + body.averageCharWidth();
        needs << need;
        (column.kind == ReportColumn::Kind::Text ? texts : fixed) += need;
    }
    // Texts get what the rest leave, at least a third of the width (or what they need, when less);
    // the others shrink alike when that is not enough, and share the width when there is no text.
    const qreal forTexts = texts > 0 ? qMax(available - fixed, qMin(texts, available / 3)) : 0;
    const qreal scale = fixed <= 0 ? 1 : texts > 0 ? qMin<qreal>(1, (available - forTexts) / fixed) : available / fixed;
    QList<QTextLength> lengths;
    for (qsizetype c = 0; c < table.columns.size(); ++c) {
        const bool text = table.columns.at(c).kind == ReportColumn::Kind::Text;
        const qreal share = text ? forTexts * needs.at(c) / texts : needs.at(c) * scale;
        lengths << QTextLength(QTextLength::PercentageLength, 100 * share / available);
    }
    return lengths;
}

void insertTable(QTextCursor &cursor, const ReportTable &table, const QLocale &locale, qreal pt, qreal width,
                 const QPaintDevice *device)
{
    const int columns = int(table.columns.size());
    if (columns == 0)
        return;
    const bool totals = !table.totals.isEmpty();
    const int rows = 1 + int(table.rows.size()) + (totals ? 1 : 0);

    QTextTableFormat format;
    format.setHeaderRowCount(1); // repeated at the top of every page the table spans
    format.setBorder(0.5 * pt);
    format.setBorderBrush(Rule);
    format.setBorderStyle(QTextFrameFormat::BorderStyle_Solid);
    format.setBorderCollapse(true);
    format.setCellPadding(2 * pt);
    format.setCellSpacing(0);
    format.setWidth(QTextLength(QTextLength::PercentageLength, 100));
    format.setColumnWidthConstraints(columnWidths(table, locale, width, 2 * device->logicalDpiX() / 72.0, device));
    QTextTable *t = cursor.insertTable(rows, columns, format);

    const QTextCharFormat header = charFormat(BodyPoints, true, Ink);
    const QTextCharFormat body = charFormat(BodyPoints, false, Ink);
    const QTextCharFormat bold = charFormat(BodyPoints, true, Ink);
    QTextBlockFormat left;
    left.setAlignment(Qt::AlignLeft);
    QTextBlockFormat right;
    right.setAlignment(Qt::AlignRight);

    const auto put = [&](int row, int column, const QString &text, const QTextCharFormat &chars, const QColor &fill) {
        QTextTableCell cell = t->cellAt(row, column);
        if (fill.isValid()) {
            QTextTableCellFormat cellFormat = cell.format().toTableCellFormat();
            cellFormat.setBackground(fill);
            cell.setFormat(cellFormat);
        }
        QTextCursor at = cell.firstCursorPosition();
        at.setBlockFormat(rightAligned(table.columns.at(column).kind) ? right : left);
        at.insertText(text, chars);
    };
    for (int c = 0; c < columns; ++c)
        put(0, c, table.columns.at(c).title, header, HeaderFill);
    int row = 1;
    for (const QVariantList &values : table.rows) {
        for (int c = 0; c < columns; ++c)
            put(row, c, ReportPrinter::valueText(values.value(c), table.columns.at(c).kind, locale), body, QColor());
        ++row;
    }
    if (totals) {
        for (int c = 0; c < columns; ++c) {
            QString text = ReportPrinter::valueText(table.totals.value(c), table.columns.at(c).kind, locale);
            if (c == 0 && text.isEmpty())
                text = ReportPrinter::tr("Total");
            put(row, c, text, bold, TotalsFill);
        }
    }
    cursor = t->lastCursorPosition();
    cursor.movePosition(QTextCursor::NextBlock);
}

} // namespace

ReportPageSetup ReportPageSetup::fromSettings(const Settings &settings)
{
    ReportPageSetup setup;
    setup.organisationName = settings.organisationName();
    const QString logo = settings.organisationLogo();
    if (!logo.isEmpty()) {
        QImageReader reader(logo);
        reader.setAutoTransform(true);
        setup.logo = reader.read();
        if (setup.logo.isNull())
            qCWarning(lcUi) << "the organisation's logo cannot be read:" << reader.errorString();
    }
    return setup;
}

QPageLayout ReportPageSetup::pageLayout() const
{
    return QPageLayout(QPageSize(pageSize), QPageLayout::Portrait, QMarginsF(MarginMm, MarginMm, MarginMm, MarginMm),
                       QPageLayout::Millimeter);
}

QString ReportPrinter::valueText(const QVariant &value, ReportColumn::Kind kind, const QLocale &locale)
{
    if (value.isNull() || !value.isValid())
        return {};
    using K = ReportColumn::Kind;
    switch (kind) {
    case K::Text:
        return value.toString();
    case K::Count:
        return locale.toString(value.toLongLong());
    case K::Number: {
        const double v = value.toDouble();
        const double rounded = std::round(v * 100) / 100;
        const bool whole = std::fabs(rounded - std::round(rounded)) < 1e-9;
        return locale.toString(rounded, 'f', whole ? 0 : (std::fabs(rounded * 10 - std::round(rounded * 10)) < 1e-9 ? 1 : 2));
    }
    case K::Percent:
        return locale.toString(value.toDouble(), 'f', 1) + locale.percent();
    case K::Money:
        return locale.toString(value.toDouble(), 'f', 2);
    case K::Date:
        return locale.toString(value.toDate(), QLocale::ShortFormat);
    case K::DateTime:
        return locale.toString(value.toDateTime().toLocalTime(), QLocale::ShortFormat);
    }
    return value.toString();
}

Result<int> ReportPrinter::print(const ReportDocument &document, const ReportPageSetup &setup, QPagedPaintDevice &device)
{
    const QRect paintRect = device.pageLayout().paintRectPixels(device.logicalDpiX());
    const qreal width = paintRect.width();
    const qreal height = paintRect.height();
    const qreal unit = device.logicalDpiX() / 72.0; // one point, in device pixels
    // One point in the lengths of text formats (margins, padding, borders): the document's layout
    // takes those in pixels of the screen's resolution and scales them to the device itself.
    const qreal pt = qt_defaultDpiY() / 72.0;
    const QFont nameFont = ReportFonts::font(11, true, &device);
    const QFont smallFont = ReportFonts::font(8, false, &device);
    const qreal logoHeight = mmToDevice(12, device);
    const qreal headerHeight = qMax<qreal>(logoHeight, QFontMetricsF(nameFont).height() * 1.2) + mmToDevice(5, device);
    const qreal footerHeight = QFontMetricsF(smallFont).height() + mmToDevice(4, device);
    const qreal bodyHeight = height - headerHeight - footerHeight;
    if (width <= 0 || bodyHeight <= width * 0.1)
        return fail(ErrorCode::InvalidInput, tr("The page is too small to print this report on."));

    QTextDocument text;
    text.documentLayout()->setPaintDevice(&device);
    text.setDocumentMargin(0);
    text.setDefaultFont(ReportFonts::font(BodyPoints));
    text.setPageSize(QSizeF(width, bodyHeight));
    auto *charts = new ReportChartObjects(&text, ReportChartStyle::forPrint());

    QTextCursor cursor(&text);
    // One edit: the document is laid out once at the end, not after every cell (which is quadratic).
    cursor.beginEditBlock();
    cursor.setBlockFormat(blockFormat(0, 2 * pt));
    cursor.insertText(document.title, charFormat(18, true, Ink));
    if (!document.subtitle.isEmpty()) {
        cursor.insertBlock(blockFormat(0, 6 * pt));
        cursor.insertText(document.subtitle, charFormat(10.5, false, Quiet));
    }
    for (const ReportSection &section : document.sections) {
        if (!section.heading.isEmpty()) {
            QTextBlockFormat heading = blockFormat(12 * pt, 4 * pt);
            heading.setPageBreakPolicy(QTextFormat::PageBreak_Auto);
            cursor.insertBlock(heading);
            cursor.insertText(section.heading, charFormat(13, true, Ink));
        }
        if (section.chart) {
            cursor.insertBlock(blockFormat(2 * pt, 6 * pt, Qt::AlignHCenter));
            const qreal chartWidth
                = qMin(width, bodyHeight * 0.6 * ReportChartObjects::ChartWidth / ReportChartObjects::ChartHeight);
            ReportChart chart = *section.chart;
            if (chart.title == section.heading)
                chart.title.clear(); // said just above
            cursor.insertText(QString(QChar::ObjectReplacementCharacter), charts->add(chart, chartWidth));
        }
        if (section.table) {
            if (!section.table->title.isEmpty()) {
                cursor.insertBlock(blockFormat(4 * pt, 2 * pt));
                cursor.insertText(section.table->title, charFormat(10.5, true, Ink));
            }
            cursor.insertBlock(blockFormat(0, 0));
            insertTable(cursor, *section.table, setup.locale, pt, width, &device);
        }
        if (!section.note.isEmpty()) {
            cursor.insertBlock(blockFormat(4 * pt, 2 * pt));
            cursor.insertText(section.note, charFormat(8.5, false, Quiet, true));
        }
    }

    cursor.endEditBlock();

    const int pages = text.pageCount();
    const QString generated = tr("Generated %1")
                                  .arg(setup.locale.toString(document.generatedAt.toLocalTime(),
                                                             setup.locale.dateFormat(QLocale::LongFormat) + u' '
                                                                 + setup.locale.timeFormat(QLocale::ShortFormat)));
    const QString heading = setup.organisationName.isEmpty() ? document.title : setup.organisationName;
    const QString title = setup.organisationName.isEmpty() ? QString() : document.title;

    QPainter painter;
    if (!painter.begin(&device))
        return fail(ErrorCode::Io, tr("Kengele could not start printing the report."));
    for (int page = 0; page < pages; ++page) {
        if (page > 0 && !device.newPage()) {
            painter.end();
            return fail(ErrorCode::Io, tr("Kengele could not add page %1 to the report.").arg(page + 1));
        }
        // The header: logo, the church's name, the report's title on the right, a rule.
        qreal x = 0;
        if (!setup.logo.isNull()) {
            const QSizeF size = QSizeF(setup.logo.size()).scaled(QSizeF(logoHeight * 4, logoHeight), Qt::KeepAspectRatio);
            painter.drawImage(QRectF(QPointF(0, 0), size), setup.logo);
            x = size.width() + mmToDevice(3, device);
        }
        const qreal ruleY = headerHeight - mmToDevice(3, device);
        painter.setPen(Ink);
        painter.setFont(nameFont);
        const QRectF nameRect(x, 0, width * 0.6 - x, ruleY);
        painter.drawText(nameRect, Qt::AlignLeft | Qt::AlignVCenter,
                         QFontMetricsF(nameFont).elidedText(heading, Qt::ElideRight, nameRect.width()));
        painter.setFont(smallFont);
        painter.setPen(Quiet);
        const QRectF titleRect(width * 0.6, 0, width * 0.4, ruleY);
        painter.drawText(titleRect, Qt::AlignRight | Qt::AlignVCenter,
                         QFontMetricsF(smallFont).elidedText(title, Qt::ElideLeft, titleRect.width()));
        painter.setPen(QPen(Rule, 0.5 * unit));
        painter.drawLine(QPointF(0, ruleY), QPointF(width, ruleY));

        // The body: this page's slice of the laid-out document.
        painter.save();
        painter.translate(0, headerHeight);
        painter.translate(0, -page * bodyHeight);
        text.drawContents(&painter, QRectF(0, page * bodyHeight, width, bodyHeight));
        painter.restore();

        // The footer: when, and which page.
        const qreal footerTop = height - footerHeight + mmToDevice(2, device);
        painter.setPen(QPen(Rule, 0.5 * unit));
        painter.drawLine(QPointF(0, footerTop), QPointF(width, footerTop));
        painter.setPen(Quiet);
        painter.setFont(smallFont);
        const QRectF footer(0, footerTop, width, height - footerTop);
        painter.drawText(footer, Qt::AlignLeft | Qt::AlignBottom, generated);
        painter.drawText(footer, Qt::AlignRight | Qt::AlignBottom, tr("Page %1 of %2").arg(page + 1).arg(pages));
    }
    if (!painter.end())
        return fail(ErrorCode::Io, tr("Kengele could not finish printing the report."));
    return pages;
}

} // namespace kengele
