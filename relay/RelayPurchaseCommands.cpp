// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

// kengele-relay's commands for buying tokens (docs/relay.md, "Administration"): org mpesa, org
// prices, purchases list, voucher-key show. The rest of the command line is RelayCommandLine.cpp.
#include "RelayAdmin.h"
#include "RelayCommandLine.h"
#include "VoucherIssuer.h"

#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTextStream>

#include <cstdio>
#include <termios.h>
#include <unistd.h>

namespace kengele::relay {

std::optional<MasterKey> RelayCommandLine::masterKey()
{
    const QString path = MasterKey::pathFor(m_config);
    auto key = MasterKey::loadOrCreate(path);
    if (!key) {
        failed(key.error() + QStringLiteral(" (set key-file to the relay's key file)"));
        return std::nullopt;
    }
    return *key;
}

// org mpesa ORG (--simulator | --shortcode N [--till N] --environment sandbox|live [--base-url URL])
int RelayCommandLine::mpesa(RelayStore &store, const QStringList &args)
{
    if (args.size() != 3)
        return usage(QStringLiteral("org mpesa needs the organisation id"));
    MpesaSetup setup;
    setup.simulator = m_simulator;
    if (m_simulator) {
        if (m_values.contains(QStringLiteral("shortcode")) || m_values.contains(QStringLiteral("environment")))
            return usage(QStringLiteral("org mpesa takes --simulator, or --shortcode and --environment, not both"));
    } else {
        setup.shortcode = m_values.value(QStringLiteral("shortcode"));
        setup.till = m_values.value(QStringLiteral("till"));
        setup.environment = m_values.value(QStringLiteral("environment"));
        setup.baseUrl = m_values.value(QStringLiteral("base-url"));
        if (setup.shortcode.isEmpty() || setup.environment.isEmpty())
            return usage(QStringLiteral("org mpesa needs --simulator, or --shortcode N --environment sandbox|live"));
        // Three lines on standard input, never on the command line (where `ps` and the shell's
        // history would show them) and never echoed or logged.
        QFile stdinFile;
        QTextStream stdinStream;
        QTextStream *in = m_in;
        if (!in) {
            if (!stdinFile.open(stdin, QIODevice::ReadOnly))
                return failed(QStringLiteral("cannot read standard input"));
            stdinStream.setDevice(&stdinFile);
            in = &stdinStream;
        }
        // Typed at a terminal: asked for one by one, the terminal's echo off while they are typed.
        const bool terminal = !m_in && ::isatty(STDIN_FILENO);
        termios saved{};
        const bool quiet = terminal && ::tcgetattr(STDIN_FILENO, &saved) == 0;
        if (quiet) {
            termios silent = saved;
            silent.c_lflag &= ~tcflag_t(ECHO);
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &silent);
        }
        const auto ask = [&](const char *prompt) {
            if (terminal) {
                m_err << prompt;
                m_err.flush();
            }
            const QString line = in->readLine().trimmed();
            if (terminal) {
                m_err << '\n';
                m_err.flush();
            }
            return line;
        };
        setup.consumerKey = ask("Consumer key: ");
        setup.consumerSecret = ask("Consumer secret: ");
        setup.passkey = ask("Passkey: ");
        if (quiet)
            ::tcsetattr(STDIN_FILENO, TCSAFLUSH, &saved);
    }
    const auto key = masterKey();
    if (!key)
        return 1;
    const auto settings = setUpMpesa(store, *key, args.at(2), setup);
    if (!settings)
        return failed(settings.error());
    if (m_json) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("org"), args.at(2)},
                                            {QStringLiteral("mpesa"),
                                             QJsonObject{{QStringLiteral("shortcode"), settings->shortcode},
                                                         {QStringLiteral("environment"), settings->environment},
                                                         {QStringLiteral("simulator"), settings->simulator}}}}));
    } else if (settings->simulator) {
        m_out << "M-Pesa for " << args.at(2)
              << " is the relay's simulator: no money moves. Payer numbers ending 0001 cancel, 0002 lack money,"
                 " 0003 are unreachable, 0004 type a wrong PIN, 0005 never call back; any other number pays.\n";
    } else {
        m_out << "M-Pesa for " << args.at(2) << ": shortcode " << settings->shortcode
              << (settings->till.isEmpty() ? QString() : QStringLiteral(", till ") + settings->till) << ", "
              << settings->environment << " (" << settings->baseUrl
              << "). The credentials are stored sealed with the relay's key file.\n";
    }
    m_out.flush();
    return 0;
}

// org prices ORG [--starter KES] [--business KES] [--enterprise KES] [--lock-features on|off]
int RelayCommandLine::prices(RelayStore &store, const QStringList &args)
{
    if (args.size() != 3)
        return usage(QStringLiteral("org prices needs the organisation id"));
    const QString orgId = args.at(2);
    if (!store.organisation(orgId))
        return failed(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(orgId));
    auto current = store.prices(orgId);
    if (!current)
        return failed(current.error());
    OrgPrices prices = *current;
    bool changed = false;
    for (const char *plan : {"starter", "business", "enterprise"}) {
        const QString name = QLatin1String(plan);
        if (!m_values.contains(name))
            continue;
        const QString text = m_values.value(name);
        std::optional<qint64> price;
        if (text != QLatin1String("none")) {
            bool ok = false;
            const qint64 value = text.toLongLong(&ok);
            if (!ok || value < 1 || value > 250000)
                return usage(QStringLiteral("--%1 must be whole shillings from 1 to 250000, or none").arg(name));
            price = value;
        }
        (name == QLatin1String("starter")        ? prices.starter
             : name == QLatin1String("business") ? prices.business
                                                 : prices.enterprise)
            = price;
        changed = true;
    }
    if (m_values.contains(QStringLiteral("lock-features"))) {
        const QString value = m_values.value(QStringLiteral("lock-features"));
        if (value != QLatin1String("on") && value != QLatin1String("off"))
            return usage(QStringLiteral("--lock-features must be on or off"));
        prices.lockFeatures = value == QLatin1String("on");
        changed = true;
    }
    if (changed) {
        if (auto ok = store.setPrices(orgId, prices); !ok)
            return failed(ok.error());
    }
    const auto json = [](const std::optional<qint64> &price) {
        return price ? QJsonValue(*price) : QJsonValue();
    };
    if (m_json) {
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("org"), orgId},
                                            {QStringLiteral("prices"),
                                             QJsonObject{{QStringLiteral("demo"), 0},
                                                         {QStringLiteral("starter"), json(prices.starter)},
                                                         {QStringLiteral("business"), json(prices.business)},
                                                         {QStringLiteral("enterprise"), json(prices.enterprise)}}},
                                            {QStringLiteral("lock_features"), prices.lockFeatures}}));
        return 0;
    }
    const auto text = [](const std::optional<qint64> &price) {
        return price ? QStringLiteral("KES %1").arg(*price) : QStringLiteral("not for sale");
    };
    m_out << "Prices for " << orgId << ": starter " << text(prices.starter) << ", business " << text(prices.business)
          << ", enterprise " << text(prices.enterprise) << ". Plans lock features: " << (prices.lockFeatures ? "on" : "off")
          << ".\n";
    m_out.flush();
    return 0;
}

// purchases list ORG
int RelayCommandLine::purchases(RelayStore &store, const QStringList &args)
{
    if (args.value(1) != QLatin1String("list") || args.size() != 3)
        return usage(QStringLiteral("purchases takes: list ORG"));
    if (!store.organisation(args.at(2)))
        return failed(QStringLiteral("There is no organisation %1 (see `kengele-relay org list`).").arg(args.at(2)));
    bool ok = false;
    const int limit = m_limit.toInt(&ok);
    if (!ok || limit < 1)
        return usage(QStringLiteral("--limit must be a positive number"));
    const auto list = store.purchases(args.at(2), limit);
    if (!list)
        return failed(list.error());
    QJsonArray array;
    for (const Purchase &p : std::as_const(*list))
        array.append(QJsonObject{{QStringLiteral("purchase"), p.id},
                                 {QStringLiteral("plan"), p.plan},
                                 {QStringLiteral("amount_kes"), p.amountKes},
                                 {QStringLiteral("state"), p.state},
                                 {QStringLiteral("checkout"), p.checkoutRequestId},
                                 {QStringLiteral("receipt"), p.receipt},
                                 {QStringLiteral("voucher"), p.voucherId}});
    if (m_json) {
        printJson(QJsonDocument(array));
        return 0;
    }
    if (list->isEmpty())
        m_out << "No purchases yet.\n";
    for (const Purchase &p : std::as_const(*list))
        m_out << p.id << "  " << p.plan << "  KES " << p.amountKes << "  " << p.state
              << (p.receipt.isEmpty() ? QString() : QStringLiteral("  receipt ") + p.receipt)
              << (p.reason.isEmpty() ? QString() : QStringLiteral("  (") + p.reason + QLatin1Char(')'))
              << (p.simulated ? "  simulated" : "") << '\n';
    m_out.flush();
    return 0;
}

// voucher-key show
int RelayCommandLine::voucherKey(RelayStore &store, const QStringList &args)
{
    if (args.value(1) != QLatin1String("show") || args.size() != 2)
        return usage(QStringLiteral("voucher-key takes: show"));
    const auto key = masterKey();
    if (!key)
        return 1;
    const auto pair = vouchers::keyPair(store, *key);
    if (!pair)
        return failed(pair.error());
    const QString publicKey = QString::fromLatin1(pair->publicKey.toBase64());
    if (m_json)
        printJson(QJsonDocument(QJsonObject{{QStringLiteral("public_key"), publicKey}}));
    else
        m_out << "Voucher key (Ed25519, base64): " << publicKey
              << "\nDesktops receive it when they enrol and check every voucher against it.\n";
    m_out.flush();
    return 0;
}

} // namespace kengele::relay
