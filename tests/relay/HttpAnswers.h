// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QList>

#include <utility>

namespace kengele::test {

// The HTTP answers in bytes a client received, in order, split by their Content-Length:
// (status, body). A 100 Continue counts as an answer with no body. Stops at the first thing that
// is not a whole answer.
inline QList<std::pair<int, QByteArray>> parseAnswers(const QByteArray &bytes)
{
    QList<std::pair<int, QByteArray>> result;
    qsizetype at = 0;
    while (at < bytes.size()) {
        const qsizetype end = bytes.indexOf("\r\n\r\n", at);
        if (end < 0 || !bytes.mid(at).startsWith("HTTP/1.1 "))
            break;
        const QByteArray head = bytes.mid(at, end - at);
        qsizetype length = 0;
        for (const QByteArray &line : head.split('\n')) {
            if (line.toLower().startsWith("content-length:"))
                length = line.mid(15).trimmed().toLongLong();
        }
        if (end + 4 + length > bytes.size())
            break;
        result.append({head.mid(9, 3).toInt(), bytes.mid(end + 4, length)});
        at = end + 4 + length;
    }
    return result;
}

} // namespace kengele::test
