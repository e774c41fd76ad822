// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditTrailWidget.h"

#include "MessageBox.h"
#include "importexport/AuditExporter.h"
#include "security/StaffAccounts.h"
#include "widgets/Banner.h"

#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDateEdit>
#include <QDir>
#include <QFileDialog>
#include <QHBoxLayout>
#include <QHeaderView>
#include <QLabel>
#include <QPrintDialog>
#include <QPrinter>
#include <QPrinterInfo>
#include <QPushButton>
#include <QSet>
#include <QStackedWidget>
#include <QStandardPaths>
#include <QTableWidget>
#include <QTextDocument>
#include <QVBoxLayout>

namespace kengele {

namespace {

enum Column { TimeColumn, UserColumn, DeviceColumn, ActionColumn, ObjectColumn, SummaryColumn, ColumnCount };

QString familyOf(const QString &action)
{
    return action.section(u'.', 0, 0);
}

} // namespace

AuditTrailWidget::AuditTrailWidget(AuditLog &audit, StaffAccounts &staff, QWidget *parent)
    : QWidget(parent)
    , m_audit(audit)
    , m_staff(staff)
{
    setObjectName(QStringLiteral("auditTrail"));
    m_refused = new QLabel(this);
    m_refused->setObjectName(QStringLiteral("auditRefusedLabel"));
    m_refused->setWordWrap(true);
    m_refused->setAlignment(Qt::AlignTop | Qt::AlignLeft);
    m_stack = new QStackedWidget(this);
    m_stack->addWidget(m_refused);
    m_stack->addWidget(buildTrailPage());
    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addWidget(m_stack);
    connect(&m_staff, &StaffAccounts::signedInChanged, this, &AuditTrailWidget::updateAccess);
    connect(&m_staff, &StaffAccounts::accountsChanged, this, &AuditTrailWidget::updateAccess);
    updateAccess();
}

QWidget *AuditTrailWidget::buildTrailPage()
{
    auto *page = new QWidget(this);
    m_broken = new Banner(Banner::Kind::Error, page);
    m_broken->setObjectName(QStringLiteral("auditBrokenBanner"));
    m_broken->setTextFormat(Qt::PlainText);
    m_broken->setWordWrap(true);
    m_broken->hide();
    m_check = new QLabel(page);
    m_check->setObjectName(QStringLiteral("auditCheckLabel"));
    m_check->setWordWrap(true);

    m_sinceOn = new QCheckBox(tr("Since:"), page);
    m_sinceOn->setObjectName(QStringLiteral("sinceCheck"));
    m_since = new QDateEdit(QDate::currentDate().addMonths(-1), page);
    m_since->setObjectName(QStringLiteral("sinceEdit"));
    m_since->setAccessibleName(tr("Since"));
    m_since->setCalendarPopup(true);
    m_since->setDisplayFormat(QStringLiteral("yyyy-MM-dd"));
    m_since->setEnabled(false);
    m_user = new QComboBox(page);
    m_user->setObjectName(QStringLiteral("auditUserCombo"));
    m_user->setAccessibleName(tr("User"));
    m_action = new QComboBox(page);
    m_action->setObjectName(QStringLiteral("auditActionCombo"));
    m_action->setAccessibleName(tr("Action"));
    m_computerLabel = new QLabel(tr("Computer:"), page);
    m_computer = new QComboBox(page);
    m_computer->setObjectName(QStringLiteral("auditComputerCombo"));
    m_computer->setAccessibleName(tr("Computer"));
    m_computer->setToolTip(tr("This computer's trail, another computer's as it arrived here, or all of them."));
    connect(m_computer, &QComboBox::currentIndexChanged, this, [this] {
        if (m_filling)
            return;
        reload();
        checkTrail();
    });
    connect(m_sinceOn, &QCheckBox::toggled, m_since, &QWidget::setEnabled);
    connect(m_sinceOn, &QCheckBox::toggled, this, &AuditTrailWidget::reload);
    connect(m_since, &QDateEdit::dateChanged, this, &AuditTrailWidget::reload);
    connect(m_user, &QComboBox::currentIndexChanged, this, &AuditTrailWidget::reload);
    connect(m_action, &QComboBox::currentIndexChanged, this, &AuditTrailWidget::reload);
    auto *filters = new QHBoxLayout;
    filters->addWidget(m_computerLabel);
    filters->addWidget(m_computer, 1);
    filters->addSpacing(8);
    filters->addWidget(m_sinceOn);
    filters->addWidget(m_since);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("User:"), page));
    filters->addWidget(m_user, 1);
    filters->addSpacing(8);
    filters->addWidget(new QLabel(tr("Action:"), page));
    filters->addWidget(m_action, 1);

    m_table = new QTableWidget(0, ColumnCount, page);
    m_table->setObjectName(QStringLiteral("auditTable"));
    m_table->setAccessibleName(tr("Audit trail"));
    m_table->setHorizontalHeaderLabels({tr("Time"), tr("User"), tr("Computer"), tr("Action"), tr("Object"), tr("Summary")});
    m_table->setSelectionBehavior(QAbstractItemView::SelectRows);
    m_table->setEditTriggers(QAbstractItemView::NoEditTriggers);
    m_table->verticalHeader()->hide();
    // Every cell whole: the summary wraps onto more lines rather than being cut.
    m_table->setWordWrap(true);
    m_table->setHorizontalScrollBarPolicy(Qt::ScrollBarAlwaysOff);
    m_table->horizontalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_table->horizontalHeader()->setSectionResizeMode(SummaryColumn, QHeaderView::Stretch);
    m_table->verticalHeader()->setSectionResizeMode(QHeaderView::ResizeToContents);
    m_empty = new QLabel(tr("No entries match these filters."), page);
    m_empty->setObjectName(QStringLiteral("auditEmptyLabel"));
    m_empty->setAlignment(Qt::AlignCenter);
    m_empty->setWordWrap(true);
    m_empty->hide();
    m_more = new QLabel(tr("Only the latest %1 entries are shown. Choose a first day above, or export: the file has them "
                           "all.")
                            .arg(ShownAtMost),
                        page);
    m_more->setObjectName(QStringLiteral("auditMoreLabel"));
    m_more->setWordWrap(true);
    m_more->hide();

    m_checkButton = new QPushButton(tr("Check the trail"), page);
    m_checkButton->setObjectName(QStringLiteral("checkTrailButton"));
    m_checkButton->setToolTip(tr("Make sure no entry was changed, removed or moved since it was written."));
    m_export = new QPushButton(tr("Export CSV…"), page);
    m_export->setObjectName(QStringLiteral("auditExportButton"));
    m_export->setToolTip(tr("Save the entries shown as a spreadsheet file."));
    m_print = new QPushButton(tr("Print…"), page);
    m_print->setObjectName(QStringLiteral("auditPrintButton"));
    m_print->setToolTip(tr("Print the entries shown, or save them as a PDF file."));
    connect(m_checkButton, &QPushButton::clicked, this, &AuditTrailWidget::checkTrail);
    connect(m_export, &QPushButton::clicked, this, &AuditTrailWidget::exportAs);
    connect(m_print, &QPushButton::clicked, this, &AuditTrailWidget::print);
    auto *buttons = new QHBoxLayout;
    buttons->addWidget(m_checkButton);
    buttons->addStretch(1);
    buttons->addWidget(m_export);
    buttons->addWidget(m_print);

    auto *layout = new QVBoxLayout(page);
    layout->addWidget(m_broken);
    layout->addWidget(m_check);
    layout->addLayout(filters);
    layout->addWidget(m_table, 1);
    layout->addWidget(m_empty);
    layout->addWidget(m_more);
    layout->addLayout(buttons);
    return page;
}

void AuditTrailWidget::updateAccess()
{
    const Status allowed = m_staff.check(Permission::Administer);
    if (!allowed) {
        m_refused->setText(
            tr("The audit trail shows who did what in Kengele. %1").arg(RoleText::refusal(Permission::Administer)));
        m_stack->setCurrentIndex(0);
        m_entries.clear();
        m_table->setRowCount(0);
        return;
    }
    m_stack->setCurrentIndex(1);
    // Accounts and sign-ins add entries (and users): the filters and the table follow; the chain
    // is checked again (the count stays true), and with "Check the trail".
    const QString user = m_user->currentData().toString();
    const QString family = m_action->currentData().toString();
    const QString computer = this->computer();
    fillFilters();
    m_filling = true;
    setUser(user);
    setActionFamily(family);
    setComputer(computer);
    m_filling = false;
    reload();
    checkTrail();
}

QString AuditTrailWidget::familyName(const QString &family)
{
    if (family == u"signin")
        return tr("Signing in");
    if (family == u"lock")
        return tr("Locking");
    if (family == u"users")
        return tr("Staff accounts");
    if (family == u"contacts")
        return tr("Contacts");
    if (family == u"groups")
        return tr("Groups");
    if (family == u"templates")
        return tr("Templates");
    if (family == u"campaigns")
        return tr("Sending");
    if (family == u"tokens")
        return tr("Tokens");
    if (family == u"settings")
        return tr("Settings");
    if (family == u"backup")
        return tr("Backups");
    return family;
}

void AuditTrailWidget::fillFilters()
{
    m_filling = true;
    m_user->clear();
    m_user->addItem(tr("Everyone"), QString());
    if (const Result<QList<StaffAccount>> accounts = m_staff.list(); accounts) {
        for (const StaffAccount &account : *accounts)
            m_user->addItem(tr("%1 (%2)").arg(account.displayName, account.userName), account.userName);
    }
    m_action->clear();
    m_action->addItem(tr("Every action"), QString());
    QSet<QString> families;
    AuditFilter everyComputer;
    everyComputer.computer = QString(AuditFilter::AllComputers);
    if (const Result<QList<AuditEntry>> all = m_audit.list(everyComputer); all) {
        for (const AuditEntry &entry : *all)
            families.insert(familyOf(entry.action));
    }
    QStringList sorted(families.cbegin(), families.cend());
    sorted.sort();
    for (const QString &family : std::as_const(sorted))
        m_action->addItem(familyName(family), family);
    fillComputers();
    m_filling = false;
}

void AuditTrailWidget::fillComputers()
{
    // A congregation on one computer sees no choice at all.
    m_computer->clear();
    const Result<QList<AuditComputer>> computers = m_audit.computers();
    const bool others = computers && computers->size() > 1;
    m_computerLabel->setVisible(others);
    m_computer->setVisible(others);
    m_computer->addItem(tr("This computer"), QString());
    if (!others)
        return;
    for (const AuditComputer &c : *computers) {
        if (!c.here)
            m_computer->addItem(c.name.isEmpty() ? tr("Another computer") : c.name, c.id);
    }
    m_computer->addItem(tr("All computers"), QString(AuditFilter::AllComputers));
}

void AuditTrailWidget::setComputer(const QString &computer)
{
    m_computer->setCurrentIndex(qMax(0, m_computer->findData(computer)));
}

QString AuditTrailWidget::computer() const
{
    return m_computer->currentData().toString();
}

void AuditTrailWidget::setSince(const QDate &day)
{
    m_since->setDate(day.isValid() ? day : m_since->date());
    m_sinceOn->setChecked(day.isValid());
    reload();
}

void AuditTrailWidget::setUser(const QString &userName)
{
    m_user->setCurrentIndex(qMax(0, m_user->findData(userName)));
}

void AuditTrailWidget::setActionFamily(const QString &family)
{
    int index = m_action->findData(family);
    if (index < 0 && !family.isEmpty()) {
        m_action->addItem(familyName(family), family);
        index = m_action->count() - 1;
    }
    m_action->setCurrentIndex(qMax(0, index));
}

void AuditTrailWidget::reload()
{
    if (m_filling || !m_staff.may(Permission::Administer))
        return;
    AuditFilter filter;
    if (m_sinceOn->isChecked())
        filter.since = QDateTime(m_since->date(), QTime(0, 0)).toUTC();
    filter.user = m_user->currentData().toString();
    filter.action = m_action->currentData().toString();
    filter.limit = ShownAtMost;
    filter.computer = computer();
    m_filter = filter;
    const Result<QList<AuditEntry>> entries = m_audit.list(filter);
    m_entries = entries ? *entries : QList<AuditEntry>{};
    const bool filtered = filter.since.isValid() || !filter.user.isEmpty() || !filter.action.isEmpty();
    if (!entries)
        m_empty->setText(entries.error().message);
    else if (filtered)
        m_empty->setText(tr("No entries match these filters."));
    else
        m_empty->setText(tr("Nothing is recorded yet. Once sign-in is required (Staff and roles), every sign-in and every "
                            "change to the staff accounts is written here."));
    m_table->setRowCount(int(m_entries.size()));
    for (int row = 0; row < m_entries.size(); ++row) {
        const AuditEntry &e = m_entries.at(row);
        // Short and the same in every language (as in the export): the summary keeps its room.
        const QStringList cells{e.time.toLocalTime().toString(QStringLiteral("yyyy-MM-dd HH:mm")),
                                e.user.isEmpty() ? tr("(before sign-in)") : e.user,
                                e.device,
                                e.action,
                                e.object,
                                e.summary};
        for (int column = 0; column < ColumnCount; ++column) {
            auto *item = new QTableWidgetItem(cells.at(column));
            item->setToolTip(cells.at(column));
            m_table->setItem(row, column, item);
        }
        m_table->item(row, TimeColumn)->setData(Qt::UserRole, e.id);
    }
    m_empty->setVisible(m_entries.isEmpty());
    m_more->setVisible(m_entries.size() >= ShownAtMost);
    m_export->setEnabled(!m_entries.isEmpty());
    m_print->setEnabled(!m_entries.isEmpty());
}

void AuditTrailWidget::checkTrail()
{
    if (!m_staff.may(Permission::Administer))
        return;
    if (!computer().isEmpty()) {
        checkOthers(computer());
        return;
    }
    const Result<AuditCheck> check = m_audit.verify();
    if (!check) {
        m_broken->setText(tr("Kengele could not check the audit trail: %1").arg(check.error().message));
        m_broken->show();
        m_check->hide();
        return;
    }
    if (!check->ok) {
        m_broken->setText(tr("The audit trail has been tampered with. Entry %1 is not as it was written: %2 Entries from "
                             "there on cannot be trusted. Do not change anything on this computer, and tell your church "
                             "leadership.")
                              .arg(check->firstBad)
                              .arg(check->reason));
        m_broken->show();
        m_check->hide();
        return;
    }
    m_broken->hide();
    //: The audit trail's check found nothing wrong: "120 entries, unbroken."
    m_check->setText(tr("%n entries, unbroken: none was changed, removed or moved.", nullptr, int(check->entries)));
    m_check->show();
}

void AuditTrailWidget::checkOthers(const QString &chosen)
{
    const Result<QList<AuditComputer>> computers = m_audit.computers();
    if (!computers) {
        m_broken->setText(tr("Kengele could not check the audit trail: %1").arg(computers.error().message));
        m_broken->show();
        m_check->hide();
        return;
    }
    QStringList lines;
    for (const AuditComputer &c : *computers) {
        if (chosen != AuditFilter::AllComputers && c.id != chosen)
            continue;
        const Result<AuditCheck> check = m_audit.verifyComputer(c.id);
        const QString name = c.here ? tr("This computer") : c.name;
        if (!check) {
            m_broken->setText(tr("Kengele could not check the audit trail: %1").arg(check.error().message));
            m_broken->show();
            m_check->hide();
            return;
        }
        if (!check->ok) {
            m_broken->setText(tr("The audit trail of %1 has been tampered with. Entry %2 is not as it was written: %3 Entries "
                                 "from there on cannot be trusted. Tell your church leadership.")
                                  .arg(name)
                                  .arg(check->firstBad)
                                  .arg(check->reason));
            m_broken->show();
            m_check->hide();
            return;
        }
        //: One computer's audit trail checked: "Office desktop: 120 entries, unbroken."
        QString line = tr("%1: %n entries, unbroken.", nullptr, int(check->entries)).arg(name);
        if (check->missingFrom > 0)
            line += u' ' + check->reason;
        if (check->replacedByRestore > 0)
            line += u' '
                + tr("%n entries were set aside by a backup restored on that computer.", nullptr, int(check->replacedByRestore));
        lines << line;
    }
    m_broken->hide();
    m_check->setText(lines.join(u'\n'));
    m_check->show();
}

QString AuditTrailWidget::brokenText() const
{
    return m_broken->isHidden() ? QString() : m_broken->text();
}

QString AuditTrailWidget::checkText() const
{
    return m_check->isHidden() ? QString() : m_check->text();
}

Result<QList<AuditEntry>> AuditTrailWidget::allMatching() const
{
    AuditFilter all = m_filter;
    all.limit = 0;
    return m_audit.list(all);
}

QString AuditTrailWidget::exportCsv(const QString &path)
{
    const Result<QList<AuditEntry>> entries = allMatching();
    if (!entries)
        return entries.error().message;
    const Result<int> written = AuditExporter::exportCsv(path, *entries);
    return written ? QString() : written.error().message;
}

void AuditTrailWidget::exportAs()
{
    const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
    const QString path = QFileDialog::getSaveFileName(this, tr("Export the audit trail"),
                                                      QDir(folder).filePath(tr("audit-trail.csv")), tr("CSV files (*.csv)"));
    if (path.isEmpty())
        return;
    if (const QString problem = exportCsv(path); !problem.isEmpty())
        MessageBox::warning(this, tr("Export the audit trail"), problem);
}

void AuditTrailWidget::render(QPrinter &printer)
{
    QString html
        = QStringLiteral("<h2>%1</h2><p>%2</p><table border=\"1\" cellspacing=\"0\" cellpadding=\"3\" width=\"100%\"><tr>")
              .arg(tr("Kengele audit trail").toHtmlEscaped(), tr("%n entries", nullptr, int(m_entries.size())).toHtmlEscaped());
    for (int column = 0; column < ColumnCount; ++column)
        html += QStringLiteral("<th align=\"left\">%1</th>").arg(m_table->horizontalHeaderItem(column)->text().toHtmlEscaped());
    html += QStringLiteral("</tr>");
    for (int row = 0; row < m_table->rowCount(); ++row) {
        html += QStringLiteral("<tr>");
        for (int column = 0; column < ColumnCount; ++column)
            html += QStringLiteral("<td>%1</td>").arg(m_table->item(row, column)->text().toHtmlEscaped());
        html += QStringLiteral("</tr>");
    }
    html += QStringLiteral("</table>");
    QTextDocument document;
    QFont font = document.defaultFont();
    font.setPointSize(8);
    document.setDefaultFont(font);
    document.setHtml(html);
    printer.setPageOrientation(QPageLayout::Landscape);
    document.print(&printer);
}

QString AuditTrailWidget::printToPdf(const QString &path)
{
    QPrinter printer(QPrinter::HighResolution);
    printer.setOutputFormat(QPrinter::PdfFormat);
    printer.setOutputFileName(path);
    render(printer);
    if (!QFileInfo::exists(path))
        return tr("Kengele could not save %1. Choose a folder you are allowed to change.").arg(QDir::toNativeSeparators(path));
    return {};
}

void AuditTrailWidget::print()
{
    // Without a printer (or on a screen-less session) the trail is saved as a PDF file instead.
    if (QPrinterInfo::availablePrinterNames().isEmpty() || QGuiApplication::platformName() == u"offscreen") {
        const QString folder = QStandardPaths::writableLocation(QStandardPaths::DocumentsLocation);
        const QString path = QFileDialog::getSaveFileName(this, tr("Save the audit trail as PDF"),
                                                          QDir(folder).filePath(tr("audit-trail.pdf")), tr("PDF files (*.pdf)"));
        if (path.isEmpty())
            return;
        if (const QString problem = printToPdf(path); !problem.isEmpty())
            MessageBox::warning(this, tr("Print the audit trail"), problem);
        return;
    }
    QPrinter printer(QPrinter::HighResolution);
    QPrintDialog dialog(&printer, this);
    dialog.setWindowTitle(tr("Print the audit trail"));
    if (dialog.exec() == QDialog::Accepted)
        render(printer);
}

} // namespace kengele
