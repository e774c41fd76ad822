// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TestSupport.h"
#include "campaigns/CampaignService.h"
#include "campaigns/RecurringLauncher.h"
#include "contacts/ContactService.h"
#include "contacts/GroupService.h"
#include "storage/Database.h"
#include "tokens/TokenLedger.h"

#include <QLocale>
#include <QSqlError>
#include <QSqlQuery>
#include <QtTest>

using namespace kengele;
using kengele::test::TempProfile;

// The launcher on its own, with a stand-in for the service's launch of one occurrence (the whole
// path is TestRepeatingCampaigns'). Runs with TZ=Africa/Nairobi: times are Nairobi local times.
// "Daily" goes at 09:00 from Monday 2 to Wednesday 4 March 2026.
class TestRecurringLauncher final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void init();
    void cleanup();
    void nothingDueChangesNothing();
    void anOccurrenceIsLaunchedAsAOneOffDraft();
    void aRefusedOccurrenceIsRecordedAsSkipped();
    void aStorageFailureLeavesEverythingAsItWas();
    void missedOccurrencesAndTheLastOne();

private:
    struct Call {
        CampaignDraft occurrence;
        qint64 parentId = 0;
        QString userName;
    };
    RecurringLauncher launcher();
    void setLocal(const QDate &date, const QTime &time) { m_profile->clock().set(QDateTime(date, time).toUTC()); }
    QVariant value(const QString &sql) const;

    std::unique_ptr<TempProfile> m_profile;
    qint64 m_group = 0;
    qint64 m_parent = 0;
    QList<Call> m_calls;
    // What the stand-in does: writes a row of its own, then answers this.
    Result<qint64> m_answer = 4242;
};

RecurringLauncher TestRecurringLauncher::launcher()
{
    Profile &p = **m_profile;
    return RecurringLauncher(
        p.database(), p.clock(), p.campaigns(),
        [this](const QSqlDatabase &db, const CampaignDraft &occurrence, qint64 parentId,
               const QString &userName) -> Result<qint64> {
            m_calls.append(Call{occurrence, parentId, userName});
            QSqlQuery q(db);
            if (!q.exec(QStringLiteral("INSERT INTO meta(key, value) VALUES ('occurrence %1', '')").arg(m_calls.size())))
                qWarning() << q.lastError().text();
            return m_answer;
        });
}

QVariant TestRecurringLauncher::value(const QString &sql) const
{
    QSqlQuery q((*m_profile)->database().connection());
    if (!q.exec(sql) || !q.next())
        return q.lastError().text();
    return q.value(0);
}

void TestRecurringLauncher::init()
{
    m_profile = std::make_unique<TempProfile>();
    Profile &p = **m_profile;
    setLocal(QDate(2026, 3, 1), QTime(12, 0));
    m_group = p.groups().create(QStringLiteral("Youth"))->id;
    ContactInput input;
    input.firstName = QStringLiteral("Mary");
    input.phone = QStringLiteral("0712000000");
    QVERIFY(p.groups().addMembers(m_group, {p.contacts().add(input)->id}));
    QVERIFY(p.tokens().grant(QStringLiteral("Main"), 100, QStringLiteral("test"), {}));

    CampaignDraft d;
    d.name = QStringLiteral("Daily");
    d.body = QStringLiteral("Morning prayer at 9");
    d.groupIds = {m_group};
    d.gateway = GatewayKind::AfricasTalking;
    d.scheduledAt = QDateTime(QDate(2026, 3, 2), QTime(9, 0));
    d.recurrence = Recurrence::daily();
    d.repeatUntil = QDate(2026, 3, 4);
    const auto parent = p.campaigns().launch(d);
    QVERIFY2(parent, qPrintable(parent ? QString() : parent.error().message));
    m_parent = parent->id;
    m_calls.clear();
    m_answer = 4242;
}

void TestRecurringLauncher::cleanup()
{
    m_profile.reset();
}

void TestRecurringLauncher::nothingDueChangesNothing()
{
    RecurringLauncher recurring = launcher();
    const qint64 first = QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toMSecsSinceEpoch();
    QCOMPARE(*recurring.nextDue(), first);
    setLocal(QDate(2026, 3, 2), QTime(8, 59));
    const auto round = recurring.launchDue({});
    QVERIFY(round);
    QVERIFY(round->launched.isEmpty());
    QVERIFY(!round->changed);
    QVERIFY(m_calls.isEmpty());
    QCOMPARE(*recurring.nextDue(), first);
}

void TestRecurringLauncher::anOccurrenceIsLaunchedAsAOneOffDraft()
{
    RecurringLauncher recurring = launcher();
    setLocal(QDate(2026, 3, 2), QTime(9, 0, 30));
    const auto round = recurring.launchDue(QStringLiteral("Mary Wanjiku"));
    QVERIFY2(round, qPrintable(round ? QString() : round.error().message));
    QCOMPARE(round->launched, QList<qint64>{4242});
    QVERIFY(round->changed);
    QCOMPARE(m_calls.size(), 1);
    const Call &call = m_calls.constFirst();
    QCOMPARE(call.parentId, m_parent);
    QCOMPARE(call.userName, QStringLiteral("Mary Wanjiku"));
    const QString day = QLocale().toString(QDate(2026, 3, 2), QLocale::ShortFormat);
    QCOMPARE(call.occurrence.name, QString(QStringLiteral("Daily — ") + day));
    QCOMPARE(call.occurrence.body, QStringLiteral("Morning prayer at 9"));
    QCOMPARE(call.occurrence.groupIds, QList<qint64>{m_group});
    QVERIFY(!call.occurrence.recurrence.isRepeating());
    QVERIFY(!call.occurrence.scheduledAt.isValid()); // now
    QVERIFY(!call.occurrence.repeatUntil.isValid());
    // Its writes are kept; the repeating campaign moves on to the next day.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM meta WHERE key = 'occurrence 1'")).toInt(), 1);
    QCOMPARE(*recurring.nextDue(), QDateTime(QDate(2026, 3, 3), QTime(9, 0)).toMSecsSinceEpoch());
    QCOMPARE(value(QStringLiteral("SELECT status FROM campaigns WHERE id = %1").arg(m_parent)).toString(),
             QStringLiteral("recurring"));
    // Asked again at once: nothing is due.
    QVERIFY(recurring.launchDue({})->launched.isEmpty());
    QCOMPARE(m_calls.size(), 1);
}

void TestRecurringLauncher::aRefusedOccurrenceIsRecordedAsSkipped()
{
    RecurringLauncher recurring = launcher();
    m_answer = fail(ErrorCode::InvalidInput, QStringLiteral("Nobody to send to: the chosen groups have no members."));
    setLocal(QDate(2026, 3, 2), QTime(9, 1));
    const auto round = recurring.launchDue({});
    QVERIFY(round);
    QVERIFY(round->launched.isEmpty());
    QVERIFY(round->changed);
    QCOMPARE(m_calls.size(), 1);
    // What the refused launch wrote is undone; the refusal is kept, with its reason.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'occurrence%'")).toInt(), 0);
    QCOMPARE(
        value(QStringLiteral("SELECT status_reason FROM campaigns WHERE parent_id = %1 AND status = 'skipped'").arg(m_parent))
            .toString(),
        QStringLiteral("Nobody to send to: the chosen groups have no members."));
    QCOMPARE(*recurring.nextDue(), QDateTime(QDate(2026, 3, 3), QTime(9, 0)).toMSecsSinceEpoch());
}

void TestRecurringLauncher::aStorageFailureLeavesEverythingAsItWas()
{
    RecurringLauncher recurring = launcher();
    m_answer = fail(ErrorCode::Storage, QStringLiteral("The disk is full."));
    setLocal(QDate(2026, 3, 2), QTime(9, 1));
    const auto round = recurring.launchDue({});
    QVERIFY(!round);
    QCOMPARE(round.error().message, QStringLiteral("The disk is full."));
    // Nothing recorded, nothing moved on: it is tried again next time.
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM meta WHERE key LIKE 'occurrence%'")).toInt(), 0);
    QCOMPARE(value(QStringLiteral("SELECT count(*) FROM campaigns WHERE parent_id = %1").arg(m_parent)).toInt(), 0);
    QCOMPARE(*recurring.nextDue(), QDateTime(QDate(2026, 3, 2), QTime(9, 0)).toMSecsSinceEpoch());
    m_answer = 4242;
    QCOMPARE(recurring.launchDue({})->launched, QList<qint64>{4242});
}

void TestRecurringLauncher::missedOccurrencesAndTheLastOne()
{
    RecurringLauncher recurring = launcher();
    // Off until Wednesday 09:30: Monday's and Tuesday's are too late, Wednesday's (the last) goes.
    setLocal(QDate(2026, 3, 4), QTime(9, 30));
    const auto round = recurring.launchDue({});
    QVERIFY(round);
    QCOMPARE(round->launched.size(), 1);
    QCOMPARE(m_calls.size(), 1);
    QCOMPARE(m_calls.constFirst().occurrence.name,
             QString(QStringLiteral("Daily — ") + QLocale().toString(QDate(2026, 3, 4), QLocale::ShortFormat)));
    // One record for the missed ones.
    QCOMPARE(
        value(QStringLiteral("SELECT count(*) FROM campaigns WHERE parent_id = %1 AND status = 'skipped'").arg(m_parent)).toInt(),
        1);
    const QString reason
        = value(QStringLiteral("SELECT status_reason FROM campaigns WHERE parent_id = %1 AND status = 'skipped'").arg(m_parent))
              .toString();
    QVERIFY2(reason.contains(QLocale().toString(QDate(2026, 3, 2), QLocale::ShortFormat)), qPrintable(reason));
    QVERIFY2(reason.contains(QLocale().toString(QDate(2026, 3, 3), QLocale::ShortFormat)), qPrintable(reason));
    // That was the last one: the repeating campaign is done.
    QCOMPARE(value(QStringLiteral("SELECT status FROM campaigns WHERE id = %1").arg(m_parent)).toString(),
             QStringLiteral("done"));
    QCOMPARE(*recurring.nextDue(), 0);
}

QTEST_GUILESS_MAIN(TestRecurringLauncher)
#include "TestRecurringLauncher.moc"
