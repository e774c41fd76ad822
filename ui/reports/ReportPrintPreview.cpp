// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportPrintPreview.h"

#include "common/Log.h"

#include <QPrintPreviewDialog>
#include <QPrinter>

#include <memory>

namespace kengele {

QPrintPreviewDialog *ReportPrintPreview::create(const ReportDocument &document, const ReportPageSetup &setup, QWidget *parent)
{
    // The printer goes with the dialog: the paintRequested connection holds it, and the dialog
    // drops its connections when it goes (QPrintPreviewDialog does not own a printer it is given).
    auto printer = std::make_shared<QPrinter>(QPrinter::HighResolution);
    printer->setPageLayout(setup.pageLayout());
    printer->setDocName(document.title);
    auto *dialog = new QPrintPreviewDialog(printer.get(), parent);
    dialog->setObjectName(QStringLiteral("reportPrintPreview"));
    dialog->setWindowTitle(tr("Print %1").arg(document.title));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    QObject::connect(dialog, &QPrintPreviewDialog::paintRequested, dialog, [document, setup, printer](QPrinter *target) {
        const Result<int> pages = ReportPrinter::print(document, setup, *target);
        if (!pages)
            qCWarning(lcUi) << "printing the report failed";
    });
    return dialog;
}

void ReportPrintPreview::exec(const ReportDocument &document, const ReportPageSetup &setup, QWidget *parent)
{
    create(document, setup, parent)->exec();
}

} // namespace kengele
