// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TextFileDecoder.h"

#include "common/Log.h"

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QStringDecoder>

#include <optional>

namespace kengele {

namespace {

bool startsWith(QByteArrayView bytes, QByteArrayView prefix)
{
    return bytes.size() >= prefix.size() && bytes.first(prefix.size()) == prefix;
}

enum class Sniffed { Unknown, Utf16LE, Utf16BE };

// Excel's "Unicode text" and some other Windows programs write UTF-16 with a byte order mark,
// but not always. Mostly-Latin text in UTF-16 has a zero in every other byte.
Sniffed sniffUtf16(QByteArrayView sample)
{
    const qsizetype pairs = sample.size() / 2;
    if (pairs == 0)
        return Sniffed::Unknown;
    qsizetype evenZeros = 0;
    qsizetype oddZeros = 0;
    for (qsizetype i = 0; i + 1 < sample.size(); i += 2) {
        evenZeros += sample[i] == '\0';
        oddZeros += sample[i + 1] == '\0';
    }
    if (oddZeros * 10 >= pairs * 3 && evenZeros * 20 <= pairs)
        return Sniffed::Utf16LE;
    if (evenZeros * 10 >= pairs * 3 && oddZeros * 20 <= pairs)
        return Sniffed::Utf16BE;
    return Sniffed::Unknown;
}

bool isBinaryControl(char16_t ch)
{
    // Tab, line feed, vertical tab, form feed and carriage return appear in text files; so does
    // the old DOS end-of-file mark (Ctrl-Z). Everything else below a space does not.
    return ch < 0x20 && ch != u'\t' && ch != u'\n' && ch != 0x0b && ch != 0x0c && ch != u'\r' && ch != 0x1a;
}

bool looksBinary(QStringView sample)
{
    qsizetype controls = 0;
    for (const QChar ch : sample) {
        if (ch.unicode() == 0)
            return true;
        controls += isBinaryControl(ch.unicode());
    }
    return controls * 100 > sample.size();
}

bool looksBinary(QByteArrayView sample)
{
    qsizetype controls = 0;
    for (const char ch : sample) {
        if (ch == '\0')
            return true;
        controls += isBinaryControl(char16_t(static_cast<unsigned char>(ch)));
    }
    return controls * 100 > sample.size();
}

// Windows-1252 for 0x80-0x9F; the rest is Latin-1. Used when Qt has no ICU to ask.
constexpr char16_t Cp1252High[32] = {
    0x20AC, 0x0081, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160,
    0x2039, 0x0152, 0x008D, 0x017D, 0x008F, 0x0090, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022,
    0x2013, 0x2014, 0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x009D, 0x017E, 0x0178,
};

QString decodeWindows1252(QByteArrayView bytes)
{
    QStringDecoder decoder("windows-1252", QStringDecoder::Flag::Stateless);
    if (decoder.isValid())
        return decoder.decode(bytes);
    QString text(bytes.size(), Qt::Uninitialized);
    char16_t *out = reinterpret_cast<char16_t *>(text.data());
    for (const char ch : bytes) {
        const auto byte = static_cast<unsigned char>(ch);
        *out++ = byte >= 0x80 && byte < 0xa0 ? Cp1252High[byte - 0x80] : char16_t(byte);
    }
    return text;
}

} // namespace

Result<DecodedText> TextFileDecoder::decodeFile(const QString &path)
{
    const QFileInfo info(path);
    if (!info.exists()) {
        return fail(ErrorCode::NotFound,
                    tr("The file %1 does not exist. It may have been moved or deleted.").arg(QDir::toNativeSeparators(path)));
    }
    if (info.isDir())
        return fail(ErrorCode::InvalidInput, tr("%1 is a folder, not a file.").arg(QDir::toNativeSeparators(path)));
    if (info.size() == 0)
        return fail(ErrorCode::InvalidInput, tr("The file is empty."));
    if (info.size() > MaxFileSize) {
        return fail(ErrorCode::Unsupported,
                    tr("This file is too big to import (%1 MB). Kengele can import files of up to %2 MB; "
                       "split the list into smaller files.")
                        .arg((info.size() + 1024LL * 1024 - 1) / (1024LL * 1024))
                        .arg(MaxFileSize / (1024LL * 1024)));
    }

    QFile file(path);
    if (!file.open(QIODevice::ReadOnly)) {
        qCWarning(lcImport) << "cannot open the import file:" << file.errorString();
        return fail(ErrorCode::Io,
                    tr("Kengele could not open %1. Check that the file still exists and that you are "
                       "allowed to read it.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    const qint64 size = file.size();
    // Mapping avoids holding a second copy of a large file in memory while it is decoded.
    if (const uchar *mapped = file.map(0, size)) {
        Result<DecodedText> decoded = decode(QByteArrayView(mapped, size));
        file.unmap(const_cast<uchar *>(mapped));
        return decoded;
    }
    const QByteArray bytes = file.readAll();
    if (bytes.size() != size) {
        qCWarning(lcImport) << "short read of the import file:" << file.errorString();
        return fail(ErrorCode::Io,
                    tr("Kengele could not read all of %1. Copy the file to this computer and try again.")
                        .arg(QDir::toNativeSeparators(path)));
    }
    return decode(bytes);
}

Result<DecodedText> TextFileDecoder::decode(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return fail(ErrorCode::InvalidInput, tr("The file is empty."));

    const QString excelMessage = tr("This is an Excel workbook, not a CSV file. In Excel choose File → Save As → CSV UTF-8, "
                                    "then import that file.");
    const QString binaryMessage = tr("This file is not a contact list (CSV or vCard); it looks like a picture, document "
                                     "or program.");
    const QByteArrayView sample = bytes.first(qMin(bytes.size(), SniffSize));

    if (startsWith(bytes, "PK\x03\x04")) {
        // Office files are zip archives; the names of the parts inside are stored in plain text.
        if (sample.indexOf("opendocument.spreadsheet") >= 0) {
            return fail(ErrorCode::Unsupported,
                        tr("This is a spreadsheet, not a CSV file. In LibreOffice choose File → Save As, pick "
                           "“Text CSV”, then import that file."));
        }
        if (sample.indexOf("word/") >= 0 || sample.indexOf("ppt/") >= 0 || sample.indexOf("opendocument.text") >= 0)
            return fail(ErrorCode::Unsupported, binaryMessage);
        return fail(ErrorCode::Unsupported, excelMessage);
    }
    if (startsWith(bytes, QByteArrayView("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)))
        return fail(ErrorCode::Unsupported, excelMessage);
    if (startsWith(bytes, "%PDF-") || startsWith(bytes, "{\\rtf"))
        return fail(ErrorCode::Unsupported, binaryMessage);

    DecodedText result;
    std::optional<QStringConverter::Encoding> encoding;
    qsizetype bomLength = 0;
    if (startsWith(bytes, QByteArrayView("\xFF\xFE\0\0", 4))) {
        encoding = QStringConverter::Utf32LE;
        bomLength = 4;
    } else if (startsWith(bytes, QByteArrayView("\0\0\xFE\xFF", 4))) {
        encoding = QStringConverter::Utf32BE;
        bomLength = 4;
    } else if (startsWith(bytes, "\xEF\xBB\xBF")) {
        encoding = QStringConverter::Utf8;
        bomLength = 3;
    } else if (startsWith(bytes, "\xFF\xFE")) {
        encoding = QStringConverter::Utf16LE;
        bomLength = 2;
    } else if (startsWith(bytes, "\xFE\xFF")) {
        encoding = QStringConverter::Utf16BE;
        bomLength = 2;
    } else {
        switch (sniffUtf16(sample)) {
        case Sniffed::Utf16LE:
            encoding = QStringConverter::Utf16LE;
            break;
        case Sniffed::Utf16BE:
            encoding = QStringConverter::Utf16BE;
            break;
        case Sniffed::Unknown:
            break;
        }
    }

    const QByteArrayView body = bytes.sliced(bomLength);
    if (encoding && *encoding != QStringConverter::Utf8) {
        QStringDecoder decoder(*encoding, QStringDecoder::Flag::Stateless);
        result.text = decoder.decode(body);
        result.encoding = QString::fromLatin1(QStringConverter::nameForEncoding(*encoding));
        if (looksBinary(QStringView(result.text).first(qMin(result.text.size(), SniffSize))))
            return fail(ErrorCode::Unsupported, binaryMessage);
        if (decoder.hasError())
            result.warnings << tr("Some letters in the file could not be read and were replaced by “�”. Check the names.");
    } else {
        if (looksBinary(body.first(qMin(body.size(), SniffSize))))
            return fail(ErrorCode::Unsupported, binaryMessage);
        QStringDecoder utf8(QStringConverter::Utf8, QStringDecoder::Flag::Stateless);
        result.text = utf8.decode(body);
        result.encoding = QStringLiteral("UTF-8");
        if (utf8.hasError()) {
            if (bomLength > 0) {
                // The file says it is UTF-8 but is damaged in places: keep what can be read.
                result.warnings << tr("Some letters in the file could not be read and were replaced by “�”. Check the names.");
            } else {
                result.text = decodeWindows1252(body);
                result.encoding = QStringLiteral("Windows-1252");
                result.warnings << tr("The file was not saved as UTF-8, so it was read as Western European text. "
                                      "Check names with special letters.");
            }
        }
    }
    // Every byte order mark at the start: files joined together, or saved again by a program that
    // adds one, can start with several, and the first column's name must not begin with one.
    qsizetype marks = 0;
    while (marks < result.text.size() && result.text[marks] == QChar(0xfeff))
        ++marks;
    result.text.remove(0, marks);

    bool blank = true;
    for (const QChar ch : std::as_const(result.text)) {
        if (!ch.isSpace()) {
            blank = false;
            break;
        }
    }
    if (blank)
        return fail(ErrorCode::InvalidInput, tr("The file is empty."));
    qCDebug(lcImport) << "decoded an import file as" << result.encoding << "with" << result.text.size() << "characters";
    return result;
}

} // namespace kengele
