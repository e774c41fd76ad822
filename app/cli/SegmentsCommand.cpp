// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SegmentsCommand.h"

#include "messaging/SegmentCounter.h"

#include <QStringDecoder>

namespace kengele {

QJsonObject SegmentsCommand::json(const SegmentInfo &info)
{
    return QJsonObject{{QStringLiteral("encoding"), info.encodingName()},
                       {QStringLiteral("segments"), info.segments},
                       {QStringLiteral("units"), info.units},
                       {QStringLiteral("characters"), info.characters}};
}

int SegmentsCommand::run(const QStringList &words)
{
    if (!m_cli.allowOnly({}))
        return BadUsage;
    QString text;
    if (!words.isEmpty()) {
        text = words.join(u' ');
    } else {
        const QByteArray bytes = m_cli.readInput();
        QStringDecoder decoder(QStringDecoder::Utf8);
        text = decoder.decode(bytes);
        if (decoder.hasError())
            return m_cli.failed({ErrorCode::InvalidInput, tr("The text is not valid UTF-8.")});
    }
    const SegmentInfo info = SegmentCounter::count(text);
    if (m_cli.json()) {
        m_cli.printJson(json(info));
    } else {
        m_cli.out() << tr("%1, %n segment(s), %2 units, %3 characters", nullptr, info.segments)
                           .arg(info.encodingName())
                           .arg(info.units)
                           .arg(info.characters)
                    << Qt::endl;
    }
    return Done;
}

} // namespace kengele
