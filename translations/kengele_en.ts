<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>AuditCommand</name>
    <message numerus="yes">
        <source>It matches the relay's daily copies of its head (%n checked).</source>
        <translation><numerusform>It matches the relay's daily copies of its head (%n checked).</numerusform><numerusform>It matches the relay's daily copies of its head (%n checked).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The relay now holds the audit trail's head: %n entries, for %1 (UTC).</source>
        <translation><numerusform>The relay now holds the audit trail's head: %n entries, for %1 (UTC).</numerusform><numerusform>The relay now holds the audit trail's head: %n entries, for %1 (UTC).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation><numerusform>%n entries</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: the trail holds (%n entries).</source>
        <translation><numerusform>%1: the trail holds (%n entries).</numerusform><numerusform>%1: the trail holds (%n entries).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries were set aside by a backup restored on that computer.</source>
        <translation><numerusform>%n entries were set aside by a backup restored on that computer.</numerusform><numerusform>%n entries were set aside by a backup restored on that computer.</numerusform></translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message numerus="yes">
        <source>A backup passphrase has at least %n characters. A few words you will remember work well.</source>
        <translation><numerusform>A backup passphrase has at least %n characters. A few words you will remember work well.</numerusform><numerusform>A backup passphrase has at least %n characters. A few words you will remember work well.</numerusform></translation>
    </message>
</context>
<context>
    <name>CampaignCommand</name>
    <message numerus="yes">
        <source>Repeats %1 until %2: %n message(s), the first on %3. Each one is counted and paid when it goes.</source>
        <translation><numerusform>Repeats %1 until %2: %n message, the first on %3. Each one is counted and paid when it goes.</numerusform><numerusform>Repeats %1 until %2: %n messages, the first on %3. Each one is counted and paid when it goes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n repeating message(s) launched.</source>
        <translation><numerusform>%n repeating message launched.</numerusform><numerusform>%n repeating messages launched.</numerusform></translation>
    </message>
</context>
<context>
    <name>ContactImporter</name>
    <message numerus="yes">
        <source> and %n more</source>
        <translation><numerusform> and %n more</numerusform><numerusform> and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The e-mail address was left out on %n line(s) because it is not a usable address (line %1).</source>
        <translation><numerusform>The e-mail address was left out on %n line because it is not a usable address (line %1).</numerusform><numerusform>The e-mail address was left out on %n lines because it is not a usable address (line %1).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A name longer than %1 characters was shortened on %n line(s) (line %2).</source>
        <translation><numerusform>A name longer than %1 characters was shortened on %n line (line %2).</numerusform><numerusform>A name longer than %1 characters was shortened on %n lines (line %2).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Notes longer than %1 characters were shortened on %n line(s) (line %2).</source>
        <translation><numerusform>Notes longer than %1 characters were shortened on %n line (line %2).</numerusform><numerusform>Notes longer than %1 characters were shortened on %n lines (line %2).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A group name longer than %1 characters was left out on %n line(s) (line %2).</source>
        <translation><numerusform>A group name longer than %1 characters was left out on %n line (line %2).</numerusform><numerusform>A group name longer than %1 characters was left out on %n lines (line %2).</numerusform></translation>
    </message>
</context>
<context>
    <name>ContactsCommand</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation><numerusform>Saved %n contact to %1.</numerusform><numerusform>Saved %n contacts to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>ForegroundDispatch</name>
    <message numerus="yes">
        <source>%n message(s) still wait for another try, the next at %1. Run “kengele-cli campaign run” then to send them.</source>
        <translation><numerusform>%n message still wait for another try, the next at %1. Run “kengele-cli campaign run” then to send them.</numerusform><numerusform>%n messages still wait for another try, the next at %1. Run “kengele-cli campaign run” then to send them.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait for another try: the gateway did not take them. The next try is at %1.</source>
        <translation><numerusform>%n message wait for another try: the gateway did not take them. The next try is at %1.</numerusform><numerusform>%n messages wait for another try: the gateway did not take them. The next try is at %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>GroupsCommand</name>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation><numerusform>%n member</numerusform><numerusform>%n members</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Added %n contact(s) to “%1”.</source>
        <translation><numerusform>Added %n contact to “%1”.</numerusform><numerusform>Added %n contacts to “%1”.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n contact(s) from “%1”.</source>
        <translation><numerusform>Removed %n contact from “%1”.</numerusform><numerusform>Removed %n contacts from “%1”.</numerusform></translation>
    </message>
</context>
<context>
    <name>InboxCommand</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n message</numerusform><numerusform>%n messages</numerusform></translation>
    </message>
</context>
<context>
    <name>JoinChoices</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation><numerusform>%n group</numerusform><numerusform>%n groups</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation><numerusform>%n template</numerusform><numerusform>%n templates</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) that asked for no more messages</source>
        <translation><numerusform>%n number that asked for no more messages</numerusform><numerusform>%n numbers that asked for no more messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s)</source>
        <translation><numerusform>%n staff account</numerusform><numerusform>%n staff accounts</numerusform></translation>
    </message>
</context>
<context>
    <name>RecipientSnapshot</name>
    <message numerus="yes">
        <source>Nobody to send to: the chosen numbers (%n) cannot receive SMS (landlines and other numbers that are not mobile).</source>
        <translation><numerusform>Nobody to send to: the chosen numbers (%n) cannot receive SMS (landlines and other numbers that are not mobile).</numerusform><numerusform>Nobody to send to: the chosen numbers (%n) cannot receive SMS (landlines and other numbers that are not mobile).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Nobody to send to: everyone chosen (%n person(s)) has opted out of messages.</source>
        <translation><numerusform>Nobody to send to: everyone chosen (%n person) has opted out of messages.</numerusform><numerusform>Nobody to send to: everyone chosen (%n people) has opted out of messages.</numerusform></translation>
    </message>
</context>
<context>
    <name>RecurringLauncher</name>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation><numerusform>%1 and %n more</numerusform><numerusform>%1 and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>RelayCommand</name>
    <message numerus="yes">
        <source>Up to date: %n new event(s) saved</source>
        <translation><numerusform>Up to date: %n new event saved</numerusform><numerusform>Up to date: %n new events saved</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s) saved.</source>
        <translation><numerusform>%n new event saved.</numerusform><numerusform>%n new events saved.</numerusform></translation>
    </message>
</context>
<context>
    <name>RelayStatusText</name>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation><numerusform>%n min ago</numerusform><numerusform>%n min ago</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message numerus="yes">
        <source>Each time: %n recipient(s), </source>
        <translation><numerusform>Each time: %n recipient, </numerusform><numerusform>Each time: %n recipients, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), </source>
        <translation><numerusform>%n SMS part, </numerusform><numerusform>%n SMS parts, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s).</source>
        <translation><numerusform>%n token.</numerusform><numerusform>%n tokens.</numerusform></translation>
    </message>
</context>
<context>
    <name>ReportRegistry</name>
    <message numerus="yes">
        <source>Messages that came in for the inbox (not opt-outs or prayer requests). By campaign: the last campaign launched within %n day(s) before that had a message for that number.</source>
        <translation><numerusform>Messages that came in for the inbox (not opt-outs or prayer requests). By campaign: the last campaign launched within %n day before that had a message for that number.</numerusform><numerusform>Messages that came in for the inbox (not opt-outs or prayer requests). By campaign: the last campaign launched within %n days before that had a message for that number.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Numbers that asked for no more SMS, including those allowed again since. By campaign: the last campaign launched within %n day(s) before that had a message for that number.</source>
        <translation><numerusform>Numbers that asked for no more SMS, including those allowed again since. By campaign: the last campaign launched within %n day before that had a message for that number.</numerusform><numerusform>Numbers that asked for no more SMS, including those allowed again since. By campaign: the last campaign launched within %n days before that had a message for that number.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Numbers delivered to within the %n day(s) before the period's end.</source>
        <translation><numerusform>Numbers delivered to within the %n day before the period's end.</numerusform><numerusform>Numbers delivered to within the %n days before the period's end.</numerusform></translation>
    </message>
</context>
<context>
    <name>SegmentsCommand</name>
    <message numerus="yes">
        <source>%1, %n segment(s), %2 units, %3 characters</source>
        <translation><numerusform>%1, %n segment, %2 units, %3 characters</numerusform><numerusform>%1, %n segments, %2 units, %3 characters</numerusform></translation>
    </message>
</context>
<context>
    <name>TemplatesCommand</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved the template “%1” (%2, %n SMS part(s) before its fields are filled in).</source>
        <translation><numerusform>Saved the template “%1” (%2, %n SMS part before its fields are filled in).</numerusform><numerusform>Saved the template “%1” (%2, %n SMS parts before its fields are filled in).</numerusform></translation>
    </message>
</context>
<context>
    <name>TokenInsights</name>
    <message numerus="yes">
        <source>%Ln token(s) expire on %1.</source>
        <translation><numerusform>%Ln token expire on %1.</numerusform><numerusform>%Ln tokens expire on %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) in %1 expire on %2.</source>
        <translation><numerusform>%Ln token in %1 expire on %2.</numerusform><numerusform>%Ln tokens in %1 expire on %2.</numerusform></translation>
    </message>
</context>
<context>
    <name>TokenShopCommand</name>
    <message numerus="yes">
        <source>Removed %n old purchase attempt(s) and payment copies; the token history is kept.</source>
        <translation><numerusform>Removed %n old purchase attempt and payment copies; the token history is kept.</numerusform><numerusform>Removed %n old purchase attempts and payment copies; the token history is kept.</numerusform></translation>
    </message>
</context>
<context>
    <name>TokensText</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <extracomment>A number of tokens, with thousands separators: "1,000 tokens"</extracomment>
        <translation><numerusform>%Ln token</numerusform><numerusform>%Ln tokens</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <extracomment>A plan: "1,000 tokens, for 30 days"</extracomment>
        <translation><numerusform>%1, for %n day</numerusform><numerusform>%1, for %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>UsersCommand</name>
    <message numerus="yes">
        <source>“users %1” takes %n word(s) after it.</source>
        <translation><numerusform>“users %1” takes %n word after it.</numerusform><numerusform>“users %1” takes %n words after it.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::AfricasTalkingGateway</name>
    <message numerus="yes">
        <source>A sender ID made of digits must be a short code of 3 to 8 digits, such as 20414; “%1” has %n digit(s).</source>
        <translation><numerusform>A sender ID made of digits must be a short code of 3 to 8 digits, such as 20414; “%1” has %n digit.</numerusform><numerusform>A sender ID made of digits must be a short code of 3 to 8 digits, such as 20414; “%1” has %n digits.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>A sender ID can be at most 11 characters long; “%1” has %n.</source>
        <translation><numerusform>A sender ID can be at most 11 characters long; “%1” has %n.</numerusform><numerusform>A sender ID can be at most 11 characters long; “%1” has %n.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::AuditAnchor</name>
    <message numerus="yes">
        <source>On %1 the relay recorded a trail of %n entries, but this computer's trail now holds %2: entries were removed.</source>
        <translation><numerusform>On %1 the relay recorded a trail of %n entries, but this computer's trail now holds %2: entries were removed.</numerusform><numerusform>On %1 the relay recorded a trail of %n entries, but this computer's trail now holds %2: entries were removed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The trail's first %n entries are not what the relay recorded on %1: the trail was written anew.</source>
        <translation><numerusform>The trail's first %n entries are not what the relay recorded on %1: the trail was written anew.</numerusform><numerusform>The trail's first %n entries are not what the relay recorded on %1: the trail was written anew.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n of the relay's daily copies were made before the backup restored on %1 and no longer apply.</source>
        <translation><numerusform>%n of the relay's daily copies were made before the backup restored on %1 and no longer apply.</numerusform><numerusform>%n of the relay's daily copies were made before the backup restored on %1 and no longer apply.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::AuditTrailWidget</name>
    <message numerus="yes">
        <source>%n entries, unbroken: none was changed, removed or moved.</source>
        <extracomment>The audit trail's check found nothing wrong: "120 entries, unbroken."</extracomment>
        <translation><numerusform>%n entries, unbroken: none was changed, removed or moved.</numerusform><numerusform>%n entries, unbroken: none was changed, removed or moved.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation><numerusform>%n entries</numerusform><numerusform>%n entries</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries, unbroken.</source>
        <extracomment>One computer's audit trail checked: "Office desktop: 120 entries, unbroken."</extracomment>
        <translation><numerusform>%1: %n entries, unbroken.</numerusform><numerusform>%1: %n entries, unbroken.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n entries were set aside by a backup restored on that computer.</source>
        <translation><numerusform>%n entries were set aside by a backup restored on that computer.</numerusform><numerusform>%n entries were set aside by a backup restored on that computer.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::BackupScheduler</name>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago</source>
        <translation><numerusform>Last backup: %n day ago</numerusform><numerusform>Last backup: %n days ago</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::BackupSettingsWidget</name>
    <message numerus="yes">
        <source>At least %n characters; a few words you will remember work well.</source>
        <translation><numerusform>At least %n characters; a few words you will remember work well.</numerusform><numerusform>At least %n characters; a few words you will remember work well.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::BuyTokensDialog</name>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <translation><numerusform>%1, for %n day</numerusform><numerusform>%1, for %n days</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::CampaignCostPanel</name>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation><numerusform>%Ln person</numerusform><numerusform>%Ln people</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln with a number that cannot receive SMS (landline)</source>
        <translation><numerusform>%Ln with a number that cannot receive SMS (landline)</numerusform><numerusform>%Ln with a number that cannot receive SMS (landline)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) each time</source>
        <translation><numerusform>%Ln token each time</numerusform><numerusform>%Ln tokens each time</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation><numerusform>%Ln token</numerusform><numerusform>%Ln tokens</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s), the first on %2.</source>
        <extracomment>%1: "Repeats every week on Sunday until 31 Mar 2027"; %2: "Sun 7 Dec 10:00"</extracomment>
        <translation><numerusform>%1: %n time, the first on %2.</numerusform><numerusform>%1: %n times, the first on %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>If the groups stay the same, all %n times together cost %1 tokens.</source>
        <translation><numerusform>If the groups stay the same, all %n times together cost %1 tokens.</numerusform><numerusform>If the groups stay the same, all %n times together cost %1 tokens.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::CampaignDetail</name>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation><numerusform>%Ln person</numerusform><numerusform>%Ln people</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) in all</source>
        <translation><numerusform>%Ln SMS part in all</numerusform><numerusform>%Ln SMS parts in all</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”?

%Ln message(s) not yet sent will not be sent, and their tokens go back to the budget. Messages already sent cannot be called back.</source>
        <translation><numerusform>Cancel “%1”?

%Ln message not yet sent will not be sent, and their tokens go back to the budget. Messages already sent cannot be called back.</numerusform><numerusform>Cancel “%1”?

%Ln messages not yet sent will not be sent, and their tokens go back to the budget. Messages already sent cannot be called back.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln message(s) will not be sent.</source>
        <translation><numerusform>Cancelled: %Ln message will not be sent.</numerusform><numerusform>Cancelled: %Ln messages will not be sent.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will be sent again.</source>
        <translation><numerusform>%Ln message will be sent again.</numerusform><numerusform>%Ln messages will be sent again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Try the %Ln failed message(s) once more?</source>
        <translation><numerusform>Try the %Ln failed message once more?</numerusform><numerusform>Try the %Ln failed messages once more?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed message(s) will be tried again.</source>
        <translation><numerusform>%Ln failed message will be tried again.</numerusform><numerusform>%Ln failed messages will be tried again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>about %Ln person(s) each time</source>
        <translation><numerusform>about %Ln person each time</numerusform><numerusform>about %Ln people each time</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) each time</source>
        <translation><numerusform>%Ln SMS part each time</numerusform><numerusform>%Ln SMS parts each time</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) each time, taken when it goes (1 token = 1 SMS part to one person)</source>
        <translation><numerusform>%Ln token each time, taken when it goes (1 token = 1 SMS part to one person)</numerusform><numerusform>%Ln tokens each time, taken when it goes (1 token = 1 SMS part to one person)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) set aside (1 token = 1 SMS part to one person)</source>
        <translation><numerusform>%Ln token set aside (1 token = 1 SMS part to one person)</numerusform><numerusform>%Ln tokens set aside (1 token = 1 SMS part to one person)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>To: %1 and %Ln person(s)</source>
        <extracomment>"To: Choir, Women's Fellowship and 3 people"</extracomment>
        <translation><numerusform>To: %1 and %Ln person</numerusform><numerusform>To: %1 and %Ln people</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>To: %Ln person(s)</source>
        <translation><numerusform>To: %Ln person</numerusform><numerusform>To: %Ln people</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>No delivery report yet for %Ln message(s).</source>
        <translation><numerusform>No delivery report yet for %Ln message.</numerusform><numerusform>No delivery report yet for %Ln messages.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Kengele sent these but never heard back. Some may have arrived; sending again may give those people a second copy and costs %Ln token(s).</source>
        <translation><numerusform>Kengele sent these but never heard back. Some may have arrived; sending again may give those people a second copy and costs %Ln token.</numerusform><numerusform>Kengele sent these but never heard back. Some may have arrived; sending again may give those people a second copy and costs %Ln tokens.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>It costs %Ln token(s).</source>
        <translation><numerusform>It costs %Ln token.</numerusform><numerusform>It costs %Ln tokens.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>No delivery report yet for %Ln message(s): Kengele sent them but never heard back, so some may have arrived.

Send them again? Those people may then get a second copy.</source>
        <translation><numerusform>No delivery report yet for %Ln message: Kengele sent them but never heard back, so some may have arrived.

Send them again? Those people may then get a second copy.</numerusform><numerusform>No delivery report yet for %Ln messages: Kengele sent them but never heard back, so some may have arrived.

Send them again? Those people may then get a second copy.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::CampaignService</name>
    <message numerus="yes">
        <source>Left out: %n number(s) that cannot receive SMS (landlines and other numbers that are not mobile). Correct them in Contacts.</source>
        <translation><numerusform>Left out: %n number that cannot receive SMS (landlines and other numbers that are not mobile). Correct them in Contacts.</numerusform><numerusform>Left out: %n numbers that cannot receive SMS (landlines and other numbers that are not mobile). Correct them in Contacts.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ComposeCampaignDialog</name>
    <message numerus="yes">
        <source>%1 (%Ln token(s))</source>
        <translation><numerusform>%1 (%Ln token)</numerusform><numerusform>%1 (%Ln tokens)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Schedule for %Ln person(s)…</source>
        <translation><numerusform>Schedule for %Ln person…</numerusform><numerusform>Schedule for %Ln people…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send to %Ln person(s)…</source>
        <translation><numerusform>Send to %Ln person…</numerusform><numerusform>Send to %Ln people…</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s) at %2?</source>
        <translation><numerusform>Send “%1” to %Ln person at %2?</numerusform><numerusform>Send “%1” to %Ln people at %2?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s) now?</source>
        <translation><numerusform>Send “%1” to %Ln person now?</numerusform><numerusform>Send “%1” to %Ln people now?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s), the first on %2.</source>
        <translation><numerusform>%1: %n time, the first on %2.</numerusform><numerusform>%1: %n times, the first on %2.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Before: %1, about %Ln person(s) each time.</source>
        <translation><numerusform>Before: %1, about %Ln person each time.</numerusform><numerusform>Before: %1, about %Ln people each time.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Before: %Ln person(s), %1 SMS parts, %2 tokens set aside.</source>
        <translation><numerusform>Before: %Ln person, %1 SMS parts, %2 tokens set aside.</numerusform><numerusform>Before: %Ln people, %1 SMS parts, %2 tokens set aside.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Each time: %Ln person(s), %1 SMS parts (counted again each time with the members of that day).</source>
        <translation><numerusform>Each time: %Ln person, %1 SMS parts (counted again each time with the members of that day).</numerusform><numerusform>Each time: %Ln people, %1 SMS parts (counted again each time with the members of that day).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>It will be sent to %Ln person(s) at %1.</source>
        <translation><numerusform>It will be sent to %Ln person at %1.</numerusform><numerusform>It will be sent to %Ln people at %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>It will be sent to %Ln person(s) now.</source>
        <translation><numerusform>It will be sent to %Ln person now.</numerusform><numerusform>It will be sent to %Ln people now.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ComputersBanner</name>
    <message numerus="yes">
        <source>Receiving the church's contacts, groups and templates: %n contact(s) so far.</source>
        <translation><numerusform>Receiving the church's contacts, groups and templates: %n contact so far.</numerusform><numerusform>Receiving the church's contacts, groups and templates: %n contacts so far.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ComputersSettingsWidget</name>
    <message numerus="yes">
        <source>These computers share the church's contacts, groups and templates, encrypted so the relay cannot read them. %n other computer(s) in step with this one.</source>
        <translation><numerusform>These computers share the church's contacts, groups and templates, encrypted so the relay cannot read them. %n other computer in step with this one.</numerusform><numerusform>These computers share the church's contacts, groups and templates, encrypted so the relay cannot read them. %n other computers in step with this one.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ContactsPage</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n contact(s)</source>
        <translation><numerusform>Showing %1 of %n contact</numerusform><numerusform>Showing %1 of %n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts? They will also be removed from their groups.</source>
        <translation><numerusform>Delete %n contact? They will also be removed from their groups.</numerusform><numerusform>Delete %n contacts? They will also be removed from their groups.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation><numerusform>Saved %n contact to %1.</numerusform><numerusform>Saved %n contacts to %1.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Mark %n people as opted out? They will get no SMS until you allow SMS again.</source>
        <translation><numerusform>Mark %n people as opted out? They will get no SMS until you allow SMS again.</numerusform><numerusform>Mark %n people as opted out? They will get no SMS until you allow SMS again.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n people opted out. Allow SMS to them again?</source>
        <translation><numerusform>%n people opted out. Allow SMS to them again?</numerusform><numerusform>%n people opted out. Allow SMS to them again?</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::DrillDownDialog</name>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation><numerusform>Saved %n row to %1.</numerusform><numerusform>Saved %n rows to %1.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::GroupListModel</name>
    <message numerus="yes">
        <source>%n member(s) receive no messages (opted out)</source>
        <translation><numerusform>%n member receives no messages (opted out)</numerusform><numerusform>%n members receive no messages (opted out)</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::GroupsPage</name>
    <message numerus="yes">
        <source>Delete the group “%1”? Its %n member(s) stay in your contacts.</source>
        <translation><numerusform>Delete the group “%1”? Its %n member stays in your contacts.</numerusform><numerusform>Delete the group “%1”? Its %n members stay in your contacts.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ImportDialog</name>
    <message numerus="yes">
        <source>&lt;b&gt;%n contact card(s)&lt;/b&gt; found in this vCard file.</source>
        <translation><numerusform>&lt;b&gt;%n contact card&lt;/b&gt; found in this vCard file.</numerusform><numerusform>&lt;b&gt;%n contact cards&lt;/b&gt; found in this vCard file.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n row(s)&lt;/b&gt; found in this file.</source>
        <translation><numerusform>&lt;b&gt;%n row&lt;/b&gt; found in this file.</numerusform><numerusform>&lt;b&gt;%n rows&lt;/b&gt; found in this file.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s) added.</source>
        <translation><numerusform>%n new contact added.</numerusform><numerusform>%n new contacts added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) matched a number already known and updated that contact.</source>
        <translation><numerusform>%n row matched a number already known and updated that contact.</numerusform><numerusform>%n rows matched a number already known and updated that contact.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were not imported:</source>
        <translation><numerusform>%n row was not imported:</numerusform><numerusform>%n rows were not imported:</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::InboxPage</name>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation><numerusform>%n message</numerusform><numerusform>%n messages</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation><numerusform>%n unread</numerusform><numerusform>%n unread</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · %n SMS</source>
        <translation><numerusform>%1 characters · %n SMS</numerusform><numerusform>%1 characters · %n SMS</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>costs %n token(s)</source>
        <translation><numerusform>costs %n token</numerusform><numerusform>costs %n tokens</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), costing %n token(s).</source>
        <translation><numerusform>%n SMS part, costing %n token.</numerusform><numerusform>%n SMS parts, costing %n tokens.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), in practice mode: practice messages use no tokens.</source>
        <translation><numerusform>%n SMS part, in practice mode: practice messages use no tokens.</numerusform><numerusform>%n SMS parts, in practice mode: practice messages use no tokens.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::MainWindow</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation><numerusform>%n group</numerusform><numerusform>%n groups</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) are still sending. If you close Kengele now, the messages not yet sent wait until you open it again. Close anyway?</source>
        <translation><numerusform>%n campaign are still sending. If you close Kengele now, the messages not yet sent wait until you open it again. Close anyway?</numerusform><numerusform>%n campaigns are still sending. If you close Kengele now, the messages not yet sent wait until you open it again. Close anyway?</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n token warning(s)</source>
        <translation><numerusform>%n token warning</numerusform><numerusform>%n token warnings</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n demo contact(s)</source>
        <translation><numerusform>Removed %n demo contact</numerusform><numerusform>Removed %n demo contacts</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>and %n demo campaign(s) with their messages.</source>
        <translation><numerusform>and %n demo campaign with their messages.</numerusform><numerusform>and %n demo campaigns with their messages.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>In step with %n other computer(s)</source>
        <translation><numerusform>In step with %n other computer</numerusform><numerusform>In step with %n other computers</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n computer(s) waiting to join</source>
        <translation><numerusform>%n computer waiting to join</numerusform><numerusform>%n computers waiting to join</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::MessageTemplate</name>
    <message numerus="yes">
        <source>The message has %n problem(s) to fix before sending. %1</source>
        <translation><numerusform>The message has %n problem to fix before sending. %1</numerusform><numerusform>The message has %n problems to fix before sending. %1</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::PastoralSearchDialog</name>
    <message numerus="yes">
        <source>%n person(s) found. Double-click one to open their notes.</source>
        <translation><numerusform>%n person found. Double-click one to open their notes.</numerusform><numerusform>%n people found. Double-click one to open their notes.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::RecipientPicker</name>
    <message numerus="yes">
        <source>%1 (%Ln)</source>
        <translation><numerusform>%1 (%Ln)</numerusform><numerusform>%1 (%Ln)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) opted out and will be left out.</source>
        <translation><numerusform>%n member opted out and will be left out.</numerusform><numerusform>%n members opted out and will be left out.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ReportsPage</name>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)).</source>
        <translation><numerusform>Saved %1 (%n page).</numerusform><numerusform>Saved %1 (%n pages).</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::ScheduleReportDialog</name>
    <message numerus="yes">
        <source>%1 (%n member(s))</source>
        <translation><numerusform>%1 (%n member)</numerusform><numerusform>%1 (%n members)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Each time: %n person(s), </source>
        <translation><numerusform>Each time: %n person, </numerusform><numerusform>Each time: %n people, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), </source>
        <translation><numerusform>%n SMS part, </numerusform><numerusform>%n SMS parts, </numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n token(s).</source>
        <translation><numerusform>%n token.</numerusform><numerusform>%n tokens.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) who opted out will not get it.</source>
        <translation><numerusform>%n member who opted out will not get it.</numerusform><numerusform>%n members who opted out will not get it.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::SendingSettingsWidget</name>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation><numerusform>about %n minute</numerusform><numerusform>about %n minutes</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::StaffAccounts</name>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n minute(s).</source>
        <translation><numerusform>Too many wrong passwords. Try again in %n minute.</numerusform><numerusform>Too many wrong passwords. Try again in %n minutes.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation><numerusform>Too many wrong passwords. Try again in %n second.</numerusform><numerusform>Too many wrong passwords. Try again in %n seconds.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::TemplateEditor</name>
    <message numerus="yes">
        <source> (%n more fit in the last part)</source>
        <translation><numerusform> (%n more fits in the last part)</numerusform><numerusform> (%n more fit in the last part)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::TokenLedger</name>
    <message numerus="yes">
        <source>This voucher (%1) was already used on %2 to add %Ln token(s) to the %3 account, so it cannot be used again. No tokens were added.</source>
        <translation><numerusform>This voucher (%1) was already used on %2 to add %Ln token to the %3 account, so it cannot be used again. No tokens were added.</numerusform><numerusform>This voucher (%1) was already used on %2 to add %Ln tokens to the %3 account, so it cannot be used again. No tokens were added.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not enough tokens: the %1 account has %2, so %Ln token(s) cannot be moved from it. Nothing was changed.</source>
        <translation><numerusform>Not enough tokens: the %1 account has %2, so %Ln token cannot be moved from it. Nothing was changed.</numerusform><numerusform>Not enough tokens: the %1 account has %2, so %Ln tokens cannot be moved from it. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %1 account has %2, so %Ln token(s) cannot expire from it. Nothing was changed.</source>
        <translation><numerusform>The %1 account has %2, so %Ln token cannot expire from it. Nothing was changed.</numerusform><numerusform>The %1 account has %2, so %Ln tokens cannot expire from it. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Not enough tokens: this campaign needs %Ln token(s) and the %1 account has %2. Buy more tokens or send to fewer people.</source>
        <translation><numerusform>Not enough tokens: this campaign needs %Ln token and the %1 account has %2. Buy more tokens or send to fewer people.</numerusform><numerusform>Not enough tokens: this campaign needs %Ln tokens and the %1 account has %2. Buy more tokens or send to fewer people.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This campaign has %L1 of its tokens left, so %Ln token(s) cannot be spent for it. Nothing was changed.</source>
        <translation><numerusform>This campaign has %L1 of its tokens left, so %Ln token cannot be spent for it. Nothing was changed.</numerusform><numerusform>This campaign has %L1 of its tokens left, so %Ln tokens cannot be spent for it. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This campaign has %L1 of its tokens left, so %Ln token(s) cannot be given back from it. Nothing was changed.</source>
        <translation><numerusform>This campaign has %L1 of its tokens left, so %Ln token cannot be given back from it. Nothing was changed.</numerusform><numerusform>This campaign has %L1 of its tokens left, so %Ln tokens cannot be given back from it. Nothing was changed.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>The %1 budget is overdrawn by %Ln token(s): computers that were offline at the same time together spent more than it held. Top it up (buy tokens or move some from another budget) before sending from it. Nothing was sent.</source>
        <translation><numerusform>The %1 budget is overdrawn by %Ln token: computers that were offline at the same time together spent more than it held. Top it up (buy tokens or move some from another budget) before sending from it. Nothing was sent.</numerusform><numerusform>The %1 budget is overdrawn by %Ln tokens: computers that were offline at the same time together spent more than it held. Top it up (buy tokens or move some from another budget) before sending from it. Nothing was sent.</numerusform></translation>
    </message>
</context>
<context>
    <name>kengele::TokenUsageChart</name>
    <message numerus="yes">
        <source>%1 used in the last %n day(s).</source>
        <translation><numerusform>%1 used in the last %n day.</numerusform><numerusform>%1 used in the last %n days.</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>No tokens used in the last %n day(s).</source>
        <translation><numerusform>No tokens used in the last %n day.</numerusform><numerusform>No tokens used in the last %n days.</numerusform></translation>
    </message>
</context>
</TS>