// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "reports/ReportQuery.h"
#include "reports/SavedReports.h"

#include <QDialog>
#include <QMap>

class QComboBox;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QTimer;

namespace kengele {

class Clock;
class ReportPeriodPicker;
class ReportRunner;
class ReportView;
class RoleGate;

// The report builder: what to count (a measure of ReportRegistry, with its note), grouped by up to
// two of the dimensions that measure allows, over a period, narrowed by filters (a dimension and
// one of the values it has in the period, or a typed one for texts such as a network); a preview
// (chart and table from ReportRunner::document, worked out on a worker thread) and "Save" under a
// name (SavedReports: staff and up; a name that exists is replaced after asking). Editing a saved
// report and saving it under another name renames it.
class ReportBuilderDialog final : public QDialog
{
    Q_OBJECT

public:
    ReportBuilderDialog(const ReportRunner &runner, SavedReports &saved, const Clock &clock, QWidget *parent = nullptr);
    // Waits for the preview still being worked out.
    ~ReportBuilderDialog() override;

    void setRoleGate(RoleGate *gate);
    // Edits this saved report: its name, measure, groupings, period and filters.
    void setSavedReport(const SavedReport &report);

    ReportQuery query() const;
    void setMeasure(const QString &key);
    // Empty keys: none. A grouping the measure does not allow is left out.
    void setGrouping(const QString &first, const QString &second = {});
    void setPeriod(const Period &period);
    void addFilter(const QString &dimension, const QString &value);
    void removeFilter(const QString &dimension);
    void setName(const QString &name);
    QString name() const;

    // Saves under the name (asking first to replace another report of that name); false when it
    // was not saved (refused, cancelled, no name), with the reason shown.
    bool save();
    // The values offered for the filter's dimension now (label → value), for tests.
    QList<QPair<QString, QString>> filterValues() const { return m_values; }
    bool isPreviewing() const { return m_previewSerial != 0; }
    bool isLoadingValues() const { return m_valuesSerial != 0; }
    ReportView *preview() const { return m_preview; }

Q_SIGNALS:
    void saved(const QString &name);
    void previewShown();
    void filterValuesLoaded();

private:
    void measureChosen();
    void fillGroupings();
    void fillFilterDimensions();
    void loadFilterValues();
    void addChosenFilter();
    void showFilters();
    QString filterLabel(const QString &dimension, const QString &value) const;
    void schedulePreview();
    void runPreview();
    void waitForWorkers();

    const ReportRunner &m_runner;
    SavedReports &m_saved;
    const Clock &m_clock;
    RoleGate *m_gate = nullptr;
    QString m_original; // the saved report being edited ("" for a new one)
    QMap<QString, QString> m_filters;
    QMap<QString, QString> m_filterLabels;
    QList<QPair<QString, QString>> m_values;
    int m_previewSerial = 0;
    int m_valuesSerial = 0;
    int m_lastSerial = 0;

    QComboBox *m_measure = nullptr;
    QLabel *m_measureNote = nullptr;
    QComboBox *m_group1 = nullptr;
    QComboBox *m_group2 = nullptr;
    ReportPeriodPicker *m_period = nullptr;
    QComboBox *m_filterDimension = nullptr;
    QComboBox *m_filterValue = nullptr;
    QPushButton *m_addFilter = nullptr;
    QListWidget *m_filterList = nullptr;
    QPushButton *m_removeFilter = nullptr;
    QLineEdit *m_name = nullptr;
    QPushButton *m_save = nullptr;
    QPushButton *m_close = nullptr;
    ReportView *m_preview = nullptr;
    QTimer *m_previewTimer = nullptr;
};

} // namespace kengele
