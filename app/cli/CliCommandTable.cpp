// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "CliCommandTable.h"

#include "BackupCommand.h"
#include "CampaignCommand.h"
#include "ContactsCommand.h"
#include "DashboardCommand.h"
#include "GatewayCommand.h"
#include "GroupsCommand.h"
#include "InboxCommand.h"
#include "RelayCommand.h"
#include "ReportCommand.h"
#include "SegmentsCommand.h"
#include "SettingsCommand.h"
#include "StaffCommands.h"
#include "SyncCommands.h"
#include "TemplatesCommand.h"
#include "TokensCommand.h"

namespace kengele {

namespace {

template<typename Command> std::unique_ptr<CliCommand> makeCommand(CliContext &context)
{
    return std::make_unique<Command>(context);
}

} // namespace

QList<CliCommandTable::Entry> CliCommandTable::entries()
{
    return {
        {QStringLiteral("contacts"), tr("Contacts:"),
         tr("  contacts import FILE [--group NAME] [--region CC]   import a CSV or vCard file\n"
            "  contacts list [--group NAME] [--search TEXT]\n"
            "  contacts add PHONE --name NAME [--email E]\n"
            "  contacts export FILE [--group NAME]                 write contacts to a CSV file\n"
            "  contacts optout PHONE [--reason TEXT]               mark a number as opted out (no more SMS)\n"
            "  contacts allow PHONE --reason TEXT                  allow SMS again to an opted-out number\n"
            "  contacts optin PHONE                                the same without a reason (older form)\n"),
         &makeCommand<ContactsCommand>},
        {QStringLiteral("groups"), tr("Groups:"),
         tr("  groups list | groups create NAME | groups add NAME PHONE... | groups remove NAME PHONE...\n"),
         &makeCommand<GroupsCommand>},
        {QStringLiteral("templates"), tr("Templates:"),
         tr("  templates list | templates show NAME | templates delete NAME\n"
            "  templates save NAME (--text T | --file F)\n"),
         &makeCommand<TemplatesCommand>},
        {QStringLiteral("tokens"), tr("Tokens:"),
         tr("  tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N]   add tokens to a budget\n"
            "  tokens check [--account NAME]                            balances\n"
            "  tokens transfer --from NAME --to NAME --tokens N --reason TEXT   move tokens between budgets\n"
            "  tokens expire                                            expire what reached the end of its validity\n"
            "  tokens threshold --account NAME --below N|off            warn when a budget falls below N\n"
            "  tokens rename --account NAME --name NEW                  rename a department's budget\n"
            "  tokens usage [--days N] | tokens insights | tokens alerts\n"
            "  tokens history [--account NAME] [--limit N]              the ledger's lines, newest first\n"
            "  tokens plans                                             plans and prices on your relay\n"
            "  tokens buy --plan P --phone N [--account A] [--no-wait]  buy tokens with M-Pesa\n"
            "  tokens purchases                                         purchases and their states\n"
            "  tokens cleanup --days N                                  remove old failed purchase attempts\n"),
         &makeCommand<TokensCommand>},
        {QStringLiteral("segments"), tr("Messages:"),
         tr("  segments [TEXT]          encoding and SMS parts of TEXT (or of standard input)\n"), &makeCommand<SegmentsCommand>},
        {QStringLiteral("gateway"), tr("Gateway:"),
         tr("  gateway set --provider simulator|africastalking [--username U] [--sender-id S]\n"
            "              [--environment live|sandbox] [--base-url URL] [--api-key-stdin]\n"
            "              [--report-url HOOK_URL]  (simulator: reports through the relay; \"\" = straight)\n"
            "  gateway balance\n"),
         &makeCommand<GatewayCommand>},
        {QStringLiteral("campaign"), tr("Campaigns:"),
         tr("  campaign send --group NAME [--group NAME...] (--text T | --template NAME) [--name N]\n"
            "                [--at ISO8601] [--priority low|normal|high|urgent] [--rate PER_SECOND] [--no-wait]\n"
            "                [--repeat daily|weekly|monthly [--on sun,wed] --until YYYY-MM-DD]\n"
            "  campaign run [--rate PER_SECOND]      send everything due (also after a crash)\n"
            "  campaign status ID | campaign list | campaign recipients ID [--state S]\n"
            "  campaign edit ID [the options of send, or --once]   change a campaign before it goes\n"
            "  campaign pause ID | campaign resume ID\n"
            "  campaign resend-uncertain ID | campaign cancel ID\n"),
         &makeCommand<CampaignCommand>},
        {QStringLiteral("relay"), tr("Relay (delivery reports and incoming SMS):"),
         tr("  relay connect URL --code CODE [--name NAME] [--merge | --start-from-church-data]\n"
            "                           connect this computer with an enrolment code; --merge or\n"
            "                           --start-from-church-data: see sync own-data\n"
            "  relay sync [--once]      fetch and save what came in, and share changes with the congregation's\n"
            "                           other computers; --once stops when up to date\n"
            "  relay status             the relay's address, whether it answers, the last sync\n"),
         &makeCommand<RelayCommand>},
        {QStringLiteral("sync"), tr("Several computers (the congregation's data shared through the relay):"),
         tr("  sync status              changes not yet sent, the last ones received, conflicts, waiting for approval\n"
            "  sync conflicts [--limit N]   values two computers changed at once: which was kept, which lost\n"
            "  sync own-data merge | sync own-data start-from-church-data\n"
            "                           what happens to this computer's own contacts when it is let in: they\n"
            "                           join the church's, or are kept in a backup and replaced by the church's\n"),
         &makeCommand<SyncCommand>},
        {QStringLiteral("devices"), QString(),
         tr("  devices list             the congregation's computers\n"
            "  devices approve DEVICE [--safety-code CODE]   let a waiting computer in (administrators): run it\n"
            "                           first without --safety-code to see the code; if the new computer shows\n"
            "                           the same code, run it again with --safety-code CODE\n"
            "  devices remove DEVICE    remove a computer (administrators); the congregation's keys change\n"),
         &makeCommand<DevicesCommand>},
        {QStringLiteral("inbox"), tr("Inbox:"), tr("  inbox list [--unread] [--search TEXT]   incoming SMS, newest first\n"),
         &makeCommand<InboxCommand>},
        {QStringLiteral("settings"), tr("Settings:"),
         tr("  settings quiet-hours [21:00-07:00|off]   when only urgent messages go out (without a value: show it)\n"),
         &makeCommand<SettingsCommand>},
        {QStringLiteral("signin"), tr("Staff and sign-in:"),
         tr("  signin require --user NAME --name \"Full Name\"   make the first administrator (password on standard input);\n"
            "                           from then on every command needs --user NAME and the password\n"
            "                           (KENGELE_PASSWORD, or the first line of standard input)\n"),
         &makeCommand<SigninCommand>},
        {QStringLiteral("users"), QString(),
         tr("  users list | users add USER --name N --role viewer|staff|pastor|administrator\n"
            "  users role USER ROLE | users disable USER | users enable USER | users password USER\n"
            "                           (a new password on the next line of standard input)\n"),
         &makeCommand<UsersCommand>},
        {QStringLiteral("audit"), QString(),
         tr("  audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all]\n"
            "                           who did what, newest first (this computer's trail, another's, or all)\n"
            "  audit verify [--computer NAME|all]   check that no entry was changed, removed or moved (and,\n"
            "                           when connected, compare this computer's trail with the relay's daily copies)\n"
            "  audit computers          the computers whose trails this one holds\n"
            "  audit anchor             send the trail's head to the relay now (it is sent once a day)\n"),
         &makeCommand<AuditCommand>},
        {QStringLiteral("backup"), QString(),
         tr("  backup create [--to FILE]  an encrypted backup, into the backup folder or FILE\n"
            "  backup restore FILE        replace the data with a backup; the data before is kept aside\n"
            "  backup list                the backups in the backup folder\n"
            "  backup folder [DIR]        where backups go (Documents/Kengele backups unless changed)\n"
            "                           (the passphrase: KENGELE_BACKUP_PASSPHRASE, or the next line of standard input)\n"),
         &makeCommand<BackupCommand>},
        {QStringLiteral("dashboard"), tr("Reports:"),
         tr("  dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]   the dashboard's numbers\n"),
         &makeCommand<DashboardCommand>},
        {QStringLiteral("report"), QString(),
         tr("  report list                                 built-in and saved reports\n"
            "  report run NAME [--period P] [--campaign ID] --format json   a report's tables and charts\n"
            "  report save NAME --measure M [--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]...\n"
            "                                              save a report of your own | report delete NAME\n"
            "  report schedule NAME --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P]\n"
            "                [--to-folder DIR] [--sms-to GROUP] [--account NAME]   run a report by itself\n"
            "  report schedules | report unschedule ID\n"
            "  report run-due [--no-wait] [--rate PER_SECOND]   run the scheduled reports that are due\n"),
         &makeCommand<ReportCommand>},
    };
}

std::unique_ptr<CliCommand> CliCommandTable::make(const QString &name, CliContext &context)
{
    for (const Entry &entry : entries()) {
        if (entry.name == name)
            return entry.make(context);
    }
    return nullptr;
}

void CliCommandTable::printHelp(QTextStream &out)
{
    out << tr("Usage: kengele-cli [--profile DIR] [--json] COMMAND ...\n"
              "\n"
              "  --profile DIR   data folder (or set KENGELE_PROFILE)\n"
              "  --json          machine-readable output\n"
              "\n");
    for (const Entry &entry : entries())
        out << (entry.heading.isEmpty() ? QString() : entry.heading + u'\n') << entry.help;
    out << Qt::flush;
}

} // namespace kengele
