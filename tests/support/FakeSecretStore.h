// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "security/SecretStore.h"

#include <QHash>

namespace kengele::test {

// In-memory SecretStore for unit tests of code that needs secrets.
class FakeSecretStore final : public SecretStore
{
public:
    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

    bool failNext = false;
    QHash<QString, QString> values;
};

} // namespace kengele::test
