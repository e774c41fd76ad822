// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "LedgerReplay.h"

#include "LotBook.h"
#include "TokenKinds.h"

#include "common/Log.h"
#include "storage/Database.h"

#include <QHash>
#include <QSet>
#include <QSqlError>
#include <QSqlQuery>
#include <QVariant>

#include <algorithm>
#include <map>
#include <optional>
#include <tuple>

namespace kengele {

namespace {

constexpr qint64 HourMs = 3'600'000;
constexpr qint64 LegacyLot = 1; // the lot of a ledger from before lots (schema version 7)

using Pair = std::pair<qint64, qint64>;

Error storageError(const QSqlQuery &q)
{
    return Database::storageError(q.lastError(), LedgerReplay::tr("Recounting the token lots"));
}

// The replay's state: lots, holdings, campaigns.
class Replay final
{
public:
    explicit Replay(const QSqlDatabase &db)
        : m_db(db)
        , m_split(db)
    {
        m_split.prepare(QStringLiteral("INSERT INTO token_entry_lots(entry_id, lot_id, amount) VALUES (?, ?, ?)"));
    }

    Status load()
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT id, kind FROM token_accounts")))
            return std::unexpected(storageError(q));
        while (q.next())
            m_budget.insert(q.value(0).toLongLong(), accountKindFromKey(q.value(1).toString()) == TokenAccountKind::Budget);
        if (!q.exec(QStringLiteral("SELECT l.id, l.transfer_id, l.expires_at, t.uid FROM token_lots l "
                                   "LEFT JOIN token_transfers t ON t.id = l.transfer_id")))
            return std::unexpected(storageError(q));
        while (q.next()) {
            const qint64 lot = q.value(0).toLongLong();
            const QVariant expires = q.value(2);
            m_order.insert(lot, OrderKey{lot == LotBook::OverdraftLot, expires.isNull(), expires.toLongLong(), lot});
            if (!q.value(1).isNull())
                m_lotOfTransfer.insert(q.value(1).toLongLong(), lot);
            if (!q.value(3).isNull())
                m_lotOfUid.insert(q.value(3).toString(), lot);
            if (lot == LegacyLot && q.value(1).isNull())
                m_hasLegacy = true;
        }
        return {};
    }

    // Replays the transfers in clock order: all of them, or those from `fromId` on (append).
    Status run(qint64 fromId = 0)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        q.prepare(QStringLiteral(
                      "SELECT t.id, t.kind, t.campaign_ref, t.lot, t.created_at, fe.id, fe.account_id, te.id, te.account_id, "
                      "te.amount FROM token_transfers t JOIN token_entries fe ON fe.transfer_id = t.id AND fe.amount < 0 "
                      "JOIN token_entries te ON te.transfer_id = t.id AND te.amount > 0 %1 ORDER BY t.hlc, t.device, t.id")
                      .arg(fromId > 0 ? QStringLiteral("WHERE t.id >= ?") : QString()));
        if (fromId > 0)
            q.addBindValue(fromId);
        if (!q.exec())
            return std::unexpected(storageError(q));
        while (q.next()) {
            Transfer t;
            t.id = q.value(0).toLongLong();
            t.kind = transferKindFromKey(q.value(1).toString());
            t.campaign = q.value(2).toString();
            t.lot = q.value(3).toString();
            t.created = q.value(4).toLongLong();
            t.fromEntry = q.value(5).toLongLong();
            t.from = q.value(6).toLongLong();
            t.toEntry = q.value(7).toLongLong();
            t.to = q.value(8).toLongLong();
            t.tokens = q.value(9).toLongLong();
            if (!t.kind)
                continue;
            if (Status ok = step(t); !ok)
                return ok;
        }
        return {};
    }

    // For append(): what each budget holds of each lot now, and the state of the campaigns the
    // new transfers name, as the replay of the transfers before `firstNewId` left them.
    Status loadState(qint64 firstNewId)
    {
        QSqlQuery q(m_db);
        q.setForwardOnly(true);
        if (!q.exec(QStringLiteral("SELECT account_id, lot_id, tokens FROM token_lot_holdings")))
            return std::unexpected(storageError(q));
        while (q.next()) {
            const Pair key{q.value(0).toLongLong(), q.value(1).toLongLong()};
            m_holdings.insert(key, q.value(2).toLongLong());
            m_lotsOf[key.first].insert(key.second);
        }
        q.prepare(QStringLiteral("SELECT DISTINCT campaign_ref FROM token_transfers WHERE id >= ? AND campaign_ref <> ''"));
        q.addBindValue(firstNewId);
        if (!q.exec())
            return std::unexpected(storageError(q));
        QStringList campaigns;
        while (q.next())
            campaigns << q.value(0).toString();
        QSqlQuery account(m_db);
        account.prepare(
            QStringLiteral("SELECT fe.account_id FROM token_transfers t JOIN token_entries fe ON fe.transfer_id = t.id "
                           "AND fe.amount < 0 WHERE t.campaign_ref = ? AND t.kind = 'reserve' AND t.id < ? "
                           "ORDER BY t.hlc, t.device, t.id LIMIT 1"));
        QSqlQuery spent(m_db);
        spent.prepare(QStringLiteral("SELECT coalesce(sum(te.amount), 0) FROM token_transfers t JOIN token_entries te ON "
                                     "te.transfer_id = t.id AND te.amount > 0 WHERE t.campaign_ref = ? AND t.kind = 'spend' "
                                     "AND t.id < ?"));
        // A reserve's lots were recorded on its (negative) budget entry, a release's on its
        // (positive) one: what the campaign holds of a lot is what it took less what went back.
        QSqlQuery lots(m_db);
        lots.prepare(
            QStringLiteral("SELECT el.lot_id, -sum(el.amount) FROM token_transfers t JOIN token_entries e ON "
                           "e.transfer_id = t.id JOIN token_entry_lots el ON el.entry_id = e.id WHERE t.campaign_ref = ? "
                           "AND t.id < ? AND ((t.kind = 'reserve' AND e.amount < 0) OR (t.kind = 'release' AND "
                           "e.amount > 0)) GROUP BY el.lot_id"));
        for (const QString &ref : std::as_const(campaigns)) {
            Campaign c;
            for (QSqlQuery *each : {&account, &spent, &lots}) {
                each->bindValue(0, ref);
                each->bindValue(1, firstNewId);
                if (!each->exec())
                    return std::unexpected(storageError(*each));
            }
            if (account.next())
                c.account = account.value(0).toLongLong();
            if (spent.next())
                c.spent = spent.value(0).toLongLong();
            while (lots.next())
                c.lots.insert(lots.value(0).toLongLong(), lots.value(1).toLongLong());
            m_campaigns.insert(ref, c);
        }
        return {};
    }

    // Writes what changed: the holdings touched (a holding back to 0 is removed), the spending
    // added to its hours.
    Status save()
    {
        QSqlQuery q(m_db);
        QSqlQuery gone(m_db);
        q.prepare(QStringLiteral("INSERT OR REPLACE INTO token_lot_holdings(account_id, lot_id, tokens) VALUES (?, ?, ?)"));
        gone.prepare(QStringLiteral("DELETE FROM token_lot_holdings WHERE account_id = ? AND lot_id = ?"));
        for (const Pair &key : std::as_const(m_touched)) {
            const qint64 tokens = m_holdings.value(key, 0);
            QSqlQuery &write = tokens == 0 ? gone : q;
            write.bindValue(0, key.first);
            write.bindValue(1, key.second);
            if (tokens != 0)
                write.bindValue(2, tokens);
            if (!write.exec())
                return std::unexpected(storageError(write));
        }
        q.prepare(QStringLiteral("INSERT INTO token_spend_hours(hour, account_id, tokens) VALUES (?, ?, ?) "
                                 "ON CONFLICT(hour, account_id) DO UPDATE SET tokens = tokens + excluded.tokens"));
        for (auto it = m_spendHours.cbegin(); it != m_spendHours.cend(); ++it) {
            q.bindValue(0, it.key().first);
            q.bindValue(1, it.key().second);
            q.bindValue(2, it.value());
            if (!q.exec())
                return std::unexpected(storageError(q));
        }
        return {};
    }

private:
    struct OrderKey {
        bool overdraft;
        bool never;
        qint64 expires;
        qint64 id;
        bool operator<(const OrderKey &o) const
        {
            return std::tie(overdraft, never, expires, id) < std::tie(o.overdraft, o.never, o.expires, o.id);
        }
    };
    struct Transfer {
        qint64 id = 0;
        std::optional<TokenTransferKind> kind;
        QString campaign;
        QString lot;
        qint64 created = 0;
        qint64 fromEntry = 0;
        qint64 from = 0;
        qint64 toEntry = 0;
        qint64 to = 0;
        qint64 tokens = 0;
    };
    struct Campaign {
        qint64 account = 0;
        qint64 spent = 0;
        QHash<qint64, qint64> lots; // reserved less given back, per lot
    };

    OrderKey orderOf(qint64 lot) const { return m_order.value(lot, OrderKey{lot == LotBook::OverdraftLot, true, 0, lot}); }

    LotShares sorted(const QHash<qint64, qint64> &byLot) const
    {
        std::map<OrderKey, LotShare> ordered;
        for (auto it = byLot.cbegin(); it != byLot.cend(); ++it)
            ordered.emplace(orderOf(it.key()), LotShare{it.key(), it.value()});
        LotShares out;
        for (const auto &[key, share] : ordered)
            out.append(share);
        return out;
    }

    // `tokens` out of a budget: its own lot first (an expiry), then soonest first; what its lots
    // do not hold comes from the overdraft lot.
    LotShares take(qint64 account, qint64 tokens, std::optional<qint64> ownLot)
    {
        LotShares out;
        qint64 left = tokens;
        if (ownLot) {
            const qint64 held = m_holdings.value(Pair{account, *ownLot}, 0);
            if (held > 0 && *ownLot != LotBook::OverdraftLot) {
                const qint64 take = qMin(left, held);
                out.append(LotShare{*ownLot, take});
                left -= take;
            }
        }
        if (left > 0) {
            QHash<qint64, qint64> positive;
            for (qint64 lot : m_lotsOf.value(account)) {
                const qint64 held = m_holdings.value(Pair{account, lot}, 0) - (ownLot == lot ? LotBook::sum(out) : 0);
                if (held > 0)
                    positive.insert(lot, held);
            }
            for (const LotShare &share : sorted(positive)) {
                if (left <= 0)
                    break;
                const qint64 take = qMin(left, share.tokens);
                out.append(LotShare{share.lotId, take});
                left -= take;
            }
        }
        if (left > 0)
            out.append(LotShare{LotBook::OverdraftLot, left});
        return out;
    }

    Status record(qint64 entry, qint64 account, const LotShares &shares, int sign)
    {
        QHash<qint64, qint64> merged; // one split row per lot
        QList<qint64> order;
        for (const LotShare &share : shares) {
            if (!merged.contains(share.lotId))
                order.append(share.lotId);
            merged[share.lotId] += share.tokens;
        }
        for (qint64 lot : std::as_const(order)) {
            const qint64 amount = sign * merged.value(lot);
            if (amount == 0)
                continue;
            m_split.bindValue(0, entry);
            m_split.bindValue(1, lot);
            m_split.bindValue(2, amount);
            if (!m_split.exec())
                return std::unexpected(storageError(m_split));
            m_holdings[Pair{account, lot}] += amount;
            m_lotsOf[account].insert(lot);
            m_touched.insert(Pair{account, lot});
        }
        return {};
    }

    qint64 creditLot(const Transfer &t)
    {
        if (const auto it = m_lotOfTransfer.constFind(t.id); it != m_lotOfTransfer.cend())
            return *it;
        if (m_hasLegacy)
            return LegacyLot;
        QSqlQuery q(m_db);
        q.prepare(QStringLiteral("INSERT INTO token_lots(transfer_id, plan, tokens, credited_at, expires_at) "
                                 "VALUES (?, '', ?, ?, NULL)"));
        q.addBindValue(t.id);
        q.addBindValue(t.tokens);
        q.addBindValue(t.created);
        if (!q.exec())
            return LegacyLot;
        const qint64 lot = q.lastInsertId().toLongLong();
        m_lotOfTransfer.insert(t.id, lot);
        m_order.insert(lot, OrderKey{false, true, 0, lot});
        return lot;
    }

    Status step(const Transfer &t)
    {
        const bool fromBudget = m_budget.value(t.from, false);
        const bool toBudget = m_budget.value(t.to, false);
        LotShares in;
        switch (*t.kind) {
        case TokenTransferKind::Grant:
        case TokenTransferKind::Purchase:
            in = {LotShare{creditLot(t), t.tokens}};
            break;
        case TokenTransferKind::Transfer:
        case TokenTransferKind::Expiry:
        case TokenTransferKind::Reserve: {
            std::optional<qint64> own;
            if (*t.kind == TokenTransferKind::Expiry && !t.lot.isEmpty() && m_lotOfUid.contains(t.lot))
                own = m_lotOfUid.value(t.lot);
            const LotShares out = fromBudget ? take(t.from, t.tokens, own) : LotShares{};
            if (fromBudget) {
                if (Status ok = record(t.fromEntry, t.from, out, -1); !ok)
                    return ok;
            }
            if (*t.kind == TokenTransferKind::Transfer)
                in = out;
            if (*t.kind == TokenTransferKind::Reserve && !t.campaign.isEmpty()) {
                Campaign &c = m_campaigns[t.campaign];
                if (c.account == 0)
                    c.account = t.from;
                for (const LotShare &share : out)
                    c.lots[share.lotId] += share.tokens;
            }
            break;
        }
        case TokenTransferKind::Spend: {
            Campaign &c = m_campaigns[t.campaign];
            c.spent += t.tokens;
            if (c.account > 0)
                m_spendHours[Pair{t.created / HourMs, c.account}] += t.tokens;
            break;
        }
        case TokenTransferKind::Release: {
            Campaign &c = m_campaigns[t.campaign];
            // What the campaign still holds, lot by lot, its spending taken from the soonest first.
            LotShares held;
            qint64 toSpend = c.spent;
            for (LotShare share : sorted(c.lots)) {
                const qint64 used = qMin(qMax<qint64>(share.tokens, 0), toSpend);
                share.tokens -= used;
                toSpend -= used;
                if (share.tokens > 0)
                    held.append(share);
            }
            in = LotBook::first(held, t.tokens);
            if (const qint64 missing = t.tokens - LotBook::sum(in); missing > 0)
                in.append(LotShare{LotBook::OverdraftLot, missing});
            for (const LotShare &share : in)
                c.lots[share.lotId] -= share.tokens;
            break;
        }
        }
        if (toBudget && !in.isEmpty()) {
            const qint64 owed = m_holdings.value(Pair{t.to, LotBook::OverdraftLot}, 0);
            if (*t.kind != TokenTransferKind::Release)
                in = LotBook::payDebt(owed < 0 ? -owed : 0, in);
            if (Status ok = record(t.toEntry, t.to, in, +1); !ok)
                return ok;
        }
        return {};
    }

    QSqlDatabase m_db;
    QSqlQuery m_split;
    QHash<qint64, bool> m_budget;
    QHash<qint64, OrderKey> m_order;
    QHash<qint64, qint64> m_lotOfTransfer;
    QHash<QString, qint64> m_lotOfUid;
    bool m_hasLegacy = false;
    QHash<Pair, qint64> m_holdings;
    QSet<Pair> m_touched; // holdings the replay changed
    QHash<qint64, QSet<qint64>> m_lotsOf;
    QHash<QString, Campaign> m_campaigns;
    QHash<Pair, qint64> m_spendHours;
};

} // namespace

Status LedgerReplay::rebuild(const QSqlDatabase &db)
{
    QSqlQuery q(db);
    for (const char *sql : {"DELETE FROM token_entry_lots", "DELETE FROM token_lot_holdings", "DELETE FROM token_spend_hours"}) {
        if (!q.exec(QString::fromLatin1(sql)))
            return std::unexpected(storageError(q));
    }
    Replay replay(db);
    if (Status ok = replay.load(); !ok)
        return ok;
    if (Status ok = replay.run(); !ok)
        return ok;
    if (Status ok = replay.save(); !ok)
        return ok;
    qCInfo(lcTokens) << "token lots recounted from the entries";
    return {};
}

Result<LedgerReplay::Recount> LedgerReplay::append(const QSqlDatabase &db, qint64 firstNewId)
{
    // The first of the new transfers in clock order, and whether an older one comes after it.
    QSqlQuery q(db);
    q.prepare(QStringLiteral("SELECT hlc, device FROM token_transfers WHERE id >= ? ORDER BY hlc, device, id LIMIT 1"));
    q.addBindValue(firstNewId);
    if (!q.exec())
        return std::unexpected(storageError(q));
    if (!q.next())
        return Recount::Appended; // nothing new
    const qint64 hlc = q.value(0).toLongLong();
    const QString device = q.value(1).toString();
    q.prepare(QStringLiteral("SELECT 1 FROM token_transfers WHERE (hlc, device) > (?, ?) AND id < ? LIMIT 1"));
    q.addBindValue(hlc);
    q.addBindValue(device);
    q.addBindValue(firstNewId);
    if (!q.exec())
        return std::unexpected(storageError(q));
    if (q.next()) {
        if (Status rebuilt = rebuild(db); !rebuilt)
            return std::unexpected(rebuilt.error());
        return Recount::Rebuilt;
    }
    Replay replay(db);
    if (Status ok = replay.load(); !ok)
        return std::unexpected(ok.error());
    if (Status ok = replay.loadState(firstNewId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = replay.run(firstNewId); !ok)
        return std::unexpected(ok.error());
    if (Status ok = replay.save(); !ok)
        return std::unexpected(ok.error());
    return Recount::Appended;
}

} // namespace kengele
