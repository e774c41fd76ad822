// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CampaignRenderer.h"

#include "messaging/MessageTemplate.h"
#include "messaging/SegmentCounter.h"

#include <utility>

namespace kengele {

void CampaignRenderer::render(const MessageTemplate &message, const QString &date,
                              const QList<RecipientSnapshot::Recipient> &recipients)
{
    *this = CampaignRenderer();
    m_personalised = message.isPersonalised();
    m_texts.reserve(recipients.size());
    m_segments.reserve(recipients.size());
    if (!m_personalised) {
        const QString shared = message.render({});
        const SegmentInfo info = SegmentCounter::count(shared);
        for (qsizetype i = 0; i < recipients.size(); ++i)
            add(shared, info.segments, info.isUnicode());
        return;
    }
    MergeValues values;
    values.date = date;
    for (const RecipientSnapshot::Recipient &r : recipients) {
        values.firstName = r.firstName;
        values.lastName = r.lastName;
        values.name = r.lastName.isEmpty() ? r.firstName : r.firstName.isEmpty() ? r.lastName : r.firstName + u' ' + r.lastName;
        values.phone = r.phone;
        values.group = r.group;
        QString text = message.render(values);
        const SegmentInfo info = SegmentCounter::count(text);
        add(std::move(text), info.segments, info.isUnicode());
    }
}

SmsEncoding CampaignRenderer::encoding() const
{
    return m_anyUnicode && m_anyGsm ? SmsEncoding::Mixed : m_anyUnicode ? SmsEncoding::Ucs2 : SmsEncoding::Gsm7;
}

void CampaignRenderer::add(QString text, int segments, bool unicode)
{
    m_texts.append(std::move(text));
    m_segments.append(segments);
    m_totalSegments += segments;
    m_maxSegments = qMax(m_maxSegments, segments);
    m_anyUnicode = m_anyUnicode || unicode;
    m_anyGsm = m_anyGsm || !unicode;
}

} // namespace kengele
