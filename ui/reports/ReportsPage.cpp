// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportsPage.h"

#include "MessageBox.h"
#include "ReportBuilderDialog.h"
#include "ReportPdfWriter.h"
#include "ReportPeriodPicker.h"
#include "ReportPrintPreview.h"
#include "ReportPrinter.h"
#include "ReportView.h"
#include "ScheduleReportDialog.h"
#include "ScheduledReportsDialog.h"
#include "campaigns/CampaignService.h"
#include "campaigns/CampaignText.h"
#include "common/Clock.h"
#include "importexport/ReportCsvWriter.h"
#include "importexport/ReportXlsxWriter.h"
#include "reports/BuiltInReports.h"
#include "reports/ReportRunner.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "sync/FeatureLocks.h"

#include <QApplication>
#include <QComboBox>
#include <QDir>
#include <QFileDialog>
#include <QFileInfo>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QListWidget>
#include <QPainter>
#include <QPrintPreviewDialog>
#include <QPushButton>
#include <QStandardPaths>
#include <QStyledItemDelegate>
#include <QVBoxLayout>
#include <QtConcurrentRun>

namespace kengele {

namespace {

enum ItemRole { KeyRole = Qt::UserRole, KindRole, DescriptionRole };
enum ItemKind { Heading, BuiltIn, Saved };

constexpr int ListWidth = 290;

// A report in the list: its title, and under it, smaller and quieter, what it shows (wrapped to
// the list's width).
class ReportListDelegate final : public QStyledItemDelegate
{
public:
    using QStyledItemDelegate::QStyledItemDelegate;

    QSize sizeHint(const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        QSize size = QStyledItemDelegate::sizeHint(option, index);
        const QString description = index.data(DescriptionRole).toString();
        if (!description.isEmpty())
            size.rheight() += descriptionRect(option, description).height() + 2;
        if (index.data(KindRole).toInt() == Heading)
            size.rheight() += 8;
        return size;
    }

    void paint(QPainter *painter, const QStyleOptionViewItem &option, const QModelIndex &index) const override
    {
        const QString description = index.data(DescriptionRole).toString();
        if (description.isEmpty()) {
            QStyledItemDelegate::paint(painter, option, index);
            return;
        }
        // The background and selection over the whole row, the title in its upper part.
        QStyleOptionViewItem background = option;
        initStyleOption(&background, index);
        background.text.clear();
        const QWidget *widget = option.widget;
        QStyle *style = widget ? widget->style() : QApplication::style();
        style->drawControl(QStyle::CE_ItemViewItem, &background, painter, widget);
        const QRect text = descriptionRect(option, description);
        QStyleOptionViewItem title = option;
        initStyleOption(&title, index);
        title.rect.setBottom(option.rect.bottom() - text.height() - 2);
        title.backgroundBrush = Qt::NoBrush;
        title.state &= ~QStyle::State_Selected;
        title.state &= ~QStyle::State_HasFocus;
        const bool selected = option.state & QStyle::State_Selected;
        if (selected)
            title.palette.setColor(QPalette::Text, option.palette.color(QPalette::HighlightedText));
        QStyledItemDelegate::paint(painter, title, index);
        painter->save();
        painter->setFont(smaller(option.font));
        painter->setPen(option.palette.color(selected ? QPalette::HighlightedText : QPalette::PlaceholderText));
        painter->drawText(QRect(option.rect.left() + 8, option.rect.bottom() - text.height() - 2, text.width(), text.height()),
                          Qt::AlignLeft | Qt::AlignTop | Qt::TextWordWrap, description);
        painter->restore();
    }

private:
    static QFont smaller(QFont font)
    {
        font.setPointSizeF(font.pointSizeF() * 0.9);
        return font;
    }

    // Where the description goes: the row's width, as many lines as it takes.
    static QRect descriptionRect(const QStyleOptionViewItem &option, const QString &description)
    {
        int width = option.rect.width();
        if (const auto *view = qobject_cast<const QAbstractItemView *>(option.widget))
            width = view->viewport()->width();
        width = qMax(120, width - 16);
        return QFontMetrics(smaller(option.font)).boundingRect(QRect(0, 0, width, 1000), Qt::TextWordWrap, description);
    }
};

} // namespace

ReportsPage::ReportsPage(const ReportServices &services, QWidget *parent)
    : QWidget(parent)
    , m_services(services)
{
    setObjectName(QStringLiteral("reportsPage"));

    auto *listLabel = new QLabel(tr("Reports"), this);
    QFont headingFont = listLabel->font();
    headingFont.setBold(true);
    headingFont.setPointSizeF(headingFont.pointSizeF() * 1.2);
    listLabel->setFont(headingFont);
    m_list = new QListWidget(this);
    m_list->setObjectName(QStringLiteral("reportList"));
    m_list->setAccessibleName(tr("Reports"));
    m_list->setItemDelegate(new ReportListDelegate(m_list));
    m_list->setTextElideMode(Qt::ElideRight);
    m_list->setSpacing(1);
    m_list->setResizeMode(QListView::Adjust);
    m_list->setWordWrap(true);
    listLabel->setBuddy(m_list);
    m_new = new QPushButton(tr("New report…"), this);
    m_new->setObjectName(QStringLiteral("newReportButton"));
    m_new->setToolTip(tr("Choose what to count, how to group it and over which period, and save it under a name."));
    m_edit = new QPushButton(tr("Edit…"), this);
    m_edit->setObjectName(QStringLiteral("editReportButton"));
    m_delete = new QPushButton(tr("Delete…"), this);
    m_delete->setObjectName(QStringLiteral("deleteReportButton"));
    auto *listButtons = new QHBoxLayout;
    listButtons->addWidget(m_new);
    listButtons->addWidget(m_edit);
    listButtons->addWidget(m_delete);
    m_schedules = new QPushButton(tr("Scheduled reports…"), this);
    m_schedules->setObjectName(QStringLiteral("scheduledReportsButton"));
    m_schedules->setToolTip(tr("The reports made by themselves: when, where to, how the last one went."));
    m_schedules->hide();
    auto *left = new QVBoxLayout;
    left->addWidget(listLabel);
    left->addWidget(m_list, 1);
    left->addLayout(listButtons);
    left->addWidget(m_schedules);
    auto *leftBox = new QWidget(this);
    leftBox->setLayout(left);
    left->setContentsMargins(0, 0, 0, 0);
    leftBox->setFixedWidth(qMax(ListWidth, left->sizeHint().width()));

    const QDate today = m_services.clock.nowUtc().toLocalTime().date();
    m_periodLabel = new QLabel(tr("Period:"), this);
    m_period = new ReportPeriodPicker(today, this);
    m_period->setObjectName(QStringLiteral("reportPeriodPicker"));
    m_periodLabel->setBuddy(m_period->combo());
    m_campaignLabel = new QLabel(tr("Campaign:"), this);
    m_campaign = new QComboBox(this);
    m_campaign->setObjectName(QStringLiteral("campaignCombo"));
    m_campaign->setAccessibleName(tr("Campaign"));
    m_campaign->setSizeAdjustPolicy(QComboBox::AdjustToContents);
    m_campaignLabel->setBuddy(m_campaign);
    auto *options = new QHBoxLayout;
    options->addWidget(m_periodLabel);
    options->addWidget(m_period);
    options->addSpacing(12);
    options->addWidget(m_campaignLabel);
    options->addWidget(m_campaign);
    options->addStretch(1);

    m_view = new ReportView(this);

    m_print = new QPushButton(tr("Print…"), this);
    m_print->setObjectName(QStringLiteral("printReportButton"));
    m_pdf = new QPushButton(tr("Save as PDF…"), this);
    m_pdf->setObjectName(QStringLiteral("savePdfButton"));
    m_paper = new QComboBox(this);
    m_paper->setObjectName(QStringLiteral("paperCombo"));
    m_paper->setAccessibleName(tr("Paper size"));
    m_paper->setToolTip(tr("The paper size of the PDF."));
    m_paper->addItem(tr("A4"), int(QPageSize::A4));
    m_paper->addItem(tr("Letter"), int(QPageSize::Letter));
    m_paper->setCurrentIndex(m_paper->findData(int(defaultPaper(QLocale::system()))));
    m_excel = new QPushButton(tr("Export to Excel…"), this);
    m_excel->setObjectName(QStringLiteral("exportExcelButton"));
    m_csv = new QPushButton(tr("Export to CSV…"), this);
    m_csv->setObjectName(QStringLiteral("exportCsvButton"));
    m_schedule = new QPushButton(tr("Schedule…"), this);
    m_schedule->setObjectName(QStringLiteral("scheduleReportButton"));
    m_schedule->setToolTip(tr("Have this report made by itself every day, week or month: as a PDF in a folder, or the "
                              "numbers by SMS to a group."));
    m_schedule->hide();
    m_done = new QLabel(this);
    m_done->setObjectName(QStringLiteral("exportStatusLabel"));
    m_done->setWordWrap(true);
    m_done->setTextInteractionFlags(Qt::TextSelectableByMouse);
    auto *outputs = new QHBoxLayout;
    outputs->addWidget(m_print);
    outputs->addWidget(m_pdf);
    outputs->addWidget(m_paper);
    outputs->addSpacing(12);
    outputs->addWidget(m_excel);
    outputs->addWidget(m_csv);
    outputs->addSpacing(12);
    outputs->addWidget(m_schedule);
    outputs->addWidget(m_done, 1);

    auto *right = new QVBoxLayout;
    right->setContentsMargins(0, 0, 0, 0);
    right->addLayout(options);
    right->addWidget(m_view, 1);
    right->addLayout(outputs);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftBox);
    layout->addLayout(right, 1);

    connect(m_list, &QListWidget::currentRowChanged, this, &ReportsPage::reportChosen);
    connect(m_list, &QListWidget::itemDoubleClicked, this, [this] {
        if (isSavedReport())
            editReport();
    });
    connect(m_period, &ReportPeriodPicker::periodChanged, this, &ReportsPage::run);
    connect(m_campaign, &QComboBox::currentIndexChanged, this, [this] {
        if (currentReport() == u"campaign")
            run();
    });
    connect(m_new, &QPushButton::clicked, this, &ReportsPage::newReport);
    connect(m_edit, &QPushButton::clicked, this, &ReportsPage::editReport);
    connect(m_delete, &QPushButton::clicked, this, &ReportsPage::deleteReport);
    connect(m_print, &QPushButton::clicked, this, [this] {
        if (QPrintPreviewDialog *dialog = printPreview())
            dialog->open();
    });
    connect(m_pdf, &QPushButton::clicked, this, &ReportsPage::askSavePdf);
    connect(m_excel, &QPushButton::clicked, this, [this] { askExport(FileFormat::Xlsx); });
    connect(m_csv, &QPushButton::clicked, this, [this] { askExport(FileFormat::Csv); });
    connect(m_schedule, &QPushButton::clicked, this, &ReportsPage::scheduleReport);
    connect(m_schedules, &QPushButton::clicked, this, &ReportsPage::showSchedules);

    reloadCampaigns();
    fillList();
    m_list->setCurrentRow(1); // the first built-in report, under its heading
}

ReportsPage::~ReportsPage()
{
    for (QFutureWatcherBase *watcher : findChildren<QFutureWatcherBase *>())
        watcher->waitForFinished();
}

void ReportsPage::setRoleGate(RoleGate &gate)
{
    m_gate = &gate;
    gate.gate(m_delete, Permission::EditContacts);
    gate.gate(m_schedule, Permission::EditContacts);
}

void ReportsPage::setSchedules(ReportSchedules *schedules, GroupService *groups)
{
    m_reportSchedules = schedules;
    m_groups = groups;
    m_schedules->setVisible(schedules && groups);
    updateControls();
}

QString ReportsPage::description(const QString &key)
{
    if (key == u"monthly-summary")
        return tr("Sent, delivered, failed, replies and costs, beside the period before.");
    if (key == u"campaign")
        return tr("One campaign from start to end: delivery, failures, replies.");
    if (key == u"failed-numbers")
        return tr("Numbers whose messages keep failing, to correct or remove.");
    if (key == u"opt-outs")
        return tr("Who asked for no more SMS, and after which campaign.");
    if (key == u"token-statement")
        return tr("Tokens bought and spent, per department budget.");
    return {};
}

void ReportsPage::fillList()
{
    const QString current = currentReport();
    const Result<QList<SavedReport>> saved = m_services.saved.list();
    m_savedReports = saved ? *saved : QList<SavedReport>();
    const QSignalBlocker blocker(m_list);
    m_list->clear();
    auto heading = [this](const QString &text) {
        auto *item = new QListWidgetItem(text, m_list);
        QFont font = m_list->font();
        font.setBold(true);
        item->setFont(font);
        item->setFlags(Qt::ItemIsEnabled);
        item->setData(KindRole, Heading);
    };
    heading(tr("Built-in reports"));
    for (const BuiltInReports::Entry &entry : BuiltInReports::entries()) {
        auto *item = new QListWidgetItem(entry.title, m_list);
        item->setData(KeyRole, entry.key);
        item->setData(KindRole, BuiltIn);
        item->setData(DescriptionRole, description(entry.key));
        item->setToolTip(description(entry.key));
    }
    heading(tr("Saved reports"));
    if (m_savedReports.isEmpty()) {
        auto *none = new QListWidgetItem(tr("None yet: “New report…” makes one."), m_list);
        none->setFlags(Qt::NoItemFlags);
        none->setData(KindRole, Heading);
    }
    for (const SavedReport &report : std::as_const(m_savedReports)) {
        auto *item = new QListWidgetItem(report.name, m_list);
        item->setData(KeyRole, report.name);
        item->setData(KindRole, Saved);
        item->setToolTip(report.name);
    }
    if (!current.isEmpty()) {
        for (int row = 0; row < m_list->count(); ++row) {
            if (m_list->item(row)->data(KindRole).toInt() != Heading && m_list->item(row)->data(KeyRole).toString() == current)
                m_list->setCurrentRow(row);
        }
    }
}

void ReportsPage::reloadCampaigns()
{
    const qint64 current = currentCampaign();
    const Result<QList<Campaign>> campaigns = m_services.campaigns.list();
    const QSignalBlocker blocker(m_campaign);
    m_campaign->clear();
    if (campaigns) {
        for (const Campaign &campaign : *campaigns) {
            // A repeating campaign sends nothing itself: each occurrence is a campaign of its own,
            // listed with its day, and that is where its messages are.
            if (campaign.isRepeating())
                continue;
            //: A campaign in the campaign report's list: its name and the day it was made
            m_campaign->addItem(tr("%1 (%2)").arg(campaign.name, CampaignText::day(campaign.createdAt.toLocalTime().date())),
                                campaign.id);
        }
    }
    const int index = m_campaign->findData(current);
    m_campaign->setCurrentIndex(index >= 0 ? index : 0);
}

void ReportsPage::reload()
{
    reloadCampaigns();
    fillList();
    updateControls();
}

bool ReportsPage::selectReport(const QString &keyOrName)
{
    for (int row = 0; row < m_list->count(); ++row) {
        const QListWidgetItem *item = m_list->item(row);
        if (item->data(KindRole).toInt() != Heading && item->data(KeyRole).toString() == keyOrName) {
            if (m_list->currentRow() == row)
                run();
            else
                m_list->setCurrentRow(row);
            return true;
        }
    }
    return false;
}

QString ReportsPage::currentReport() const
{
    const QListWidgetItem *item = m_list ? m_list->currentItem() : nullptr;
    return item && item->data(KindRole).toInt() != Heading ? item->data(KeyRole).toString() : QString();
}

bool ReportsPage::isSavedReport() const
{
    const QListWidgetItem *item = m_list->currentItem();
    return item && item->data(KindRole).toInt() == Saved;
}

qint64 ReportsPage::currentCampaign() const
{
    return m_campaign && m_campaign->currentIndex() >= 0 ? m_campaign->currentData().toLongLong() : 0;
}

void ReportsPage::showCampaignReport(qint64 campaignId)
{
    if (m_campaign->findData(campaignId) < 0)
        reloadCampaigns();
    {
        const QSignalBlocker blocker(m_campaign);
        m_campaign->setCurrentIndex(qMax(0, m_campaign->findData(campaignId)));
    }
    selectReport(QStringLiteral("campaign"));
}

void ReportsPage::setPeriod(const Period &period)
{
    m_period->setPeriod(period);
    run();
}

Period ReportsPage::period() const
{
    return m_period->period();
}

void ReportsPage::reportChosen()
{
    // A saved report opens on its own period; the period can then be changed here.
    if (isSavedReport()) {
        for (const SavedReport &report : std::as_const(m_savedReports)) {
            if (report.name != currentReport())
                continue;
            const Result<ReportQuery> query = ReportQuery::fromJson(report.query, m_services.clock.nowUtc().toLocalTime().date(),
                                                                    QTimeZone::systemTimeZone());
            if (query)
                m_period->setPeriod(query->period);
        }
    }
    updateControls();
    run();
}

void ReportsPage::updateControls()
{
    const QString key = currentReport();
    const bool campaign = key == u"campaign";
    // The campaign report covers the campaign's whole life, whatever the period.
    m_periodLabel->setVisible(!campaign);
    m_period->setVisible(!campaign);
    m_campaignLabel->setVisible(campaign);
    m_campaign->setVisible(campaign);
    RoleGate::setEnabled(m_edit, isSavedReport());
    RoleGate::setEnabled(m_delete, isSavedReport());
    const bool shown = m_view->hasDocument();
    for (QWidget *button : QList<QWidget *>{m_print, m_pdf, m_excel, m_csv, m_paper})
        button->setEnabled(shown);
    // The campaign report is about one campaign's whole life: nothing to make again each week.
    m_schedule->setVisible(m_reportSchedules && m_groups);
    RoleGate::setEnabled(m_schedule, !key.isEmpty() && !campaign);
}

void ReportsPage::showEvent(QShowEvent *event)
{
    QWidget::showEvent(event);
    if (m_stale)
        run();
}

void ReportsPage::run()
{
    const QString key = currentReport();
    if (key.isEmpty())
        return;
    // Hidden: worked out when the page is shown, not for nobody.
    if (!isVisible()) {
        m_stale = true;
        return;
    }
    m_stale = false;
    m_done->clear();
    if (m_locks) {
        if (const Status allowed = m_locks->check(PlanFeature::Analytics); !allowed) {
            m_runSerial = 0;
            m_view->clear();
            m_view->setBusy(false);
            m_view->setError(QString());
            m_view->setPlaceholder(allowed.error().message);
            updateControls();
            Q_EMIT reportShown();
            return;
        }
    }
    const QDateTime now = m_services.clock.nowUtc();
    const Period period = m_period->period();
    QFuture<Result<ReportDocument>> future;
    if (!isSavedReport()) {
        const qint64 campaignId = currentCampaign();
        if (key == u"campaign" && campaignId <= 0) {
            m_runSerial = 0;
            m_view->clear();
            m_view->setBusy(false);
            m_view->setError(QString());
            m_view->setPlaceholder(tr("No campaigns yet: once a campaign has been sent, its report shows here."));
            updateControls();
            Q_EMIT reportShown();
            return;
        }
        future = QtConcurrent::run(
            [&builtIn = m_services.builtIn, key, period, now, campaignId] { return builtIn.run(key, period, now, campaignId); });
    } else {
        const Result<SavedReport> saved = m_services.saved.find(key);
        Result<ReportQuery> query = saved
            ? ReportQuery::fromJson(saved->query, now.toLocalTime().date(), QTimeZone::systemTimeZone())
            : Result<ReportQuery>(std::unexpected(saved.error()));
        if (!query) {
            m_runSerial = 0;
            m_view->setBusy(false);
            m_view->setError(query.error().message);
            Q_EMIT reportShown();
            return;
        }
        query->period = period;
        future = QtConcurrent::run(
            [&runner = m_services.runner, question = *query, key, now] { return runner.document(question, key, now); });
    }
    const int serial = ++m_lastSerial;
    m_runSerial = serial;
    m_view->setBusy(true);
    auto *watcher = new QFutureWatcher<Result<ReportDocument>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, serial] {
        watcher->deleteLater();
        if (serial != m_runSerial)
            return; // another report or period was chosen since: its result is on its way
        m_runSerial = 0;
        const Result<ReportDocument> document = watcher->result();
        m_view->setBusy(false);
        if (document) {
            m_view->setError(QString());
            m_view->setDocument(ReportView::inPlainWords(*document));
        } else {
            m_view->setError(document.error().message);
        }
        updateControls();
        Q_EMIT reportShown();
    });
    watcher->setFuture(future);
}

ReportBuilderDialog *ReportsPage::openBuilder(const SavedReport *report)
{
    auto *builder = new ReportBuilderDialog(m_services.runner, m_services.saved, m_services.clock, this);
    builder->setAttribute(Qt::WA_DeleteOnClose);
    builder->setRoleGate(m_gate);
    if (report)
        builder->setSavedReport(*report);
    else
        builder->setPeriod(m_period->period());
    connect(builder, &ReportBuilderDialog::saved, this, &ReportsPage::builderSaved);
    builder->open();
    return builder;
}

ReportBuilderDialog *ReportsPage::newReport()
{
    return openBuilder(nullptr);
}

ReportBuilderDialog *ReportsPage::editReport()
{
    if (!isSavedReport())
        return nullptr;
    const Result<SavedReport> report = m_services.saved.find(currentReport());
    if (!report) {
        MessageBox::warning(this, tr("Edit report"), report.error().message);
        reload();
        return nullptr;
    }
    return openBuilder(&*report);
}

void ReportsPage::builderSaved(const QString &name)
{
    fillList();
    if (currentReport() == name)
        reportChosen(); // saved again under its own name: its new question
    else
        selectReport(name);
}

void ReportsPage::deleteReport()
{
    if (!isSavedReport())
        return;
    const QString name = currentReport();
    if (MessageBox::question(
            this, tr("Delete report"),
            tr("Delete the saved report “%1”? The numbers it shows stay in Kengele; only the report goes.").arg(name))
        != QMessageBox::Yes)
        return;
    if (Status removed = m_services.saved.remove(name); !removed) {
        MessageBox::warning(this, tr("Delete report"), removed.error().message);
        return;
    }
    fillList();
    m_list->setCurrentRow(1);
}

} // namespace kengele
