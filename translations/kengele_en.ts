<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="en_GB">
<context>
    <name>CliRunner</name>
    <message numerus="yes">
        <source>%1, %n segment(s), %2 units, %3 characters</source>
        <translation><numerusform>%1, %n segment, %2 units, %3 characters</numerusform><numerusform>%1, %n segments, %2 units, %3 characters</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation><numerusform>%n contact</numerusform><numerusform>%n contacts</numerusform></translation>
    </message>
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
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation><numerusform>%n segment</numerusform><numerusform>%n segments</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved the template “%1” (%2, %n segment(s) before merge fields are filled in).</source>
        <translation><numerusform>Saved the template “%1” (%2, %n segment before merge fields are filled in).</numerusform><numerusform>Saved the template “%1” (%2, %n segments before merge fields are filled in).</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation><numerusform>Saved %n contact to %1.</numerusform><numerusform>Saved %n contacts to %1.</numerusform></translation>
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
        <source>Removed %n demo contact(s).</source>
        <translation><numerusform>Removed %n demo contact.</numerusform><numerusform>Removed %n demo contacts.</numerusform></translation>
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
    <name>kengele::TemplateEditor</name>
    <message numerus="yes">
        <source>%1 · %2 characters · %n SMS</source>
        <translation><numerusform>%1 · %2 characters · %n SMS</numerusform><numerusform>%1 · %2 characters · %n SMS</numerusform></translation>
    </message>
    <message numerus="yes">
        <source> (%n more fit in the last part)</source>
        <translation><numerusform> (%n more fits in the last part)</numerusform><numerusform> (%n more fit in the last part)</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation><numerusform>…and %n more</numerusform><numerusform>…and %n more</numerusform></translation>
    </message>
    <message numerus="yes">
        <source>This person's message: %1 characters, %n SMS</source>
        <translation><numerusform>This person's message: %1 characters, %n SMS</numerusform><numerusform>This person's message: %1 characters, %n SMS</numerusform></translation>
    </message>
</context>
</TS>