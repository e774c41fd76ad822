// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ForgottenCheck.h"

#include "ForgottenOptOuts.h"

namespace kengele {

ForgottenCheck::ForgottenCheck(QByteArray subkey, QSet<QByteArray> hashes)
    : m_subkey(std::move(subkey))
    , m_hashes(std::move(hashes))
{ }

bool ForgottenCheck::blocks(const QString &e164) const
{
    if (m_hashes.isEmpty() || e164.isEmpty())
        return false;
    return m_hashes.contains(ForgottenOptOuts::hashOf(m_subkey, e164));
}

} // namespace kengele
