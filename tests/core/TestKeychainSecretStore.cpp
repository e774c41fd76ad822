// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "security/KeychainSecretStore.h"

#include <QUuid>
#include <QtTest>

using namespace kengele;

// Runs against the real Secret Service. The test script starts one (dbus-run-session +
// gnome-keyring-daemon --unlock) and sets KENGELE_REQUIRE_KEYRING=1 so that a missing keyring is a
// failure there; elsewhere (a developer's shell without a session bus) the test is skipped.
class TestKeychainSecretStore final : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void writeReadRemove();
    void profilesDoNotShareSecrets();
};

void TestKeychainSecretStore::initTestCase()
{
    if (qEnvironmentVariableIsEmpty("DBUS_SESSION_BUS_ADDRESS")) {
        if (qEnvironmentVariableIntValue("KENGELE_REQUIRE_KEYRING"))
            QFAIL("KENGELE_REQUIRE_KEYRING is set but there is no D-Bus session with a keyring");
        QSKIP("no D-Bus session bus: run the suite through the README test command");
    }
}

void TestKeychainSecretStore::writeReadRemove()
{
    KeychainSecretStore store(QStringLiteral("org.kengele.Kengele.test"), QUuid::createUuid().toString());
    const QString secret = QStringLiteral("atsk_%1").arg(QUuid::createUuid().toString(QUuid::Id128));
    const Status written = store.writeNow(QStringLiteral("africastalking/api-key"), secret);
    QVERIFY2(written, qPrintable(written ? QString() : written.error().message));
    const Result<QString> read = store.readNow(QStringLiteral("africastalking/api-key"));
    QVERIFY2(read, qPrintable(read ? QString() : read.error().message));
    QVERIFY(*read == secret); // QCOMPARE would print the secret on failure
    QVERIFY(store.removeNow(QStringLiteral("africastalking/api-key")));
    const Result<QString> gone = store.readNow(QStringLiteral("africastalking/api-key"));
    QVERIFY(!gone);
    QCOMPARE(gone.error().code, ErrorCode::NotFound);
    // Removing what is not there is not an error.
    QVERIFY(store.removeNow(QStringLiteral("africastalking/api-key")));
}

void TestKeychainSecretStore::profilesDoNotShareSecrets()
{
    KeychainSecretStore first(QStringLiteral("org.kengele.Kengele.test"), QUuid::createUuid().toString());
    KeychainSecretStore second(QStringLiteral("org.kengele.Kengele.test"), QUuid::createUuid().toString());
    QVERIFY(first.writeNow(QStringLiteral("relay/token"), QStringLiteral("one")));
    const Result<QString> other = second.readNow(QStringLiteral("relay/token"));
    QVERIFY(!other);
    QCOMPARE(other.error().code, ErrorCode::NotFound);
    QVERIFY(first.removeNow(QStringLiteral("relay/token")));
}

QTEST_GUILESS_MAIN(TestKeychainSecretStore)
#include "TestKeychainSecretStore.moc"
