// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "HttpAnswers.h"
#include "http/HttpConnection.h"

#include <QByteArray>

namespace kengele::test {

// An HttpConnection's transport in memory: what the server writes collects in `written`. For the
// HTTP tests and the fuzzing harness (no sockets).
class MemoryTransport final : public relay::HttpTransport
{
public:
    void write(const QByteArray &bytes) override
    {
        if (!closed)
            written += bytes;
    }
    qint64 pendingOutput() const override { return 0; }
    void close() override { closed = true; }
    bool isOpen() const override { return !closed; }
    void resumeInput() override { ++resumed; }

    // The answers written, in order: (status, body).
    QList<std::pair<int, QByteArray>> answers() const { return parseAnswers(written); }
    QList<int> statuses() const
    {
        QList<int> result;
        for (const auto &answer : answers())
            result.append(answer.first);
        return result;
    }

    QByteArray written;
    bool closed = false;
    int resumed = 0;
};

} // namespace kengele::test
