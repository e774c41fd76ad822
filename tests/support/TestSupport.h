// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Clock.h"
#include "profile/Profile.h"

#include <QObject>
#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kengele::test {

// The child widget (or object) called `name`, for tests that drive a page; warns when there is none.
template<typename T> T *find(QObject *parent, const char *name)
{
    T *child = parent->findChild<T *>(QString::fromLatin1(name));
    if (!child)
        qWarning("no child %s", name);
    return child;
}

// A clock tests can set and move.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC))
        : m_now(std::move(now))
    { }
    QDateTime nowUtc() const override { return m_now; }
    void set(const QDateTime &now) { m_now = now; }
    void advanceMs(qint64 ms) { m_now = m_now.addMSecs(ms); }

private:
    QDateTime m_now;
};

// A fresh profile in a temporary folder, removed when the test ends.
class TempProfile final
{
public:
    TempProfile();
    Profile &operator*() { return *m_profile; }
    Profile *operator->() { return m_profile.get(); }
    Profile &profile() { return *m_profile; }
    QString path() const { return m_dir.path(); }
    FixedClock &clock() { return m_clock; }

private:
    QTemporaryDir m_dir;
    FixedClock m_clock;
    std::unique_ptr<Profile> m_profile;
};

// Path of a file under tests/data.
QString testDataPath(const QString &relative);

// A port on 127.0.0.1 that nothing listens on (it was free a moment ago): connecting is refused.
quint16 closedPort();

// Lets what was just changed on screen settle before a look at it: zero-timers (a text set after the
// current event), the relayouts they post, and a short wait. QTest::qWait alone is not enough on a
// loaded machine: its one pass can use up the time with layout requests still queued, and a test
// then sees a button still sized for its old text.
void settle(int ms = 30);

// How many times longer than usual code may take here: KENGELE_TEST_TIME_SCALE (a whole number from
// 1 to 20; 1 when unset or unreadable). `scripts/dev test --sanitize` sets it, as sanitized code is
// slower. Scale only upper limits ("answers within 3 s"), never lower ones ("waits at least 250 ms").
int timeScale();
// ms times timeScale(), for upper time limits and QTRY_*_WITH_TIMEOUT.
inline int scaledMs(int ms)
{
    return ms * timeScale();
}

} // namespace kengele::test

namespace kengele::test {
// Adds n contacts straight into the store (fast, for views and benchmarks): "Member 000042",
// numbers +25471xxxxxxx. Returns false when the store refused.
bool fillContacts(Profile &profile, int n);
} // namespace kengele::test

// PostgreSQL for tests (the relay's store). `scripts/dev test` starts a throw-away server and sets
// KENGELE_TEST_POSTGRES=postgres://postgres@127.0.0.1:PORT/kengele_test (a superuser) and
// KENGELE_REQUIRE_POSTGRES=1. Without the variable, PostgreSQL tests skip; with
// KENGELE_REQUIRE_POSTGRES=1 they fail instead, so CI cannot pass by skipping them.
#include <QSqlDatabase>

#include <optional>

namespace kengele::test {

// KENGELE_TEST_POSTGRES, or nullopt when it is unset or empty.
std::optional<QString> postgresUrl();
// KENGELE_REQUIRE_POSTGRES=1: a missing or unreachable server is a failure, not a skip.
bool postgresRequired();
// Why PostgreSQL tests cannot run here (variable unset, no QPSQL driver, server unreachable), or an
// empty string when they can. Prefer the KENGELE_NEED_POSTGRES() macro in tests.
QString postgresUnavailableReason();
// Points db (a QPSQL connection) at the host, port, user, password, database and ?options of a
// postgres:// or postgresql:// URL. False when the URL cannot be read.
bool applyPostgresUrl(QSqlDatabase &db, const QString &url);
// Creates an empty database named PREFIX_<random> on the KENGELE_TEST_POSTGRES server and returns its
// postgres:// URL; an empty string (and a warning with the reason) when that fails. The prefix is
// lower-cased and reduced to [a-z0-9_].
QString createScratchPostgresDatabase(const QString &prefix);
// Drops a database made by createScratchPostgresDatabase, closing other sessions still connected to it.
// False (and a warning) when that fails.
bool dropScratchPostgresDatabase(const QString &url);

} // namespace kengele::test

// In a test function (or initTestCase, to cover the whole class): skips when PostgreSQL is not
// available, or fails when KENGELE_REQUIRE_POSTGRES=1.
#define KENGELE_NEED_POSTGRES()                                                                                                  \
    do {                                                                                                                         \
        const QString kengelePostgresReason_ = ::kengele::test::postgresUnavailableReason();                                     \
        if (!kengelePostgresReason_.isEmpty()) {                                                                                 \
            if (::kengele::test::postgresRequired())                                                                             \
                QFAIL(qPrintable(QString(kengelePostgresReason_ + QStringLiteral(" (KENGELE_REQUIRE_POSTGRES=1)"))));            \
            QSKIP(qPrintable(kengelePostgresReason_));                                                                           \
        }                                                                                                                        \
    } while (false)
