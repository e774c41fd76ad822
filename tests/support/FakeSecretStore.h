// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "security/SecretStore.h"

#include <QHash>

#include <functional>

namespace kengele::test {

// In-memory SecretStore for unit tests of code that needs secrets.
class FakeSecretStore final : public SecretStore
{
public:
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    bool failNext = false;
    // Writes of the keys for which it answers true fail (a keychain that cannot save).
    std::function<bool(const QString &key)> refuseWrite;
    QHash<QString, QString> values;
};

} // namespace kengele::test
