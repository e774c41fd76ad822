// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

namespace kengele {

struct Group {
    qint64 id = 0;
    QString name;
    QString description;
    int memberCount = 0;
    int optedOutCount = 0; // members whose number is opted out
};

} // namespace kengele
