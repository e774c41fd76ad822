// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include <QByteArray>
#include <QJsonDocument>
#include <QString>
#include <QStringList>

#include <functional>

namespace kengele {

class CliRunner;
class Clock;
class SecretStore;

namespace test {

// What one run of kengele-cli printed and returned.
struct CliOutcome {
    int code = 0;
    QString out;
    QString err;
    QJsonDocument json() const { return QJsonDocument::fromJson(out.toUtf8()); }
};

// Runs kengele-cli in this process, as `kengele-cli --profile PROFILE ARGUMENTS…` (no --profile
// when `profile` is empty), with `input` as its standard input, this clock and this keychain.
// `prepare`, when given, sets the runner's test settings (retry policy, backup cost) first.
CliOutcome runCli(const QString &profile, const QStringList &arguments, const Clock &clock, SecretStore &secrets,
                  const QByteArray &input = {}, const std::function<void(CliRunner &)> &prepare = {});

// "contacts|add|Mary|+254700000001" → its arguments: a command line written as one string.
QStringList cliLine(const QString &line);

} // namespace test
} // namespace kengele
