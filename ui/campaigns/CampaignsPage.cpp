// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignsPage.h"

#include "CampaignDetail.h"
#include "CampaignListModel.h"
#include "CampaignText.h"
#include "ComposeCampaignDialog.h"
#include "MessageBox.h"
#include "campaigns/CampaignService.h"
#include "campaigns/DispatchService.h"
#include "security/RoleGate.h"
#include "settings/Settings.h"
#include "widgets/Banner.h"
#include "widgets/EmptyState.h"

#include <QDate>
#include <QDateTime>
#include <QElapsedTimer>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QSplitter>
#include <QStackedWidget>
#include <QStyle>
#include <QTimer>
#include <QTreeView>
#include <QVBoxLayout>

namespace kengele {

CampaignsPage::CampaignsPage(const ComposeServices &compose, OutboxStore &outbox, QWidget *parent)
    : QWidget(parent)
    , m_compose(compose)
    , m_campaigns(compose.campaigns)
{
    setObjectName(QStringLiteral("campaignsPage"));
    m_listModel = new CampaignListModel(m_campaigns, this);

    m_new = new QPushButton(tr("Send SMS…"), this);
    m_new->setObjectName(QStringLiteral("newCampaignButton"));
    m_new->setToolTip(tr("Write an SMS and send it to groups or single people."));
    m_new->setDefault(true);
    connect(m_new, &QPushButton::clicked, this, qOverload<>(&CampaignsPage::composeCampaign));

    m_problem = new Banner(Banner::Kind::Error, this);
    m_problem->setObjectName(QStringLiteral("dispatchProblemLabel"));
    m_problem->setWordWrap(true);
    m_problem->setTextFormat(Qt::PlainText);
    m_retry = new QPushButton(tr("Try again"), this);
    m_retry->setObjectName(QStringLiteral("retrySendingButton"));
    m_retry->hide();
    connect(m_retry, &QPushButton::clicked, this, &CampaignsPage::restartSending);
    m_problem->hide();

    m_list = new QTreeView(this);
    m_list->setObjectName(QStringLiteral("campaignList"));
    m_list->setAccessibleName(tr("Sent SMS"));
    m_list->setModel(m_listModel);
    // A repeating campaign holds its times.
    m_list->setRootIsDecorated(true);
    m_list->setUniformRowHeights(true);
    m_list->setAlternatingRowColors(true);
    m_list->setSelectionMode(QAbstractItemView::SingleSelection);
    m_list->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_list->header()->setStretchLastSection(false);
    m_list->header()->setSectionResizeMode(CampaignListModel::NameColumn, QHeaderView::Stretch);
    m_list->header()->setSectionResizeMode(CampaignListModel::StatusColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(CampaignListModel::RecipientsColumn, QHeaderView::ResizeToContents);
    m_list->header()->setSectionResizeMode(CampaignListModel::WhenColumn, QHeaderView::ResizeToContents);
    // How many people is in the campaign's own view; the list stays narrow.
    m_list->setColumnHidden(CampaignListModel::RecipientsColumn, true);
    m_list->setMinimumWidth(240);
    connect(m_list->selectionModel(), &QItemSelectionModel::currentRowChanged, this, &CampaignsPage::showSelected);
    connect(m_listModel, &CampaignListModel::modelAboutToBeReset, this, [this] {
        m_expanded.clear();
        for (int row = 0; row < m_listModel->rowCount(); ++row) {
            const QModelIndex index = m_listModel->index(row, 0);
            if (m_list->isExpanded(index))
                m_expanded.insert(index.data(CampaignListModel::IdRole).toLongLong());
        }
    });
    connect(m_listModel, &CampaignListModel::modelReset, this, [this] {
        // Repeating campaigns open before stay open.
        for (const qint64 id : std::as_const(m_expanded))
            m_list->expand(m_listModel->indexOf(id));
        // After a reset nothing is current: keep showing what was shown, or the newest.
        const qint64 shown = m_detail->campaignId();
        if (!(shown > 0 && selectCampaign(shown)) && m_listModel->rowCount() > 0)
            m_list->setCurrentIndex(m_listModel->index(0, 0));
        m_stack->setCurrentWidget(m_listModel->rowCount() > 0 ? static_cast<QWidget *>(m_detail) : m_emptyState);
    });
    connect(m_listModel, &CampaignListModel::loadFailed, this, [this](const QString &message) { showDispatchProblem(message); });

    m_detail = new CampaignDetail(m_campaigns, outbox, this);
    connect(m_detail, &CampaignDetail::campaignChanged, this, [this](qint64, bool sendNow) {
        m_listModel->reload();
        if (sendNow && m_dispatch)
            m_dispatch->wake();
    });
    connect(m_detail, &CampaignDetail::editRequested, this, &CampaignsPage::editCampaign);
    connect(m_detail, &CampaignDetail::reportRequested, this, &CampaignsPage::campaignReportRequested);
    connect(m_detail, &CampaignDetail::openCampaignRequested, this, [this](qint64 campaignId) {
        // It may be new (a repeating campaign's time sent now).
        if (!selectCampaign(campaignId)) {
            m_listModel->reload();
            selectCampaign(campaignId);
        }
    });

    m_emptyState = new EmptyState(QStringLiteral("campaignsEmptyLabel"), this);
    m_emptyState->setText(tr("<h2>No SMS sent yet</h2><p>Here you will find every SMS you send to groups or single people, "
                             "and what became of it. Press “Send SMS…” to write your first one: you will see who gets it "
                             "and what it costs before anything is sent.</p>"));
    m_emptySend = m_emptyState->addButton(tr("Send SMS…"));
    m_emptySend->setObjectName(QStringLiteral("emptySendButton"));
    connect(m_emptySend, &QPushButton::clicked, this, qOverload<>(&CampaignsPage::composeCampaign));

    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_detail);
    m_stack->addWidget(m_emptyState);

    auto *left = new QWidget(this);
    auto *leftLayout = new QVBoxLayout(left);
    leftLayout->setContentsMargins(0, 0, 0, 0);
    leftLayout->addWidget(new QLabel(tr("Newest first"), left));
    leftLayout->addWidget(m_list, 1);
    auto *splitter = new QSplitter(this);
    splitter->setChildrenCollapsible(false);
    splitter->addWidget(left);
    splitter->addWidget(m_stack);
    splitter->setStretchFactor(0, 0);
    splitter->setStretchFactor(1, 1);
    const int listWidth = listWidthForUsualNames();
    left->setMinimumWidth(listWidth);
    splitter->setSizes({listWidth, 760});

    auto *titleRow = new QHBoxLayout;
    auto *title = new QLabel(tr("<h1>Sent SMS</h1>"), this);
    title->setObjectName(QStringLiteral("campaignsTitleLabel"));
    titleRow->addWidget(title);
    titleRow->addStretch();
    titleRow->addWidget(m_new);

    auto *layout = new QVBoxLayout(this);
    layout->addLayout(titleRow);
    auto *problemRow = new QHBoxLayout;
    problemRow->addWidget(m_problem, 1);
    problemRow->addWidget(m_retry, 0, Qt::AlignVCenter);
    layout->addLayout(problemRow);
    layout->addWidget(splitter, 1);

    m_refreshTimer = new QTimer(this);
    m_refreshTimer->setSingleShot(true);
    m_refreshTimer->setInterval(RefreshIntervalMs);
    connect(m_refreshTimer, &QTimer::timeout, this, &CampaignsPage::refresh);

    if (m_listModel->rowCount() > 0)
        m_list->setCurrentIndex(m_listModel->index(0, 0));
    m_stack->setCurrentWidget(m_listModel->rowCount() > 0 ? static_cast<QWidget *>(m_detail) : m_emptyState);
}

int CampaignsPage::listWidthForUsualNames() const
{
    // A usual name ("Sunday service reminder") whole next to the longest status and day, in the
    // language shown: measured, since Kiswahili's statuses and days are longer than English ones.
    const QFontMetrics metrics = m_list->fontMetrics();
    const QStyle *style = m_list->style();
    const int cellPadding = 2 * (style->pixelMetric(QStyle::PM_FocusFrameHMargin, nullptr, m_list) + 1) + 8;
    int status = 0;
    for (const CampaignStatus value : AllCampaignStatuses)
        status = qMax(status, metrics.horizontalAdvance(CampaignText::campaignStatus(value)));
    int when = 0;
    const int year = QDate::currentDate().year();
    for (int month = 1; month <= 12; ++month)
        when = qMax(
            when,
            metrics.horizontalAdvance(CampaignText::shortDayAndTime(QDateTime(QDate(year, month, 28), QTime(22, 30)).toUTC())));
    const int name = metrics.horizontalAdvance(QStringLiteral("Weekly service reminder"));
    const int frame = 2 * m_list->frameWidth();
    const int scrollBar = style->pixelMetric(QStyle::PM_ScrollBarExtent, nullptr, m_list);
    return qMax(m_list->minimumWidth(), m_list->indentation() + name + status + when + 3 * cellPadding + frame + scrollBar);
}

void CampaignsPage::setDispatchService(DispatchService *dispatch)
{
    for (const QMetaObject::Connection &connection : std::as_const(m_dispatchConnections))
        disconnect(connection);
    m_dispatchConnections.clear();
    m_dispatch = dispatch;
    if (!dispatch)
        return;
    m_problem->hide();
    m_retry->hide();
    m_dispatchConnections << connect(dispatch, &DispatchService::progress, this, &CampaignsPage::scheduleRefresh)
                          << connect(dispatch, &DispatchService::idle, this, &CampaignsPage::scheduleRefresh)
                          << connect(dispatch, &DispatchService::campaignsFinished, this, &CampaignsPage::scheduleRefresh)
                          << connect(dispatch, &DispatchService::campaignPaused, this, &CampaignsPage::scheduleRefresh)
                          << connect(dispatch, &DispatchService::occurrencesLaunched, this, &CampaignsPage::scheduleRefresh)
                          << connect(dispatch, &DispatchService::failed, this, &CampaignsPage::showDispatchProblem)
                          << connect(dispatch, &DispatchService::gatewayOffline, this,
                                     [this](const QString &reason, qint64 retryAtMs) {
                                         showNotice(tr("%1 Nothing is lost: the messages wait in the queue, and Kengele tries "
                                                       "again at %2 by itself.")
                                                        .arg(reason,
                                                             QLocale().toString(QDateTime::fromMSecsSinceEpoch(retryAtMs).time(),
                                                                                QLocale::ShortFormat)));
                                         m_retry->setVisible(m_dispatch != nullptr);
                                     })
                          << connect(dispatch, &DispatchService::gatewayOnline, this, [this] {
                                 m_problem->hide();
                                 m_retry->hide();
                                 scheduleRefresh();
                             });
}

qint64 CampaignsPage::currentCampaignId() const
{
    const QModelIndex current = m_list->currentIndex();
    return current.isValid() ? current.data(CampaignListModel::IdRole).toLongLong() : 0;
}

bool CampaignsPage::selectCampaign(qint64 campaignId)
{
    const QModelIndex index = m_listModel->indexOf(campaignId);
    if (!index.isValid())
        return false;
    // One time of a repeating campaign: open the campaign it belongs to.
    if (index.parent().isValid())
        m_list->expand(index.parent());
    m_list->setCurrentIndex(index);
    m_list->scrollTo(index);
    return true;
}

void CampaignsPage::showSelected()
{
    // A repeating campaign chosen: its times show under it.
    const QModelIndex current = m_list->currentIndex();
    if (current.isValid() && m_listModel->rowCount(current.siblingAtColumn(0)) > 0)
        m_list->expand(current.siblingAtColumn(0));
    m_detail->setCampaign(currentCampaignId());
}

void CampaignsPage::scheduleRefresh()
{
    // At most one re-read per interval, however many messages changed meanwhile.
    if (!m_refreshTimer->isActive())
        m_refreshTimer->start();
}

void CampaignsPage::refresh()
{
    m_refreshTimer->stop();
    QElapsedTimer took;
    took.start();
    m_listModel->reload();
    m_detail->refresh();
    // Reading a very large campaign takes longer (about 50 ms for 100,000 messages): then read it
    // less often, so the window is busy with it less than a tenth of the time.
    m_refreshTimer->setInterval(int(qBound(qint64(RefreshIntervalMs), took.elapsed() * 12, qint64(MaxRefreshIntervalMs))));
}

void CampaignsPage::showDispatchProblem(const QString &message)
{
    showNotice(tr("Sending has stopped: %1").arg(message));
    m_retry->setVisible(m_dispatch != nullptr);
    scheduleRefresh();
}

void CampaignsPage::restartSending()
{
    m_problem->hide();
    m_retry->hide();
    if (!m_dispatch)
        return;
    m_dispatch->stop();
    m_dispatch->start();
}

void CampaignsPage::showNotice(const QString &text)
{
    m_problem->setText(text);
    m_problem->show();
}

void CampaignsPage::setRoleGate(RoleGate &gate)
{
    m_compose.roles = &gate;
    gate.gate(m_new, Permission::SendCampaigns);
    gate.hide(m_emptySend, Permission::SendCampaigns);
    m_detail->setRoleGate(gate);
}

bool CampaignsPage::maySend()
{
    const Status allowed = RoleGate::check(m_compose.roles, Permission::SendCampaigns);
    if (!allowed)
        MessageBox::information(this, tr("Send SMS"), allowed.error().message);
    return allowed.has_value();
}

void CampaignsPage::composeCampaign()
{
    if (!maySend())
        return;
    ComposeCampaignDialog dialog(m_compose, this);
    if (dialog.exec() != QDialog::Accepted || dialog.launchedCampaignId() <= 0)
        return;
    campaignLaunched(dialog.launchedCampaignId());
}

qint64 CampaignsPage::composeCampaign(const QList<qint64> &groupIds, const QList<qint64> &contactIds, bool practice)
{
    if (!maySend())
        return 0;
    ComposeCampaignDialog dialog(m_compose, this);
    if (practice)
        dialog.setPracticeMode();
    dialog.preselect(groupIds, contactIds);
    if (dialog.exec() != QDialog::Accepted || dialog.launchedCampaignId() <= 0)
        return 0;
    campaignLaunched(dialog.launchedCampaignId());
    return dialog.launchedCampaignId();
}

void CampaignsPage::editCampaign(qint64 campaignId)
{
    if (!maySend())
        return;
    ComposeCampaignDialog dialog(m_compose, this);
    if (!dialog.editCampaign(campaignId)) {
        MessageBox::warning(this, tr("Change campaign"), dialog.problem());
        refresh();
        return;
    }
    if (dialog.exec() != QDialog::Accepted || dialog.launchedCampaignId() <= 0) {
        // It may have started or ended meanwhile.
        refresh();
        return;
    }
    refresh();
    selectCampaign(campaignId);
    // Changed to "now", or a repeating one whose time has come.
    if (m_dispatch)
        m_dispatch->wake();
}

void CampaignsPage::campaignLaunched(qint64 campaignId)
{
    m_listModel->reload();
    selectCampaign(campaignId);
    m_stack->setCurrentWidget(m_detail);
    if (m_dispatch)
        m_dispatch->wake();
    else
        showNotice(tr("The SMS is queued. It goes out as soon as Kengele's sending is ready."));
}

} // namespace kengele
