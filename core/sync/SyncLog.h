// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QLoggingCategory>

// The relay link (core/sync). Counts and sequence numbers only: never tokens, phone numbers or
// message texts.
Q_DECLARE_LOGGING_CATEGORY(lcSync)
