// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "SecretStore.h"

namespace kengele {

// The secrets of one profile inside a store that several profiles share: every key is prefixed with
// the profile's id ("<profile id>/africastalking/api-key"), so two congregations on one computer never
// share an API key or a device token. The command line scopes the store it is given this way once it
// knows which profile it opened.
class ScopedSecretStore final : public SecretStore
{
public:
    ScopedSecretStore(SecretStore &inner, QString scope);

    void read(const QString &key, ReadCallback done) override;
    void write(const QString &key, const QString &secret, WriteCallback done) override;
    void remove(const QString &key, WriteCallback done) override;

private:
    QString scopedKey(const QString &key) const;

    SecretStore &m_inner;
    QString m_scope;
};

} // namespace kengele
