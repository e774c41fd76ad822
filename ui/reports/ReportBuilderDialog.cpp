// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportBuilderDialog.h"

#include "MessageBox.h"
#include "ReportPeriodPicker.h"
#include "ReportView.h"
#include "campaigns/CampaignText.h"
#include "campaigns/MessageState.h"
#include "common/Clock.h"
#include "reports/ReportCharts.h"
#include "reports/ReportRegistry.h"
#include "reports/ReportRunner.h"
#include "security/RoleGate.h"

#include <QComboBox>
#include <QFormLayout>
#include <QFutureWatcher>
#include <QHBoxLayout>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPushButton>
#include <QTimer>
#include <QVBoxLayout>
#include <QtConcurrentRun>

#include <algorithm>

namespace kengele {

namespace {

using Values = QList<QPair<QString, QString>>;

const ReportMeasure *measureOf(const QString &key)
{
    return ReportRegistry::instance().measure(key);
}

QString dimensionTitle(const QString &key)
{
    const ReportDimension *dimension = ReportRegistry::instance().dimension(key);
    return dimension ? dimension->title : key;
}

// A value as people read it: a message state in plain words.
QString plainValue(const QString &dimension, const QString &text)
{
    if (dimension == u"state") {
        if (const std::optional<MessageState> state = messageStateFromText(text))
            return CampaignText::messageState(*state);
    }
    return text;
}

} // namespace

ReportBuilderDialog::ReportBuilderDialog(const ReportRunner &runner, SavedReports &saved, const Clock &clock, QWidget *parent)
    : QDialog(parent)
    , m_runner(runner)
    , m_saved(saved)
    , m_clock(clock)
{
    setObjectName(QStringLiteral("reportBuilderDialog"));
    setWindowTitle(tr("New report"));

    m_measure = new QComboBox(this);
    m_measure->setObjectName(QStringLiteral("measureCombo"));
    for (const ReportMeasure &measure : ReportRegistry::instance().measures()) {
        m_measure->addItem(measure.title, measure.key);
        m_measure->setItemData(m_measure->count() - 1, measure.note, Qt::ToolTipRole);
    }
    m_measureNote = new QLabel(this);
    m_measureNote->setObjectName(QStringLiteral("measureNoteLabel"));
    m_measureNote->setWordWrap(true);
    m_measureNote->setForegroundRole(QPalette::PlaceholderText);

    m_group1 = new QComboBox(this);
    m_group1->setObjectName(QStringLiteral("groupByCombo"));
    m_group2 = new QComboBox(this);
    m_group2->setObjectName(QStringLiteral("thenByCombo"));
    m_period = new ReportPeriodPicker(m_clock.nowUtc().toLocalTime().date(), this);
    m_period->setObjectName(QStringLiteral("builderPeriodPicker"));

    m_filterDimension = new QComboBox(this);
    m_filterDimension->setObjectName(QStringLiteral("filterDimensionCombo"));
    m_filterDimension->setAccessibleName(tr("Narrow by"));
    m_filterValue = new QComboBox(this);
    m_filterValue->setObjectName(QStringLiteral("filterValueCombo"));
    m_filterValue->setAccessibleName(tr("Value"));
    m_filterValue->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    m_filterValue->setMinimumContentsLength(12);
    m_filterValue->setInsertPolicy(QComboBox::NoInsert);
    m_filterValue->setSizePolicy(QSizePolicy::Expanding, QSizePolicy::Fixed);
    m_addFilter = new QPushButton(tr("Add"), this);
    m_addFilter->setObjectName(QStringLiteral("addFilterButton"));
    m_addFilter->setToolTip(tr("Count only what has this value."));
    m_filterList = new QListWidget(this);
    m_filterList->setObjectName(QStringLiteral("filterList"));
    m_filterList->setAccessibleName(tr("Filters"));
    m_filterList->setMaximumHeight(90);
    m_removeFilter = new QPushButton(tr("Remove"), this);
    m_removeFilter->setObjectName(QStringLiteral("removeFilterButton"));
    m_removeFilter->setEnabled(false);

    m_name = new QLineEdit(this);
    m_name->setObjectName(QStringLiteral("reportNameEdit"));
    m_name->setMaxLength(SavedReports::MaxNameLength);
    m_name->setPlaceholderText(tr("For example: Failures by network, monthly"));
    m_save = new QPushButton(tr("Save"), this);
    m_save->setObjectName(QStringLiteral("saveReportButton"));
    m_save->setDefault(true);
    m_close = new QPushButton(tr("Close"), this);
    m_close->setObjectName(QStringLiteral("closeBuilderButton"));

    m_preview = new ReportView(this);
    m_preview->setObjectName(QStringLiteral("builderPreview"));
    m_preview->setPlaceholder(tr("The preview shows here."));
    m_preview->setMinimumWidth(480);

    auto *filterRow = new QHBoxLayout;
    filterRow->addWidget(m_filterDimension);
    filterRow->addWidget(m_filterValue, 1);
    filterRow->addWidget(m_addFilter);
    auto *filterListRow = new QHBoxLayout;
    filterListRow->addWidget(m_filterList, 1);
    filterListRow->addWidget(m_removeFilter, 0, Qt::AlignTop);

    auto *form = new QFormLayout;
    form->setRowWrapPolicy(QFormLayout::WrapLongRows);
    form->setFieldGrowthPolicy(QFormLayout::AllNonFixedFieldsGrow);
    form->addRow(tr("What to count"), m_measure);
    form->addRow(QString(), m_measureNote);
    form->addRow(tr("Group by"), m_group1);
    form->addRow(tr("Then by"), m_group2);
    form->addRow(tr("Period"), m_period);
    form->addRow(tr("Only where"), filterRow);
    form->addRow(QString(), filterListRow);
    form->addRow(tr("Name"), m_name);
    m_measure->setAccessibleName(tr("What to count"));
    m_group1->setAccessibleName(tr("Group by"));
    m_group2->setAccessibleName(tr("Then by"));
    m_name->setAccessibleName(tr("Name"));

    auto *buttons = new QHBoxLayout;
    buttons->addStretch(1);
    buttons->addWidget(m_save);
    buttons->addWidget(m_close);

    auto *left = new QVBoxLayout;
    left->addLayout(form);
    left->addStretch(1);
    left->addLayout(buttons);
    auto *leftBox = new QWidget(this);
    leftBox->setLayout(left);
    leftBox->setMinimumWidth(400);
    leftBox->setMaximumWidth(520);

    auto *layout = new QHBoxLayout(this);
    layout->addWidget(leftBox);
    layout->addWidget(m_preview, 1);

    m_previewTimer = new QTimer(this);
    m_previewTimer->setSingleShot(true);
    m_previewTimer->setInterval(200);
    connect(m_previewTimer, &QTimer::timeout, this, &ReportBuilderDialog::runPreview);

    connect(m_measure, &QComboBox::currentIndexChanged, this, &ReportBuilderDialog::measureChosen);
    connect(m_group1, &QComboBox::currentIndexChanged, this, [this] {
        fillGroupings();
        schedulePreview();
    });
    connect(m_group2, &QComboBox::currentIndexChanged, this, &ReportBuilderDialog::schedulePreview);
    connect(m_period, &ReportPeriodPicker::periodChanged, this, [this] {
        loadFilterValues();
        schedulePreview();
    });
    connect(m_filterDimension, &QComboBox::currentIndexChanged, this, &ReportBuilderDialog::loadFilterValues);
    connect(m_addFilter, &QPushButton::clicked, this, &ReportBuilderDialog::addChosenFilter);
    connect(m_filterList, &QListWidget::currentRowChanged, this, [this](int row) { m_removeFilter->setEnabled(row >= 0); });
    connect(m_removeFilter, &QPushButton::clicked, this, [this] {
        if (QListWidgetItem *item = m_filterList->currentItem())
            removeFilter(item->data(Qt::UserRole).toString());
    });
    connect(m_name, &QLineEdit::textChanged, this, &ReportBuilderDialog::schedulePreview);
    connect(m_save, &QPushButton::clicked, this, &ReportBuilderDialog::save);
    connect(m_close, &QPushButton::clicked, this, &QDialog::reject);

    setMeasure(QStringLiteral("delivered"));
    measureChosen();
    setGrouping(QStringLiteral("month"));
    resize(1100, 680);
}

ReportBuilderDialog::~ReportBuilderDialog()
{
    waitForWorkers();
}

void ReportBuilderDialog::waitForWorkers()
{
    for (QFutureWatcherBase *watcher : findChildren<QFutureWatcherBase *>())
        watcher->waitForFinished();
}

void ReportBuilderDialog::setRoleGate(RoleGate *gate)
{
    m_gate = gate;
    if (gate)
        gate->gate(m_save, Permission::EditContacts);
}

void ReportBuilderDialog::setSavedReport(const SavedReport &report)
{
    const QDate today = m_clock.nowUtc().toLocalTime().date();
    const Result<ReportQuery> query = ReportQuery::fromJson(report.query, today, QTimeZone::systemTimeZone());
    m_original = report.name;
    setWindowTitle(tr("Edit report: %1").arg(report.name));
    m_name->setText(report.name);
    if (!query)
        return;
    setMeasure(query->measure);
    setGrouping(query->groupBy.value(0), query->groupBy.value(1));
    setPeriod(query->period);
    m_filters.clear();
    m_filterLabels.clear();
    for (auto it = query->filters.cbegin(); it != query->filters.cend(); ++it)
        addFilter(it.key(), it.value());
    schedulePreview();
}

ReportQuery ReportBuilderDialog::query() const
{
    ReportQuery query;
    query.measure = m_measure->currentData().toString();
    for (QComboBox *combo : {m_group1, m_group2}) {
        const QString key = combo->currentData().toString();
        if (!key.isEmpty() && combo->isEnabled())
            query.groupBy << key;
    }
    query.period = m_period->period();
    query.filters = m_filters;
    return query;
}

void ReportBuilderDialog::setMeasure(const QString &key)
{
    const int index = m_measure->findData(key);
    if (index >= 0)
        m_measure->setCurrentIndex(index);
}

void ReportBuilderDialog::setGrouping(const QString &first, const QString &second)
{
    m_group1->setCurrentIndex(qMax(0, m_group1->findData(first)));
    fillGroupings();
    m_group2->setCurrentIndex(qMax(0, m_group2->findData(second)));
    schedulePreview();
}

void ReportBuilderDialog::setPeriod(const Period &period)
{
    m_period->setPeriod(period);
    loadFilterValues();
    schedulePreview();
}

void ReportBuilderDialog::setName(const QString &name)
{
    m_name->setText(name);
}

QString ReportBuilderDialog::name() const
{
    return m_name->text().simplified();
}

void ReportBuilderDialog::measureChosen()
{
    const ReportMeasure *measure = measureOf(m_measure->currentData().toString());
    m_measureNote->setText(measure ? measure->note : QString());
    // The groupings the measure allows; what was chosen stays when it still can.
    const QString first = m_group1->currentData().toString();
    const QString second = m_group2->currentData().toString();
    {
        const QSignalBlocker blocker(m_group1);
        m_group1->clear();
        m_group1->addItem(tr("Nothing (one number)"), QString());
        if (measure) {
            for (const QString &key : measure->groupings)
                m_group1->addItem(dimensionTitle(key), key);
        }
        m_group1->setCurrentIndex(qMax(0, m_group1->findData(first)));
    }
    fillGroupings();
    m_group2->setCurrentIndex(qMax(0, m_group2->findData(second)));
    // Filters on dimensions this measure does not know go.
    for (const QString &dimension : m_filters.keys()) {
        if (!measure || !measure->groupings.contains(dimension))
            m_filters.remove(dimension);
    }
    showFilters();
    fillFilterDimensions();
    schedulePreview();
}

void ReportBuilderDialog::fillGroupings()
{
    const ReportMeasure *measure = measureOf(m_measure->currentData().toString());
    const QString first = m_group1->currentData().toString();
    const QString second = m_group2->currentData().toString();
    const QSignalBlocker blocker(m_group2);
    m_group2->clear();
    m_group2->addItem(tr("Nothing more"), QString());
    if (measure && !first.isEmpty()) {
        const bool firstIsTime = ReportRegistry::instance().dimension(first)->kind == DimensionKind::Time;
        for (const QString &key : measure->groupings) {
            // Two times (week within month) say nothing new.
            if (key == first || (firstIsTime && ReportRegistry::instance().dimension(key)->kind == DimensionKind::Time))
                continue;
            m_group2->addItem(dimensionTitle(key), key);
        }
    }
    m_group2->setCurrentIndex(qMax(0, m_group2->findData(second)));
    m_group2->setEnabled(!first.isEmpty() && m_group2->count() > 1);
}

void ReportBuilderDialog::fillFilterDimensions()
{
    const ReportMeasure *measure = measureOf(m_measure->currentData().toString());
    const QString current = m_filterDimension->currentData().toString();
    {
        const QSignalBlocker blocker(m_filterDimension);
        m_filterDimension->clear();
        if (measure) {
            for (const QString &key : measure->groupings)
                m_filterDimension->addItem(dimensionTitle(key), key);
        }
        const int index = m_filterDimension->findData(current);
        m_filterDimension->setCurrentIndex(index >= 0 ? index : qMax(0, m_filterDimension->findData(QStringLiteral("campaign"))));
    }
    const bool any = m_filterDimension->count() > 0;
    m_filterDimension->setEnabled(any);
    m_filterValue->setEnabled(any);
    m_addFilter->setEnabled(any);
    loadFilterValues();
}

void ReportBuilderDialog::loadFilterValues()
{
    const QString dimension = m_filterDimension->currentData().toString();
    const QString measure = m_measure->currentData().toString();
    m_values.clear();
    m_filterValue->clear();
    const ReportDimension *known = ReportRegistry::instance().dimension(dimension);
    if (!known || !measureOf(measure)) {
        m_valuesSerial = 0;
        return;
    }
    // Texts (a network, a reason) may also be typed; campaigns, groups and days are chosen.
    m_filterValue->setEditable(known->kind == DimensionKind::Text);
    // The values the dimension has for this measure in the period: the report grouped by it.
    const ReportQuery query{measure, {dimension}, m_period->period(), {}};
    const int serial = ++m_lastSerial;
    m_valuesSerial = serial;
    auto *watcher = new QFutureWatcher<Values>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, serial, dimension] {
        watcher->deleteLater();
        if (serial != m_valuesSerial)
            return; // the dimension, measure or period changed since
        m_valuesSerial = 0;
        m_values = watcher->result();
        const QString typed = m_filterValue->currentText();
        m_filterValue->clear();
        for (const auto &[label, key] : std::as_const(m_values))
            m_filterValue->addItem(plainValue(dimension, label), key);
        if (m_filterValue->isEditable())
            m_filterValue->setEditText(typed.isEmpty() ? m_filterValue->itemText(0) : typed);
        Q_EMIT filterValuesLoaded();
    });
    watcher->setFuture(QtConcurrent::run([&runner = m_runner, query, dimension] {
        Values values;
        const Result<ReportTable> table = runner.run(query);
        if (!table)
            return values;
        const int labelColumn = ReportCharts::labelColumn(*table, dimension);
        const int keyColumn = ReportCharts::keyColumn(*table, dimension);
        if (labelColumn < 0 || keyColumn < 0)
            return values;
        for (const QVariantList &row : table->rows) {
            const QVariant cell = row.value(labelColumn);
            const QString label = cell.typeId() == QMetaType::QDate ? runner.label(dimension, cell) : cell.toString();
            values.append({label, runner.keyOf(dimension, row.value(keyColumn))});
        }
        // Times in order; the rest by name.
        if (table->columns.value(keyColumn).kind != ReportColumn::Kind::Date)
            std::sort(values.begin(), values.end(),
                      [](const auto &a, const auto &b) { return QString::localeAwareCompare(a.first, b.first) < 0; });
        return values;
    }));
}

void ReportBuilderDialog::addChosenFilter()
{
    const QString dimension = m_filterDimension->currentData().toString();
    if (dimension.isEmpty())
        return;
    QString value;
    const int index = m_filterValue->currentIndex();
    if (index >= 0 && (!m_filterValue->isEditable() || m_filterValue->currentText() == m_filterValue->itemText(index)))
        value = m_filterValue->itemData(index).toString();
    else
        value = m_filterValue->currentText().trimmed();
    if (value.isEmpty() && index < 0)
        return;
    m_filterLabels.insert(
        dimension, index >= 0 && m_filterValue->itemData(index).toString() == value ? m_filterValue->itemText(index) : value);
    m_filters.insert(dimension, value);
    showFilters();
    schedulePreview();
}

void ReportBuilderDialog::addFilter(const QString &dimension, const QString &value)
{
    m_filters.insert(dimension, value);
    m_filterLabels.insert(dimension, filterLabel(dimension, value));
    showFilters();
    schedulePreview();
}

void ReportBuilderDialog::removeFilter(const QString &dimension)
{
    m_filters.remove(dimension);
    m_filterLabels.remove(dimension);
    showFilters();
    schedulePreview();
}

QString ReportBuilderDialog::filterLabel(const QString &dimension, const QString &value) const
{
    const ReportDimension *known = ReportRegistry::instance().dimension(dimension);
    if (!known)
        return value;
    if (known->kind == DimensionKind::Id) {
        bool number = false;
        const qint64 id = value.toLongLong(&number);
        return number ? m_runner.label(dimension, id) : value;
    }
    if (known->kind == DimensionKind::Time)
        return m_runner.label(dimension, QDate::fromString(value, Qt::ISODate));
    return plainValue(dimension, m_runner.label(dimension, value));
}

void ReportBuilderDialog::showFilters()
{
    m_filterList->clear();
    for (auto it = m_filters.cbegin(); it != m_filters.cend(); ++it) {
        //: A report's filter in the builder's list: "Network: Airtel"
        auto *item = new QListWidgetItem(tr("%1: %2").arg(dimensionTitle(it.key()), m_filterLabels.value(it.key(), it.value())),
                                         m_filterList);
        item->setData(Qt::UserRole, it.key());
    }
    m_removeFilter->setEnabled(false);
}

void ReportBuilderDialog::schedulePreview()
{
    m_preview->setBusy(true);
    m_previewTimer->start();
}

void ReportBuilderDialog::runPreview()
{
    const ReportQuery query = this->query();
    if (Status ok = ReportRunner::validate(query); !ok) {
        m_previewSerial = 0;
        m_preview->setBusy(false);
        m_preview->setError(ok.error().message);
        return;
    }
    const QString title = name().isEmpty() ? m_measure->currentText() : name();
    const QDateTime now = m_clock.nowUtc();
    const int serial = ++m_lastSerial;
    m_previewSerial = serial;
    auto *watcher = new QFutureWatcher<Result<ReportDocument>>(this);
    connect(watcher, &QFutureWatcherBase::finished, this, [this, watcher, serial] {
        watcher->deleteLater();
        if (serial != m_previewSerial)
            return; // something changed since: a newer preview is on its way
        m_previewSerial = 0;
        const Result<ReportDocument> document = watcher->result();
        m_preview->setBusy(false);
        if (document) {
            m_preview->setError(QString());
            m_preview->setDocument(ReportView::inPlainWords(*document));
        } else {
            m_preview->setError(document.error().message);
        }
        Q_EMIT previewShown();
    });
    watcher->setFuture(QtConcurrent::run([&runner = m_runner, query, title, now] { return runner.document(query, title, now); }));
}

bool ReportBuilderDialog::save()
{
    if (Status allowed = RoleGate::check(m_gate, Permission::EditContacts); !allowed) {
        MessageBox::warning(this, tr("Save the report"), allowed.error().message);
        return false;
    }
    const QString name = this->name();
    if (name.isEmpty()) {
        MessageBox::warning(this, tr("Save the report"), tr("Give the report a name first."));
        m_name->setFocus();
        return false;
    }
    if (name.compare(m_original, Qt::CaseSensitive) != 0 && m_saved.find(name)) {
        const auto answer
            = MessageBox::question(this, tr("Replace the report?"),
                                   tr("There is already a saved report called “%1”. Replace it with this one?").arg(name),
                                   QMessageBox::Yes | QMessageBox::No, QMessageBox::No);
        if (answer != QMessageBox::Yes)
            return false;
    }
    const Result<SavedReport> report = m_saved.save(name, query());
    if (!report) {
        MessageBox::warning(this, tr("Save the report"), report.error().message);
        return false;
    }
    // Saved under a new name: the old one is renamed, not kept beside it.
    if (!m_original.isEmpty() && m_original != report->name) {
        if (Status removed = m_saved.remove(m_original); !removed)
            MessageBox::warning(this, tr("Save the report"), removed.error().message);
    }
    m_original = report->name;
    Q_EMIT saved(report->name);
    accept();
    return true;
}

} // namespace kengele
