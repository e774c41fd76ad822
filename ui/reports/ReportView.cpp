// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportView.h"

#include "ReportChartBuilder.h"
#include "ReportTableModel.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "widgets/Banner.h"

#include <QAbstractAxis>
#include <QBarCategoryAxis>
#include <QChart>
#include <QChartView>
#include <QEvent>
#include <QHeaderView>
#include <QLabel>
#include <QPieSeries>
#include <QScrollBar>
#include <QTableView>
#include <QVBoxLayout>

namespace kengele {

namespace {

constexpr int ChartHeight = 320;
constexpr int MostRowsShown = 14;

QString plainState(const QString &text)
{
    const std::optional<MessageState> state = messageStateFromText(text);
    return state ? CampaignText::messageState(*state) : text;
}

// On screen, months and weeks as short as they read clearly ("Mar 2026", "2 Mar"): the printed
// report keeps the long form.
ReportChart shortLabels(ReportChart chart)
{
    if (chart.dimension != u"month" && chart.dimension != u"week")
        return chart;
    const QLocale locale;
    const bool many = chart.categories.size() > 6;
    for (int i = 0; i < chart.categories.size() && i < chart.categoryKeys.size(); ++i) {
        const QDate date = QDate::fromString(chart.categoryKeys.at(i), Qt::ISODate);
        if (date.isValid())
            chart.categories[i] = locale.toString(date,
                                                  chart.dimension == u"week" ? QStringLiteral("d MMM")
                                                      : many                 ? QStringLiteral("MMM yy")
                                                                             : QStringLiteral("MMM yyyy"));
    }
    return chart;
}

bool isEmpty(const ReportSection &section)
{
    const bool noTable = !section.table || section.table->rows.isEmpty();
    const bool noChart = !section.chart || section.chart->categories.isEmpty();
    return noTable && noChart;
}

} // namespace

ReportView::ReportView(QWidget *parent)
    : QScrollArea(parent)
{
    setObjectName(QStringLiteral("reportView"));
    setWidgetResizable(true);
    setFrameShape(QFrame::NoFrame);
    m_page = new QWidget(this);
    m_page->setObjectName(QStringLiteral("reportPage"));

    m_title = new QLabel(m_page);
    m_title->setObjectName(QStringLiteral("reportTitleLabel"));
    m_title->setWordWrap(true);
    m_title->setTextInteractionFlags(Qt::TextSelectableByMouse);
    QFont titleFont = m_title->font();
    titleFont.setPointSizeF(titleFont.pointSizeF() * 1.5);
    titleFont.setBold(true);
    m_title->setFont(titleFont);
    m_subtitle = new QLabel(m_page);
    m_subtitle->setObjectName(QStringLiteral("reportSubtitleLabel"));
    m_subtitle->setWordWrap(true);
    m_status = new QLabel(m_page);
    m_status->setObjectName(QStringLiteral("reportStatusLabel"));
    m_status->setWordWrap(true);
    m_status->setForegroundRole(QPalette::PlaceholderText);
    m_error = new Banner(Banner::Kind::Error, m_page);
    m_error->setObjectName(QStringLiteral("reportErrorBanner"));
    m_error->setWordWrap(true);
    m_error->hide();
    m_sections = new QWidget(m_page);
    m_sectionsLayout = new QVBoxLayout(m_sections);
    m_sectionsLayout->setContentsMargins(0, 0, 0, 0);
    m_sectionsLayout->setSpacing(18);

    auto *layout = new QVBoxLayout(m_page);
    layout->setContentsMargins(12, 8, 12, 12);
    layout->addWidget(m_title);
    layout->addWidget(m_subtitle);
    layout->addWidget(m_status);
    layout->addWidget(m_error);
    layout->addSpacing(6);
    layout->addWidget(m_sections);
    layout->addStretch(1);
    setWidget(m_page);
    m_placeholder = tr("Choose a report on the left.");
    rebuild();
}

void ReportView::setDocument(const ReportDocument &document)
{
    m_document = document;
    m_hasDocument = true;
    rebuild();
}

void ReportView::clear()
{
    m_document = {};
    m_hasDocument = false;
    rebuild();
}

void ReportView::setBusy(bool busy)
{
    m_busy = busy;
    updateStatus();
}

void ReportView::setError(const QString &message)
{
    m_error->setText(message);
    m_error->setVisible(!message.isEmpty());
}

void ReportView::setPlaceholder(const QString &text)
{
    m_placeholder = text;
    updateStatus();
}

void ReportView::setTitleShown(bool shown)
{
    m_titleShown = shown;
    rebuild();
}

void ReportView::changeEvent(QEvent *event)
{
    QScrollArea::changeEvent(event);
    // Qt Charts does not follow the palette: dark or light charts are built again.
    if ((event->type() == QEvent::PaletteChange || event->type() == QEvent::ApplicationPaletteChange) && m_hasDocument
        && !m_charts.isEmpty()) {
        const bool dark = palette().color(QPalette::Window).lightness() < 128;
        if (dark != (m_charts.constFirst()->chart()->theme() == QChart::ChartThemeDark))
            rebuild();
    }
}

ReportDocument ReportView::inPlainWords(ReportDocument document)
{
    for (ReportSection &section : document.sections) {
        bool states = false;
        if (section.table) {
            for (int c = 0; c < section.table->columns.size(); ++c) {
                if (section.table->columns.at(c).key != u"state")
                    continue;
                states = true;
                for (QVariantList &row : section.table->rows) {
                    if (c < row.size())
                        row[c] = plainState(row.at(c).toString());
                }
            }
        }
        if (section.chart && section.chart->seriesDimension == u"state") {
            // A stacked chart's series are states: their keys say which.
            for (qsizetype i = 0; i < section.chart->series.size() && i < section.chart->seriesKeys.size(); ++i)
                section.chart->series[i].name = plainState(section.chart->seriesKeys.at(i));
        } else if (section.chart && (states || section.chart->dimension == u"state")) {
            if (section.chart->dimension == u"state") {
                for (QString &category : section.chart->categories)
                    category = plainState(category);
            } else {
                for (ReportChart::Series &series : section.chart->series)
                    series.name = plainState(series.name);
            }
        }
    }
    return document;
}

void ReportView::rebuild()
{
    // Everything below the title is made again from the document.
    qDeleteAll(m_sections->findChildren<QWidget *>(Qt::FindDirectChildrenOnly));
    m_charts.clear();
    m_tables.clear();
    m_title->setVisible(m_titleShown && m_hasDocument);
    m_subtitle->setVisible(m_hasDocument && !m_document.subtitle.isEmpty());
    if (m_hasDocument) {
        m_title->setText(m_document.title);
        m_subtitle->setText(m_document.subtitle);
        for (int i = 0; i < m_document.sections.size(); ++i)
            m_sectionsLayout->addWidget(sectionWidget(m_document.sections.at(i), i));
    }
    updateStatus();
}

void ReportView::updateStatus()
{
    if (m_busy)
        m_status->setText(m_hasDocument ? tr("Working out the report again…") : tr("Working out the report…"));
    else
        m_status->setText(m_hasDocument ? QString() : m_placeholder);
    m_status->setVisible(!m_status->text().isEmpty());
}

QWidget *ReportView::sectionWidget(const ReportSection &section, int index)
{
    auto *box = new QWidget(m_sections);
    box->setObjectName(QStringLiteral("reportSection%1").arg(index));
    auto *layout = new QVBoxLayout(box);
    layout->setContentsMargins(0, 0, 0, 0);
    auto *heading = new QLabel(section.heading, box);
    heading->setObjectName(QStringLiteral("sectionHeadingLabel%1").arg(index));
    heading->setWordWrap(true);
    QFont headingFont = heading->font();
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    headingFont.setBold(true);
    heading->setFont(headingFont);
    layout->addWidget(heading);

    if (isEmpty(section)) {
        auto *nothing = new QLabel(tr("Nothing to show for this period."), box);
        nothing->setObjectName(QStringLiteral("sectionEmptyLabel%1").arg(index));
        nothing->setWordWrap(true);
        nothing->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(nothing);
    } else {
        if (section.chart && !section.chart->categories.isEmpty()) {
            QChart *chart = ReportChartBuilder::build(shortLabels(*section.chart), ReportChartStyle::forPalette(palette()));
            // A pie's legend names each slice with its share; labels beside small slices only got cut.
            for (QAbstractSeries *series : chart->series()) {
                if (auto *pie = qobject_cast<QPieSeries *>(series))
                    pie->setLabelsVisible(false);
            }
            // Many categories: their labels slant rather than being cut short.
            if (section.chart->kind != ReportChart::Kind::Pie && section.chart->categories.size() > 12) {
                for (QAbstractAxis *axis : chart->axes(Qt::Horizontal))
                    axis->setLabelsAngle(-40);
            }
            // The section's heading already says what the chart shows.
            chart->setTitle(QString());
            auto *view = new QChartView(chart, box);
            view->setObjectName(QStringLiteral("sectionChartView%1").arg(index));
            view->setAccessibleName(section.heading);
            view->setRenderHint(QPainter::Antialiasing);
            view->setFocusPolicy(Qt::NoFocus);
            view->setMinimumHeight(ChartHeight);
            view->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
            layout->addWidget(view);
            m_charts << view;
        }
        if (section.table && !section.table->columns.isEmpty()) {
            auto *model = new ReportTableModel(box);
            model->setTable(*section.table);
            auto *table = new QTableView(box);
            table->setObjectName(QStringLiteral("sectionTableView%1").arg(index));
            table->setAccessibleName(section.heading);
            table->setModel(model);
            table->setEditTriggers(QAbstractItemView::NoEditTriggers);
            table->setSelectionBehavior(QAbstractItemView::SelectRows);
            table->setAlternatingRowColors(true);
            table->setWordWrap(false);
            table->verticalHeader()->hide();
            table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
            table->horizontalHeader()->setStretchLastSection(true); // the slack up to its width
            table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 10);
            table->setHorizontalScrollBarPolicy(Qt::ScrollBarAsNeeded);
            table->setVerticalScrollBarPolicy(Qt::ScrollBarAsNeeded);
            // As high as its rows (up to a screenful), so the page scrolls rather than the table.
            const int rows = qMin(model->rowCount(), MostRowsShown);
            const int rowHeight = table->verticalHeader()->defaultSectionSize();
            table->setFixedHeight(table->horizontalHeader()->sizeHint().height() + rows * rowHeight + 2 * table->frameWidth()
                                  + (model->columnCount() > 4 ? table->horizontalScrollBar()->sizeHint().height() : 0));
            // As wide as its columns (a few numbers do not spread across the page), at most the page;
            // generous, as the style's margins are known only once it is shown: the last column
            // takes the slack.
            int width = 2 * table->frameWidth() + table->verticalScrollBar()->sizeHint().width() + 24;
            table->resizeColumnsToContents();
            for (int c = 0; c < model->columnCount(); ++c)
                width += table->columnWidth(c) + 30;
            // A table wider than the page makes the page scroll sideways rather than cut its columns.
            int least = 2 * table->frameWidth() + 8
                + (model->rowCount() > MostRowsShown ? table->verticalScrollBar()->sizeHint().width() : 0);
            for (int c = 0; c < model->columnCount(); ++c)
                least += table->columnWidth(c) + 14;
            table->setMinimumWidth(least);
            table->setSizeAdjustPolicy(QAbstractScrollArea::AdjustToContents);
            table->setMaximumWidth(qMax(width, least));
            table->setSizePolicy(QSizePolicy::Preferred, QSizePolicy::Fixed);
            layout->addWidget(table, 0, Qt::AlignLeft);
            m_tables << table;
        }
    }
    if (!section.note.isEmpty()) {
        auto *note = new QLabel(section.note, box);
        note->setObjectName(QStringLiteral("sectionNoteLabel%1").arg(index));
        note->setWordWrap(true);
        note->setForegroundRole(QPalette::PlaceholderText);
        layout->addWidget(note);
    }
    return box;
}

} // namespace kengele
