// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportPrinter.h"

namespace kengele {

// A report as a PDF file (QPdfWriter, 300 dpi, the setup's page size with 15 mm margins), for the
// Reports page's "Save as PDF", kengele-cli and scheduled reports. Text is embedded DejaVu Sans and
// charts are vectors. Needs a QApplication (on a computer without a display: QT_QPA_PLATFORM=offscreen).
class ReportPdfWriter final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::ReportPdfWriter)

public:
    static constexpr int Resolution = 300;

    // Writes `path` (replaced whole, or left as it was on failure); returns the number of pages.
    static Result<int> write(const QString &path, const ReportDocument &document, const ReportPageSetup &setup);
};

} // namespace kengele
