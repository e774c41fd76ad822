// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QSet>
#include <QString>

namespace kengele {

// The numbers of people who opted out and were then forgotten at their request, as ForgottenOptOuts
// read them for one check (a launch, an import, adding a contact): their keyed hashes and the key to
// hash a number the same way. Empty (no key at all) while nobody has been forgotten.
class ForgottenCheck final
{
public:
    ForgottenCheck() = default;
    ForgottenCheck(QByteArray subkey, QSet<QByteArray> hashes);

    bool isEmpty() const { return m_hashes.isEmpty(); }
    // Whether `e164` is such a number: it must never be texted, added or imported again.
    bool blocks(const QString &e164) const;

private:
    QByteArray m_subkey;
    QSet<QByteArray> m_hashes;
};

} // namespace kengele
