// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QtGlobal>

namespace kengele {

// A campaign's tokens, derived from the ledger entries that carry its id.
// Always reserved == spent + released + held; when the campaign is over, held == 0.
struct CampaignTokens {
    qint64 accountId = 0; // the budget account its tokens came from; 0 when nothing was reserved
    qint64 reserved = 0;
    qint64 spent = 0;
    qint64 released = 0;
    qint64 held = 0; // still set aside for its queued messages
};

} // namespace kengele
