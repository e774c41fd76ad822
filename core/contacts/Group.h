// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <compare>

namespace kengele {

constexpr int MaxGroupNameLength = 60;

struct Group {
    qint64 id = 0;
    QString name;
    QString description;
    int memberCount = 0;
    int optedOutCount = 0; // members whose number is opted out
};

// One contact in one group.
struct Membership {
    qint64 groupId = 0;
    qint64 contactId = 0;

    auto operator<=>(const Membership &other) const = default;
};

} // namespace kengele
