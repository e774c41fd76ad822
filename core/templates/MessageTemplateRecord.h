// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QDateTime>
#include <QString>

namespace kengele {

// A saved SMS template as stored; parsing and rendering are MessageTemplate's job.
struct MessageTemplateRecord {
    qint64 id = 0;
    QString name;
    QString body;
    QDateTime updated;
};

} // namespace kengele
