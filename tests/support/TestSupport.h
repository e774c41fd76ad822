#pragma once

#include "common/Clock.h"
#include "profile/Profile.h"

#include <QString>
#include <QTemporaryDir>

#include <memory>

namespace kengele::test {

// A clock tests can set and move.
class FixedClock final : public Clock
{
public:
    explicit FixedClock(QDateTime now = QDateTime(QDate(2026, 3, 1), QTime(9, 0), Qt::UTC))
        : m_now(std::move(now))
    {
    }
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

} // namespace kengele::test

namespace kengele::test {
// Adds n contacts straight into the store (fast, for views and benchmarks): "Member 000042",
// numbers +25471xxxxxxx. Returns false when the store refused.
bool fillContacts(Profile &profile, int n);
} // namespace kengele::test
