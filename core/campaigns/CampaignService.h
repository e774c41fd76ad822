#pragma once

#include "Campaign.h"
#include "common/Result.h"

#include <QObject>

namespace kengele {

class Clock;
class Database;
class TokenLedger;

// Campaigns: preview (what a send would do and cost), launch (DESIGN 3.3: snapshot the recipients,
// render every message, write the outbox rows and reserve the tokens in ONE transaction), and the
// campaign list. Dispatching the outbox is the Dispatcher's job.
class CampaignService final : public QObject
{
    Q_OBJECT

public:
    // Limits that protect the budget; the caller may change them (settings).
    struct Limits {
        int warnSegments = 10;      // a message longer than this gets a warning
        int maxSegments = 20;       // a message longer than this is refused
        qint64 pastScheduleGraceMs = 60'000;
    };

    CampaignService(Database &database, TokenLedger &ledger, const Clock &clock, QObject *parent = nullptr);

    void setLimits(const Limits &limits) { m_limits = limits; }
    const Limits &limits() const { return m_limits; }

    Result<CampaignPreview> preview(const CampaignDraft &draft, int samples = 3) const;
    Result<Campaign> launch(const CampaignDraft &draft, const QString &userName = {});

    Result<Campaign> get(qint64 id) const;
    // Newest first.
    Result<QList<Campaign>> list() const;

    // The campaign's messages, optionally only those in one state, in outbox order.
    Result<int> countRecipients(qint64 campaignId, const QString &state = {}) const;
    Result<QList<OutboxRow>> recipients(qint64 campaignId, const QString &state, int offset, int limit) const;

Q_SIGNALS:
    void campaignsChanged();

private:
    struct Recipient {
        qint64 contactId = 0;
        QString firstName;
        QString lastName;
        QString phone;
        QString group;
    };
    struct Rendered {
        QList<Recipient> recipients;
        QStringList texts;
        QList<int> segments;
        CampaignPreview preview;
    };
    Result<Rendered> render(const CampaignDraft &draft, int samples) const;

    Database &m_database;
    TokenLedger &m_ledger;
    const Clock &m_clock;
    Limits m_limits;
};

} // namespace kengele
