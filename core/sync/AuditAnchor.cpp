// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "AuditAnchor.h"

#include "RelayClient.h"
#include "RelaySyncService.h"
#include "SyncLog.h"

#include "common/Clock.h"
#include "security/AuditLog.h"
#include "settings/Settings.h"

#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QSet>
#include <QUrlQuery>

#include <algorithm>
#include <limits>

namespace kengele {

namespace {

// A send that never answered (the client was cancelled) is forgotten after this long.
constexpr qint64 StaleTryMs = 5 * 60'000;
// After a failed send, the next one waits this long.
constexpr qint64 RetryAfterFailureMs = 15 * 60'000;
// GET /v1/audit-anchor holds at most MaxAnchors of about 150 bytes each.
constexpr qint64 AnchorsAnswerLimit = 256LL * 1024;

QDateTime parseTime(const QString &text)
{
    const QDateTime time = QDateTime::fromString(text, Qt::ISODateWithMs);
    return time.isValid() ? time.toUTC() : QDateTime();
}

bool isLowerHex64(const QString &text)
{
    return text.size() == 64
        && std::all_of(text.cbegin(), text.cend(), [](QChar c) { return (c >= u'0' && c <= u'9') || (c >= u'a' && c <= u'f'); });
}

} // namespace

AuditAnchor::AuditAnchor(AuditLog &audit, Settings &settings, RelayClient &client, const Clock &clock, QObject *parent)
    : QObject(parent)
    , m_audit(audit)
    , m_settings(settings)
    , m_client(client)
    , m_clock(clock)
{ }

QString AuditAnchor::today() const
{
    return m_clock.nowUtc().date().toString(Qt::ISODate);
}

QString AuditAnchor::lastSentDay() const
{
    return m_settings.value(Settings::Key::AuditAnchorDay).toString();
}

bool AuditAnchor::isDue() const
{
    if (!isConnected() || lastSentDay() == today())
        return false;
    // An empty trail has nothing to anchor; a trail that cannot be read now is tried at the next sync.
    const Result<std::pair<qint64, QString>> head = m_audit.head();
    return head && head->first > 0;
}

bool AuditAnchor::isConnected() const
{
    return m_client.hasToken() && m_client.baseUrl().isValid() && !m_client.baseUrl().isEmpty();
}

Status AuditAnchor::connectedOrWhyNot() const
{
    if (isConnected())
        return {};
    return fail(ErrorCode::NotFound,
                tr("This computer is not connected to a relay, so the audit trail cannot be compared with the relay's "
                   "daily copies. Connect it in Settings → Relay."));
}

void AuditAnchor::sendNow(SendCallback done)
{
    if (Status connected = connectedOrWhyNot(); !connected) {
        done(std::unexpected(connected.error()));
        return;
    }
    const Result<AuditCheck> holds = m_audit.verify();
    if (!holds) {
        done(std::unexpected(holds.error()));
        return;
    }
    if (!holds->ok) {
        done(fail(ErrorCode::Conflict,
                  tr("The audit trail does not hold at entry %1 (%2), so it is not sent to the relay.")
                      .arg(holds->firstBad)
                      .arg(holds->reason)));
        return;
    }
    const Result<std::pair<qint64, QString>> head = m_audit.head();
    if (!head) {
        done(std::unexpected(head.error()));
        return;
    }
    if (head->first == 0) {
        done(fail(ErrorCode::InvalidInput, tr("The audit trail is still empty: there is nothing to send to the relay yet.")));
        return;
    }
    const QJsonObject body{{QStringLiteral("entries"), head->first}, {QStringLiteral("hash"), head->second}};
    m_client.postJson(QStringLiteral("/v1/audit-anchor"), body,
                      [this, head = *head, done = std::move(done)](RelayResult<QJsonObject> answer) {
                          if (!answer) {
                              done(std::unexpected(answer.error().toError()));
                              return;
                          }
                          RelayAnchor anchor{answer->value(QStringLiteral("day")).toString(),
                                             answer->value(QStringLiteral("entries")).toInteger(),
                                             answer->value(QStringLiteral("hash")).toString(),
                                             parseTime(answer->value(QStringLiteral("received")).toString())};
                          if (anchor.entries != head.first || anchor.hash != head.second) {
                              done(fail(ErrorCode::Unsupported,
                                        tr("The relay's answer did not repeat the audit trail's head it was sent. Tell the "
                                           "relay's administrator.")));
                              return;
                          }
                          // This computer's day, which isDue() compares with (the relay files the anchor
                          // under its own; a clock off by a day must not make every sync send again).
                          m_settings.setValue(Settings::Key::AuditAnchorDay, today());
                          qCInfo(lcSync) << "audit trail anchored at the relay: entries" << anchor.entries;
                          done(std::move(anchor));
                      });
}

void AuditAnchor::sendIfDue()
{
    if (!isDue())
        return;
    const qint64 now = m_clock.nowMs();
    if (m_tryingSince != 0 && now - m_tryingSince < StaleTryMs)
        return;
    if (now < m_nextTryAt)
        return;
    m_tryingSince = now;
    sendNow([this](const Result<RelayAnchor> &sent) {
        m_tryingSince = 0;
        if (!sent) {
            m_nextTryAt = m_clock.nowMs() + RetryAfterFailureMs;
            qCInfo(lcSync) << "the audit trail's head was not sent to the relay:" << sent.error().message;
        }
    });
}

void AuditAnchor::follow(RelaySyncService &sync)
{
    connect(&sync, &RelaySyncService::statusChanged, this, [this](const RelaySyncStatus &status) {
        if (status.connected)
            sendIfDue();
    });
}

void AuditAnchor::check(CheckCallback done)
{
    if (Status connected = connectedOrWhyNot(); !connected) {
        done(std::unexpected(connected.error()));
        return;
    }
    QUrlQuery query;
    query.addQueryItem(QStringLiteral("limit"), QString::number(MaxAnchors));
    m_client.getJson(
        QStringLiteral("/v1/audit-anchor"), query,
        [this, done = std::move(done)](RelayResult<QJsonObject> answer) {
            if (!answer) {
                done(std::unexpected(answer.error().toError()));
                return;
            }
            const QJsonValue list = answer->value(QStringLiteral("anchors"));
            QList<RelayAnchor> anchors;
            bool readable = list.isArray();
            for (const QJsonValue &value : list.toArray()) {
                const QJsonObject item = value.toObject();
                RelayAnchor anchor{
                    item.value(QStringLiteral("day")).toString(), item.value(QStringLiteral("entries")).toInteger(),
                    item.value(QStringLiteral("hash")).toString(), parseTime(item.value(QStringLiteral("received")).toString())};
                if (anchor.entries < 1 || !isLowerHex64(anchor.hash)) {
                    readable = false;
                    break;
                }
                anchors.append(std::move(anchor));
            }
            if (!readable) {
                done(fail(ErrorCode::Unsupported,
                          tr("The relay's copies of the audit trail's head could not be read. Tell the relay's "
                             "administrator.")));
                return;
            }
            done(compare(anchors));
        },
        AnchorsAnswerLimit);
}

Result<AnchorCheck> AuditAnchor::compare(const QList<RelayAnchor> &anchors) const
{
    QSet<qint64> counts;
    for (const RelayAnchor &anchor : anchors)
        counts.insert(anchor.entries);
    const Result<QHash<qint64, QString>> hashes = m_audit.recomputedHashes(counts);
    if (!hashes)
        return std::unexpected(hashes.error());
    const Result<std::pair<qint64, QString>> head = m_audit.head();
    if (!head)
        return std::unexpected(head.error());
    AuditFilter restoresOnly;
    restoresOnly.action = QStringLiteral("backup.restore");
    const Result<QList<AuditEntry>> restores = m_audit.list(restoresOnly);
    if (!restores)
        return std::unexpected(restores.error());
    // The restore, if any, that explains why `anchor` no longer holds: one made after the relay
    // received that copy (by the relay's clock, or by its day when the time was not given). The trail
    // the copy was made of is not the one in use since: the backup's may be older, or come from the
    // church's other computer. Not where the restore entry stands: a restored trail that goes its own
    // way from entry 1 on is just as much a restore.
    const auto replacingRestore = [&](const RelayAnchor &anchor) -> const AuditEntry * {
        const AuditEntry *found = nullptr;
        for (const AuditEntry &restore : *restores) {
            const bool before = anchor.received.isValid() ? anchor.received < restore.time
                                                          : anchor.day < restore.time.date().toString(Qt::ISODate);
            if (before && (!found || restore.time > found->time))
                found = &restore;
        }
        return found;
    };
    // Oldest first: the first anchor that fails says from when on the trail is not what was recorded.
    QList<RelayAnchor> ordered = anchors;
    std::sort(ordered.begin(), ordered.end(),
              [](const RelayAnchor &a, const RelayAnchor &b) { return a.day != b.day ? a.day < b.day : a.entries < b.entries; });
    AnchorCheck check;
    for (const RelayAnchor &anchor : std::as_const(ordered)) {
        const bool holds = hashes->contains(anchor.entries) && hashes->value(anchor.entries) == anchor.hash;
        if (!holds) {
            if (const AuditEntry *restore = replacingRestore(anchor)) {
                ++check.replacedByRestore;
                if (!check.lastRestore.isValid() || restore->time > check.lastRestore)
                    check.lastRestore = restore->time;
                continue;
            }
        }
        ++check.checked;
        if (holds || !check.ok)
            continue;
        const QString day = anchor.received.isValid()
            ? QLocale().toString(anchor.received.toLocalTime().date(), QLocale::ShortFormat)
            : anchor.day;
        if (!hashes->contains(anchor.entries)) {
            check.ok = false;
            check.reason = tr("On %1 the relay recorded a trail of %n entries, but this computer's trail now holds %2: "
                              "entries were removed.",
                              nullptr, int(qMin<qint64>(anchor.entries, std::numeric_limits<int>::max())))
                               .arg(day)
                               .arg(head->first);
        } else {
            check.ok = false;
            check.reason = tr("The trail's first %n entries are not what the relay recorded on %1: the trail was written "
                              "anew.",
                              nullptr, int(qMin<qint64>(anchor.entries, std::numeric_limits<int>::max())))
                               .arg(day);
        }
        check.firstBadAnchor = anchor.entries;
        check.firstBadDay = anchor.day;
    }
    if (check.replacedByRestore > 0)
        check.note = tr("%n of the relay's daily copies were made before the backup restored on %1 and no longer "
                        "apply.",
                        nullptr, check.replacedByRestore)
                         .arg(QLocale().toString(check.lastRestore.toLocalTime(), QLocale::ShortFormat));
    return check;
}

} // namespace kengele
