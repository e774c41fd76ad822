// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportPrinter.h"

class QPrintPreviewDialog;
class QWidget;

namespace kengele {

// Print and print preview for the GUI (the Reports page, the dashboard): a QPrintPreviewDialog whose
// pages ReportPrinter paints on the chosen printer, starting on the setup's paper (A4 or Letter,
// 15 mm margins); the person may change printer, paper and orientation there.
class ReportPrintPreview final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportPrintPreview)

public:
    // The dialog, not yet shown (a test looks at it; the page calls exec() or open()). It keeps a
    // copy of the document and owns its printer.
    static QPrintPreviewDialog *create(const ReportDocument &document, const ReportPageSetup &setup, QWidget *parent);
    // Shows the preview and returns when it is closed (printed or not).
    static void exec(const ReportDocument &document, const ReportPageSetup &setup, QWidget *parent);
};

} // namespace kengele
