// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "RelayConfig.h"

#include <QStringList>

#include <optional>

class QJsonDocument;
class QTextStream;

namespace kengele::relay {

class RelayStore;

// kengele-relay's command line (docs/relay.md, "Administration"): `serve` (the default) and the
// operator's commands org create|list|rotate, device enroll|list|revoke, quarantine list and
// after-restore, with the settings from --config FILE and flags of the same names. Tests call
// run() in-process; `serve` runs the application's event loop until SIGTERM or SIGINT.
// Exit status: 0 done, 1 failed, 2 bad usage.
class RelayCommandLine final
{
public:
    // arguments: as typed after the program's name. out and err stand for stdout and stderr.
    static int run(const QStringList &arguments, QTextStream &out, QTextStream &err);

private:
    RelayCommandLine(QTextStream &out, QTextStream &err);

    int execute(const QStringList &arguments);
    int serve(RelayStore &store);
    int organisations(RelayStore &store, const QStringList &args);
    int devices(RelayStore &store, const QStringList &args);
    int quarantine(RelayStore &store, const QStringList &args);
    int afterRestore(RelayStore &store, const QStringList &args);

    int usage(const QString &message);
    int failed(const QString &message);
    void printJson(const QJsonDocument &document);

    QTextStream &m_out;
    QTextStream &m_err;
    RelayConfig m_config;
    bool m_json = false;
    std::optional<QString> m_hours; // --hours, when given
    QString m_limit; // --limit
};

} // namespace kengele::relay
