// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "MasterKey.h"
#include "RelayConfig.h"

#include <QHash>

#include <QStringList>

#include <optional>

class QJsonDocument;
class QTextStream;

namespace kengele::relay {

class RelayStore;

// kengele-relay's command line (docs/relay.md, "Administration"): `serve` (the default) and the
// operator's commands org create|list|rotate|mpesa|prices, device enroll|list|revoke, quarantine list,
// purchases list, voucher-key show and after-restore, with the settings from --config FILE and flags of the same names. Tests
// call run() in-process; `serve` runs the application's event loop until SIGTERM or SIGINT. Exit status: 0 done, 1 failed, 2 bad
// usage.
class RelayCommandLine final
{
public:
    // arguments: as typed after the program's name. out and err stand for stdout and stderr.
    // in: standard input (org mpesa reads the credentials from it); null = the process's stdin.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err, QTextStream *in = nullptr);

private:
    RelayCommandLine(QTextStream &out, QTextStream &err, QTextStream *in);

    int execute(const QStringList &arguments);
    int serve(RelayStore &store);
    int organisations(RelayStore &store, const QStringList &args);
    int devices(RelayStore &store, const QStringList &args);
    int quarantine(RelayStore &store, const QStringList &args);
    int afterRestore(RelayStore &store, const QStringList &args);
    // Buying tokens (RelayPurchaseCommands.cpp): org mpesa, org prices, purchases list, voucher-key show.
    int mpesa(RelayStore &store, const QStringList &args);
    int prices(RelayStore &store, const QStringList &args);
    int purchases(RelayStore &store, const QStringList &args);
    int voucherKey(RelayStore &store, const QStringList &args);
    std::optional<MasterKey> masterKey(); // prints why and gives nullopt when the key file cannot be used

    int usage(const QString &message);
    int failed(const QString &message);
    void printJson(const QJsonDocument &document);

    QTextStream &m_out;
    QTextStream &m_err;
    QTextStream *m_in;
    RelayConfig m_config;
    QHash<QString, QString> m_values; // --shortcode, --till, --environment, --base-url, --starter, … when given
    bool m_simulator = false;
    bool m_json = false;
    std::optional<QString> m_hours; // --hours, when given
    QString m_limit; // --limit
};

} // namespace kengele::relay
