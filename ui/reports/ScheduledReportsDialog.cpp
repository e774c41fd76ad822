// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScheduledReportsDialog.h"

#include "MessageBox.h"
#include "widgets/Banner.h"

#include <QDialogButtonBox>
#include <QHeaderView>
#include <QLabel>
#include <QLocale>
#include <QPushButton>
#include <QTreeWidget>
#include <QVBoxLayout>

namespace kengele {

ScheduledReportsDialog::ScheduledReportsDialog(ReportSchedules &schedules, std::function<QString(const QString &)> titleOf,
                                               QWidget *parent)
    : QDialog(parent)
    , m_schedules(schedules)
    , m_titleOf(std::move(titleOf))
{
    setWindowTitle(tr("Scheduled reports"));
    auto *intro = new QLabel(tr("These reports go by themselves while Kengele is open; one missed while the computer was "
                                "off goes once when Kengele starts again."),
                             this);
    intro->setWordWrap(true);
    m_list = new QTreeWidget(this);
    m_list->setObjectName(QStringLiteral("scheduledReportsList"));
    m_list->setRootIsDecorated(false);
    m_list->setAlternatingRowColors(true);
    m_list->setHeaderLabels({tr("Report"), tr("When"), tr("Goes to"), tr("Next"), tr("Last time")});
    m_list->header()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_list->header()->setStretchLastSection(true);
    m_empty = new QLabel(tr("No report is scheduled. Choose a report, then “Schedule…” to have it made by itself."), this);
    m_empty->setObjectName(QStringLiteral("noSchedulesLabel"));
    m_empty->setWordWrap(true);
    m_error = new Banner(Banner::Kind::Error, this);
    m_error->hide();
    m_remove = new QPushButton(tr("Stop sending…"), this);
    m_remove->setObjectName(QStringLiteral("removeScheduleButton"));
    m_remove->setToolTip(tr("This report is no longer made by itself. Files already written stay."));
    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Close, this);
    buttons->addButton(m_remove, QDialogButtonBox::ActionRole);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);
    connect(m_remove, &QPushButton::clicked, this, &ScheduledReportsDialog::removeChosen);
    connect(m_list, &QTreeWidget::currentItemChanged, this, &ScheduledReportsDialog::updateButtons);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addWidget(m_error);
    layout->addWidget(m_list, 1);
    layout->addWidget(m_empty);
    layout->addWidget(buttons);
    resize(820, 360);
    reload();
}

QString ScheduledReportsDialog::describe(const ReportCadence &cadence)
{
    const QLocale locale;
    const QString time = locale.toString(cadence.at, QLocale::ShortFormat);
    switch (cadence.every) {
    case ReportCadence::Every::Daily:
        return tr("Every day at %1").arg(time);
    case ReportCadence::Every::Weekly:
        //: "Every Monday at 07:00"
        return tr("Every %1 at %2").arg(locale.dayName(qBound(1, cadence.day, 7)), time);
    case ReportCadence::Every::Monthly:
        break;
    }
    //: "On day 1 of each month at 08:00"
    return tr("On day %1 of each month at %2").arg(cadence.day).arg(time);
}

void ScheduledReportsDialog::reload()
{
    const qint64 chosen = m_list->currentItem() ? m_list->currentItem()->data(0, Qt::UserRole).toLongLong() : 0;
    m_list->clear();
    const Result<QList<ReportSchedule>> schedules = m_schedules.list();
    m_error->setVisible(!schedules);
    if (!schedules) {
        m_error->setText(schedules.error().message);
        updateButtons();
        return;
    }
    const QLocale locale;
    for (const ReportSchedule &s : *schedules) {
        QStringList where;
        if (!s.folder.isEmpty())
            where << tr("PDF in %1").arg(s.folder);
        if (s.smsGroupId != 0)
            where << (s.smsGroup.isEmpty() ? tr("SMS to a group that was deleted") : tr("SMS to %1").arg(s.smsGroup));
        QString last = tr("Not yet");
        switch (s.lastOutcome) {
        case ReportSchedule::Outcome::None:
            break;
        case ReportSchedule::Outcome::Running:
            last = tr("Started %1, did not finish").arg(locale.toString(s.lastRunAt.toLocalTime(), QLocale::ShortFormat));
            break;
        case ReportSchedule::Outcome::Done:
            last = tr("Made %1").arg(locale.toString(s.lastRunAt.toLocalTime(), QLocale::ShortFormat));
            break;
        case ReportSchedule::Outcome::Failed:
            last = tr("Failed %1: %2").arg(locale.toString(s.lastRunAt.toLocalTime(), QLocale::ShortFormat), s.lastDetail);
            break;
        }
        auto *item = new QTreeWidgetItem(m_list,
                                         {m_titleOf ? m_titleOf(s.report) : s.report, describe(s.cadence),
                                          where.join(QStringLiteral("; ")),
                                          locale.toString(s.nextDueAt.toLocalTime(), QLocale::ShortFormat), last});
        item->setData(0, Qt::UserRole, s.id);
        item->setToolTip(4, s.lastDetail);
        if (s.id == chosen)
            m_list->setCurrentItem(item);
    }
    m_list->setVisible(!schedules->isEmpty());
    m_empty->setVisible(schedules->isEmpty());
    updateButtons();
}

void ScheduledReportsDialog::removeChosen()
{
    QTreeWidgetItem *item = m_list->currentItem();
    if (!item)
        return;
    if (MessageBox::question(this, tr("Stop a scheduled report"),
                             tr("Stop making “%1” by itself (%2)?").arg(item->text(0), item->text(1).toLower()))
        != QMessageBox::Yes)
        return;
    const Status removed = m_schedules.remove(item->data(0, Qt::UserRole).toLongLong());
    if (!removed) {
        MessageBox::warning(this, tr("Stop a scheduled report"), removed.error().message);
        return;
    }
    reload();
}

void ScheduledReportsDialog::updateButtons()
{
    m_remove->setEnabled(m_list->currentItem() != nullptr);
}

} // namespace kengele
