// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QFont>
#include <QString>

class QPaintDevice;

namespace kengele {

// The font of printed reports: DejaVu Sans (regular and bold), bundled under :/fonts and registered
// with the application on first use. A computer without fonts (a server running kengele-cli) would
// otherwise write PDFs whose text shows as empty boxes; with it every PDF embeds the same font.
class ReportFonts final
{
public:
    static QString family(); // "DejaVu Sans"; registers the bundled files on first use
    // DejaVu Sans of `pointSize`; with a device, measured for it (a PDF writer's 300 dpi).
    static QFont font(qreal pointSize, bool bold = false);
    static QFont font(qreal pointSize, bool bold, const QPaintDevice *device);
};

} // namespace kengele
