// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ScheduleReportDialog.h"

#include "contacts/GroupService.h"
#include "reports/ReportSchedules.h"
#include "widgets/Banner.h"
#include "widgets/HintLabel.h"

#include <QCheckBox>
#include <QComboBox>
#include <QDialogButtonBox>
#include <QDir>
#include <QFileDialog>
#include <QFormLayout>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QLocale>
#include <QPushButton>
#include <QSpinBox>
#include <QStandardPaths>
#include <QTimeEdit>
#include <QVBoxLayout>

namespace kengele {

ScheduleReportDialog::ScheduleReportDialog(const QString &reportName, const QString &reportTitle, ReportSchedules &schedules,
                                           GroupService &groups, QWidget *parent)
    : QDialog(parent)
    , m_report(reportName)
    , m_schedules(schedules)
    , m_groups(groups)
{
    setObjectName(QStringLiteral("scheduleReportDialog"));
    setWindowTitle(tr("Send a report by itself"));

    auto *intro = new QLabel(tr("Kengele makes “%1” by itself at the time you choose, while it is open. If the computer "
                                "was off, it is made once when Kengele starts again.")
                                 .arg(reportTitle),
                             this);
    intro->setObjectName(QStringLiteral("introLabel"));
    intro->setWordWrap(true);

    m_every = new QComboBox(this);
    m_every->setObjectName(QStringLiteral("everyComboBox"));
    m_every->addItem(tr("Every day"), int(ReportCadence::Every::Daily));
    m_every->addItem(tr("Every week"), int(ReportCadence::Every::Weekly));
    m_every->addItem(tr("Every month"), int(ReportCadence::Every::Monthly));
    m_every->setCurrentIndex(1);
    m_weekday = new QComboBox(this);
    m_weekday->setObjectName(QStringLiteral("weekdayComboBox"));
    const QLocale locale;
    for (int day = 1; day <= 7; ++day)
        m_weekday->addItem(locale.dayName(day, QLocale::LongFormat), day);
    m_monthDay = new QSpinBox(this);
    m_monthDay->setObjectName(QStringLiteral("monthDaySpinBox"));
    m_monthDay->setRange(1, 31);
    m_monthDay->setToolTip(tr("In a month without this day, the report is made on the month's last day."));
    m_time = new QTimeEdit(QTime(7, 0), this);
    m_time->setObjectName(QStringLiteral("timeEdit"));
    m_time->setDisplayFormat(QStringLiteral("HH:mm"));
    auto *day = new QWidget(this);
    auto *dayRow = new QHBoxLayout(day);
    dayRow->setContentsMargins(0, 0, 0, 0);
    dayRow->addWidget(m_weekday);
    dayRow->addWidget(m_monthDay);
    dayRow->addStretch(1);
    m_covers = new HintLabel(QString(), this);
    m_covers->setObjectName(QStringLiteral("coversLabel"));

    m_pdf = new QCheckBox(tr("Save it as a PDF in a folder"), this);
    m_pdf->setObjectName(QStringLiteral("pdfCheckBox"));
    m_folder = new QLineEdit(this);
    m_folder->setObjectName(QStringLiteral("folderLineEdit"));
    m_folder->setPlaceholderText(tr("Choose a folder"));
    m_browse = new QPushButton(tr("Choose…"), this);
    m_browse->setObjectName(QStringLiteral("browseButton"));
    auto *folderRow = new QHBoxLayout;
    folderRow->addWidget(m_folder, 1);
    folderRow->addWidget(m_browse);

    m_sms = new QCheckBox(tr("Text the numbers to a group"), this);
    m_sms->setObjectName(QStringLiteral("smsCheckBox"));
    m_group = new QComboBox(this);
    m_group->setObjectName(QStringLiteral("groupComboBox"));
    if (const Result<QList<Group>> all = m_groups.list(); all) {
        for (const Group &group : *all)
            m_group->addItem(tr("%1 (%n member(s))", nullptr, group.memberCount).arg(group.name), group.id);
    }
    m_cost = new QLabel(this);
    m_cost->setObjectName(QStringLiteral("costLabel"));
    m_cost->setWordWrap(true);

    m_error = new Banner(Banner::Kind::Error, this);
    m_error->setObjectName(QStringLiteral("scheduleErrorBanner"));
    m_error->setWordWrap(true);
    m_error->setTextFormat(Qt::PlainText);
    m_error->hide();

    auto *when = new QFormLayout;
    when->setFieldGrowthPolicy(QFormLayout::FieldsStayAtSizeHint);
    when->addRow(tr("How often:"), m_every);
    m_dayLabel = new QLabel(tr("On:"), this);
    when->addRow(m_dayLabel, day);
    when->addRow(tr("At:"), m_time);

    auto *buttons = new QDialogButtonBox(QDialogButtonBox::Cancel, this);
    m_ok = buttons->addButton(tr("Schedule"), QDialogButtonBox::AcceptRole);
    m_ok->setObjectName(QStringLiteral("scheduleButton"));
    m_ok->setDefault(true);
    buttons->button(QDialogButtonBox::Cancel)->setObjectName(QStringLiteral("cancelButton"));
    connect(buttons, &QDialogButtonBox::accepted, this, &ScheduleReportDialog::schedule);
    connect(buttons, &QDialogButtonBox::rejected, this, &QDialog::reject);

    auto *layout = new QVBoxLayout(this);
    layout->addWidget(intro);
    layout->addLayout(when);
    layout->addWidget(m_covers);
    layout->addSpacing(8);
    layout->addWidget(m_pdf);
    layout->addLayout(folderRow);
    layout->addSpacing(8);
    layout->addWidget(m_sms);
    layout->addWidget(m_group);
    layout->addWidget(m_cost);
    layout->addWidget(m_error);
    layout->addStretch(1);
    layout->addWidget(buttons);

    connect(m_every, &QComboBox::currentIndexChanged, this, &ScheduleReportDialog::update);
    connect(m_every, &QComboBox::currentIndexChanged, this, &ScheduleReportDialog::updateCost);
    connect(m_pdf, &QCheckBox::toggled, this, &ScheduleReportDialog::update);
    connect(m_sms, &QCheckBox::toggled, this, &ScheduleReportDialog::update);
    connect(m_sms, &QCheckBox::toggled, this, &ScheduleReportDialog::updateCost);
    connect(m_folder, &QLineEdit::textChanged, this, &ScheduleReportDialog::update);
    connect(m_group, &QComboBox::currentIndexChanged, this, &ScheduleReportDialog::updateCost);
    connect(m_browse, &QPushButton::clicked, this, &ScheduleReportDialog::chooseFolder);
    setMinimumWidth(520);
    update();
    updateCost();
}

QString ScheduleReportDialog::problem() const
{
    return m_error->isHidden() ? QString() : m_error->text();
}

void ScheduleReportDialog::chooseFolder()
{
    const QString start
        = m_folder->text().isEmpty() ? QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation) : m_folder->text();
    const QString folder = QFileDialog::getExistingDirectory(this, tr("Where the PDF goes"), start);
    if (!folder.isEmpty()) {
        m_folder->setText(QDir::toNativeSeparators(folder));
        m_pdf->setChecked(true);
    }
}

void ScheduleReportDialog::update()
{
    const auto every = ReportCadence::Every(m_every->currentData().toInt());
    m_weekday->setVisible(every == ReportCadence::Every::Weekly);
    m_monthDay->setVisible(every == ReportCadence::Every::Monthly);
    m_dayLabel->setVisible(every != ReportCadence::Every::Daily);
    m_weekday->parentWidget()->setVisible(every != ReportCadence::Every::Daily);
    switch (every) {
    case ReportCadence::Every::Daily:
        m_covers->setText(tr("Each report covers the day before."));
        break;
    case ReportCadence::Every::Weekly:
        m_covers->setText(tr("Each report covers the last whole week, Monday to Sunday."));
        break;
    case ReportCadence::Every::Monthly:
        m_covers->setText(tr("Each report covers the month before."));
        break;
    }
    m_folder->setEnabled(m_pdf->isChecked());
    m_browse->setEnabled(m_pdf->isChecked());
    m_group->setEnabled(m_sms->isChecked() && m_group->count() > 0);
    m_cost->setVisible(m_sms->isChecked());
    const bool pdfReady = m_pdf->isChecked() && !m_folder->text().trimmed().isEmpty();
    const bool smsReady = m_sms->isChecked() && m_group->count() > 0;
    const bool incomplete = (m_pdf->isChecked() && !pdfReady) || (m_sms->isChecked() && !smsReady);
    m_ok->setEnabled((pdfReady || smsReady) && !incomplete);
    m_ok->setToolTip(m_ok->isEnabled() ? QString() : tr("Choose a folder for the PDF, a group for the SMS, or both."));
}

void ScheduleReportDialog::updateCost()
{
    if (!m_sms->isChecked()) {
        m_cost->clear();
        return;
    }
    if (m_group->count() == 0) {
        m_cost->setText(tr("There are no groups yet. Make a group of the leaders first, on the Groups page."));
        return;
    }
    const auto every = ReportCadence::Every(m_every->currentData().toInt());
    const Result<ReportScheduleCost> cost = m_schedules.smsCost(m_group->currentData().toLongLong(), every);
    if (!cost) {
        m_cost->setText(cost.error().message);
        return;
    }
    const QLocale locale;
    QString text = tr("Each time: %n person(s), ", nullptr, cost->recipients) + tr("%n SMS part(s), ", nullptr, cost->segments)
        + tr("%n token(s).", nullptr, cost->tokens);
    if (cost->optedOut > 0)
        text += u' ' + tr("%n member(s) who opted out will not get it.", nullptr, cost->optedOut);
    if (cost->tokens > 0)
        text += u' ' + tr("The balance now is %1 tokens.").arg(locale.toString(cost->balance));
    else
        text += u' ' + tr("Practice mode: no SMS leaves this computer.");
    m_cost->setText(text);
}

void ScheduleReportDialog::schedule()
{
    if (!m_ok->isEnabled())
        return;
    ReportScheduleDraft draft;
    draft.report = m_report;
    draft.cadence.every = ReportCadence::Every(m_every->currentData().toInt());
    draft.cadence.day = draft.cadence.every == ReportCadence::Every::Weekly ? m_weekday->currentData().toInt()
        : draft.cadence.every == ReportCadence::Every::Monthly              ? m_monthDay->value()
                                                                            : 0;
    draft.cadence.at = m_time->time();
    if (m_pdf->isChecked())
        draft.folder = QDir::fromNativeSeparators(m_folder->text().trimmed());
    if (m_sms->isChecked())
        draft.smsGroupId = m_group->currentData().toLongLong();
    const Result<ReportSchedule> created = m_schedules.create(draft);
    if (!created) {
        m_error->setText(created.error().message);
        m_error->show();
        return;
    }
    m_error->hide();
    m_scheduleId = created->id;
    accept();
}

} // namespace kengele
