// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QByteArrayView>
#include <QCoreApplication>
#include <QString>
#include <QStringList>

namespace kengele {

// Text read from a contact file, whatever encoding it was saved in.
struct DecodedText {
    QString text; // without a byte order mark
    QString encoding; // "UTF-8", "UTF-16LE", "UTF-16BE", "UTF-32LE", "UTF-32BE", "Windows-1252"
    QStringList warnings; // for the person at the desk (already translated)
};

// Reads the bytes of a file someone wants to import and turns them into text: UTF-8 with or without
// a byte order mark, UTF-16 (Excel's "Unicode text") with or without one, and anything else as
// Western European (Windows-1252) with a warning. Refuses empty files, files over MaxFileSize,
// Excel workbooks and other files that are not text, with a message that says what to do.
class TextFileDecoder final
{
    Q_DECLARE_TR_FUNCTIONS(TextFileDecoder)

public:
    static constexpr qint64 MaxFileSize = 100LL * 1024 * 1024;
    // How much of the start of the file is inspected to tell text from a picture or program.
    static constexpr qsizetype SniffSize = 64LL * 1024;

    static Result<DecodedText> decodeFile(const QString &path);
    static Result<DecodedText> decode(QByteArrayView bytes);
};

} // namespace kengele
