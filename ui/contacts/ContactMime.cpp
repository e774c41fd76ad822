// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ContactMime.h"

#include <QDataStream>
#include <QIODevice>
#include <QMimeData>

namespace kengele::ContactMime {

QString mimeType()
{
    return QStringLiteral("application/x-kengele-contact-ids");
}

QMimeData *encode(const QList<qint64> &ids)
{
    QByteArray bytes;
    QDataStream stream(&bytes, QIODevice::WriteOnly);
    stream << ids;
    auto *data = new QMimeData;
    data->setData(mimeType(), bytes);
    return data;
}

QList<qint64> decode(const QMimeData *data)
{
    QList<qint64> ids;
    if (!data || !data->hasFormat(mimeType()))
        return ids;
    QByteArray bytes = data->data(mimeType());
    QDataStream stream(&bytes, QIODevice::ReadOnly);
    stream >> ids;
    return ids;
}

} // namespace kengele::ContactMime
