// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>

namespace kengele {

class Profile;

// Fills a new profile with a believable congregation (Kenyan names and numbers, the usual groups,
// a few templates) and a year of its messaging (DemoHistory) so the app is alive on first start.
// Deterministic: the same seed gives the same people and history. Demo contacts are marked with
// source 'demo' and can be removed in one step (their campaigns, messages and replies stay).
class DemoCongregation final
{
    Q_DECLARE_TR_FUNCTIONS(DemoCongregation)

public:
    static Status populate(Profile &profile, int people = 320, quint32 seed = 2026);
};

} // namespace kengele
