// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SyncLog.h"

Q_LOGGING_CATEGORY(lcSync, "kengele.sync")
