// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliContext.h"

#include "backup/BackupScheduler.h"

#include "contacts/ForgottenOptOuts.h"
#include "contacts/PastoralNotes.h"
#include "contacts/PhoneNormalizer.h"
#include "profile/Profile.h"
#include "security/DataKey.h"
#include "security/ScopedSecretStore.h"
#include "security/StaffAccounts.h"
#include "settings/Settings.h"
#include "sync/RelayClient.h"
#include "sync/RelayConnector.h"

#include <QIODevice>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QLocale>

#include <cmath>

namespace kengele {

CliContext::CliContext(QTextStream &out, QTextStream &err, QTextStream &in, const Clock &clock, SecretStore &secrets)
    : m_out(out)
    , m_err(err)
    , m_in(in)
    , m_clock(clock)
    , m_secrets(secrets)
{ }

CliContext::~CliContext() = default;

const QStringList &CliContext::valueOptions()
{
    static const QStringList options
        = {QStringLiteral("profile"),     QStringLiteral("group"),    QStringLiteral("region"),   QStringLiteral("reason"),
           QStringLiteral("text"),        QStringLiteral("file"),     QStringLiteral("name"),     QStringLiteral("first-name"),
           QStringLiteral("last-name"),   QStringLiteral("email"),    QStringLiteral("search"),   QStringLiteral("tokens"),
           QStringLiteral("account"),     QStringLiteral("provider"), QStringLiteral("username"), QStringLiteral("sender-id"),
           QStringLiteral("environment"), QStringLiteral("base-url"), QStringLiteral("template"), QStringLiteral("at"),
           QStringLiteral("priority"),    QStringLiteral("rate"),     QStringLiteral("state"),    QStringLiteral("repeat"),
           QStringLiteral("on"),          QStringLiteral("until"),    QStringLiteral("code"),     QStringLiteral("report-url"),
           QStringLiteral("plan"),        QStringLiteral("phone"),    QStringLiteral("days"),     QStringLiteral("valid-days"),
           QStringLiteral("from"),        QStringLiteral("to"),       QStringLiteral("below"),    QStringLiteral("limit"),
           QStringLiteral("user"),        QStringLiteral("role"),     QStringLiteral("since"),    QStringLiteral("action"),
           QStringLiteral("by"),          QStringLiteral("period"),   QStringLiteral("format"),   QStringLiteral("campaign"),
           QStringLiteral("out"),         QStringLiteral("paper"),    QStringLiteral("every"),    QStringLiteral("to-folder"),
           QStringLiteral("sms-to"),      QStringLiteral("measure"),  QStringLiteral("group-by"), QStringLiteral("filter"),
           QStringLiteral("safety-code"), QStringLiteral("wait"),     QStringLiteral("computer")};
    return options;
}

const QStringList &CliContext::flagOptions()
{
    static const QStringList options
        = {QStringLiteral("json"),          QStringLiteral("help"),    QStringLiteral("version"),
           QStringLiteral("api-key-stdin"), QStringLiteral("no-wait"), QStringLiteral("once"),
           QStringLiteral("unread"),        QStringLiteral("merge"),   QStringLiteral("start-from-church-data")};
    return options;
}

void CliContext::setArguments(const CliArguments &arguments)
{
    m_args = arguments;
    m_json = m_args.has(QStringLiteral("json"));
}

Status CliContext::openProfile()
{
    const QString directory = Profile::resolveDirectory(m_args.value(QStringLiteral("profile")));
    auto opened = Profile::open(directory, m_clock);
    if (!opened)
        return std::unexpected(opened.error());
    m_profile = std::move(*opened);
    m_profileSecrets = std::make_unique<ScopedSecretStore>(m_secrets, m_profile->settings().profileId());
    // Asked only when a confidential note is opened or written: other commands never touch the keychain.
    m_profile->pastoral().setKeySource([secrets = m_profileSecrets.get()] { return DataKey::loadOrCreate(*secrets); });
    // Likewise for the numbers of forgotten people that had opted out: asked only once there are any.
    m_profile->forgottenOptOuts().setKeySource([secrets = m_profileSecrets.get()] { return DataKey::loadOrCreate(*secrets); });
    if (m_args.has(QStringLiteral("region"))) {
        const QString region = m_args.value(QStringLiteral("region")).toUpper();
        if (!PhoneNormalizer::isSupportedRegion(region))
            return fail(ErrorCode::InvalidInput, tr("“%1” is not a country code. Use two letters, e.g. KE, UG, TZ.").arg(region));
        m_profile->phones().setDefaultRegion(region);
    }
    return signIn();
}

Status CliContext::signIn()
{
    StaffAccounts &staff = m_profile->staff();
    const Result<bool> required = staff.signInRequired();
    if (!required)
        return std::unexpected(required.error());
    if (!*required)
        return {};
    if (!m_args.has(QStringLiteral("user"))) {
        return fail(ErrorCode::SignIn,
                    tr("This data folder asks who is at the computer: add --user NAME, with your password in "
                       "KENGELE_PASSWORD or on the first line of standard input."));
    }
    const QString password
        = qEnvironmentVariableIsSet("KENGELE_PASSWORD") ? qEnvironmentVariable("KENGELE_PASSWORD") : readLine();
    if (password.isEmpty())
        return fail(ErrorCode::SignIn, tr("Give the password in KENGELE_PASSWORD or on the first line of standard input."));
    const Result<StaffAccount> account = staff.signIn(m_args.value(QStringLiteral("user")), password);
    if (!account)
        return std::unexpected(account.error());
    return {};
}

void CliContext::closeProfile()
{
    m_profileSecrets.reset();
    m_profile.reset();
}

SecretStore &CliContext::secrets()
{
    return *m_profileSecrets;
}

bool CliContext::allowOnly(const QStringList &options)
{
    const QStringList always = {QStringLiteral("profile"), QStringLiteral("json"), QStringLiteral("help"),
                                QStringLiteral("version"), QStringLiteral("user")};
    for (const QString &option : valueOptions() + flagOptions()) {
        if (m_args.has(option) && !options.contains(option) && !always.contains(option)) {
            usage(tr("The option --%1 does not apply to this command.").arg(option));
            return false;
        }
    }
    return true;
}

Status CliContext::prepareRelayClient(RelayClient &client)
{
    const QString url = m_profile->settings().relayUrl();
    if (url.isEmpty())
        return fail(ErrorCode::NotFound,
                    tr("This data folder is not connected to a relay yet. Connect it first with "
                       "“kengele-cli relay connect URL --code CODE”."));
    const QString token = RelayConnector::token(secrets());
    if (token.isEmpty())
        return fail(ErrorCode::Keychain,
                    tr("This computer's relay key is missing from the system's password store. Connect it "
                       "again with a new enrolment code (or set KENGELE_RELAY_TOKEN)."));
    client.setBaseUrl(QUrl(url));
    client.setToken(token);
    return {};
}

int CliContext::usage(const QString &message)
{
    m_err << message << Qt::endl << tr("Run “kengele-cli --help” to see the commands.") << Qt::endl;
    return BadUsage;
}

int CliContext::failed(const Error &error)
{
    m_err << error.message << Qt::endl;
    return Failed;
}

void CliContext::printJson(const QJsonValue &value)
{
    const QJsonDocument doc = value.isArray() ? QJsonDocument(value.toArray()) : QJsonDocument(value.toObject());
    m_out << doc.toJson(QJsonDocument::Compact) << Qt::endl;
}

QByteArray CliContext::readInput()
{
    if (m_in.device())
        return m_in.device()->readAll();
    const QByteArray whole = m_in.string()->toUtf8().mid(m_stringConsumed);
    m_stringConsumed += whole.size();
    return whole;
}

QString CliContext::backupPassphrase()
{
    if (qEnvironmentVariableIsSet("KENGELE_BACKUP_PASSPHRASE"))
        return qEnvironmentVariable("KENGELE_BACKUP_PASSPHRASE");
    QString given = readLine();
    if (given.isEmpty()) {
        const Result<QString> automatic = secrets().readNow(BackupScheduler::PassphraseKey);
        if (automatic)
            given = *automatic;
    }
    if (given.isEmpty())
        failed(Error{ErrorCode::InvalidInput,
                     tr("Give the backup passphrase in KENGELE_BACKUP_PASSPHRASE or on a line of standard input.")});
    return given;
}

QString CliContext::readLine()
{
    QByteArray line;
    if (QIODevice *device = m_in.device()) {
        line = device->readLine();
    } else {
        const QByteArray rest = m_in.string()->toUtf8().mid(m_stringConsumed);
        const qsizetype end = rest.indexOf('\n');
        line = end < 0 ? rest : rest.left(end + 1);
        m_stringConsumed += line.size();
    }
    while (line.endsWith('\n') || line.endsWith('\r'))
        line.chop(1);
    return QString::fromUtf8(line);
}

int CliContext::readRate(double &rate)
{
    if (!m_args.has(QStringLiteral("rate")))
        return Done;
    // The dispatcher waits about 1/rate seconds per message: nan, inf or a vanishing rate make
    // that wait meaningless. The same range as Settings → SMS gateway (up to 1000); below one
    // message in 10 seconds a campaign would take days.
    constexpr double slowest = 0.1;
    constexpr double fastest = 1000;
    bool ok = false;
    const double given = m_args.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || !std::isfinite(given) || (given != 0 && (given < slowest || given > fastest)))
        return usage(tr("Give the rate as messages per second, between 0.1 and 1000, or 0 for no limit: --rate 20"));
    rate = given;
    return Done;
}

QString CliContext::padded(const QString &text, int width)
{
    return text.size() >= width ? text + u' ' : text.leftJustified(width);
}

QJsonValue CliContext::timeOrNull(const QDateTime &time)
{
    return time.isValid() ? QJsonValue(time.toUTC().toString(Qt::ISODateWithMs)) : QJsonValue(QJsonValue::Null);
}

QString CliContext::localTime(const QDateTime &time)
{
    return QLocale().toString(time.toLocalTime(), QLocale::ShortFormat);
}

} // namespace kengele
