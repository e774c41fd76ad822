// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RecipientSnapshot.h"
#include "messaging/SmsEncoding.h"

#include <QList>
#include <QString>
#include <QStringList>

namespace kengele {

class MessageTemplate;

// Every recipient's message of a campaign, rendered from its template, with its SMS parts counted
// (personalised texts differ in length), and what they add up to. A text without merge fields is
// rendered and counted once and shared by everyone.
class CampaignRenderer final
{
public:
    // Replaces any earlier rendering. `date` is what {date} becomes.
    void render(const MessageTemplate &message, const QString &date, const QList<RecipientSnapshot::Recipient> &recipients);

    const QStringList &texts() const { return m_texts; } // one per recipient, in their order
    const QList<int> &segments() const { return m_segments; } // the SMS parts of each text
    bool isPersonalised() const { return m_personalised; }
    int totalSegments() const { return m_totalSegments; }
    int maxSegments() const { return m_maxSegments; } // the longest single message
    bool needsUnicode() const { return m_anyUnicode; } // at least one text is UCS-2
    SmsEncoding encoding() const; // Mixed: some texts are GSM-7, some UCS-2

private:
    void add(QString text, int segments, bool unicode);

    QStringList m_texts;
    QList<int> m_segments;
    bool m_personalised = false;
    int m_totalSegments = 0;
    int m_maxSegments = 0;
    bool m_anyUnicode = false;
    bool m_anyGsm = false;
};

} // namespace kengele
