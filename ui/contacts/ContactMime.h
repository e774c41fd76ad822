// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QList>
#include <QString>

class QMimeData;

namespace kengele {

// Contacts dragged between views (contacts list → a group) travel as their ids.
namespace ContactMime {
QString mimeType();
QMimeData *encode(const QList<qint64> &ids);
QList<qint64> decode(const QMimeData *data);
} // namespace ContactMime

} // namespace kengele
