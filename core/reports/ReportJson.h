// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "ReportDocument.h"

#include <QJsonObject>

namespace kengele {

// A ReportDocument as JSON (`kengele-cli report run NAME --format json`, docs/cli.md): dates as
// YYYY-MM-DD, times as UTC ISO 8601, counts as integers, an empty cell as null.
class ReportJson final
{
public:
    static QJsonObject document(const ReportDocument &document);
    static QJsonObject table(const ReportTable &table);
    static QJsonObject chart(const ReportChart &chart);
};

} // namespace kengele
