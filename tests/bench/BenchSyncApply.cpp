// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// Applies 100,000 incoming operations in one ReplicaApplier::apply (target < 5 s on two cores):
// 10,000 contacts arriving whole (8 fields each, 80,000 operations), 20 groups and 19,960
// memberships; and 100,000 single-field edits to contacts already there.

#include "TestSupport.h"
#include "storage/Database.h"
#include "sync/Hlc.h"
#include "sync/ReplicaApplier.h"
#include "sync/ReplicaUid.h"

#include <QCborArray>
#include <QCborMap>
#include <QElapsedTimer>

#include <QSqlQuery>
#include <QTest>
#include <algorithm>

using namespace kengele;
using namespace Qt::StringLiterals;

class BenchSyncApply final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void apply100kCreations();
    void apply100kEdits();
    void apply100kCampaignStates();

private:
    static QList<SyncOp> creations(QStringList *contactUids);
};

QList<SyncOp> BenchSyncApply::creations(QStringList *contactUids)
{
    const qint64 t0 = QDateTime(QDate(2026, 3, 1), QTime(8, 0), Qt::UTC).toMSecsSinceEpoch();
    const QString device = u"01900000-0000-7000-8000-00000000beef"_s;
    QList<SyncOp> ops;
    ops.reserve(100'000);
    quint64 hlc = Hlc::pack(t0, 0);
    QStringList groups;
    for (int g = 0; g < 20; ++g) {
        const QString uid = ReplicaUid::generate(t0);
        groups << uid;
        hlc = Hlc::send(hlc, t0);
        ops << SyncOp{u"group"_s, uid, u"name"_s, u"Group %1"_s.arg(g), hlc, device, {}, 0}
            << SyncOp{u"group"_s, uid, u"created_at"_s, qint64(t0), hlc, device, {}, 0};
    }
    for (int i = 0; i < 10'000; ++i) {
        const QString uid = ReplicaUid::generate(t0 + i);
        contactUids->append(uid);
        hlc = Hlc::send(hlc, t0 + i);
        const QString phone = u"+2547%1"_s.arg(10'000'000 + i);
        ops << SyncOp{u"contact"_s, uid, u"first_name"_s, u"Member"_s, hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"last_name"_s, u"Number %1"_s.arg(i), hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"phone"_s, phone, hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"phone_raw"_s, phone, hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"email"_s, QString(), hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"notes"_s, u"Joined in %1"_s.arg(1990 + i % 30), hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"source"_s, u"import"_s, hlc, device, {}, 0}
            << SyncOp{u"contact"_s, uid, u"created_at"_s, qint64(t0 + i), hlc, device, {}, 0};
    }
    for (int i = 0; ops.size() < 100'000; ++i) {
        hlc = Hlc::send(hlc, t0 + 20'000);
        const QString key = groups[i % 20] + u'/' + contactUids->at((i * 7 + i / 20) % contactUids->size());
        ops << SyncOp{u"membership"_s, key, u"add"_s, u"%1@%2"_s.arg(hlc).arg(device), hlc, device, {}, 0};
    }
    return ops;
}

void BenchSyncApply::apply100kCreations()
{
    QStringList uids;
    const QList<SyncOp> ops = creations(&uids);
    QCOMPARE(ops.size(), 100'000);
    test::TempProfile profile;
    profile.clock().set(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
    QElapsedTimer timer;
    timer.start();
    const auto report = ReplicaApplier(profile->database(), profile.clock()).apply(ops);
    const qint64 elapsed = timer.elapsed();
    QVERIFY2(report, report ? "" : qPrintable(report.error().message));
    qInfo("apply 100,000 operations (10,000 new contacts, 20 groups, memberships): %lld ms; %d applied", elapsed,
          report->applied);
    QSqlQuery q(profile->database().connection());
    QVERIFY(q.exec(u"SELECT (SELECT count(*) FROM contacts), (SELECT count(*) FROM group_members)"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 10'000);
    QVERIFY(q.value(1).toInt() > 15'000);
}

void BenchSyncApply::apply100kEdits()
{
    QStringList uids;
    const QList<SyncOp> ops = creations(&uids);
    test::TempProfile profile;
    profile.clock().set(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
    QVERIFY(ReplicaApplier(profile->database(), profile.clock()).apply(ops));
    QList<SyncOp> edits;
    const qint64 t1 = QDateTime(QDate(2026, 3, 1), QTime(12, 0), Qt::UTC).toMSecsSinceEpoch();
    quint64 hlc = Hlc::pack(t1, 0);
    for (int i = 0; i < 100'000; ++i) {
        hlc = Hlc::send(hlc, t1 + i / 10);
        edits << SyncOp{u"contact"_s,
                        uids[i % uids.size()],
                        i % 2 ? u"notes"_s : u"email"_s,
                        u"edit %1"_s.arg(i),
                        hlc,
                        u"01900000-0000-7000-8000-00000000cafe"_s,
                        {},
                        0};
    }
    QElapsedTimer timer;
    timer.start();
    const auto report = ReplicaApplier(profile->database(), profile.clock()).apply(edits);
    const qint64 elapsed = timer.elapsed();
    QVERIFY(report);
    qInfo("apply 100,000 field edits to 10,000 contacts: %lld ms; %d applied", elapsed, report->applied);
}

// Another computer's campaign of 100,000 messages, its states as the sender publishes them
// (CampaignStatePublisher: 200 recipients an operation): all queued, then all delivered, the
// second applied in a scrambled order.
void BenchSyncApply::apply100kCampaignStates()
{
    test::TempProfile profile;
    profile.clock().set(QDateTime(QDate(2026, 3, 2), QTime(8, 0), Qt::UTC));
    const QString campaign = u"01890000-0000-7000-8000-00000000c0de"_s;
    auto round = [&](int version, int rank, const QString &state, quint64 hlcBase) {
        QList<SyncOp> ops;
        for (int chunk = 0; chunk < 500; ++chunk) {
            QCborMap states;
            for (int i = 0; i < 200; ++i)
                states.insert(u"+2547%1"_s.arg(chunk * 200 + i, 8, 10, QChar(u'0')), QCborArray{version, rank, state});
            ops.append({u"campaign_states"_s, campaign, u"states"_s, states, hlcBase + quint64(chunk), u"sender"_s, {}, 0});
        }
        return ops;
    };
    const quint64 base = quint64(profile.clock().nowMs() - 60'000) << 16;
    // The campaign itself is here (another computer's), so its messages count in the summaries.
    QSqlQuery insert(profile->database().connection());
    QVERIFY(insert.exec(u"INSERT INTO campaigns(name, body, status, gateway, recipients, segments, created_at, launched_at, "
                        "uid, origin) VALUES ('Practice', 'Choir practice', 'sending', 'simulator', 100000, 100000, %1, %1, "
                        "'%2', 'sender')"_s.arg(profile.clock().nowMs() - 120'000)
                            .arg(campaign)));
    const QList<SyncOp> queued = round(1, 1, u"queued"_s, base);
    const QList<SyncOp> sent = round(1, 4, u"sent"_s, base + 500);
    QList<SyncOp> delivered = round(1, 6, u"delivered"_s, base + 1000);
    std::reverse(delivered.begin(), delivered.end());
    for (const auto &[what, ops] :
         {std::pair{"queued", queued}, std::pair{"sent", sent}, std::pair{"delivered, in reverse order", delivered}}) {
        QElapsedTimer timer;
        timer.start();
        const auto report = ReplicaApplier(profile->database(), profile.clock()).apply(ops);
        const qint64 elapsed = timer.elapsed();
        QVERIFY2(report, report ? "" : qPrintable(report.error().message));
        qInfo("apply the states of 100,000 messages (%s, 500 operations): %lld ms", what, elapsed);
    }
    QSqlQuery q(profile->database().connection());
    QVERIFY(q.exec(u"SELECT count(*) FROM campaign_recipients WHERE state = 'delivered'"_s) && q.next());
    QCOMPARE(q.value(0).toInt(), 100'000);
}

QTEST_GUILESS_MAIN(BenchSyncApply)
#include "BenchSyncApply.moc"
