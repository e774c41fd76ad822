// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QHash>
#include <QString>

namespace kengele {

// Where the organisation's settings live once the profile's database is open (architecture.md §7,
// "Shared and per-computer settings"): the settings every computer of the congregation shares.
// Settings reads and writes those keys through it; settings.ini keeps the per-computer ones.
// Names are the keys' names in settings.ini ("sending/quietHours"); values are text.
class SharedSettingsStore
{
public:
    virtual ~SharedSettingsStore() = default;

    // Every shared setting that holds a value (a setting set back to its default holds none).
    virtual Result<QHash<QString, QString>> readAll() const = 0;
    // Stores one value (a null QString: back to the default), whole or not at all.
    virtual Status write(const QString &name, const QString &value) = 0;
    // Takes this computer's values from before the settings were shared (settings.ini), for the
    // names that hold none yet, as changes older than any made since.
    virtual Status adopt(const QHash<QString, QString> &values) = 0;
};

} // namespace kengele
