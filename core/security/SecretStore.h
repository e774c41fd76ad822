// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QString>

#include <chrono>

#include <functional>

namespace kengele {

// Where secrets live (API keys, device tokens, encryption keys): the operating system's keychain in
// the app, a fake in unit tests. There is deliberately no "store it in a file" fallback.
class SecretStore
{
    Q_DECLARE_TR_FUNCTIONS(SecretStore)

public:
    using ReadCallback = std::function<void(Result<QString>)>;
    using WriteCallback = std::function<void(Status)>;

    virtual ~SecretStore() = default;

    virtual void read(const QString &key, ReadCallback done) = 0;
    virtual void write(const QString &key, const QString &secret, WriteCallback done) = 0;
    virtual void remove(const QString &key, WriteCallback done) = 0;

    // Blocking forms for the command line and tests: they wait in a local event loop
    // (EventLoopWait) until the asynchronous call finishes, at most NowTimeout (the keychain may
    // ask to be unlocked; a password store that never answers becomes an error). Do not call them
    // from the GUI thread.
    static constexpr std::chrono::minutes NowTimeout{2};
    Result<QString> readNow(const QString &key);
    Status writeNow(const QString &key, const QString &secret);
    Status removeNow(const QString &key);
};

} // namespace kengele
