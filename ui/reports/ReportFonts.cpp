// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportFonts.h"

#include "common/Log.h"

#include <QFontDatabase>

static void initReportFontResources()
{
    Q_INIT_RESOURCE(kengele_report_fonts);
}

namespace kengele {

QString ReportFonts::family()
{
    static const QString registered = [] {
        initReportFontResources();
        QString name;
        for (const QString &file : {QStringLiteral(":/fonts/DejaVuSans.ttf"), QStringLiteral(":/fonts/DejaVuSans-Bold.ttf")}) {
            const int id = QFontDatabase::addApplicationFont(file);
            if (id < 0) {
                qCWarning(lcUi) << "cannot load the bundled font" << file;
                continue;
            }
            if (name.isEmpty())
                name = QFontDatabase::applicationFontFamilies(id).value(0);
        }
        return name.isEmpty() ? QStringLiteral("DejaVu Sans") : name;
    }();
    return registered;
}

QFont ReportFonts::font(qreal pointSize, bool bold)
{
    QFont font(family());
    font.setPointSizeF(pointSize);
    font.setBold(bold);
    font.setStyleHint(QFont::SansSerif);
    return font;
}

QFont ReportFonts::font(qreal pointSize, bool bold, const QPaintDevice *device)
{
    return QFont(font(pointSize, bold), device);
}

} // namespace kengele
