// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QSqlDatabase>

namespace kengele {

// Numbered schema steps. Step N brings a database from user_version N-1 to N.
// All pending steps run in ONE transaction; a failure leaves the file untouched.
class Migrations final
{
public:
    static int latestVersion();
    static Status apply(QSqlDatabase db, int fromVersion);
};

} // namespace kengele
