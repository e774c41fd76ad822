// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QEventLoop>

#include <chrono>
#include <memory>
#include <optional>

namespace kengele {

// Waits in a local event loop until something asynchronous is over: the one way the command line,
// tests and blocking helpers (SecretStore::readNow...) wait. Never on the GUI thread: the window
// would freeze, and other events would run in the middle of whatever called it.
//
//   EventLoopWait wait;                                  // until a signal says so
//   QObject::connect(&sync, &Sync::stopped, &context, [&] { wait.quit(); });
//   const bool quit = wait.run(std::chrono::seconds(30)); // false: the time ran out
//
//   const auto answer = EventLoopWait::forAnswer<Result<Balance>>([&](auto done) { gateway.balance(done); },
//                                                                  std::chrono::seconds(30));
class EventLoopWait final
{
public:
    // run() with no time limit, for what ends by itself (a request with its own timeout...).
    static constexpr std::chrono::milliseconds NoTimeout{-1};

    EventLoopWait() = default;
    EventLoopWait(const EventLoopWait &) = delete;
    EventLoopWait &operator=(const EventLoopWait &) = delete;

    // Ends run(). Called before run() (the answer came at once), run() returns at once.
    void quit();
    bool isQuit() const { return m_quit; }
    // Runs the event loop until quit() or until `timeout` has passed; true when quit() ended it.
    bool run(std::chrono::milliseconds timeout);

    // Starts something that answers through a callback taking a T, and waits for the answer, at most
    // `timeout`; nullopt when none came in time (an answer after that is dropped, safely).
    template<typename T, typename Start> static std::optional<T> forAnswer(Start &&start, std::chrono::milliseconds timeout);
    // The same with no time limit, for calls that always answer (their own timeouts give up).
    template<typename T, typename Start> static T forAnswer(Start &&start);

private:
    QEventLoop m_loop;
    bool m_quit = false;
};

template<typename T, typename Start> std::optional<T> EventLoopWait::forAnswer(Start &&start, std::chrono::milliseconds timeout)
{
    // Shared with the callback, which may outlive this call when the answer comes too late.
    struct State {
        std::optional<T> value;
        EventLoopWait *wait = nullptr;
    };
    auto state = std::make_shared<State>();
    EventLoopWait wait;
    state->wait = &wait;
    start([state](T value) {
        if (!state->wait || state->value)
            return;
        state->value = std::move(value);
        state->wait->quit();
    });
    wait.run(timeout);
    state->wait = nullptr;
    return std::move(state->value);
}

template<typename T, typename Start> T EventLoopWait::forAnswer(Start &&start)
{
    std::optional<T> answer = forAnswer<T>(std::forward<Start>(start), NoTimeout);
    if (!answer) // only a timeout leaves it empty, and there is none
        qFatal("EventLoopWait::forAnswer: no answer without a timeout");
    return std::move(*answer);
}

} // namespace kengele
