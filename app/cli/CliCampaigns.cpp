// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliRunner.h"
#include "campaigns/CampaignService.h"
#include "campaigns/Dispatcher.h"
#include "campaigns/GatewaySetup.h"
#include "campaigns/OutboxStore.h"
#include "common/Clock.h"
#include "contacts/GroupService.h"
#include "gateway/AfricasTalkingGateway.h"
#include "profile/Profile.h"
#include "security/KeychainSecretStore.h"
#include "settings/Settings.h"
#include "templates/TemplateService.h"
#include "tokens/TokenLedger.h"

#include <QElapsedTimer>
#include <QEventLoop>
#include <QIODevice>
#include <QJsonArray>
#include <QJsonObject>
#include <QLocale>
#include <QTimer>

#include <optional>

// kengele-cli gateway … and campaign … (docs/cli.md).
namespace kengele {

namespace {

KeychainSecretStore secretsOf(Profile &profile)
{
    return KeychainSecretStore(QStringLiteral(KENGELE_APP_ID), profile.settings().profileId());
}

std::optional<Priority> priorityFromName(const QString &name)
{
    if (name == QStringLiteral("low"))
        return Priority::Low;
    if (name == QStringLiteral("normal"))
        return Priority::Normal;
    if (name == QStringLiteral("high"))
        return Priority::High;
    if (name == QStringLiteral("urgent"))
        return Priority::Urgent;
    return std::nullopt;
}

QJsonObject campaignJson(const Campaign &c)
{
    QJsonObject states;
    for (auto it = c.states.cbegin(); it != c.states.cend(); ++it)
        states.insert(it.key(), it.value());
    QJsonObject json{{QStringLiteral("id"), c.id},
                     {QStringLiteral("status"), c.status},
                     {QStringLiteral("recipients"), c.recipients},
                     {QStringLiteral("segments"), c.segments},
                     {QStringLiteral("tokens"), c.tokens},
                     {QStringLiteral("states"), states}};
    if (c.isRepeating()) {
        json.insert(QStringLiteral("repeat"), c.recurrence.rule());
        json.insert(QStringLiteral("until"), c.repeatUntil.toLocalTime().date().toString(Qt::ISODate));
        json.insert(QStringLiteral("next"), c.status == QStringLiteral("done") ? QString() : c.scheduledAt.toString(Qt::ISODate));
    }
    if (c.parentId > 0)
        json.insert(QStringLiteral("repeat_of"), c.parentId);
    if (!c.statusReason.isEmpty())
        json.insert(QStringLiteral("reason"), c.statusReason);
    return json;
}

} // namespace

int CliRunner::gateway(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("set") && words.size() == 1) {
        if (!allowOnly({QStringLiteral("provider"), QStringLiteral("username"), QStringLiteral("sender-id"),
                        QStringLiteral("environment"), QStringLiteral("base-url"), QStringLiteral("api-key-stdin"),
                        QStringLiteral("rate"), QStringLiteral("report-url")}))
            return BadUsage;
        const QString provider = m_args.value(QStringLiteral("provider"));
        if (provider != QStringLiteral("simulator") && provider != QStringLiteral("africastalking"))
            return usage(tr("Choose --provider simulator or --provider africastalking."));
        const QString environment
            = m_args.has(QStringLiteral("environment")) ? m_args.value(QStringLiteral("environment")) : QStringLiteral("live");
        if (environment != QStringLiteral("live") && environment != QStringLiteral("sandbox"))
            return usage(tr("Choose --environment live or --environment sandbox."));
        const QString senderId = m_args.value(QStringLiteral("sender-id"));
        if (!senderId.isEmpty()) {
            if (const Status valid = AfricasTalkingGateway::validateSenderId(senderId); !valid)
                return failed(valid.error());
        }
        double rate = -1;
        if (const int code = readRate(rate); code != Done)
            return code;
        const QUrl baseUrl(m_args.value(QStringLiteral("base-url")));
        if (m_args.has(QStringLiteral("base-url"))
            && (!baseUrl.isValid() || baseUrl.scheme().isEmpty() || baseUrl.host().isEmpty()))
            return usage(tr("“%1” is not a web address. Write it like https://api.africastalking.com")
                             .arg(m_args.value(QStringLiteral("base-url"))));
        const QString reportUrlText = m_args.value(QStringLiteral("report-url"));
        const QUrl reportUrl(reportUrlText);
        if (!reportUrlText.isEmpty()
            && (!reportUrl.isValid() || !reportUrl.scheme().startsWith(QStringLiteral("http")) || reportUrl.host().isEmpty()))
            return usage(tr("“%1” is not a web address. Paste the relay's at_delivery hook address that `kengele-relay org "
                            "create` printed.")
                             .arg(reportUrlText));
        if (m_args.has(QStringLiteral("report-url")) && provider != QStringLiteral("simulator"))
            return usage(
                tr("--report-url is for the simulator: Africa's Talking sends its reports to the address set in its dashboard."));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        if (provider == QStringLiteral("africastalking")) {
            AfricasTalkingGateway::Settings check;
            check.username = m_args.has(QStringLiteral("username")) ? m_args.value(QStringLiteral("username"))
                                                                    : m_profile->settings().gatewayUsername();
            check.apiKey = QStringLiteral("checked separately");
            check.environment = environment == QStringLiteral("sandbox") ? AfricasTalkingGateway::Environment::Sandbox
                                                                         : AfricasTalkingGateway::Environment::Live;
            if (const Status valid = AfricasTalkingGateway::validate(check); !valid)
                return failed(valid.error());
        }
        if (m_args.has(QStringLiteral("api-key-stdin"))) {
            const QString key = QString::fromUtf8(m_in.device() ? m_in.device()->readAll() : m_in.string()->toUtf8()).trimmed();
            if (key.isEmpty())
                return usage(tr("--api-key-stdin reads the API key from standard input, but it was empty."));
            KeychainSecretStore secrets = secretsOf(*m_profile);
            if (const Status stored = secrets.writeNow(QString::fromLatin1(GatewaySetup::ApiKeySecret), key); !stored)
                return failed(stored.error());
        }
        Settings &settings = m_profile->settings();
        settings.setGatewayProvider(provider);
        if (m_args.has(QStringLiteral("username")))
            settings.setGatewayUsername(m_args.value(QStringLiteral("username")));
        if (m_args.has(QStringLiteral("sender-id")))
            settings.setGatewaySenderId(senderId);
        settings.setGatewayEnvironment(environment);
        if (m_args.has(QStringLiteral("base-url")))
            settings.setGatewayBaseUrl(baseUrl.toString());
        if (rate >= 0)
            settings.setGatewayRatePerSecond(rate);
        if (m_args.has(QStringLiteral("report-url")))
            settings.setSimulatorReportUrl(reportUrlText);
        settings.sync();
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("provider"), provider},
                                  {QStringLiteral("username"), settings.gatewayUsername()},
                                  {QStringLiteral("sender_id"), settings.gatewaySenderId()},
                                  {QStringLiteral("environment"), environment},
                                  {QStringLiteral("report_url"), settings.simulatorReportUrl()}});
        else
            m_out << (provider == QStringLiteral("simulator")
                          ? tr("Messages now go to the simulator: no SMS leaves this computer.")
                          : tr("Messages now go to Africa's Talking (%1).").arg(environment))
                  << Qt::endl;
        return Done;
    }
    if (sub == QStringLiteral("balance") && words.size() == 1) {
        if (!allowOnly({}))
            return BadUsage;
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        Settings &settings = m_profile->settings();
        KeychainSecretStore secrets = secretsOf(*m_profile);
        const QString provider = settings.gatewayProvider();
        const QString key = provider == QStringLiteral("africastalking") ? GatewaySetup::apiKey(settings, secrets) : QString();
        QString whyNot;
        std::unique_ptr<SmsGateway> gateway(GatewaySetup::factory(settings, key)(provider, &whyNot));
        if (!gateway)
            return failed({ErrorCode::InvalidInput, whyNot});
        std::optional<Result<GatewayBalance>> answer;
        QEventLoop loop;
        gateway->balance([&](Result<GatewayBalance> result) {
            answer = std::move(result);
            loop.quit();
        });
        if (!answer)
            loop.exec();
        if (!*answer)
            return failed(answer->error());
        if (m_json)
            printJson(QJsonObject{{QStringLiteral("gateway"), gateway->displayName()},
                                  {QStringLiteral("balance"), (*answer)->text},
                                  {QStringLiteral("simulation"), gateway->isSimulation()}});
        else
            m_out << tr("%1: balance %2").arg(gateway->displayName(), (*answer)->text) << Qt::endl;
        return Done;
    }
    return usage(tr("Use one of: gateway set --provider simulator|africastalking ..., gateway balance."));
}

int CliRunner::readRate(double &rate)
{
    if (!m_args.has(QStringLiteral("rate")))
        return Done;
    bool ok = false;
    rate = m_args.value(QStringLiteral("rate")).toDouble(&ok);
    if (!ok || rate < 0)
        return usage(tr("Give the rate as messages per second, 0 for no limit: --rate 20"));
    return Done;
}

int CliRunner::printCampaign(qint64 id)
{
    const auto campaign = m_profile->campaigns().get(id);
    if (!campaign)
        return failed(campaign.error());
    if (m_json) {
        printJson(campaignJson(*campaign));
        return Done;
    }
    m_out
        << tr("Campaign %1 “%2”: %3").arg(campaign->id).arg(campaign->name, campaign->status) << '\n'
        << tr("  %1 recipients, %2 SMS parts, %3 tokens").arg(campaign->recipients).arg(campaign->segments).arg(campaign->tokens)
        << '\n';
    for (auto it = campaign->states.cbegin(); it != campaign->states.cend(); ++it) {
        if (it.value() > 0)
            m_out << QStringLiteral("  %1: %2").arg(it.key()).arg(it.value()) << '\n';
    }
    if (campaign->isRepeating()) {
        m_out << tr("  Repeats %1 until %2")
                     .arg(campaign->recurrence.describe(),
                          QLocale().toString(campaign->repeatUntil.toLocalTime().date(), QLocale::ShortFormat))
              << '\n';
        if (campaign->status == QStringLiteral("recurring"))
            m_out << tr("  Next: %1").arg(QLocale().toString(campaign->scheduledAt.toLocalTime(), QLocale::ShortFormat)) << '\n';
    }
    if (!campaign->statusReason.isEmpty())
        m_out << tr("  Why: %1").arg(campaign->statusReason) << '\n';
    m_out.flush();
    return Done;
}

int CliRunner::runDispatcher(double rate, bool rateGiven)
{
    Settings &settings = m_profile->settings();
    KeychainSecretStore secrets = secretsOf(*m_profile);
    // The keychain is asked only when Africa's Talking may be used.
    const QString key
        = settings.gatewayProvider() == QStringLiteral("africastalking") ? GatewaySetup::apiKey(settings, secrets) : QString();
    Dispatcher::Options options = GatewaySetup::options(settings);
    if (rateGiven)
        options.ratePerSecond = rate;
    OutboxStore store(m_profile->database(), m_profile->tokens(), m_clock);
    Dispatcher dispatcher(store, GatewaySetup::factory(settings, key), m_clock, options);
    QEventLoop loop;
    QString failure;
    QObject::connect(&dispatcher, &Dispatcher::failed, &loop, [&](const QString &message) {
        failure = message;
        loop.quit();
    });
    QObject::connect(&dispatcher, &Dispatcher::campaignPaused, &loop, [this](qint64 id, const QString &reason) {
        m_err << tr("Campaign %1 paused: %2").arg(id).arg(reason) << Qt::endl;
    });
    // No connection: the messages stay queued (nothing was sent); a later `campaign run` sends them.
    QObject::connect(&dispatcher, &Dispatcher::gatewayOffline, &loop, [&](const QString &reason, qint64) {
        m_err << reason << Qt::endl
              << tr("The messages wait in the queue. Run “kengele-cli campaign run” when the connection is back.") << Qt::endl;
        loop.quit();
    });
    // Runs until nothing is due now; then waits briefly for the simulator's delivery reports.
    QElapsedTimer waitingForReports;
    QTimer check;
    check.setInterval(100);
    QObject::connect(&check, &QTimer::timeout, &loop, [&] {
        if (!dispatcher.isIdle())
            return;
        if (!waitingForReports.isValid())
            waitingForReports.start();
        if (dispatcher.pendingDeliveryReports() == 0 || waitingForReports.elapsed() > 5000) {
            dispatcher.flushNow();
            loop.quit();
        }
    });
    check.start();
    dispatcher.start();
    loop.exec();
    dispatcher.stop();
    if (!failure.isEmpty())
        return failed({ErrorCode::Storage, failure});
    return Done;
}

int CliRunner::applyDraftOptions(CampaignDraft &draft, bool editing)
{
    if (m_args.has(QStringLiteral("text")) && m_args.has(QStringLiteral("template")))
        return usage(tr("Give the message with either --text \"...\" or --template NAME, not both."));
    if (m_args.has(QStringLiteral("priority"))) {
        const auto priority = priorityFromName(m_args.value(QStringLiteral("priority")));
        if (!priority)
            return usage(tr("Choose --priority low, normal, high or urgent."));
        draft.priority = *priority;
    }
    if (m_args.has(QStringLiteral("at"))) {
        draft.scheduledAt = QDateTime::fromString(m_args.value(QStringLiteral("at")), Qt::ISODate);
        if (!draft.scheduledAt.isValid())
            return usage(tr("Write the time as ISO 8601, e.g. --at 2026-12-24T08:00 (local time) or 2026-12-24T05:00Z."));
    }
    if (m_args.has(QStringLiteral("once")) && m_args.has(QStringLiteral("repeat")))
        return usage(tr("Give either --repeat or --once, not both."));
    if (m_args.has(QStringLiteral("once"))) {
        draft.recurrence = Recurrence();
        draft.repeatUntil = QDate();
    }
    const QDate startDay = (draft.scheduledAt.isValid() ? draft.scheduledAt : m_clock.nowUtc()).toLocalTime().date();
    if (m_args.has(QStringLiteral("repeat"))) {
        const QString repeat = m_args.value(QStringLiteral("repeat"));
        if (repeat == QStringLiteral("daily")) {
            draft.recurrence = Recurrence::daily();
        } else if (repeat == QStringLiteral("weekly")) {
            draft.recurrence = Recurrence::weekly({startDay.dayOfWeek()});
        } else if (repeat == QStringLiteral("monthly")) {
            draft.recurrence = Recurrence::monthly(startDay.day());
        } else {
            return usage(tr("Choose --repeat daily, weekly or monthly."));
        }
    }
    if (m_args.has(QStringLiteral("on"))) {
        if (draft.recurrence.frequency() != Recurrence::Frequency::Weekly)
            return usage(tr("--on chooses the days of a weekly message: --repeat weekly --on sun,wed"));
        static const QStringList Days
            = {QStringLiteral("mon"), QStringLiteral("tue"), QStringLiteral("wed"), QStringLiteral("thu"),
               QStringLiteral("fri"), QStringLiteral("sat"), QStringLiteral("sun")};
        QList<int> days;
        for (const QString &day : m_args.value(QStringLiteral("on")).toLower().split(u',', Qt::SkipEmptyParts)) {
            const qsizetype index = Days.indexOf(day.trimmed().left(3));
            if (index < 0)
                return usage(tr("“%1” is not a day. Write the days like --on sun,wed").arg(day));
            days.append(int(index) + 1);
        }
        draft.recurrence = Recurrence::weekly(days);
    }
    if (m_args.has(QStringLiteral("until"))) {
        draft.repeatUntil = QDate::fromString(m_args.value(QStringLiteral("until")), Qt::ISODate);
        if (!draft.repeatUntil.isValid())
            return usage(tr("Write the last day as a date, e.g. --until 2026-12-31"));
        if (!draft.recurrence.isRepeating())
            return usage(tr("--until is the last day of a repeating message: add --repeat daily, weekly or monthly."));
    }
    if (m_args.has(QStringLiteral("group"))) {
        draft.groupIds.clear();
        if (editing)
            draft.contactIds.clear();
        for (const QString &name : m_args.values(QStringLiteral("group"))) {
            const auto group = m_profile->groups().findByName(name);
            if (!group)
                return failed(group.error());
            draft.groupIds.append(group->id);
        }
    }
    if (m_args.has(QStringLiteral("template"))) {
        const auto found = m_profile->templates().findByName(m_args.value(QStringLiteral("template")));
        if (!found)
            return failed(found.error());
        draft.body = found->body;
        draft.templateId = found->id;
        if (!editing)
            draft.name = found->name;
    } else if (m_args.has(QStringLiteral("text"))) {
        draft.body = m_args.value(QStringLiteral("text"));
        draft.templateId = 0;
    }
    if (m_args.has(QStringLiteral("name")))
        draft.name = m_args.value(QStringLiteral("name"));
    if (m_args.has(QStringLiteral("account")))
        draft.accountName = m_args.value(QStringLiteral("account"));
    return Done;
}

int CliRunner::campaignSend()
{
    if (!allowOnly({QStringLiteral("group"), QStringLiteral("text"), QStringLiteral("template"), QStringLiteral("name"),
                    QStringLiteral("at"), QStringLiteral("priority"), QStringLiteral("rate"), QStringLiteral("no-wait"),
                    QStringLiteral("account"), QStringLiteral("repeat"), QStringLiteral("on"), QStringLiteral("until")}))
        return BadUsage;
    if (m_args.values(QStringLiteral("group")).isEmpty())
        return usage(tr("Choose who gets the message: --group NAME (several --group options are allowed)."));
    if (m_args.has(QStringLiteral("text")) == m_args.has(QStringLiteral("template")))
        return usage(tr("Give the message with either --text \"...\" or --template NAME."));
    if (m_args.has(QStringLiteral("repeat")) && !m_args.has(QStringLiteral("until")))
        return usage(tr("A repeating message needs an end date: add --until YYYY-MM-DD (the last day it may go)."));
    double rate = 0;
    if (const int code = readRate(rate); code != Done)
        return code;
    if (Status opened = openProfile(); !opened)
        return failed(opened.error());
    CampaignDraft draft;
    if (const int code = applyDraftOptions(draft, false); code != Done)
        return code;
    Settings &settings = m_profile->settings();
    draft.gateway = settings.gatewayProvider();
    draft.senderId = settings.gatewaySenderId();
    draft.chargeTokens = draft.gateway != QStringLiteral("simulator");
    const auto preview = m_profile->campaigns().preview(draft);
    if (!preview)
        return failed(preview.error());
    for (const QString &warning : preview->warnings)
        m_err << warning << Qt::endl;
    if (draft.gateway == QStringLiteral("simulator"))
        m_err << tr("Simulation — no SMS leaves this computer.") << Qt::endl;
    const QuietHours quiet{settings.quietHoursStart(), settings.quietHoursEnd()};
    const QDateTime sendTime = (preview->firstOccurrence.isValid() ? preview->firstOccurrence
                                    : draft.scheduledAt.isValid()  ? draft.scheduledAt
                                                                   : m_clock.nowUtc())
                                   .toLocalTime();
    if (draft.priority != Priority::Urgent && quiet.isQuiet(sendTime)) {
        m_err << tr("Quiet hours (%1–%2): the messages wait until %2. Only --priority urgent goes out now.")
                     .arg(quiet.start.toString(QStringLiteral("HH:mm")), quiet.end.toString(QStringLiteral("HH:mm")))
              << Qt::endl;
    }
    if (draft.recurrence.isRepeating()) {
        m_err << tr("Repeats %1 until %2: %n message(s), the first on %3. Each one is counted and paid when it goes.", nullptr,
                    preview->occurrences)
                     .arg(draft.recurrence.describe(), QLocale().toString(draft.repeatUntil, QLocale::ShortFormat),
                          QLocale().toString(preview->firstOccurrence.toLocalTime(), QLocale::ShortFormat))
              << Qt::endl;
    }
    const auto launched = m_profile->campaigns().launch(draft, qEnvironmentVariable("USER"));
    if (!launched)
        return failed(launched.error());
    if (!m_args.has(QStringLiteral("no-wait"))) {
        // A repeating campaign whose first occurrence is now goes now.
        if (draft.recurrence.isRepeating()) {
            if (const auto occurrences = m_profile->campaigns().launchDueOccurrences(qEnvironmentVariable("USER")); !occurrences)
                return failed(occurrences.error());
        }
        if (const int code = runDispatcher(rate, m_args.has(QStringLiteral("rate"))); code != Done)
            return code;
    }
    return printCampaign(launched->id);
}

int CliRunner::campaignEdit(qint64 id)
{
    auto draft = m_profile->campaigns().draft(id);
    if (!draft)
        return failed(draft.error());
    if (const int code = applyDraftOptions(*draft, true); code != Done)
        return code;
    if (draft->recurrence.isRepeating() && !draft->repeatUntil.isValid())
        return usage(tr("A repeating message needs an end date: add --until YYYY-MM-DD (the last day it may go)."));
    const auto changed = m_profile->campaigns().update(id, *draft, qEnvironmentVariable("USER"));
    if (!changed)
        return failed(changed.error());
    return printCampaign(id);
}

int CliRunner::campaign(const QStringList &words)
{
    const QString sub = words.value(0);
    if (sub == QStringLiteral("send") && words.size() == 1)
        return campaignSend();
    if (sub == QStringLiteral("run") && words.size() == 1) {
        if (!allowOnly({QStringLiteral("rate")}))
            return BadUsage;
        double rate = 0;
        if (const int code = readRate(rate); code != Done)
            return code;
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        // Occurrences of repeating campaigns due by now are launched first (or recorded as skipped).
        const auto occurrences = m_profile->campaigns().launchDueOccurrences(qEnvironmentVariable("USER"));
        if (!occurrences)
            return failed(occurrences.error());
        if (!occurrences->isEmpty())
            m_err << tr("%n repeating message(s) launched.", nullptr, int(occurrences->size())) << Qt::endl;
        const int code = runDispatcher(rate, m_args.has(QStringLiteral("rate")));
        if (code == Done && m_json)
            printJson(QJsonObject{{QStringLiteral("done"), true}});
        return code;
    }
    if (sub == QStringLiteral("list") && words.size() == 1) {
        if (!allowOnly({}))
            return BadUsage;
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        const auto list = m_profile->campaigns().list();
        if (!list)
            return failed(list.error());
        QJsonArray array;
        for (const Campaign &c : *list) {
            array.append(QJsonObject{
                {QStringLiteral("id"), c.id},
                {QStringLiteral("name"), c.name},
                {QStringLiteral("status"), c.status},
                {QStringLiteral("scheduled"), c.scheduledAt.isValid() ? c.scheduledAt.toString(Qt::ISODate) : QString()},
                {QStringLiteral("recipients"), c.recipients},
                {QStringLiteral("repeat"), c.recurrence.rule()}});
            if (!m_json)
                m_out << QStringLiteral("%1  %2  %3  %4").arg(c.id, 4).arg(c.status, -10).arg(c.recipients, 7).arg(c.name)
                      << '\n';
        }
        if (m_json)
            printJson(array);
        m_out.flush();
        return Done;
    }
    const QStringList withId = {QStringLiteral("status"), QStringLiteral("resend-uncertain"),
                                QStringLiteral("cancel"), QStringLiteral("recipients"),
                                QStringLiteral("edit"),   QStringLiteral("pause"),
                                QStringLiteral("resume")};
    if (withId.contains(sub)) {
        const QStringList editOptions
            = {QStringLiteral("group"), QStringLiteral("text"),     QStringLiteral("template"), QStringLiteral("name"),
               QStringLiteral("at"),    QStringLiteral("priority"), QStringLiteral("account"),  QStringLiteral("repeat"),
               QStringLiteral("on"),    QStringLiteral("until"),    QStringLiteral("once")};
        if (!allowOnly(sub == QStringLiteral("recipients") ? QStringList{QStringLiteral("state")}
                           : sub == QStringLiteral("edit") ? editOptions
                                                           : QStringList{}))
            return BadUsage;
        bool ok = false;
        const qint64 id = words.value(1).toLongLong(&ok);
        if (words.size() != 2 || !ok)
            return usage(tr("Give the campaign's number: campaign %1 ID").arg(sub));
        if (Status opened = openProfile(); !opened)
            return failed(opened.error());
        if (const auto exists = m_profile->campaigns().get(id); !exists)
            return failed(exists.error());
        if (sub == QStringLiteral("status"))
            return printCampaign(id);
        if (sub == QStringLiteral("edit"))
            return campaignEdit(id);
        if (sub == QStringLiteral("pause") || sub == QStringLiteral("resume")) {
            const bool pause = sub == QStringLiteral("pause");
            const auto campaign = m_profile->campaigns().get(id);
            Status done;
            if (campaign->isRepeating()) {
                done = pause ? m_profile->campaigns().pauseRepeating(id) : m_profile->campaigns().resumeRepeating(id);
            } else {
                OutboxStore store(m_profile->database(), m_profile->tokens(), m_clock);
                done = pause ? store.pause(id, tr("You paused it.")) : store.resume(id);
            }
            if (!done)
                return failed(done.error());
            return printCampaign(id);
        }
        if (sub == QStringLiteral("recipients")) {
            const QString state = m_args.value(QStringLiteral("state"));
            const auto rows = m_profile->campaigns().recipients(id, state, 0, std::numeric_limits<int>::max());
            if (!rows)
                return failed(rows.error());
            QJsonArray array;
            for (const OutboxRow &r : *rows) {
                array.append(QJsonObject{{QStringLiteral("phone"), r.phone},
                                         {QStringLiteral("name"), r.name},
                                         {QStringLiteral("state"), r.state},
                                         {QStringLiteral("reason"), r.reason},
                                         {QStringLiteral("message_id"), r.messageId},
                                         {QStringLiteral("segments"), r.segments}});
                if (!m_json)
                    m_out << QStringLiteral("%1  %2  %3  %4").arg(r.phone, -14).arg(r.state, -10).arg(r.name, -24).arg(r.reason)
                          << '\n';
            }
            if (m_json)
                printJson(array);
            m_out.flush();
            return Done;
        }
        OutboxStore store(m_profile->database(), m_profile->tokens(), m_clock);
        const Result<int> changed = sub == QStringLiteral("cancel") ? store.cancel(id) : store.resendUncertain(id);
        if (!changed)
            return failed(changed.error());
        if (sub == QStringLiteral("resend-uncertain")) {
            m_err << tr("%1 uncertain messages queued again.").arg(*changed) << Qt::endl;
            if (const int code = runDispatcher(0, false); code != Done)
                return code;
        } else {
            m_err << tr("%1 messages cancelled; their tokens are back in the budget.").arg(*changed) << Qt::endl;
        }
        return printCampaign(id);
    }
    return usage(tr("Use one of: campaign send, run, status ID, list, recipients ID, edit ID, pause ID, resume ID, "
                    "resend-uncertain ID, cancel ID."));
}

} // namespace kengele
