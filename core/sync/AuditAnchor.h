// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelaySyncStatus.h"
#include "common/Result.h"

#include <QDateTime>
#include <QList>
#include <QObject>
#include <QString>

#include <functional>

namespace kengele {

class AuditLog;
class Clock;
class RelayClient;
class RelaySyncService;
class Settings;

// One head of this computer's audit trail as the relay keeps it (GET /v1/audit-anchor).
struct RelayAnchor {
    QString day; // yyyy-MM-dd, UTC
    qint64 entries = 0;
    QString hash;
    QDateTime received; // UTC
};

// What comparing the trail with the relay's anchors found.
struct AnchorCheck {
    int checked = 0; // anchors compared (those a restore replaced are not)
    bool ok = true;
    qint64 firstBadAnchor = 0; // the entry count of the first (oldest) anchor that does not hold, when !ok
    QString firstBadDay; // and its day
    QString reason; // why, for people
    // Anchors the relay received before a backup was restored that no longer hold: they were of the
    // trail the restore replaced and are not counted against this one. The restore's own entry in the
    // trail says who restored which backup, and when; `note` says it for people.
    int replacedByRestore = 0;
    QDateTime lastRestore; // UTC: the newest restore that replaced any, when replacedByRestore > 0
    QString note;
};

// The daily audit anchor (docs/architecture.md §7, docs/relay.md "Audit anchors"). The audit trail
// and its `audit-head` file can both be rewritten by someone with the files, and then the trail
// holds by itself; the relay's copies of the head cannot. Once a UTC day, while the relay is
// connected, this sends the trail's head (the number of entries and the last hash) to the relay;
// check() fetches the relay's anchors and works out, from the entries themselves, what the trail
// hashes to at each anchored count: a trail rewritten or cut short no longer matches. Restoring a
// backup puts back another trail (and records the restore in it): the anchors received before the
// restore that no longer hold are then counted as replaced, and said so, not reported as tampering.
//
// The client must have the relay's address and this computer's key (else every call says how to
// connect). The day last sent is kept in the settings (it is no secret).
class AuditAnchor final : public QObject
{
    Q_OBJECT

public:
    using SendCallback = std::function<void(Result<RelayAnchor>)>;
    using CheckCallback = std::function<void(Result<AnchorCheck>)>;

    AuditAnchor(AuditLog &audit, Settings &settings, RelayClient &client, const Clock &clock, QObject *parent = nullptr);

    // Sends the head now (`kengele-cli audit anchor`), after checking the trail holds here: a trail
    // that does not hold is not anchored. An empty trail has nothing to anchor.
    void sendNow(SendCallback done);
    // Sends the head when it has not been sent yet this UTC day (and no try is under way or failed
    // a moment ago); does nothing otherwise. Failures are logged and tried again later.
    void sendIfDue();
    // Sends when `sync` says the relay answered (each of its regular syncs), once a day.
    void follow(RelaySyncService &sync);
    // Compares the trail with every anchor the relay keeps for this computer.
    void check(CheckCallback done);
    // The comparison itself, for anchors already fetched.
    Result<AnchorCheck> compare(const QList<RelayAnchor> &anchors) const;

    // The UTC day the head was last sent, or empty.
    QString lastSentDay() const;
    // Connected, the head not sent yet this UTC day, and a trail to send.
    bool isDue() const;
    bool isConnected() const;

    // The most anchors the relay keeps and gives back per computer.
    static constexpr int MaxAnchors = 400;

private:
    Status connectedOrWhyNot() const;
    QString today() const;

    AuditLog &m_audit;
    Settings &m_settings;
    RelayClient &m_client;
    const Clock &m_clock;
    qint64 m_tryingSince = 0; // ms; 0: no try under way
    qint64 m_nextTryAt = 0; // ms; after a failure
};

} // namespace kengele
