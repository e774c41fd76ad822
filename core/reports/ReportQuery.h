// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "Period.h"
#include "common/Result.h"

#include <QJsonObject>
#include <QMap>
#include <QString>
#include <QStringList>

namespace kengele {

// A question for the reports: one measure (ReportRegistry: "failed", "replies", …) over a period,
// grouped by up to two dimensions ("network", "week", …) and narrowed by filters (dimension → value,
// the value as a chart's categoryKeys give it: "Airtel", "42", "2026-03-02").
struct ReportQuery {
    QString measure;
    QStringList groupBy;
    Period period;
    QMap<QString, QString> filters;

    // {"measure","group_by":[…],"period":"this-month"|"FROM..TO","filters":{…}}: how saved reports keep it.
    QJsonObject toJson() const;
    // today and zone: what "this-month" means when it is read back.
    static Result<ReportQuery> fromJson(const QJsonObject &json, QDate today, const QTimeZone &zone);
};

} // namespace kengele
