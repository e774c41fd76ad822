// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QString>

#include <functional>

namespace kengele {

// How ContactImporter::run() imports. Every member is optional.
struct ImportOptions {
    // Country for numbers written without a country code ("KE", "TZ", "UG"...). Empty: the
    // profile's region (Settings → phone region).
    QString region;
    // Every imported contact, new or updated, joins this group; it is created when missing.
    QString groupName;
    // Called from the importing thread after every chunk of rows (about every 2,000 rows) and at
    // the end, with rows done and rows in the file. Forward it to the GUI with a queued signal.
    std::function<void(qint64 done, qint64 total)> progress;
    // Asked about every 1,000 rows; returning true stops the import and nothing is changed.
    std::function<bool()> isCancelled;
};

} // namespace kengele
