<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw_KE">
<context>
    <name>CliArguments</name>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown option --%1.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Unknown command “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a country code. Use two letters, e.g. KE, UG, TZ.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The option --%1 does not apply to this command.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Run “kengele-cli --help” to see the commands.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Usage: kengele-cli [--profile DIR] [--json] COMMAND ...

  --profile DIR   data folder (or set KENGELE_PROFILE)
  --json          machine-readable output

Contacts:
  contacts import FILE [--group NAME] [--region CC]   import a CSV or vCard file
  contacts list [--group NAME] [--search TEXT]
  contacts add PHONE --name NAME [--email E]
  contacts export FILE [--group NAME]                 write contacts to a CSV file
  contacts optout PHONE [--reason TEXT]               stop all messages to a number
  contacts optin PHONE                                allow messages again
Groups:
  groups list | groups create NAME | groups add NAME PHONE... | groups remove NAME PHONE...
Templates:
  templates list | templates show NAME | templates delete NAME
  templates save NAME (--text T | --file F)
Messages:
  segments [TEXT]          encoding and SMS parts of TEXT (or of standard input)
</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The text is not valid UTF-8.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1, %n segment(s), %2 units, %3 characters</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>“contacts list” takes no words, only --group NAME or --search TEXT.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Use one of: contacts import, list, add, export, optout, optin.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>  [opted out]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts add PHONE --name NAME</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts optin PHONE</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts optout PHONE [--reason TEXT]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will receive messages again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 will not receive any more messages.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“groups list” takes no more words.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give the group&apos;s name in quotes: groups create &quot;Women&apos;s Fellowship&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Created the group “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give a group and at least one phone number: groups %1 NAME PHONE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Added %n contact(s) to “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n contact(s) from “%1”.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Use one of: groups list, groups create NAME, groups add NAME PHONE..., groups remove NAME PHONE...</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Give the template&apos;s name in quotes: templates %1 &quot;Sunday service reminder&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the template&apos;s name in quotes: templates save &quot;Choir practice&quot; --text &quot;...&quot;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give the message with either --text &quot;...&quot; or --file FILE.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a UTF-8 text file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved the template “%1” (%2, %n segment(s) before merge fields are filled in).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Use one of: templates list, templates show NAME, templates save NAME, templates delete NAME.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one file: contacts import FILE [--group NAME] [--region CC]</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give at most one --group for an import.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing… %1 of %2 rows</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Read %n row(s): </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s), </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n updated, </source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n skipped.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Give exactly one file to write: contacts export FILE [--group NAME]</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Do not import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactExporter</name>
    <message>
        <source>Exporting contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ContactImporter</name>
    <message>
        <source>“%1” is not a country code Kengele knows. Use two letters, such as KE for Kenya or TZ for Tanzania.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file has no recognisable header, so the columns were guessed from their contents. Check the imported contacts.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele cannot tell which column holds the phone numbers. Choose the phone number column and import again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing the contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The e-mail address was left out on %n line(s) because it is not a usable address (line %1).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A name longer than %1 characters was shortened on %n line(s) (line %2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes longer than %1 characters were shortened on %n line(s) (line %2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group name longer than %1 characters was left out on %n line(s) (line %2).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>A quotation mark (&quot;) on this line is never closed, so the line could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This line has more than %1 columns, so it could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A value on this line is longer than %1 characters, so the line could not be read.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Kengele cannot create its data folder %1. Choose a folder you are allowed to change.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a Kengele data file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is not a Kengele data file, or it is damaged. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele cannot save changes to its data file %1 because the file is read-only. Ask whoever looks after this computer to allow changes to it, or copy the folder to a place you can change. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele cannot save changes in the folder %1 because it is read-only. Ask whoever looks after this computer to allow changes to it. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opening the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This data was saved by a newer version of Kengele (data version %1; this Kengele reads up to version %2). Install the newer Kengele to open it. Nothing was changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the data file is read-only, so nothing was saved. Ask whoever looks after this computer to allow changes to it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the disk is full, so nothing was saved. Free some space and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: another Kengele window or program is busy with the data file. Try again in a moment.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed: the data file is damaged. Restore it from a backup.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 failed because the data file refused the change (%2). Nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Preparing the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Updating the data file</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The change could not be started, so nothing was saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the change</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>DemoCongregation</name>
    <message>
        <source>Creating the demo congregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replied STOP</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Column %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No saved password or key was found.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The computer&apos;s password store (keychain) could not be used: %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>PhoneNormalizer</name>
    <message>
        <source>There is no phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” starts with a country code that does not exist. Check the first digits.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too short to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is too long to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has too few digits to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” has too many digits to be a phone number.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not a valid phone number in %2. Check the digits.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No data folder was given.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for Kengele&apos;s data.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele cannot create its data folder %1. Choose a folder you are allowed to change.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>TextFileDecoder</name>
    <message>
        <source>The file %1 does not exist. It may have been moved or deleted.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is too big to import (%1 MB). Kengele can import files of up to %2 MB; split the list into smaller files.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele could not open %1. Check that the file still exists and that you are allowed to read it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele could not read all of %1. Copy the file to this computer and try again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a CSV file. In Excel choose File → Save As → CSV UTF-8, then import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This file is not a contact list (CSV or vCard); it looks like a picture, document or program.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This is a spreadsheet, not a CSV file. In LibreOffice choose File → Save As, pick “Text CSV”, then import that file.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Some letters in the file could not be read and were replaced by “�”. Check the names.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The file was not saved as UTF-8, so it was read as Western European text. Check names with special letters.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>e.g. 0712 345 678</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers without a country code are read as %1 numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>✓ Will be saved as %1</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::ContactService</name>
    <message>
        <source>Please give the contact a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Notes can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The number %1 already belongs to %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This contact no longer exists; someone may have deleted it.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>No contact has the number %1.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Counting contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Recording the opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the opt-out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading opt-outs</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing the demo congregation</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::ContactTableModel</name>
    <message>
        <source>(no name)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives no messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Receives no messages: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Entered as %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Status</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::ContactsPage</name>
    <message>
        <source>Search by name, phone or e-mail</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stop messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The selected people will not receive any SMS until you allow it again.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add contacts from a spreadsheet (CSV) or phone contacts (vCard).</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h2&gt;No contacts yet&lt;/h2&gt;&lt;p&gt;Add people one by one, or import the spreadsheet or phone contacts you already have.&lt;/p&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Contacts&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Allow messages</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete %1? They will also be removed from their groups.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts? They will also be removed from their groups.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopped by office staff</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contact lists (*.csv *.txt *.vcf);;All files (*)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::GroupListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) receive no messages (opted out)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::GroupService</name>
    <message>
        <source>Reading groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no group called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Please give the group a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A group name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a group called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Creating the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Renaming the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Adding members</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Removing members</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Groups&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Find people to add</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>← Add to group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Other contacts&lt;/b&gt; — select and add, or drag onto the members or a group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Groups&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Members of %1&lt;/b&gt; (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;No groups yet.&lt;/b&gt; Create one with “New group…”, e.g. Youth or Choir.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose a group&lt;/b&gt; on the left to see its members.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Delete the group “%1”? Its %n member(s) stay in your contacts.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::GsmLookalikes</name>
    <message>
        <source>curly quote</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>quotation mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accent mark</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>dash</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>ellipsis</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>special space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>tab</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>line separator</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>bullet</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>accented letter</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>look-alike character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>invisible character</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>emoji or symbol</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>character outside GSM-7</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) forces UCS-2 — it has no GSM-7 equivalent</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) forces UCS-2 — remove it</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a space</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>a line break</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2) forces UCS-2 — replace with %3</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::ImportDialog</name>
    <message>
        <source>Import contacts from %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Close</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The first row holds column titles</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Import</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Also add everyone to the group:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Check what each column holds. Columns set to “Leave out” are not imported.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Nothing is changed until the whole file has been read. Cancelling leaves your contacts as they were.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Line</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save this list…</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n contact card(s)&lt;/b&gt; found in this vCard file.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n row(s)&lt;/b&gt; found in this file.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which column holds the phone numbers.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele guessed the columns from their contents. Please check them.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Stopping… nothing will be changed.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Imported %1 of %2 rows…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h3&gt;Import finished&lt;/h3&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s) added.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) matched a number already known and updated that contact.</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>New groups: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were not imported:</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>This file cannot be imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the rows that were not imported</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reason</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::MainWindow</name>
    <message>
        <source>Kengele — church office messaging</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Groups</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Export contacts…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the &amp;demo congregation…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&amp;About Kengele</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>Data folder: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove demo congregation</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Remove the demo people that Kengele created on first start? Contacts you added or imported yourself are kept.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>Removed %n demo contact(s).</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>About Kengele</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Kengele %1
Contacts, groups and SMS for the church office.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::MessageTemplate</name>
    <message>
        <source>This { is not closed. End the merge field with }, or type {{ for a plain {.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This merge field has no name. Put one between the braces, such as {first_name}, or type {{}} for plain braces.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown merge field {%1}. Did you mean {%2}?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unknown merge field {%1}. The fields are: %2.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>The message has %n problem(s) to fix before sending. %1</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Last name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Full name</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Group</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Date</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Language:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Country for phone numbers:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Numbers typed without a country code, like 0712 345 678, are read as numbers of this country.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::TemplateEditor</name>
    <message>
        <source>Write the message here. Use “Insert field” to greet each person by name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>One SMS holds 160 plain characters, or 70 when the message needs Unicode. Longer messages are sent in parts of 153 (or 67), and each part costs one token per person. ^ { } [ ] ~ | € \ count as two characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Replace look-alikes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Change curly quotes, long dashes and similar characters to plain ones, so more text fits in each SMS.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview for&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>friend</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>First name, or “%1” when unknown  %2</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Someone whose name is not known</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Empty message</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>%1 · %2 / %3 characters · 1 SMS</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>%1 · %2 characters · %n SMS</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source> (%n more fit in the last part)</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;This message needs Unicode (UCS-2)&lt;/b&gt;, so only 70 characters fit in one SMS instead of 160 and it may cost more.</source>
        <translation type="unfinished"></translation>
    </message>
    <message numerus="yes">
        <source>This person&apos;s message: %1 characters, %n SMS</source>
        <translation type="unfinished">
            <numerusform></numerusform>
            <numerusform></numerusform>
        </translation>
    </message>
    <message>
        <source>The message will appear here as each person receives it.</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::TemplateService</name>
    <message>
        <source>Please give the template a name.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A template name can have at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is empty. Write the text of the template first.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The message is too long: at most %1 characters.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Reading templates</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is no template called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>There is already a template called “%1”.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Deleting the template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
<context>
    <name>kengele::TemplatesPage</name>
    <message>
        <source>New template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved templates&lt;/b&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>A name you will recognise, e.g. Sunday service reminder</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Name:</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>&lt;h1&gt;Templates&lt;/h1&gt;</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Unsaved template</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation type="unfinished"></translation>
    </message>
    <message>
        <source>new template</source>
        <translation type="unfinished"></translation>
    </message>
</context>
</TS>
