// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "security/AuditLog.h"

#include <QWidget>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QLabel;
class QPrinter;
class QPushButton;
class QStackedWidget;
class QTableWidget;

namespace kengele {

class Banner;
class StaffAccounts;

// Settings → Audit trail, for administrators (others see why not, and no entry): who did what, on
// which computer and when, newest first, filtered by a first day, a user and a kind of action;
// exported as CSV (AuditExporter) or printed (or saved as PDF where there is no printer). "Check the
// trail" walks the hash chain (AuditLog::verify; also done when the page is first shown): a broken
// chain is a red banner at the top naming the first entry that does not hold and why; an intact
// one a quiet line, "120 entries, unbroken". With other computers in the congregation a "Computer"
// choice shows this computer's trail, another computer's as it arrived here, or all of them; the
// check then checks that computer's trail (entries not arrived yet are said so, not tampering).
class AuditTrailWidget final : public QWidget
{
    Q_OBJECT

public:
    // More entries than this are left to the export (a table of tens of thousands helps nobody).
    static constexpr int ShownAtMost = 1000;

    AuditTrailWidget(AuditLog &audit, StaffAccounts &staff, QWidget *parent = nullptr);

    QTableWidget *table() const { return m_table; }
    const QList<AuditEntry> &entries() const { return m_entries; }
    // The filters; each reloads the table.
    void setSince(const QDate &day); // invalid: from the start
    void setUser(const QString &userName); // empty: everyone
    void setActionFamily(const QString &family); // "users", "signin", …; empty: every action
    // Whose trail: "" this computer, AuditFilter::AllComputers, or another computer's replica id.
    void setComputer(const QString &computer);
    QString computer() const;

    // Walks the chain and shows what it found.
    void checkTrail();
    // The red banner's text while it shows; empty when it does not.
    QString brokenText() const;
    QString checkText() const;

    // The entries the filters choose (all of them, not only those in the table), as CSV (through AuditExporter) / as PDF; an
    // empty text when it worked, otherwise why not.
    QString exportCsv(const QString &path);
    QString printToPdf(const QString &path);

public Q_SLOTS:
    void reload();

private:
    QWidget *buildTrailPage();
    void updateAccess();
    void fillFilters();
    void fillComputers();
    // The check of one other computer's trail (or of every trail): the banner and the line.
    void checkOthers(const QString &computer);
    void exportAs();
    void print();
    void render(QPrinter &printer);
    // The entries the filters choose, without the limit of the table.
    Result<QList<AuditEntry>> allMatching() const;
    static QString familyName(const QString &family);

    AuditLog &m_audit;
    StaffAccounts &m_staff;
    QStackedWidget *m_stack = nullptr;
    QLabel *m_refused = nullptr;
    Banner *m_broken = nullptr;
    QLabel *m_check = nullptr;
    QCheckBox *m_sinceOn = nullptr;
    QDateEdit *m_since = nullptr;
    QComboBox *m_user = nullptr;
    QComboBox *m_action = nullptr;
    QLabel *m_computerLabel = nullptr;
    QComboBox *m_computer = nullptr;
    QTableWidget *m_table = nullptr;
    QLabel *m_empty = nullptr;
    QLabel *m_more = nullptr;
    AuditFilter m_filter;
    QPushButton *m_checkButton = nullptr;
    QPushButton *m_export = nullptr;
    QPushButton *m_print = nullptr;
    QList<AuditEntry> m_entries;
    bool m_filling = false;
};

} // namespace kengele
