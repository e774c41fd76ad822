// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "http/HttpConnection.h"

#include <QObject>
#include <QString>
#include <QTimer>

#include <functional>
#include <list>

namespace kengele::relay {

// The requests held open (GET /v1/events, /v1/changes, /v1/join and /v1/join-requests with wait > 0,
// docs/relay.md) until something arrives for their organisation or their wait ends. Answering is the server's: the registry calls
// `answer` when a poll is woken (timedOut false: answer only when there is something to send) or
// its time is up (timedOut true: answer in any case), and forgets the poll once it is answered or
// its client has gone.
class LongPollRegistry final : public QObject
{
    Q_OBJECT

public:
    // What a held request waits for; answering is the server's either way.
    enum class Kind { Events, Changes, JoinState, JoinRequests };
    struct Waiter {
        QString orgId;
        QString deviceId;
        qint64 after = 0;
        int limit = 0;
        qint64 deadlineMs = 0; // UTC ms
        HttpResponder responder;
        bool held = false; // false while the request that asked is being answered
        Kind kind = Kind::Events; // Events and Changes: `after` is a sequence number; the joins: a version
    };
    // True when the poll was answered, or needs no answer (its client went away).
    using Answer = std::function<bool(Waiter &waiter, bool timedOut)>;

    explicit LongPollRegistry(Answer answer, QObject *parent = nullptr);

    void hold(Waiter &&waiter);
    // An event arrived for the organisation: answers its polls.
    void wake(const QString &orgId);
    int size() const { return int(m_waiters.size()); }

private:
    void sweep();

    Answer m_answer;
    std::list<Waiter> m_waiters; // erased from the middle as they are answered
    QTimer m_sweepTimer;
};

} // namespace kengele::relay
