// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "RelayConfig.h"

#include <QFileInfo>
#include <QSettings>

#include <functional>

namespace kengele::relay {

QString RelayConfig::listenText() const
{
    const QString host = listenAddress.protocol() == QAbstractSocket::IPv6Protocol
        ? QLatin1Char('[') + listenAddress.toString() + QLatin1Char(']')
        : listenAddress.toString();
    return host + QLatin1Char(':') + QString::number(listenPort);
}

QString RelayConfig::effectivePublicUrl() const
{
    QString url = publicUrl.isEmpty() ? QStringLiteral("http://") + listenText() : publicUrl;
    while (url.endsWith(QLatin1Char('/')))
        url.chop(1);
    return url;
}

std::expected<void, QString> RelayConfig::setListen(const QString &text)
{
    const qsizetype colon = text.lastIndexOf(QLatin1Char(':'));
    if (colon < 0)
        return std::unexpected(QStringLiteral("listen must be ADDRESS:PORT, e.g. 127.0.0.1:8080 (got \"%1\")").arg(text));
    QString host = text.left(colon);
    bool ok = false;
    const uint port = text.mid(colon + 1).toUInt(&ok);
    if (!ok || port > 65535)
        return std::unexpected(QStringLiteral("listen has no valid port: \"%1\"").arg(text));
    if (host.startsWith(QLatin1Char('[')) && host.endsWith(QLatin1Char(']')))
        host = host.mid(1, host.size() - 2);
    QHostAddress address;
    if (host.isEmpty() || host == QLatin1String("*"))
        address = QHostAddress::Any;
    else if (host == QLatin1String("localhost"))
        address = QHostAddress::LocalHost;
    else if (!address.setAddress(host))
        return std::unexpected(QStringLiteral("listen has no valid address: \"%1\" (use an IP address)").arg(text));
    listenAddress = address;
    listenPort = quint16(port);
    return {};
}

QStringList RelayConfig::keys()
{
    return {QStringLiteral("listen"),
            QStringLiteral("db"),
            QStringLiteral("public-url"),
            QStringLiteral("max-body-bytes"),
            QStringLiteral("ip-rate"),
            QStringLiteral("device-rate"),
            QStringLiteral("max-wait"),
            QStringLiteral("enrol-code-hours"),
            QStringLiteral("request-timeout-ms"),
            QStringLiteral("idle-timeout-ms"),
            QStringLiteral("trust-proxy"),
            QStringLiteral("key-file"),
            QStringLiteral("purchase-query-after-ms"),
            QStringLiteral("purchase-give-up-ms"),
            QStringLiteral("purchase-scan-ms"),
            QStringLiteral("purchase-claim-ms"),
            QStringLiteral("simulator-delay-ms"),
            QStringLiteral("support-line")};
}

std::expected<void, QString> RelayConfig::set(const QString &rawKey, const QString &value)
{
    QString key = rawKey;
    key.replace(QLatin1Char('_'), QLatin1Char('-'));
    auto number = [&](double min, double max) -> std::expected<double, QString> {
        bool ok = false;
        const double n = value.toDouble(&ok);
        if (!ok || n < min || n > max)
            return std::unexpected(
                QStringLiteral("%1 must be a number from %2 to %3 (got \"%4\")").arg(key).arg(min).arg(max).arg(value));
        return n;
    };
    if (key == QLatin1String("listen"))
        return setListen(value);
    if (key == QLatin1String("db")) {
        database = value;
        return {};
    }
    if (key == QLatin1String("public-url")) {
        if (!value.isEmpty() && !value.startsWith(QLatin1String("http://")) && !value.startsWith(QLatin1String("https://")))
            return std::unexpected(QStringLiteral("public-url must start with https:// (or http:// for testing)"));
        publicUrl = value;
        return {};
    }
    if (key == QLatin1String("support-line")) {
        if (value.size() > 200 || value.contains(QLatin1Char('\n')))
            return std::unexpected(QStringLiteral("support-line must be one line of at most 200 characters"));
        supportLine = value.trimmed();
        return {};
    }
    if (key == QLatin1String("key-file")) {
        keyFile = value;
        return {};
    }
    if (key == QLatin1String("trust-proxy")) {
        const QString v = value.toLower();
        if (v != QLatin1String("true") && v != QLatin1String("false") && v != QLatin1String("1") && v != QLatin1String("0"))
            return std::unexpected(QStringLiteral("trust-proxy must be true or false"));
        trustProxy = v == QLatin1String("true") || v == QLatin1String("1");
        return {};
    }
    struct Numeric {
        const char *name;
        double min, max;
        std::function<void(double)> apply;
    };
    const Numeric numerics[] = {
        {"max-body-bytes", 1024, 16 * 1024 * 1024,
         [this](double n) {
             maxBodyBytes = qint64(n);
         }},
        {"ip-rate", 0, 1e6,
         [this](double n) {
             ipRate = n;
         }},
        {"device-rate", 0, 1e6,
         [this](double n) {
             deviceRate = n;
         }},
        {"max-wait", 0, 120,
         [this](double n) {
             maxWaitSeconds = int(n);
         }},
        {"enrol-code-hours", 1, 24 * 30,
         [this](double n) {
             enrolCodeHours = int(n);
         }},
        {"request-timeout-ms", 100, 600000,
         [this](double n) {
             requestTimeoutMs = int(n);
         }},
        {"idle-timeout-ms", 100, 3600000,
         [this](double n) {
             idleTimeoutMs = int(n);
         }},
        {"purchase-query-after-ms", 10, 3600000,
         [this](double n) {
             purchaseQueryAfterMs = int(n);
         }},
        {"purchase-give-up-ms", 100, 86400000,
         [this](double n) {
             purchaseGiveUpMs = int(n);
         }},
        {"purchase-scan-ms", 10, 600000,
         [this](double n) {
             purchaseScanMs = int(n);
         }},
        {"purchase-claim-ms", 100, 3600000,
         [this](double n) {
             purchaseClaimMs = int(n);
         }},
        {"simulator-delay-ms", 0, 600000,
         [this](double n) {
             simulatorDelayMs = int(n);
         }},
    };
    for (const Numeric &n : numerics) {
        if (key == QLatin1String(n.name)) {
            auto v = number(n.min, n.max);
            if (!v)
                return std::unexpected(v.error());
            n.apply(*v);
            return {};
        }
    }
    return std::unexpected(QStringLiteral("unknown setting \"%1\"").arg(rawKey));
}

std::expected<void, QString> RelayConfig::readFile(const QString &path)
{
    if (!QFileInfo(path).isReadable())
        return std::unexpected(QStringLiteral("cannot read the configuration file %1").arg(path));
    QSettings file(path, QSettings::IniFormat);
    if (file.status() != QSettings::NoError)
        return std::unexpected(QStringLiteral("the configuration file %1 is not a valid INI file").arg(path));
    file.beginGroup(QStringLiteral("relay"));
    const QStringList fileKeys = file.childKeys();
    for (const QString &key : fileKeys) {
        if (key.startsWith(QLatin1Char('#')))
            continue; // a line commented out with '#' (QSettings only knows ';')
        if (auto ok = set(key, file.value(key).toString()); !ok)
            return std::unexpected(QStringLiteral("%1: %2").arg(path, ok.error()));
    }
    return {};
}

} // namespace kengele::relay
