// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ReportPdfWriter.h"

#include "common/Log.h"

#include <QDir>
#include <QPdfWriter>
#include <QSaveFile>

namespace kengele {

Result<int> ReportPdfWriter::write(const QString &path, const ReportDocument &document, const ReportPageSetup &setup)
{
    const auto cannotWrite = [&path] {
        return fail(ErrorCode::Io,
                    tr("Kengele could not save %1. Choose a folder you are allowed to change, and close "
                       "the file if it is open in another program.")
                        .arg(QDir::toNativeSeparators(path)));
    };
    QSaveFile file(path);
    if (!file.open(QIODevice::WriteOnly)) {
        qCWarning(lcUi) << "cannot write the report PDF:" << file.errorString();
        return cannotWrite();
    }
    Result<int> pages = 0;
    {
        QPdfWriter writer(&file);
        writer.setResolution(Resolution);
        writer.setPageLayout(setup.pageLayout());
        writer.setTitle(document.title);
        writer.setCreator(QStringLiteral("Kengele " KENGELE_VERSION));
        pages = ReportPrinter::print(document, setup, writer);
    } // the writer finishes the file when it goes
    if (!pages) {
        file.cancelWriting();
        return pages;
    }
    if (!file.commit()) {
        qCWarning(lcUi) << "cannot save the report PDF:" << file.errorString();
        return cannotWrite();
    }
    return pages;
}

} // namespace kengele
