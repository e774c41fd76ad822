<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="sw_KE">
<context>
    <name>AfricasTalkingAnswer</name>
    <message>
        <source>Africa&apos;s Talking did not accept the username or API key. Check both in the gateway settings (in the sandbox the username is “sandbox”). A new API key can take a few minutes to start working. Nothing was sent.</source>
        <translation>Africa&apos;s Talking haikukubali jina la mtumiaji au ufunguo wa API. Kagua vyote viwili katika mipangilio ya lango (katika majaribio (sandbox) jina la mtumiaji ni “sandbox”). Ufunguo mpya wa API unaweza kuchukua dakika chache kuanza kufanya kazi. Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking did not accept the default sender ID of this account. Nothing was sent.</source>
        <translation>Africa&apos;s Talking haikukubali kitambulisho cha kawaida cha mtumaji cha akaunti hii. Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking did not accept the sender ID “%1”. Use a sender ID registered to your Africa&apos;s Talking account, or leave it empty to use the default. Nothing was sent.</source>
        <translation>Africa&apos;s Talking haikukubali kitambulisho cha mtumaji “%1”. Tumia kitambulisho cha mtumaji kilichosajiliwa kwenye akaunti yako ya Africa&apos;s Talking, au kiache tupu kutumia cha kawaida. Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Your Africa&apos;s Talking account has run out of credit. Nothing was sent; top the account up and Kengele will try again.</source>
        <translation>Akaunti yako ya Africa&apos;s Talking imeishiwa salio. Hakuna kilichotumwa; ongeza salio kwenye akaunti na Kengele itajaribu tena.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking refused the messages: %1. Nothing was sent.</source>
        <translation>Africa&apos;s Talking ilikataa ujumbe: %1. Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking asked Kengele to slow down. Nothing was sent; Kengele will try again shortly.</source>
        <translation>Africa&apos;s Talking iliomba Kengele ipunguze kasi. Hakuna kilichotumwa; Kengele itajaribu tena hivi karibuni.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking had a problem on its side (error %1). Nothing was sent; Kengele will try again shortly.</source>
        <translation>Africa&apos;s Talking ilikuwa na tatizo upande wake (hitilafu %1). Hakuna kilichotumwa; Kengele itajaribu tena hivi karibuni.</translation>
    </message>
    <message>
        <source>The gateway address sent Kengele somewhere else instead of answering (error %1). Check the gateway address in the settings. Nothing was sent.</source>
        <translation>Anwani ya lango ilielekeza Kengele mahali pengine badala ya kujibu (hitilafu %1). Kagua anwani ya lango katika mipangilio. Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking refused the request (error %1: %2). Nothing was sent.</source>
        <translation>Africa&apos;s Talking ilikataa ombi (hitilafu %1: %2). Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking refused the request (error %1). Nothing was sent.</source>
        <translation>Africa&apos;s Talking ilikataa ombi (hitilafu %1). Hakuna kilichotumwa.</translation>
    </message>
    <message>
        <source>Kengele could not open a secure connection to Africa&apos;s Talking. Nothing was sent; Kengele will try again shortly.</source>
        <translation>Kengele haikuweza kufungua muunganisho salama na Africa&apos;s Talking. Hakuna kilichotumwa; Kengele itajaribu tena hivi karibuni.</translation>
    </message>
    <message>
        <source>Kengele could not connect to Africa&apos;s Talking. Nothing was sent. Check the internet connection; Kengele will try again shortly.</source>
        <translation>Kengele haikuweza kuunganisha na Africa&apos;s Talking. Hakuna kilichotumwa. Kagua muunganisho wa intaneti; Kengele itajaribu tena hivi karibuni.</translation>
    </message>
    <message>
        <source>Kengele could not connect to Africa&apos;s Talking to read the balance. Check the internet connection and try again.</source>
        <translation>Kengele haikuweza kuunganisha na Africa&apos;s Talking kusoma salio. Kagua muunganisho wa intaneti na ujaribu tena.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking did not answer in time with the balance. Try again in a moment.</source>
        <translation>Africa&apos;s Talking haikujibu salio kwa wakati. Jaribu tena baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking did not accept the username or API key. Check both in the gateway settings (in the sandbox the username is “sandbox”).</source>
        <translation>Africa&apos;s Talking haikukubali jina la mtumiaji au ufunguo wa API. Kagua vyote viwili katika mipangilio ya lango (katika majaribio (sandbox) jina la mtumiaji ni “sandbox”).</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking could not give the balance (error %1). Try again in a moment.</source>
        <translation>Africa&apos;s Talking haikuweza kutoa salio (hitilafu %1). Jaribu tena baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking answered the balance question in an unexpected format.</source>
        <translation>Africa&apos;s Talking ilijibu swali la salio kwa muundo usiotarajiwa.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking answered in an unexpected format, so Kengele cannot tell whether the messages were sent. They are kept as “no report yet” and are not sent again by themselves: a delivery report may still come for them.</source>
        <translation>Africa&apos;s Talking ilijibu kwa muundo usiotarajiwa, kwa hiyo Kengele haiwezi kujua kama jumbe zilitumwa. Zinawekwa kama “hakuna ripoti bado” na hazitumwi tena zenyewe: huenda ripoti ya ufikishaji bado ikaja.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking did not answer in time. The messages may have been sent, so they are kept as “no report yet” and are not sent again by themselves: a delivery report may still come for them.</source>
        <translation>Africa&apos;s Talking haikujibu kwa wakati. Huenda jumbe zimetumwa, kwa hiyo zinawekwa kama “hakuna ripoti bado” na hazitumwi tena zenyewe: huenda ripoti ya ufikishaji bado ikaja.</translation>
    </message>
    <message>
        <source>The connection to Africa&apos;s Talking broke after the messages were handed over. They may have been sent, so they are kept as “no report yet” and are not sent again by themselves: a delivery report may still come for them.</source>
        <translation>Muunganisho na Africa&apos;s Talking ulikatika baada ya jumbe kukabidhiwa. Huenda zimetumwa, kwa hiyo zinawekwa kama “hakuna ripoti bado” na hazitumwi tena zenyewe: huenda ripoti ya ufikishaji bado ikaja.</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking answered without saying which numbers it took. The messages are kept as “no report yet” and are not sent again by themselves.</source>
        <translation>Africa&apos;s Talking ilijibu bila kusema ni nambari zipi ilizopokea. Jumbe zinawekwa kama “hakuna ripoti bado” na hazitumwi tena zenyewe.</translation>
    </message>
</context>
<context>
    <name>AuditCommand</name>
    <message>
        <source>--since takes a date like 2026-03-01, or a date and time like 2026-03-01T09:00.</source>
        <translation>--since huchukua tarehe kama 2026-03-01, au tarehe na saa kama 2026-03-01T09:00.</translation>
    </message>
    <message>
        <source>--limit takes a number of entries, 1 or more.</source>
        <translation>--limit huchukua idadi ya maingizo, 1 au zaidi.</translation>
    </message>
    <message>
        <source>The audit trail was tampered with at entry %1: %2</source>
        <translation>Kumbukumbu za ukaguzi zimechezewa kwenye ingizo %1: %2</translation>
    </message>
    <message>
        <source>Only an administrator may read or check the audit trail.</source>
        <translation>Ni msimamizi tu anayeweza kusoma au kukagua kumbukumbu za ukaguzi.</translation>
    </message>
    <message>
        <source>The audit trail holds. Entries: %1; none was changed, removed or moved.</source>
        <translation>Kumbukumbu za ukaguzi ni salama. Maingizo: %1; hakuna lililobadilishwa, kuondolewa wala kuhamishwa.</translation>
    </message>
    <message numerus="yes">
        <source>It matches the relay&apos;s daily copies of its head (%n checked).</source>
        <translation>
            <numerusform>Zinalingana na nakala za kila siku za kichwa chake kwenye relay (%n imekaguliwa).</numerusform>
            <numerusform>Zinalingana na nakala za kila siku za kichwa chake kwenye relay (%n zimekaguliwa).</numerusform>
        </translation>
    </message>
    <message>
        <source>The trail could not be compared with the relay&apos;s copies: %1</source>
        <translation>Kumbukumbu za ukaguzi hazikuweza kulinganishwa na nakala za relay: %1</translation>
    </message>
    <message>
        <source>The audit trail does not match the relay&apos;s copy of %1 entries: %2</source>
        <translation>Kumbukumbu za ukaguzi hazilingani na nakala ya relay ya maingizo %1: %2</translation>
    </message>
    <message numerus="yes">
        <source>The relay now holds the audit trail&apos;s head: %n entries, for %1 (UTC).</source>
        <translation>
            <numerusform>Relay sasa inashikilia kichwa cha kumbukumbu za ukaguzi: ingizo %n, la %1 (UTC).</numerusform>
            <numerusform>Relay sasa inashikilia kichwa cha kumbukumbu za ukaguzi: maingizo %n, ya %1 (UTC).</numerusform>
        </translation>
    </message>
    <message>
        <source>Use: audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all] | audit verify [--computer NAME|all] | audit computers | audit anchor.</source>
        <translation>Tumia: audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all] | audit verify [--computer NAME|all] | audit computers | audit anchor.</translation>
    </message>
    <message>
        <source>--computer takes a computer&apos;s name (audit computers lists them) or all.</source>
        <translation>--computer huchukua jina la kompyuta (audit computers huziorodhesha) au all.</translation>
    </message>
    <message>
        <source>No computer called &quot;%1&quot; has entries here. audit computers lists them; all shows every one.</source>
        <translation>Hakuna kompyuta iitwayo &quot;%1&quot; yenye maingizo hapa. audit computers huziorodhesha; all huonyesha zote.</translation>
    </message>
    <message>
        <source>More than one computer is called &quot;%1&quot;: give its id instead (audit computers lists them).</source>
        <translation>Kompyuta zaidi ya moja zinaitwa &quot;%1&quot;: toa kitambulisho chake badala yake (audit computers huziorodhesha).</translation>
    </message>
    <message>
        <source>%1 (this computer)</source>
        <translation>%1 (kompyuta hii)</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>ingizo %n</numerusform>
            <numerusform>maingizo %n</numerusform>
        </translation>
    </message>
    <message>
        <source>%1, at entry %2: %3</source>
        <translation>%1, kwenye ingizo %2: %3</translation>
    </message>
    <message numerus="yes">
        <source>%1: the trail holds (%n entries).</source>
        <translation>
            <numerusform>%1: kumbukumbu za ukaguzi ni salama (ingizo %n).</numerusform>
            <numerusform>%1: kumbukumbu za ukaguzi ni salama (maingizo %n).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries were set aside by a backup restored on that computer.</source>
        <translation>
            <numerusform>Ingizo %n liliwekwa kando na nakala rudufu iliyorejeshwa kwenye kompyuta hiyo.</numerusform>
            <numerusform>Maingizo %n yaliwekwa kando na nakala rudufu iliyorejeshwa kwenye kompyuta hiyo.</numerusform>
        </translation>
    </message>
    <message>
        <source>An audit trail was tampered with: %1</source>
        <translation>Kumbukumbu za ukaguzi zimechezewa: %1</translation>
    </message>
</context>
<context>
    <name>AuditExporter</name>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili hiyo ikiwa iko wazi kwenye Excel.</translation>
    </message>
</context>
<context>
    <name>AuditLog</name>
    <message>
        <source>Writing the audit trail</source>
        <translation>Kuandika kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <source>Reading the audit trail</source>
        <translation>Kusoma kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <source>Entries before this one were removed (number %1 is missing).</source>
        <translation>Maingizo yaliyotangulia hili yameondolewa (nambari %1 haipo).</translation>
    </message>
    <message>
        <source>This entry was changed, or moved, after it was written.</source>
        <translation>Ingizo hili lilibadilishwa, au kuhamishwa, baada ya kuandikwa.</translation>
    </message>
    <message>
        <source>The trail ends early: entries from number %1 to %2 were removed.</source>
        <translation>Kumbukumbu zinaishia mapema: maingizo kuanzia nambari %1 hadi %2 yameondolewa.</translation>
    </message>
    <message>
        <source>The trail was written anew from this entry on: it no longer matches what was recorded.</source>
        <translation>Kumbukumbu ziliandikwa upya kuanzia ingizo hili: hazilingani tena na kilichorekodiwa.</translation>
    </message>
    <message>
        <source>That computer&apos;s trail was written anew from this entry on: two different entries carry its number.</source>
        <translation>Kumbukumbu za kompyuta hiyo ziliandikwa upya kuanzia ingizo hili: maingizo mawili tofauti yana nambari yake.</translation>
    </message>
    <message>
        <source>Not all entries have arrived yet: number %1 is still to come from that computer. This is not tampering; they arrive with its next changes.</source>
        <translation>Si maingizo yote yamefika bado: nambari %1 bado inatarajiwa kutoka kwenye kompyuta hiyo. Huku si kuchezewa; yatafika pamoja na mabadiliko yake yajayo.</translation>
    </message>
</context>
<context>
    <name>BackupCommand</name>
    <message>
        <source>Use: backup create [--to FILE] | backup restore FILE | backup list | backup folder [DIR].</source>
        <translation>Matumizi: backup create [--to FILE] | backup restore FILE | backup list | backup folder [DIR].</translation>
    </message>
    <message>
        <source>Only an administrator may make, list or restore backups.</source>
        <translation>Ni msimamizi tu anayeweza kutengeneza, kuorodhesha au kurejesha nakala rudufu.</translation>
    </message>
    <message>
        <source>Backups go to %1.</source>
        <translation>Nakala rudufu zinahifadhiwa katika %1.</translation>
    </message>
    <message>
        <source>No backups in %1 yet.</source>
        <translation>Bado hakuna nakala rudufu katika %1.</translation>
    </message>
    <message>
        <source>Backup saved: %1 (%2 bytes). Keep the passphrase safe: without it the backup cannot be opened.</source>
        <translation>Nakala rudufu imehifadhiwa: %1 (baiti %2). Itunze kaulisiri kwa usalama: bila hiyo nakala rudufu haiwezi kufunguliwa.</translation>
    </message>
    <message>
        <source>Restored from %1.</source>
        <translation>Imerejeshwa kutoka %1.</translation>
    </message>
    <message>
        <source>The data as it was before is kept in %1.</source>
        <translation>Data kama ilivyokuwa awali imehifadhiwa katika %1.</translation>
    </message>
</context>
<context>
    <name>BackupFile</name>
    <message>
        <source>This backup file is damaged or was changed after it was made, so it cannot be trusted. Nothing was restored. Try another backup.</source>
        <translation>Faili hii ya nakala rudufu imeharibika au ilibadilishwa baada ya kutengenezwa, kwa hiyo haiaminiki. Hakuna kilichorejeshwa. Jaribu nakala rudufu nyingine.</translation>
    </message>
    <message>
        <source>This backup file is incomplete: it was cut short (perhaps copied before it was finished, or the disk was full). Nothing was restored. Try another backup.</source>
        <translation>Faili hii ya nakala rudufu haijakamilika: ilikatika (labda ilinakiliwa kabla haijakamilika, au diski ilijaa). Hakuna kilichorejeshwa. Jaribu nakala rudufu nyingine.</translation>
    </message>
    <message>
        <source>This file is not a Kengele backup. Nothing was restored.</source>
        <translation>Faili hii si nakala rudufu ya Kengele. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The backup could not be written (%1).</source>
        <translation>Nakala rudufu haikuweza kuandikwa (%1).</translation>
    </message>
    <message>
        <source>The encryption library could not start, so no backup was made.</source>
        <translation>Maktaba ya usimbaji fiche haikuweza kuanza, kwa hiyo hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message>
        <source>The copy of the data could not be read, so no backup was made.</source>
        <translation>Nakala ya data haikuweza kusomwa, kwa hiyo hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message>
        <source>There was not enough memory to protect the backup, so none was made.</source>
        <translation>Kompyuta haikuwa na kumbukumbu (RAM) ya kutosha kulinda nakala rudufu, kwa hiyo hakuna iliyotengenezwa.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Kengele. Install that version (or a newer one) to restore it. Nothing was restored.</source>
        <translation>Nakala rudufu hii ilitengenezwa na toleo jipya zaidi la Kengele. Sakinisha toleo hilo (au jipya zaidi) ili kuirejesha. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The encryption library could not start, so nothing was restored.</source>
        <translation>Maktaba ya usimbaji fiche haikuweza kuanza, kwa hiyo hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>There was not enough memory to open the backup. Nothing was restored.</source>
        <translation>Kompyuta haikuwa na kumbukumbu (RAM) ya kutosha kufungua nakala rudufu. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The passphrase does not open this backup. Check it and try again (mind capital letters). Nothing was restored.</source>
        <translation>Kaulisiri hii haifungui nakala rudufu hii. Iangalie kisha ujaribu tena (zingatia herufi kubwa). Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The backup could not be opened here (%1). Nothing was restored.</source>
        <translation>Nakala rudufu haikuweza kufunguliwa hapa (%1). Hakuna kilichorejeshwa.</translation>
    </message>
</context>
<context>
    <name>BackupService</name>
    <message>
        <source>The disk is full, so no backup was made. Free some space and try again.</source>
        <translation>Diski imejaa, kwa hiyo hakuna nakala rudufu iliyotengenezwa. Ondoa baadhi ya faili ili kupata nafasi kisha ujaribu tena.</translation>
    </message>
    <message>
        <source>The data was busy for too long, so no backup was made. Try again in a moment.</source>
        <translation>Data ilikuwa na shughuli kwa muda mrefu mno, kwa hiyo hakuna nakala rudufu iliyotengenezwa. Jaribu tena baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>Kengele could not copy its data for the backup (%1). No backup was made.</source>
        <translation>Kengele haikuweza kunakili data yake kwa ajili ya nakala rudufu (%1). Hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message numerus="yes">
        <source>A backup passphrase has at least %n characters. A few words you will remember work well.</source>
        <translation>
            <numerusform>Kaulisiri ya nakala rudufu ina angalau herufi %n. Maneno machache utakayoyakumbuka yanafaa vizuri.</numerusform>
            <numerusform>Kaulisiri ya nakala rudufu ina angalau herufi %n. Maneno machache utakayoyakumbuka yanafaa vizuri.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 already exists. Choose another name for the backup.</source>
        <translation>%1 tayari ipo. Chagua jina jingine la nakala rudufu.</translation>
    </message>
    <message>
        <source>The folder %1 cannot be made. Choose a folder you are allowed to change.</source>
        <translation>Folda %1 haiwezi kuundwa. Chagua folda unayoruhusiwa kubadilisha.</translation>
    </message>
    <message>
        <source>Kengele cannot write in its data folder, so no backup was made.</source>
        <translation>Kengele haiwezi kuandika kwenye folda yake ya data, kwa hiyo hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message>
        <source>The data is not open, so no backup was made.</source>
        <translation>Data haijafunguliwa, kwa hiyo hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message>
        <source>The copy of the data could not be read, so no backup was made.</source>
        <translation>Nakala ya data haikuweza kusomwa, kwa hiyo hakuna nakala rudufu iliyotengenezwa.</translation>
    </message>
    <message>
        <source>The backup cannot be written to %1 (%2). Choose another folder.</source>
        <translation>Nakala rudufu haiwezi kuandikwa kwenye %1 (%2). Chagua folda nyingine.</translation>
    </message>
    <message>
        <source>The backup could not be saved to %1 (%2). Is the disk full or removed?</source>
        <translation>Nakala rudufu haikuweza kuhifadhiwa kwenye %1 (%2). Je, diski imejaa au imeondolewa?</translation>
    </message>
    <message>
        <source>The backup file %1 cannot be read. Nothing was restored.</source>
        <translation>Faili ya nakala rudufu %1 haiwezi kusomwa. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>Kengele cannot write in its data folder, so nothing was restored.</source>
        <translation>Kengele haiwezi kuandika kwenye folda yake ya data, kwa hiyo hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The backup could not be opened here (is the disk full?). Nothing was restored.</source>
        <translation>Nakala rudufu haikuweza kufunguliwa hapa (je, diski imejaa?). Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>This backup does not hold Kengele data, or the data in it is damaged. Nothing was restored.</source>
        <translation>Nakala rudufu hii haina data ya Kengele, au data iliyomo imeharibika. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>This backup was made by a newer version of Kengele. Install that version (or a newer one) to restore it. Nothing was restored.</source>
        <translation>Nakala rudufu hii ilitengenezwa na toleo jipya zaidi la Kengele. Sakinisha toleo hilo (au jipya zaidi) ili kuirejesha. Hakuna kilichorejeshwa.</translation>
    </message>
    <message>
        <source>The backup could not be made ready in the data folder. Nothing was restored.</source>
        <translation>Nakala rudufu haikuweza kuandaliwa kwenye folda ya data. Hakuna kilichorejeshwa.</translation>
    </message>
</context>
<context>
    <name>BatchCipher</name>
    <message>
        <source>Too many changes to send at once; they must be sent in smaller parts.</source>
        <translation>Mabadiliko ni mengi mno kutumwa kwa pamoja; lazima yatumwe kwa sehemu ndogo.</translation>
    </message>
    <message>
        <source>This computer does not hold the congregation&apos;s shared key yet.</source>
        <translation>Kompyuta hii bado haina ufunguo wa pamoja wa kanisa.</translation>
    </message>
    <message>
        <source>This computer&apos;s signing key is not available.</source>
        <translation>Ufunguo wa kusaini wa kompyuta hii haupatikani.</translation>
    </message>
    <message>
        <source>what arrived is damaged or incomplete.</source>
        <translation>kilichofika kimeharibika au hakijakamilika.</translation>
    </message>
    <message>
        <source>what arrived is too large to be a set of changes.</source>
        <translation>kilichofika ni kikubwa mno kuwa kundi la mabadiliko.</translation>
    </message>
    <message>
        <source>it belongs to another congregation.</source>
        <translation>ni cha kanisa lingine.</translation>
    </message>
    <message>
        <source>it comes from a computer this one does not know.</source>
        <translation>kimetoka kwa kompyuta ambayo kompyuta hii haiijui.</translation>
    </message>
    <message>
        <source>it comes from a computer that has not been approved.</source>
        <translation>kimetoka kwa kompyuta ambayo haijaidhinishwa.</translation>
    </message>
    <message>
        <source>it comes from a computer that was removed.</source>
        <translation>kimetoka kwa kompyuta iliyoondolewa.</translation>
    </message>
    <message>
        <source>these changes were already applied; a copy was sent again.</source>
        <translation>mabadiliko haya yalikwisha kutumika; nakala yake ilitumwa tena.</translation>
    </message>
    <message>
        <source>it was locked with an old key that computer no longer uses.</source>
        <translation>kilifungwa kwa ufunguo wa zamani ambao kompyuta hiyo haiutumii tena.</translation>
    </message>
    <message>
        <source>it was locked with a key this computer has not been given.</source>
        <translation>kilifungwa kwa ufunguo ambao kompyuta hii haijapewa.</translation>
    </message>
    <message>
        <source>it could not be unlocked: it was changed on the way, or locked with another key.</source>
        <translation>hakikuweza kufunguliwa: kilibadilishwa njiani, au kilifungwa kwa ufunguo mwingine.</translation>
    </message>
    <message>
        <source>it was not signed by the computer it claims to come from.</source>
        <translation>hakikusainiwa na kompyuta kinayodai kutoka kwayo.</translation>
    </message>
    <message>
        <source>The changes could not be prepared for the other computers.</source>
        <translation>Mabadiliko hayakuweza kuandaliwa kwa ajili ya kompyuta nyingine.</translation>
    </message>
    <message>
        <source>Changes from another computer were not taken in: %1</source>
        <translation>Mabadiliko kutoka kompyuta nyingine hayakupokelewa: %1</translation>
    </message>
</context>
<context>
    <name>BuiltInReports</name>
    <message>
        <source>Monthly messaging summary</source>
        <translation>Muhtasari wa ujumbe wa kila mwezi</translation>
    </message>
    <message>
        <source>Campaign report</source>
        <translation>Ripoti ya kampeni</translation>
    </message>
    <message>
        <source>Failed numbers to clean up</source>
        <translation>Nambari zilizoshindikana za kurekebisha</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Waliojiondoa</translation>
    </message>
    <message>
        <source>Token statement per department</source>
        <translation>Taarifa ya tokeni kwa kila idara</translation>
    </message>
    <message>
        <source>There is no built-in report called “%1”.</source>
        <translation>Hakuna ripoti iliyomo ndani ya Kengele inayoitwa “%1”.</translation>
    </message>
    <message>
        <source>Measure</source>
        <translation>Kipimo</translation>
    </message>
    <message>
        <source>This period</source>
        <translation>Kipindi hiki</translation>
    </message>
    <message>
        <source>Period before</source>
        <translation>Kipindi kilichotangulia</translation>
    </message>
    <message>
        <source>In numbers</source>
        <translation>Kwa takwimu</translation>
    </message>
    <message>
        <source>Each figure beside the same figure for the period before.</source>
        <translation>Kila takwimu kando ya takwimu ileile ya kipindi kilichotangulia.</translation>
    </message>
    <message>
        <source>Delivered per week</source>
        <translation>Zilizofika kila wiki</translation>
    </message>
    <message>
        <source>Delivery rate per campaign</source>
        <translation>Kiwango cha ufikishaji kwa kila kampeni</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>Ujumbe ulioshindikana kulingana na sababu</translation>
    </message>
    <message>
        <source>Failures by network</source>
        <translation>Ujumbe ulioshindikana kulingana na mtandao</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>There is no campaign number %1.</source>
        <translation>Hakuna kampeni nambari %1.</translation>
    </message>
    <message>
        <source>Campaign report: %1</source>
        <translation>Ripoti ya kampeni: %1</translation>
    </message>
    <message>
        <source>Totals</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Thamani</translation>
    </message>
    <message>
        <source>Deliveries by day</source>
        <translation>Zilizofika kila siku</translation>
    </message>
    <message>
        <source>Replies by day</source>
        <translation>Majibu kila siku</translation>
    </message>
    <message>
        <source>Reading the failed numbers</source>
        <translation>Kusoma nambari zilizoshindikana</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Failures</source>
        <translation>Mara zilizoshindikana</translation>
    </message>
    <message>
        <source>Last failed</source>
        <translation>Ilishindikana mwisho</translation>
    </message>
    <message>
        <source>Last reason</source>
        <translation>Sababu ya mwisho</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mtandao</translation>
    </message>
    <message>
        <source>Last delivered</source>
        <translation>Ilifika mwisho</translation>
    </message>
    <message>
        <source>Numbers whose messages failed</source>
        <translation>Nambari ambazo ujumbe wake ulishindikana</translation>
    </message>
    <message>
        <source>Check these numbers with their owners, or remove them. A number that no message ever reached is probably wrong.</source>
        <translation>Hakikisha nambari hizi na wenyewe, au uziondoe. Nambari ambayo hakuna ujumbe uliowahi kuifikia huenda si sahihi.</translation>
    </message>
    <message>
        <source>Opt-outs per month</source>
        <translation>Waliojiondoa kila mwezi</translation>
    </message>
    <message>
        <source>Numbers</source>
        <translation>Nambari</translation>
    </message>
    <message>
        <source>Reading the opt-outs</source>
        <translation>Kusoma waliojiondoa</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>How</source>
        <translation>Jinsi</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Alijiondoa</translation>
    </message>
    <message>
        <source>Allowed again</source>
        <translation>Aliruhusiwa tena</translation>
    </message>
    <message>
        <source>Every opt-out</source>
        <translation>Kila aliyejiondoa</translation>
    </message>
    <message>
        <source>For a number allowed to receive messages again since, the last column says when.</source>
        <translation>Kwa nambari iliyoruhusiwa kupokea ujumbe tena tangu hapo, safu ya mwisho inaonyesha lini.</translation>
    </message>
    <message>
        <source>Tokens used per department</source>
        <translation>Tokeni zilizotumika kwa kila idara</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokeni</translation>
    </message>
    <message>
        <source>Reading the token ledger</source>
        <translation>Kusoma daftari la tokeni</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Idara</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Wakati</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Aina</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampeni</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Aliyefanya</translation>
    </message>
    <message>
        <source>Movements on each department&apos;s budget</source>
        <translation>Mabadiliko kwenye bajeti ya kila idara</translation>
    </message>
    <message>
        <source>Reserved when a campaign is launched, released for messages that were not sent.</source>
        <translation>Hutengwa kampeni inapoanzishwa, na kurudishwa kwa ujumbe ambao haukutumwa.</translation>
    </message>
    <message>
        <source>%1 (%)</source>
        <extracomment>A measure in percent in the &quot;In numbers&quot; table: &quot;Delivery rate (%)&quot;</extracomment>
        <translation>%1 (%)</translation>
    </message>
    <message>
        <source>%1 (KES)</source>
        <extracomment>A measure in shillings in the &quot;In numbers&quot; table: &quot;Cost (KES)&quot;</extracomment>
        <translation>%1 (KES)</translation>
    </message>
</context>
<context>
    <name>CampaignChanges</name>
    <message>
        <source>the name</source>
        <translation>jina</translation>
    </message>
    <message>
        <source>the message</source>
        <translation>ujumbe</translation>
    </message>
    <message>
        <source>who gets it</source>
        <translation>nani anaupata</translation>
    </message>
    <message>
        <source>the sender ID</source>
        <translation>kitambulisho cha mtumaji</translation>
    </message>
    <message>
        <source>the priority</source>
        <translation>kipaumbele</translation>
    </message>
    <message>
        <source>how it repeats</source>
        <translation>jinsi unavyojirudia</translation>
    </message>
    <message>
        <source>the last day</source>
        <translation>siku ya mwisho</translation>
    </message>
    <message>
        <source>the time</source>
        <translation>saa</translation>
    </message>
    <message>
        <source>the budget that pays</source>
        <translation>bajeti inayolipia</translation>
    </message>
</context>
<context>
    <name>CampaignCommand</name>
    <message>
        <source>Campaign %1 “%2”: %3</source>
        <translation>Kampeni %1 “%2”: %3</translation>
    </message>
    <message>
        <source>  %1 recipients, %2 SMS parts, %3 tokens</source>
        <translation>  wapokeaji %1, sehemu %2 za SMS, tokeni %3</translation>
    </message>
    <message>
        <source>  Repeats %1 until %2</source>
        <translation>  Inajirudia %1 hadi %2</translation>
    </message>
    <message>
        <source>  Next: %1</source>
        <translation>  Inayofuata: %1</translation>
    </message>
    <message>
        <source>  Why: %1</source>
        <translation>  Sababu: %1</translation>
    </message>
    <message>
        <source>Give the message with either --text &quot;...&quot; or --template NAME, not both.</source>
        <translation>Toa ujumbe kwa --text &quot;...&quot; au kwa --template JINA, si vyote viwili.</translation>
    </message>
    <message>
        <source>Choose --priority low, normal, high or urgent.</source>
        <translation>Chagua --priority low, normal, high au urgent.</translation>
    </message>
    <message>
        <source>Write the time as ISO 8601, e.g. --at 2026-12-24T08:00 (local time) or 2026-12-24T05:00Z.</source>
        <translation>Andika wakati kwa ISO 8601, k.m. --at 2026-12-24T08:00 (saa za hapa) au 2026-12-24T05:00Z.</translation>
    </message>
    <message>
        <source>Give either --repeat or --once, not both.</source>
        <translation>Toa --repeat au --once, si vyote viwili.</translation>
    </message>
    <message>
        <source>Choose --repeat daily, weekly or monthly.</source>
        <translation>Chagua --repeat daily, weekly au monthly.</translation>
    </message>
    <message>
        <source>--on chooses the days of a weekly message: --repeat weekly --on sun,wed</source>
        <translation>--on huchagua siku za ujumbe wa kila wiki: --repeat weekly --on sun,wed</translation>
    </message>
    <message>
        <source>“%1” is not a day. Write the days like --on sun,wed</source>
        <translation>“%1” si siku. Andika siku hivi: --on sun,wed</translation>
    </message>
    <message>
        <source>Write the last day as a date, e.g. --until 2026-12-31</source>
        <translation>Andika siku ya mwisho kama tarehe, kwa mfano --until 2026-12-31</translation>
    </message>
    <message>
        <source>--until is the last day of a repeating message: add --repeat daily, weekly or monthly.</source>
        <translation>--until ni siku ya mwisho ya ujumbe unaojirudia: ongeza --repeat daily, weekly au monthly.</translation>
    </message>
    <message>
        <source>Choose who gets the message: --group NAME (several --group options are allowed).</source>
        <translation>Chagua nani atapata ujumbe: --group NAME (chaguo kadhaa za --group zinaruhusiwa).</translation>
    </message>
    <message>
        <source>Give the message with either --text &quot;...&quot; or --template NAME.</source>
        <translation>Toa ujumbe kwa --text &quot;...&quot; au --template NAME.</translation>
    </message>
    <message>
        <source>A repeating message needs an end date: add --until YYYY-MM-DD (the last day it may go).</source>
        <translation>Ujumbe unaojirudia unahitaji tarehe ya mwisho: ongeza --until YYYY-MM-DD (siku ya mwisho unaoweza kutumwa).</translation>
    </message>
    <message>
        <source>Quiet hours (%1–%2): the messages wait until %2. Only --priority urgent goes out now.</source>
        <translation>Saa za utulivu (%1–%2): ujumbe utasubiri hadi %2. Ni --priority urgent tu inayotumwa sasa.</translation>
    </message>
    <message numerus="yes">
        <source>Repeats %1 until %2: %n message(s), the first on %3. Each one is counted and paid when it goes.</source>
        <translation>
            <numerusform>Inajirudia %1 hadi %2: ujumbe %n, wa kwanza %3. Kila mmoja unahesabiwa na kulipiwa unapotumwa.</numerusform>
            <numerusform>Inajirudia %1 hadi %2: jumbe %n, wa kwanza %3. Kila mmoja unahesabiwa na kulipiwa unapotumwa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n repeating message(s) launched.</source>
        <translation>
            <numerusform>Ujumbe %n unaojirudia umeanzishwa.</numerusform>
            <numerusform>Jumbe %n zinazojirudia zimeanzishwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the campaign&apos;s number: campaign %1 ID</source>
        <translation>Toa nambari ya kampeni: campaign %1 ID</translation>
    </message>
    <message>
        <source>You paused it.</source>
        <translation>Uliisitisha.</translation>
    </message>
    <message>
        <source>%1 uncertain messages queued again.</source>
        <translation>Ujumbe %1 usio na ripoti umewekwa tena kwenye foleni.</translation>
    </message>
    <message>
        <source>%1 messages cancelled; their tokens are back in the budget.</source>
        <translation>Ujumbe %1 umeghairiwa; tokeni zake zimerudi kwenye bajeti.</translation>
    </message>
    <message>
        <source>Use one of: campaign send, run, status ID, list, recipients ID, edit ID, pause ID, resume ID, resend-uncertain ID, cancel ID.</source>
        <translation>Tumia mojawapo ya: campaign send, run, status ID, list, recipients ID, edit ID, pause ID, resume ID, resend-uncertain ID, cancel ID.</translation>
    </message>
    <message>
        <source>Practice mode — no SMS leaves this computer.</source>
        <translation>Mazoezi — hakuna SMS inayotoka kwenye kompyuta hii.</translation>
    </message>
</context>
<context>
    <name>CampaignOrigin</name>
    <message>
        <source>Reading the campaign</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>There is no campaign number %1.</source>
        <translation>Hakuna kampeni nambari %1.</translation>
    </message>
    <message>
        <source>“%1” is sent by another computer of the church. Change, pause, resend or cancel it on that computer.</source>
        <translation>“%1” inatumwa na kompyuta nyingine ya kanisa. Ibadilishe, isimamishe kwa muda, uitume tena au uighairi kwenye kompyuta hiyo.</translation>
    </message>
    <message>
        <source>Saving the campaign</source>
        <translation>Kuhifadhi kampeni</translation>
    </message>
</context>
<context>
    <name>CampaignStatePublisher</name>
    <message>
        <source>Sharing the states of the messages sent from this computer</source>
        <translation>Kushiriki hali za ujumbe uliotumwa kutoka kompyuta hii</translation>
    </message>
</context>
<context>
    <name>CampaignText</name>
    <message>
        <source>Waiting</source>
        <translation>Inasubiri</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Inatumwa</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Imetumwa</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Imefika</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Imeshindikana</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>Imeghairiwa</translation>
    </message>
    <message>
        <source>Waiting its turn to be sent.</source>
        <translation>Inasubiri zamu yake kutumwa.</translation>
    </message>
    <message>
        <source>The phone received the message.</source>
        <translation>Simu imepokea ujumbe.</translation>
    </message>
    <message>
        <source>The message could not be delivered; the reason says why. Its tokens were given back.</source>
        <translation>Ujumbe haukuweza kufika; sababu inaeleza kwa nini. Tokeni zake zilirudishwa.</translation>
    </message>
    <message>
        <source>Scheduled</source>
        <translation>Imepangwa</translation>
    </message>
    <message>
        <source>Waiting to send</source>
        <translation>Inasubiri kutuma</translation>
    </message>
    <message>
        <source>Paused</source>
        <translation>Imesitishwa</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>Imekamilika</translation>
    </message>
    <message>
        <source>Low</source>
        <translation>Chini</translation>
    </message>
    <message>
        <source>Normal</source>
        <translation>Kawaida</translation>
    </message>
    <message>
        <source>High</source>
        <translation>Juu</translation>
    </message>
    <message>
        <source>Urgent</source>
        <translation>Dharura</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking</source>
        <translation>Africa&apos;s Talking</translation>
    </message>
    <message>
        <source>Repeats</source>
        <translation>Inajirudia</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>Imerukwa</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <extracomment>A day and a time: &quot;Sun 7 Dec 10:00&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>Repeats %1 until %2</source>
        <extracomment>&quot;Repeats every week on Sunday until 31 Mar 2027&quot;; %1 is the rule, %2 the last day</extracomment>
        <translation>Inajirudia %1 hadi %2</translation>
    </message>
    <message>
        <source>Next time: %1.</source>
        <translation>Mara ijayo: %1.</translation>
    </message>
    <message>
        <source>Cancelled: no more times go.</source>
        <translation>Imeghairiwa: hautatumwa tena.</translation>
    </message>
    <message>
        <source>The last time has gone.</source>
        <translation>Mara ya mwisho imeshatumwa.</translation>
    </message>
    <message>
        <source>No report yet</source>
        <translation>Hakuna ripoti bado</translation>
    </message>
    <message>
        <source>Being handed to the SMS provider right now.</source>
        <translation>Inakabidhiwa kwa mtoa huduma wa SMS sasa hivi.</translation>
    </message>
    <message>
        <source>The SMS provider took the message; no delivery report has come from the phone yet.</source>
        <translation>Mtoa huduma wa SMS amepokea ujumbe; bado hakuna ripoti ya ufikishaji kutoka kwenye simu.</translation>
    </message>
    <message>
        <source>No delivery report yet: Kengele sent it but never heard back, so it may or may not have gone out. Kengele never sends it again by itself, so nobody gets it twice.</source>
        <translation>Hakuna ripoti ya ufikishaji bado: Kengele iliutuma lakini haikupata jibu lolote, kwa hiyo huenda umetumwa au haujatumwa. Kengele haiutumi tena yenyewe, ili mtu yeyote asiupate mara mbili.</translation>
    </message>
    <message>
        <source>Not sent, because sending was cancelled or the person opted out.</source>
        <translation>Haukutumwa, kwa sababu utumaji ulighairiwa au mtu huyo amejiondoa.</translation>
    </message>
    <message>
        <source>Practice mode — no SMS leaves this computer</source>
        <translation>Mazoezi — hakuna SMS inayotoka kwenye kompyuta hii</translation>
    </message>
    <message>
        <source>Waiting</source>
        <comment>messages</comment>
        <translation>Zinasubiri</translation>
    </message>
    <message>
        <source>Sending</source>
        <comment>messages</comment>
        <translation>Zinatumwa</translation>
    </message>
    <message>
        <source>Sent</source>
        <comment>messages</comment>
        <translation>Zimetumwa</translation>
    </message>
    <message>
        <source>Delivered</source>
        <comment>messages</comment>
        <translation>Zimefika</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>messages</comment>
        <translation>Zimeshindikana</translation>
    </message>
    <message>
        <source>No report yet</source>
        <comment>messages</comment>
        <translation>Hazina ripoti bado</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>messages</comment>
        <translation>Zimeghairiwa</translation>
    </message>
</context>
<context>
    <name>ChangeLog</name>
    <message>
        <source>Reading the changes to send</source>
        <translation>Kusoma mabadiliko ya kutuma</translation>
    </message>
    <message>
        <source>Noting the changes sent</source>
        <translation>Kuandika mabadiliko yaliyotumwa</translation>
    </message>
    <message>
        <source>Reading the state of sharing</source>
        <translation>Kusoma hali ya kushirikiana data</translation>
    </message>
    <message>
        <source>Reading the recent conflicts</source>
        <translation>Kusoma migongano ya hivi karibuni</translation>
    </message>
    <message>
        <source>Reading the shared data</source>
        <translation>Kusoma data inayoshirikiwa</translation>
    </message>
    <message>
        <source>Forgetting the person in the change log</source>
        <translation>Kumsahau mtu huyu kwenye kumbukumbu ya mabadiliko</translation>
    </message>
</context>
<context>
    <name>CliArguments</name>
    <message>
        <source>The option --%1 needs a value.</source>
        <translation>Chaguo --%1 linahitaji thamani.</translation>
    </message>
    <message>
        <source>Unknown option --%1.</source>
        <translation>Chaguo --%1 halijulikani.</translation>
    </message>
</context>
<context>
    <name>CliCommandTable</name>
    <message>
        <source>Contacts:</source>
        <translation>Waasiliani:</translation>
    </message>
    <message>
        <source>Groups:</source>
        <translation>Vikundi:</translation>
    </message>
    <message>
        <source>  groups list | groups create NAME | groups add NAME PHONE... | groups remove NAME PHONE...
</source>
        <translation>  groups list | groups create NAME | groups add NAME PHONE... | groups remove NAME PHONE...
</translation>
    </message>
    <message>
        <source>Templates:</source>
        <translation>Violezo:</translation>
    </message>
    <message>
        <source>  templates list | templates show NAME | templates delete NAME
  templates save NAME (--text T | --file F)
</source>
        <translation>  templates list | templates show NAME | templates delete NAME
  templates save NAME (--text T | --file F)
</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokeni:</translation>
    </message>
    <message>
        <source>Messages:</source>
        <translation>Ujumbe:</translation>
    </message>
    <message>
        <source>  segments [TEXT]          encoding and SMS parts of TEXT (or of standard input)
</source>
        <translation>  segments [TEXT]          usimbaji na sehemu za SMS za TEXT (au za standard input)
</translation>
    </message>
    <message>
        <source>Gateway:</source>
        <translation>Lango:</translation>
    </message>
    <message>
        <source>  gateway set --provider simulator|africastalking [--username U] [--sender-id S]
              [--environment live|sandbox] [--base-url URL] [--api-key-stdin]
              [--report-url HOOK_URL]  (simulator: reports through the relay; &quot;&quot; = straight)
  gateway balance
</source>
        <translation>  gateway set --provider simulator|africastalking [--username U] [--sender-id S]
              [--environment live|sandbox] [--base-url URL] [--api-key-stdin]
              [--report-url HOOK_URL]  (simulator: ripoti kupitia relay; &quot;&quot; = moja kwa moja)
  gateway balance
</translation>
    </message>
    <message>
        <source>Campaigns:</source>
        <translation>Kampeni:</translation>
    </message>
    <message>
        <source>  campaign send --group NAME [--group NAME...] (--text T | --template NAME) [--name N]
                [--at ISO8601] [--priority low|normal|high|urgent] [--rate PER_SECOND] [--no-wait]
                [--repeat daily|weekly|monthly [--on sun,wed] --until YYYY-MM-DD]
  campaign run [--rate PER_SECOND]      send everything due (also after a crash)
  campaign status ID | campaign list | campaign recipients ID [--state S]
  campaign edit ID [the options of send, or --once]   change a campaign before it goes
  campaign pause ID | campaign resume ID
  campaign resend-uncertain ID | campaign cancel ID
</source>
        <translation>  campaign send --group NAME [--group NAME...] (--text T | --template NAME) [--name N]
                [--at ISO8601] [--priority low|normal|high|urgent] [--rate PER_SECOND] [--no-wait]
                [--repeat daily|weekly|monthly [--on sun,wed] --until YYYY-MM-DD]
  campaign run [--rate PER_SECOND]      tuma kila kinachostahili (pia baada ya hitilafu ya ghafla)
  campaign status ID | campaign list | campaign recipients ID [--state S]
  campaign edit ID [chaguo za send, au --once]   badilisha kampeni kabla haijatumwa
  campaign pause ID | campaign resume ID
  campaign resend-uncertain ID | campaign cancel ID
</translation>
    </message>
    <message>
        <source>Relay (delivery reports and incoming SMS):</source>
        <translation>Relay (ripoti za ufikishaji na SMS zinazoingia):</translation>
    </message>
    <message>
        <source>Inbox:</source>
        <translation>Sanduku la ujumbe:</translation>
    </message>
    <message>
        <source>  inbox list [--unread] [--search TEXT]   incoming SMS, newest first
</source>
        <translation>  inbox list [--unread] [--search TEXT]   SMS zinazoingia, mpya kwanza
</translation>
    </message>
    <message>
        <source>Settings:</source>
        <translation>Mipangilio:</translation>
    </message>
    <message>
        <source>  settings quiet-hours [21:00-07:00|off]   when only urgent messages go out (without a value: show it)
</source>
        <translation>  settings quiet-hours [21:00-07:00|off]   wakati ujumbe wa dharura tu unatumwa (bila thamani: ionyeshe)
</translation>
    </message>
    <message>
        <source>Usage: kengele-cli [--profile DIR] [--json] COMMAND ...

  --profile DIR   data folder (or set KENGELE_PROFILE)
  --json          machine-readable output

</source>
        <translation>Matumizi: kengele-cli [--profile DIR] [--json] COMMAND ...

  --profile DIR   folda ya data (au weka KENGELE_PROFILE)
  --json          matokeo yanayosomwa na programu nyingine

</translation>
    </message>
    <message>
        <source>  contacts import FILE [--group NAME] [--region CC]   import a CSV or vCard file
  contacts list [--group NAME] [--search TEXT]
  contacts add PHONE --name NAME [--email E]
  contacts export FILE [--group NAME]                 write contacts to a CSV file
  contacts optout PHONE [--reason TEXT]               mark a number as opted out (no more SMS)
  contacts allow PHONE --reason TEXT                  allow SMS again to an opted-out number
  contacts optin PHONE                                the same without a reason (older form)
</source>
        <translation>  contacts import FILE [--group NAME] [--region CC]   ingiza faili ya CSV au vCard
  contacts list [--group NAME] [--search TEXT]
  contacts add PHONE --name NAME [--email E]
  contacts export FILE [--group NAME]                 andika waasiliani kwenye faili ya CSV
  contacts optout PHONE [--reason TEXT]               weka mwenye nambari kama amejiondoa (hakuna SMS tena)
  contacts allow PHONE --reason TEXT                  ruhusu SMS tena kwa nambari iliyojiondoa
  contacts optin PHONE                                vivyo hivyo bila sababu (njia ya zamani)
</translation>
    </message>
    <message>
        <source>  tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N]   add tokens to a budget
  tokens check [--account NAME]                            balances
  tokens transfer --from NAME --to NAME --tokens N --reason TEXT   move tokens between budgets
  tokens expire                                            expire what reached the end of its validity
  tokens threshold --account NAME --below N|off            warn when a budget falls below N
  tokens rename --account NAME --name NEW                  rename a department&apos;s budget
  tokens usage [--days N] | tokens insights | tokens alerts
  tokens history [--account NAME] [--limit N]              the ledger&apos;s lines, newest first
  tokens plans                                             plans and prices on your relay
  tokens buy --plan P --phone N [--account A] [--no-wait]  buy tokens with M-Pesa
  tokens purchases                                         purchases and their states
  tokens cleanup --days N                                  remove old failed purchase attempts
</source>
        <translation>  tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N]   ongeza tokeni kwenye bajeti
  tokens check [--account NAME]                            salio
  tokens transfer --from NAME --to NAME --tokens N --reason TEXT   hamisha tokeni kati ya bajeti
  tokens expire                                            ondoa tokeni ambazo muda wake umekwisha
  tokens threshold --account NAME --below N|off            onya bajeti ikishuka chini ya N
  tokens rename --account NAME --name NEW                  badilisha jina la bajeti ya idara
  tokens usage [--days N] | tokens insights | tokens alerts
  tokens history [--account NAME] [--limit N]              mistari ya daftari, mipya kwanza
  tokens plans                                             mipango na bei kwenye relay yako
  tokens buy --plan P --phone N [--account A] [--no-wait]  nunua tokeni kwa M-Pesa
  tokens purchases                                         manunuzi na hali zake
  tokens cleanup --days N                                  ondoa majaribio ya zamani ya kununua yaliyoshindwa
</translation>
    </message>
    <message>
        <source>Staff and sign-in:</source>
        <translation>Wafanyakazi na kuingia:</translation>
    </message>
    <message>
        <source>  signin require --user NAME --name &quot;Full Name&quot;   make the first administrator (password on standard input);
                           from then on every command needs --user NAME and the password
                           (KENGELE_PASSWORD, or the first line of standard input)
</source>
        <translation>  signin require --user NAME --name &quot;Full Name&quot;   unda msimamizi wa kwanza (nenosiri kupitia standard input);
                           kuanzia hapo kila amri inahitaji --user NAME na nenosiri
                           (KENGELE_PASSWORD, au mstari wa kwanza wa standard input)
</translation>
    </message>
    <message>
        <source>  users list | users add USER --name N --role viewer|staff|pastor|administrator
  users role USER ROLE | users disable USER | users enable USER | users password USER
                           (a new password on the next line of standard input)
</source>
        <translation>  users list | users add USER --name N --role viewer|staff|pastor|administrator
  users role USER ROLE | users disable USER | users enable USER | users password USER
                           (nenosiri jipya kwenye mstari unaofuata wa standard input)
</translation>
    </message>
    <message>
        <source>  backup create [--to FILE]  an encrypted backup, into the backup folder or FILE
  backup restore FILE        replace the data with a backup; the data before is kept aside
  backup list                the backups in the backup folder
  backup folder [DIR]        where backups go (Documents/Kengele backups unless changed)
                           (the passphrase: KENGELE_BACKUP_PASSPHRASE, or the next line of standard input)
</source>
        <translation>  backup create [--to FILE]  nakala rudufu iliyosimbwa fiche, kwenye folda ya nakala rudufu au FILE
  backup restore FILE        badilisha data kwa nakala rudufu; data ya awali inawekwa kando
  backup list                nakala rudufu zilizo kwenye folda ya nakala rudufu
  backup folder [DIR]        mahali nakala rudufu zinapowekwa (Documents/Kengele backups isipobadilishwa)
                           (kaulisiri: KENGELE_BACKUP_PASSPHRASE, au mstari unaofuata wa standard input)
</translation>
    </message>
    <message>
        <source>Reports:</source>
        <translation>Ripoti:</translation>
    </message>
    <message>
        <source>  dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]   the dashboard&apos;s numbers
</source>
        <translation>  dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]   takwimu za dashibodi
</translation>
    </message>
    <message>
        <source>  report list                                 built-in and saved reports
  report run NAME [--period P] [--campaign ID] --format json   a report&apos;s tables and charts
  report save NAME --measure M [--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]...
                                              save a report of your own | report delete NAME
  report schedule NAME --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P]
                [--to-folder DIR] [--sms-to GROUP] [--account NAME]   run a report by itself
  report schedules | report unschedule ID
  report run-due [--no-wait] [--rate PER_SECOND]   run the scheduled reports that are due
</source>
        <translation>  report list                                 ripoti zilizopo tayari na zilizohifadhiwa
  report run NAME [--period P] [--campaign ID] --format json   majedwali na chati za ripoti
  report save NAME --measure M [--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]...
                                              hifadhi ripoti yako mwenyewe | report delete NAME
  report schedule NAME --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P]
                [--to-folder DIR] [--sms-to GROUP] [--account NAME]   andaa ripoti yenyewe
  report schedules | report unschedule ID
  report run-due [--no-wait] [--rate PER_SECOND]   andaa ripoti zilizopangwa ambazo muda wake umefika
</translation>
    </message>
    <message>
        <source>Several computers (the congregation&apos;s data shared through the relay):</source>
        <translation>Kompyuta kadhaa (data ya kanisa inayoshirikiwa kupitia relay):</translation>
    </message>
    <message>
        <source>  relay connect URL --code CODE [--name NAME] [--merge | --start-from-church-data]
                           connect this computer with an enrolment code; --merge or
                           --start-from-church-data: see sync own-data
  relay sync [--once]      fetch and save what came in, and share changes with the congregation&apos;s
                           other computers; --once stops when up to date
  relay status             the relay&apos;s address, whether it answers, the last sync
</source>
        <translation>  relay connect URL --code CODE [--name NAME] [--merge | --start-from-church-data]
                           unganisha kompyuta hii kwa msimbo wa usajili; --merge au
                           --start-from-church-data: tazama sync own-data
  relay sync [--once]      leta na uhifadhi kilichoingia, na shiriki mabadiliko na kompyuta
                           nyingine za kanisa; --once husimama data ikishasasishwa
  relay status             anwani ya relay, kama inajibu, usawazishaji wa mwisho
</translation>
    </message>
    <message>
        <source>  sync status              changes not yet sent, the last ones received, conflicts, waiting for approval
  sync conflicts [--limit N]   values two computers changed at once: which was kept, which lost
  sync own-data merge | sync own-data start-from-church-data
                           what happens to this computer&apos;s own contacts when it is let in: they
                           join the church&apos;s, or are kept in a backup and replaced by the church&apos;s
</source>
        <translation>  sync status              mabadiliko ambayo bado hayajatumwa, ya mwisho yaliyopokelewa, migongano, zinazosubiri idhini
  sync conflicts [--limit N]   thamani ambazo kompyuta mbili zilibadilisha kwa wakati mmoja: ipi ilibaki, ipi ilipotea
  sync own-data merge | sync own-data start-from-church-data
                           kitakachofanyika kwa waasiliani wa kompyuta hii ikiidhinishwa: wanaungana
                           na wa kanisa, au wanahifadhiwa kwenye nakala rudufu na nafasi yao kuchukuliwa na wa kanisa
</translation>
    </message>
    <message>
        <source>  devices list             the congregation&apos;s computers
  devices approve DEVICE [--safety-code CODE]   let a waiting computer in (administrators): run it
                           first without --safety-code to see the code; if the new computer shows
                           the same code, run it again with --safety-code CODE
  devices remove DEVICE    remove a computer (administrators); the congregation&apos;s keys change
</source>
        <translation>  devices list             kompyuta za kanisa
  devices approve DEVICE [--safety-code CODE]   idhinisha kompyuta inayosubiri (wasimamizi): iendeshe
                           kwanza bila --safety-code ili kuona msimbo; kama kompyuta mpya inaonyesha
                           msimbo ule ule, iendeshe tena na --safety-code CODE
  devices remove DEVICE    ondoa kompyuta (wasimamizi); funguo za kanisa zinabadilika
</translation>
    </message>
    <message>
        <source>  audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all]
                           who did what, newest first (this computer&apos;s trail, another&apos;s, or all)
  audit verify [--computer NAME|all]   check that no entry was changed, removed or moved (and,
                           when connected, compare this computer&apos;s trail with the relay&apos;s daily copies)
  audit computers          the computers whose trails this one holds
  audit anchor             send the trail&apos;s head to the relay now (it is sent once a day)
</source>
        <translation>  audit list [--since DATE] [--by USER] [--action A] [--limit N] [--computer NAME|all]
                           nani alifanya nini, mpya kwanza (kumbukumbu za kompyuta hii, za nyingine, au zote)
  audit verify [--computer NAME|all]   kagua kwamba hakuna ingizo lililobadilishwa, kuondolewa au kuhamishwa (na,
                           ikiwa imeunganishwa, linganisha kumbukumbu za kompyuta hii na nakala za kila siku za relay)
  audit computers          kompyuta ambazo kumbukumbu zake zimo kwenye kompyuta hii
  audit anchor             tuma kichwa cha kumbukumbu kwa relay sasa (hutumwa mara moja kwa siku)
</translation>
    </message>
</context>
<context>
    <name>CliContext</name>
    <message>
        <source>“%1” is not a country code. Use two letters, e.g. KE, UG, TZ.</source>
        <translation>“%1” si msimbo wa nchi. Tumia herufi mbili, k.m. KE, UG, TZ.</translation>
    </message>
    <message>
        <source>The option --%1 does not apply to this command.</source>
        <translation>Chaguo --%1 halitumiki kwa amri hii.</translation>
    </message>
    <message>
        <source>Run “kengele-cli --help” to see the commands.</source>
        <translation>Endesha “kengele-cli --help” ili kuona amri.</translation>
    </message>
    <message>
        <source>Give the rate as messages per second, between 0.1 and 1000, or 0 for no limit: --rate 20</source>
        <translation>Toa kasi kama ujumbe kwa sekunde, kati ya 0.1 na 1000, au 0 kwa bila kikomo: --rate 20</translation>
    </message>
    <message>
        <source>This data folder is not connected to a relay yet. Connect it first with “kengele-cli relay connect URL --code CODE”.</source>
        <translation>Folda hii ya data bado haijaunganishwa na relay. Iunganishe kwanza kwa “kengele-cli relay connect URL --code CODE”.</translation>
    </message>
    <message>
        <source>This computer&apos;s relay key is missing from the system&apos;s password store. Connect it again with a new enrolment code (or set KENGELE_RELAY_TOKEN).</source>
        <translation>Ufunguo wa relay wa kompyuta hii haupo kwenye hifadhi ya nywila ya mfumo. Iunganishe tena kwa msimbo mpya wa usajili (au weka KENGELE_RELAY_TOKEN).</translation>
    </message>
    <message>
        <source>This data folder asks who is at the computer: add --user NAME, with your password in KENGELE_PASSWORD or on the first line of standard input.</source>
        <translation>Folda hii ya data inauliza nani yuko kwenye kompyuta: ongeza --user NAME, na nenosiri lako katika KENGELE_PASSWORD au kwenye mstari wa kwanza wa standard input.</translation>
    </message>
    <message>
        <source>Give the password in KENGELE_PASSWORD or on the first line of standard input.</source>
        <translation>Toa nenosiri katika KENGELE_PASSWORD au kwenye mstari wa kwanza wa standard input.</translation>
    </message>
    <message>
        <source>Give the backup passphrase in KENGELE_BACKUP_PASSPHRASE or on a line of standard input.</source>
        <translation>Toa kaulisiri ya nakala rudufu katika KENGELE_BACKUP_PASSPHRASE au kwenye mstari wa standard input.</translation>
    </message>
</context>
<context>
    <name>CliRunner</name>
    <message>
        <source>Unknown command “%1”.</source>
        <translation>Amri “%1” haijulikani.</translation>
    </message>
</context>
<context>
    <name>ColumnMapping</name>
    <message>
        <source>Do not import</source>
        <translation>Usiingize</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Jina la kwanza</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Jina la mwisho</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Jina kamili</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Nambari ya simu</translation>
    </message>
    <message>
        <source>E-mail</source>
        <translation>Barua pepe</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>Maelezo</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
</context>
<context>
    <name>ContactExporter</name>
    <message>
        <source>Exporting contacts</source>
        <translation>Kuhamisha waasiliani</translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation>Kikundi hiki hakipo tena.</translation>
    </message>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation>Kengele imeshindwa kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili hiyo ikiwa iko wazi katika Excel.</translation>
    </message>
</context>
<context>
    <name>ContactForgetter</name>
    <message>
        <source>Only a pastor or an administrator may forget a person.</source>
        <translation>Ni mchungaji au msimamizi tu anayeweza kumsahau mtu.</translation>
    </message>
    <message>
        <source>Forgetting the person</source>
        <translation>Kumsahau mtu</translation>
    </message>
    <message>
        <source>Kengele holds nothing about %1: there is nobody to forget.</source>
        <translation>Kengele haina chochote kuhusu %1: hakuna wa kusahau.</translation>
    </message>
    <message>
        <source>%1 asked not to receive messages, so forgetting the person keeps the number blocked in a protected form, which needs this computer&apos;s keychain. Nothing was changed. (%2)</source>
        <translation>%1 aliomba asipokee ujumbe, kwa hiyo kumsahau mtu huyu kunaacha nambari yake ikiwa imezuiwa kwa njia iliyolindwa, jambo linalohitaji hifadhi ya manenosiri (keychain) ya kompyuta hii. Hakuna kilichobadilishwa. (%2)</translation>
    </message>
    <message>
        <source>The person was forgotten at their request</source>
        <translation>Mtu huyu amesahauliwa kwa ombi lake</translation>
    </message>
    <message>
        <source>Person forgotten</source>
        <translation>Mtu amesahauliwa</translation>
    </message>
    <message>
        <source>Message to a forgotten person</source>
        <translation>Ujumbe kwa mtu aliyesahauliwa</translation>
    </message>
</context>
<context>
    <name>ContactImporter</name>
    <message>
        <source>“%1” is not a country code Kengele knows. Use two letters, such as KE for Kenya or TZ for Tanzania.</source>
        <translation>“%1” si msimbo wa nchi unaojulikana na Kengele. Tumia herufi mbili, kama KE kwa Kenya au TZ kwa Tanzania.</translation>
    </message>
    <message>
        <source>A group name can have at most %1 characters.</source>
        <translation>Jina la kikundi lisizidi herufi %1.</translation>
    </message>
    <message>
        <source>The file has no recognisable header, so the columns were guessed from their contents. Check the imported contacts.</source>
        <translation>Faili haina vichwa vya safuwima vinavyotambulika, kwa hiyo safuwima zimekisiwa kutokana na yaliyomo. Kagua waasiliani walioingizwa.</translation>
    </message>
    <message>
        <source>Kengele cannot tell which column holds the phone numbers. Choose the phone number column and import again.</source>
        <translation>Kengele haiwezi kujua ni safuwima ipi yenye nambari za simu. Chagua safuwima ya nambari za simu kisha uingize tena.</translation>
    </message>
    <message>
        <source>The import was cancelled; nothing was changed.</source>
        <translation>Uingizaji umeghairiwa; hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>Importing the contacts</source>
        <translation>Kuingiza waasiliani</translation>
    </message>
    <message numerus="yes">
        <source> and %n more</source>
        <translation>
            <numerusform> na mwingine %n</numerusform>
            <numerusform> na mingine %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The e-mail address was left out on %n line(s) because it is not a usable address (line %1).</source>
        <translation>
            <numerusform>Anwani ya barua pepe haikuingizwa kwa sababu haifai (mstari wa %1).</numerusform>
            <numerusform>Anwani za barua pepe hazikuingizwa kwenye mistari %n kwa sababu hazifai (mistari: %1).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A name longer than %1 characters was shortened on %n line(s) (line %2).</source>
        <translation>
            <numerusform>Jina refu kuliko herufi %1 lilifupishwa (mstari wa %2).</numerusform>
            <numerusform>Majina marefu kuliko herufi %1 yalifupishwa kwenye mistari %n (mistari: %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Notes longer than %1 characters were shortened on %n line(s) (line %2).</source>
        <translation>
            <numerusform>Maelezo marefu kuliko herufi %1 yalifupishwa (mstari wa %2).</numerusform>
            <numerusform>Maelezo marefu kuliko herufi %1 yalifupishwa kwenye mistari %n (mistari: %2).</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>A group name longer than %1 characters was left out on %n line(s) (line %2).</source>
        <translation>
            <numerusform>Jina la kikundi refu kuliko herufi %1 liliachwa (mstari wa %2).</numerusform>
            <numerusform>Majina ya vikundi marefu kuliko herufi %1 yaliachwa kwenye mistari %n (mistari: %2).</numerusform>
        </translation>
    </message>
    <message>
        <source>Importing the contacts failed: a new contact was not saved. Nothing was imported.</source>
        <translation>Kuingiza waasiliani kumeshindikana: mwasiliani mpya hakuhifadhiwa. Hakuna kilichoingizwa.</translation>
    </message>
</context>
<context>
    <name>ContactsCommand</name>
    <message>
        <source>“contacts list” takes no words, only --group NAME or --search TEXT.</source>
        <translation>“contacts list” haichukui maneno mengine, ila --group NAME au --search TEXT tu.</translation>
    </message>
    <message>
        <source>  [opted out]</source>
        <translation>  [amejiondoa]</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>mwasiliani %n</numerusform>
            <numerusform>waasiliani %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts add PHONE --name NAME</source>
        <translation>Toa nambari moja tu ya simu: contacts add PHONE --name NAME</translation>
    </message>
    <message>
        <source>Added %1 (%2).</source>
        <translation>%1 (%2) ameongezwa.</translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts optin PHONE</source>
        <translation>Toa nambari moja tu ya simu: contacts optin PHONE</translation>
    </message>
    <message>
        <source>Give exactly one phone number: contacts optout PHONE [--reason TEXT]</source>
        <translation>Toa nambari moja tu ya simu: contacts optout PHONE [--reason TEXT]</translation>
    </message>
    <message>
        <source>%1 will receive messages again.</source>
        <translation>%1 atapokea ujumbe tena.</translation>
    </message>
    <message>
        <source>%1 will not receive any more messages.</source>
        <translation>%1 hatapokea ujumbe wowote tena.</translation>
    </message>
    <message>
        <source>Give exactly one file: contacts import FILE [--group NAME] [--region CC]</source>
        <translation>Toa faili moja tu: contacts import FILE [--group NAME] [--region CC]</translation>
    </message>
    <message>
        <source>Give at most one --group for an import.</source>
        <translation>Uingizaji mmoja unaweza kuwa na --group moja tu.</translation>
    </message>
    <message>
        <source>Importing… %1 of %2 rows</source>
        <translation>Inaingiza… mistari %1 kati ya %2</translation>
    </message>
    <message>
        <source>Read %1 rows: %2 new contacts, %3 rows matched a known number and updated it, %4 rows skipped.</source>
        <translation>Mistari iliyosomwa: %1. Waasiliani wapya: %2. Mistari %3 ililingana na nambari inayojulikana na kuisasisha. Mistari iliyorukwa: %4.</translation>
    </message>
    <message>
        <source>  line %1: %2</source>
        <translation>  mstari %1: %2</translation>
    </message>
    <message>
        <source>Give exactly one file to write: contacts export FILE [--group NAME]</source>
        <translation>Toa faili moja tu ya kuandikia: contacts export FILE [--group NAME]</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation>
            <numerusform>Mwasiliani %n amehifadhiwa katika %1.</numerusform>
            <numerusform>Waasiliani %n wamehifadhiwa katika %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Give one phone number and why: contacts allow PHONE --reason TEXT</source>
        <translation>Toa nambari moja ya simu na sababu: contacts allow PHONE --reason TEXT</translation>
    </message>
    <message>
        <source>%1 is no longer opted out: SMS can be sent to this number again.</source>
        <translation>%1 ameondolewa kwenye orodha ya waliojiondoa: SMS zinaweza kutumwa kwa nambari hii tena.</translation>
    </message>
    <message>
        <source>Give one phone number: contacts notes PHONE [--text TEXT], or search them: contacts notes --search TEXT</source>
        <translation>Toa nambari moja ya simu: contacts notes PHONE [--text TEXT], au uyatafute: contacts notes --search TEXT</translation>
    </message>
    <message>
        <source>There are no pastoral notes on %1.</source>
        <translation>Hakuna maelezo ya kichungaji kuhusu %1.</translation>
    </message>
    <message>
        <source>Give one phone number: contacts person PHONE</source>
        <translation>Toa nambari moja ya simu: contacts person PHONE</translation>
    </message>
    <message>
        <source>Use one of: contacts import, list, add, export, optout, allow, optin, notes, person, forget.</source>
        <translation>Tumia mojawapo ya: contacts import, list, add, export, optout, allow, optin, notes, person, forget.</translation>
    </message>
    <message>
        <source>Give one phone number: contacts forget PHONE</source>
        <translation>Toa nambari moja ya simu: contacts forget SIMU</translation>
    </message>
    <message>
        <source>Forgotten. The data file could not be tidied just now (another Kengele has it open): the removed details can no longer be seen in Kengele, but may remain in the file&apos;s unused space for a while.</source>
        <translation>Amesahauliwa. Faili la data halikuweza kusafishwa sasa hivi (Kengele nyingine imelifungua): maelezo yaliyoondolewa hayaonekani tena katika Kengele, lakini yanaweza kubaki kwa muda katika nafasi isiyotumika ya faili.</translation>
    </message>
</context>
<context>
    <name>CsvReader</name>
    <message>
        <source>A quotation mark (&quot;) on this line is never closed, so the line could not be read.</source>
        <translation>Alama ya nukuu (&quot;) kwenye mstari huu haijafungwa, kwa hiyo mstari haukuweza kusomwa.</translation>
    </message>
    <message>
        <source>This line has more than %1 columns, so it could not be read.</source>
        <translation>Mstari huu una safuwima zaidi ya %1, kwa hiyo haukuweza kusomwa.</translation>
    </message>
    <message>
        <source>A value on this line is longer than %1 characters, so the line could not be read.</source>
        <translation>Thamani moja kwenye mstari huu ina herufi zaidi ya %1, kwa hiyo mstari haukuweza kusomwa.</translation>
    </message>
</context>
<context>
    <name>DashboardCommand</name>
    <message>
        <source>Usage: dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]</source>
        <translation>Matumizi: dashboard [--period this-month|last-3-months|last-12-months|FROM..TO]</translation>
    </message>
    <message>
        <source>(%1 on the period before)</source>
        <translation>(%1 katika kipindi kilichotangulia)</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Zimetumwa</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zimefika</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Zimeshindikana</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>Kiwango cha ufikishaji</translation>
    </message>
    <message>
        <source>none sent</source>
        <translation>hakuna zilizotumwa</translation>
    </message>
    <message>
        <source>%1 %</source>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Majibu</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Waliojiondoa</translation>
    </message>
    <message>
        <source>Contacts added</source>
        <translation>Waasiliani walioongezwa</translation>
    </message>
    <message>
        <source>By network:</source>
        <translation>Kwa mtandao:</translation>
    </message>
    <message>
        <source>Unknown network</source>
        <translation>Mtandao haujulikani</translation>
    </message>
    <message>
        <source>%1 sent, %2 delivered, %3 failed</source>
        <translation>%1 zimetumwa, %2 zimefika, %3 zimeshindikana</translation>
    </message>
    <message>
        <source>Failures by reason:</source>
        <translation>Ujumbe ulioshindikana kulingana na sababu:</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Hakuna sababu iliyotolewa</translation>
    </message>
    <message>
        <source>Tokens used:</source>
        <translation>Tokeni zilizotumika:</translation>
    </message>
</context>
<context>
    <name>DashboardService</name>
    <message>
        <source>Dashboard</source>
        <translation>Dashibodi</translation>
    </message>
    <message>
        <source>Delivery rate per campaign</source>
        <translation>Kiwango cha ufikishaji kwa kila kampeni</translation>
    </message>
    <message>
        <source>%</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Delivered, out of each campaign&apos;s messages sent in the period.</source>
        <translation>Zilizofika, kati ya ujumbe wa kila kampeni uliotumwa katika kipindi.</translation>
    </message>
    <message>
        <source>Failures by reason</source>
        <translation>Ujumbe ulioshindikana kulingana na sababu</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Ujumbe</translation>
    </message>
    <message>
        <source>Why messages failed, as the provider said.</source>
        <translation>Sababu za ujumbe kushindikana, kama alivyosema mtoa huduma.</translation>
    </message>
    <message>
        <source>Messages by network</source>
        <translation>Ujumbe kwa kila mtandao</translation>
    </message>
    <message>
        <source>Messages sent to each network, by what became of them.</source>
        <translation>Ujumbe uliotumwa kwa kila mtandao, kulingana na kilichoupata.</translation>
    </message>
    <message>
        <source>Messages received per week</source>
        <translation>Ujumbe uliopokelewa kila wiki</translation>
    </message>
    <message>
        <source>Every message that came in: replies, opt-outs and prayer requests.</source>
        <translation>Kila ujumbe ulioingia: majibu, waliojiondoa na mahitaji ya maombi.</translation>
    </message>
    <message>
        <source>Tokens used per department</source>
        <translation>Tokeni zilizotumika kwa kila idara</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokeni</translation>
    </message>
    <message>
        <source>Tokens spent week by week, by the budget that paid.</source>
        <translation>Tokeni zilizotumika wiki kwa wiki, kulingana na bajeti iliyolipia.</translation>
    </message>
    <message>
        <source>Contacts added per month</source>
        <translation>Waasiliani walioongezwa kila mwezi</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Waasiliani</translation>
    </message>
    <message>
        <source>Contacts created each month, by hand or imported.</source>
        <translation>Waasiliani walioongezwa kila mwezi, kwa mkono au kwa kuingizwa.</translation>
    </message>
</context>
<context>
    <name>DataKey</name>
    <message>
        <source>A confidential note could not be opened: it was changed outside Kengele, or this computer&apos;s keychain holds another key for this data folder.</source>
        <translation>Dokezo la siri halikuweza kufunguliwa: lilibadilishwa nje ya Kengele, au hifadhi ya manenosiri (keychain) ya kompyuta hii ina ufunguo mwingine wa folda hii ya data.</translation>
    </message>
    <message>
        <source>The encryption library could not start.</source>
        <translation>Maktaba ya usimbaji fiche haikuweza kuanza.</translation>
    </message>
    <message>
        <source>The keychain holds a damaged key for this data folder&apos;s confidential notes.</source>
        <translation>Hifadhi ya manenosiri (keychain) ina ufunguo ulioharibika wa maelezo ya siri ya folda hii ya data.</translation>
    </message>
    <message>
        <source>The key for confidential notes is not available.</source>
        <translation>Ufunguo wa maelezo ya siri haupatikani.</translation>
    </message>
</context>
<context>
    <name>Database</name>
    <message>
        <source>Kengele cannot create its data folder %1. Choose a folder you are allowed to change.</source>
        <translation>Kengele haiwezi kuunda folda yake ya data %1. Chagua folda unayoruhusiwa kubadilisha.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a Kengele data file.</source>
        <translation>%1 ni folda, si faili ya data ya Kengele.</translation>
    </message>
    <message>
        <source>%1 is not a Kengele data file, or it is damaged. Nothing was changed.</source>
        <translation>%1 si faili ya data ya Kengele, au imeharibika. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>Kengele cannot save changes to its data file %1 because the file is read-only. Ask whoever looks after this computer to allow changes to it, or copy the folder to a place you can change. Nothing was changed.</source>
        <translation>Kengele haiwezi kuhifadhi mabadiliko kwenye faili yake ya data %1 kwa sababu faili hiyo ni ya kusoma tu. Mwombe anayeshughulikia kompyuta hii aruhusu mabadiliko, au nakili folda hadi mahali unapoweza kubadilisha. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>Kengele cannot save changes in the folder %1 because it is read-only. Ask whoever looks after this computer to allow changes to it. Nothing was changed.</source>
        <translation>Kengele haiwezi kuhifadhi mabadiliko kwenye folda %1 kwa sababu ni ya kusoma tu. Mwombe anayeshughulikia kompyuta hii aruhusu mabadiliko. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>Opening the data file</source>
        <translation>Kufungua faili ya data</translation>
    </message>
    <message>
        <source>This data was saved by a newer version of Kengele (data version %1; this Kengele reads up to version %2). Install the newer Kengele to open it. Nothing was changed.</source>
        <translation>Data hii ilihifadhiwa na toleo jipya zaidi la Kengele (toleo la data %1; Kengele hii husoma hadi toleo %2). Sakinisha Kengele mpya ili uifungue. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>%1 failed: the data file is read-only, so nothing was saved. Ask whoever looks after this computer to allow changes to it.</source>
        <translation>%1 kumeshindikana: faili ya data ni ya kusoma tu, kwa hiyo hakuna kilichohifadhiwa. Mwombe anayeshughulikia kompyuta hii aruhusu mabadiliko.</translation>
    </message>
    <message>
        <source>%1 failed: the disk is full, so nothing was saved. Free some space and try again.</source>
        <translation>%1 kumeshindikana: diski imejaa, kwa hiyo hakuna kilichohifadhiwa. Futa vitu visivyohitajika ili upate nafasi, kisha ujaribu tena.</translation>
    </message>
    <message>
        <source>%1 failed: another Kengele window or program is busy with the data file. Try again in a moment.</source>
        <translation>%1 kumeshindikana: dirisha lingine la Kengele au programu nyingine inatumia faili ya data. Jaribu tena baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>%1 failed: the data file is damaged. Restore it from a backup.</source>
        <translation>%1 kumeshindikana: faili ya data imeharibika. Irejeshe kutoka kwenye nakala ya akiba.</translation>
    </message>
    <message>
        <source>%1 failed because the data file refused the change (%2). Nothing was saved.</source>
        <translation>%1 kumeshindikana kwa sababu faili ya data imekataa badiliko hilo (%2). Hakuna kilichohifadhiwa.</translation>
    </message>
    <message>
        <source>Preparing the data file</source>
        <translation>Kuandaa faili ya data</translation>
    </message>
    <message>
        <source>Updating the data file</source>
        <translation>Kusasisha faili ya data</translation>
    </message>
    <message>
        <source>The change could not be started, so nothing was saved.</source>
        <translation>Badiliko halikuweza kuanzishwa, kwa hiyo hakuna kilichohifadhiwa.</translation>
    </message>
    <message>
        <source>Saving the change</source>
        <translation>Kuhifadhi badiliko</translation>
    </message>
    <message>
        <source>Updating the data file failed: some of its records no longer fit together. Nothing was changed.</source>
        <translation>Kusasisha faili la data kumeshindikana: baadhi ya rekodi zake hazilingani tena. Hakuna kilichobadilishwa.</translation>
    </message>
</context>
<context>
    <name>DeliveryReportApplier</name>
    <message>
        <source>Recording delivery reports</source>
        <translation>Kurekodi ripoti za ufikishaji</translation>
    </message>
    <message>
        <source>Confirmed by a delivery report</source>
        <translation>Imethibitishwa na ripoti ya ufikishaji</translation>
    </message>
</context>
<context>
    <name>DemoCongregation</name>
    <message>
        <source>Creating the demo congregation</source>
        <translation>Kuunda waumini wa mfano</translation>
    </message>
</context>
<context>
    <name>DemoHistory</name>
    <message>
        <source>Creating the demo congregation&apos;s history</source>
        <translation>Kuunda historia ya waumini wa mfano</translation>
    </message>
    <message>
        <source>The demo congregation&apos;s history could not be written: the data file is not open.</source>
        <translation>Historia ya waumini wa mfano haikuweza kuandikwa: faili la data halijafunguliwa.</translation>
    </message>
    <message>
        <source>No answer came from Africa&apos;s Talking, so this message may or may not have been sent.</source>
        <translation>Hakuna jibu lililotoka kwa Africa&apos;s Talking, kwa hiyo huenda ujumbe huu umetumwa au haujatumwa.</translation>
    </message>
    <message>
        <source>Campaign cancelled</source>
        <translation>Kampeni imeghairiwa</translation>
    </message>
    <message>
        <source>Cancelled: the date was wrong</source>
        <translation>Imeghairiwa: tarehe haikuwa sahihi</translation>
    </message>
    <message>
        <source>Could not be sent</source>
        <translation>Haukuweza kutumwa</translation>
    </message>
    <message>
        <source>Asked at church to receive the messages again</source>
        <translation>Aliomba kanisani kupokea ujumbe tena</translation>
    </message>
    <message>
        <source>End of the demo&apos;s tokens</source>
        <translation>Mwisho wa tokeni za mfano</translation>
    </message>
    <message>
        <source>Removing the demo congregation&apos;s history</source>
        <translation>Kuondoa historia ya waumini wa mfano</translation>
    </message>
</context>
<context>
    <name>DeviceIdentity</name>
    <message>
        <source>The keychain holds damaged keys for this computer&apos;s link to the other computers.</source>
        <translation>Hifadhi ya manenosiri (keychain) ina funguo zilizoharibika za kuunganisha kompyuta hii na kompyuta nyingine.</translation>
    </message>
    <message>
        <source>The encryption library could not start.</source>
        <translation>Maktaba ya usimbaji fiche haikuweza kuanza.</translation>
    </message>
</context>
<context>
    <name>DeviceRoster</name>
    <message>
        <source>Reading the list of computers</source>
        <translation>Kusoma orodha ya kompyuta</translation>
    </message>
    <message>
        <source>Saving the list of computers</source>
        <translation>Kuhifadhi orodha ya kompyuta</translation>
    </message>
</context>
<context>
    <name>DevicesCommand</name>
    <message>
        <source>Use one of: devices list, devices approve DEVICE [--safety-code CODE], devices remove DEVICE.</source>
        <translation>Tumia mojawapo ya: devices list, devices approve DEVICE [--safety-code CODE], devices remove DEVICE.</translation>
    </message>
    <message>
        <source>--wait takes a number of seconds, 0 to 3600.</source>
        <translation>--wait huchukua idadi ya sekunde, kuanzia 0 hadi 3600.</translation>
    </message>
    <message>
        <source>Only an administrator may let a computer in or remove one.</source>
        <translation>Ni msimamizi tu anayeweza kuruhusu kompyuta iingie au kuiondoa.</translation>
    </message>
    <message>
        <source>removed</source>
        <translation>imeondolewa</translation>
    </message>
    <message>
        <source>waiting for approval</source>
        <translation>inasubiri idhini</translation>
    </message>
    <message>
        <source>approved</source>
        <translation>imeidhinishwa</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>kompyuta hii</translation>
    </message>
    <message>
        <source>The computer %1 was removed. The congregation&apos;s keys were changed; the others get the new ones when they sync.</source>
        <translation>Kompyuta %1 imeondolewa. Funguo za kanisa zimebadilishwa; kompyuta nyingine zitapata funguo mpya zitakaposawazisha.</translation>
    </message>
    <message>
        <source>“%1” is now one of the congregation&apos;s computers.</source>
        <translation>“%1” sasa ni mojawapo ya kompyuta za kanisa.</translation>
    </message>
    <message>
        <source>This computer&apos;s keys were sent. Run “kengele-cli relay sync” on the new computer, then run this command again to see the safety code.</source>
        <translation>Funguo za kompyuta hii zimetumwa. Endesha “kengele-cli relay sync” kwenye kompyuta mpya, kisha uendeshe amri hii tena ili kuona msimbo wa usalama.</translation>
    </message>
    <message>
        <source>Safety code: %1</source>
        <translation>Msimbo wa usalama: %1</translation>
    </message>
    <message>
        <source>Check that “%1” shows the same code, then run: kengele-cli devices approve %2 --safety-code &quot;%3&quot;</source>
        <translation>Hakikisha kwamba “%1” inaonyesha msimbo uleule, kisha endesha: kengele-cli devices approve %2 --safety-code &quot;%3&quot;</translation>
    </message>
</context>
<context>
    <name>DrillDown</name>
    <message>
        <source>A page holds 1 to %1 rows.</source>
        <translation>Ukurasa mmoja una safu 1 hadi %1.</translation>
    </message>
    <message>
        <source>“%1” has no list of rows behind it here (the token statement lists tokens).</source>
        <translation>“%1” haina orodha ya safu nyuma yake hapa (taarifa ya tokeni inaorodhesha tokeni).</translation>
    </message>
    <message>
        <source>Messages</source>
        <translation>Ujumbe</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampeni</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mtandao</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Wakati</translation>
    </message>
    <message>
        <source>Reading the messages</source>
        <translation>Kusoma ujumbe</translation>
    </message>
    <message>
        <source>Reading the report&apos;s rows</source>
        <translation>Kusoma safu za ripoti</translation>
    </message>
</context>
<context>
    <name>FeatureLocks</name>
    <message>
        <source>“%1” comes with the %2 plan or a bigger one, and your tokens are not from such a plan. Buy the %2 plan to use it.</source>
        <translation>“%1” inapatikana kwenye mpango wa %2 au mkubwa zaidi, na tokeni zako hazitokani na mpango kama huo. Nunua mpango wa %2 ili uitumie.</translation>
    </message>
    <message>
        <source>Send SMS and see delivery reports</source>
        <translation>Tuma SMS na uone ripoti za ufikishaji</translation>
    </message>
    <message>
        <source>Scheduled and repeating campaigns</source>
        <translation>Kampeni zilizopangwa na zinazojirudia</translation>
    </message>
    <message>
        <source>Sending from scripts with kengele-cli</source>
        <translation>Kutuma kutoka kwa skripti kwa kengele-cli</translation>
    </message>
    <message>
        <source>Urgent SMS go out during quiet hours</source>
        <translation>SMS za dharura zinatumwa hata saa za utulivu</translation>
    </message>
    <message>
        <source>A support line of your own, shown in Help</source>
        <translation>Nambari yako maalum ya msaada, inayoonyeshwa kwenye Msaada</translation>
    </message>
    <message>
        <source>Charts, reports and insights</source>
        <translation>Chati, ripoti na uchambuzi</translation>
    </message>
</context>
<context>
    <name>ForegroundDispatch</name>
    <message>
        <source>Campaign %1 paused: %2</source>
        <translation>Kampeni %1 imesitishwa: %2</translation>
    </message>
    <message>
        <source>The messages wait in the queue. Run “kengele-cli campaign run” when the connection is back.</source>
        <translation>Ujumbe unasubiri kwenye foleni. Endesha “kengele-cli campaign run” mtandao ukirudi.</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) still wait for another try, the next at %1. Run “kengele-cli campaign run” then to send them.</source>
        <translation>
            <numerusform>Ujumbe %n bado unasubiri kujaribiwa tena, jaribio linalofuata saa %1. Endesha “kengele-cli campaign run” wakati huo ili kuutuma.</numerusform>
            <numerusform>Jumbe %n bado zinasubiri kujaribiwa tena, jaribio linalofuata saa %1. Endesha “kengele-cli campaign run” wakati huo ili kuzituma.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n message(s) wait for another try: the gateway did not take them. The next try is at %1.</source>
        <translation>
            <numerusform>Ujumbe %n unasubiri kujaribiwa tena: lango halikuupokea. Jaribio linalofuata ni saa %1.</numerusform>
            <numerusform>Jumbe %n zinasubiri kujaribiwa tena: lango halikuzipokea. Jaribio linalofuata ni saa %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>ForgottenOptOuts</name>
    <message>
        <source>Checking numbers that asked not to receive messages</source>
        <translation>Kukagua nambari zilizoomba zisipokee ujumbe</translation>
    </message>
    <message>
        <source>%1 asked not to receive messages from us, and the person was later forgotten at their request: this number cannot be added or sent to again.</source>
        <translation>%1 aliomba asipokee ujumbe kutoka kwetu, na baadaye mtu huyo alisahauliwa kwa ombi lake: nambari hii haiwezi kuongezwa wala kutumiwa ujumbe tena.</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain is not available here.</source>
        <translation>Hifadhi ya manenosiri (keychain) ya kompyuta hii haipatikani hapa.</translation>
    </message>
    <message>
        <source>The keychain holds a damaged key for this data folder.</source>
        <translation>Hifadhi ya manenosiri (keychain) ina ufunguo ulioharibika wa folda hii ya data.</translation>
    </message>
    <message>
        <source>This computer&apos;s keychain holds another key than the one this data folder&apos;s blocked numbers were kept with (a backup restored on another computer?). Bring the key over, or ask for help.</source>
        <translation>Hifadhi ya manenosiri (keychain) ya kompyuta hii ina ufunguo tofauti na ule uliotumika kuhifadhi nambari zilizozuiwa za folda hii ya data (labda nakala rudufu ilirejeshwa kwenye kompyuta nyingine?). Leta ufunguo huo, au omba msaada.</translation>
    </message>
    <message>
        <source>Some numbers that asked not to receive messages are kept only in protected form, and checking them needs this computer&apos;s keychain: %1</source>
        <translation>Baadhi ya nambari zilizoomba zisipokee ujumbe zimehifadhiwa kwa njia iliyolindwa tu, na kuzikagua kunahitaji hifadhi ya manenosiri (keychain) ya kompyuta hii: %1</translation>
    </message>
</context>
<context>
    <name>GatewayCommand</name>
    <message>
        <source>Choose --provider simulator or --provider africastalking.</source>
        <translation>Chagua --provider simulator au --provider africastalking.</translation>
    </message>
    <message>
        <source>Choose --environment live or --environment sandbox.</source>
        <translation>Chagua --environment live au --environment sandbox.</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Write it like https://api.africastalking.com</source>
        <translation>“%1” si anwani ya wavuti. Iandike kama https://api.africastalking.com</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Paste the relay&apos;s at_delivery hook address that `kengele-relay org create` printed.</source>
        <translation>“%1” si anwani ya wavuti. Bandika anwani ya hook ya at_delivery ya relay ambayo `kengele-relay org create` ilichapisha.</translation>
    </message>
    <message>
        <source>--report-url is for the simulator: Africa&apos;s Talking sends its reports to the address set in its dashboard.</source>
        <translation>--report-url ni kwa ajili ya kiigaji: Africa&apos;s Talking hutuma ripoti zake kwenye anwani iliyowekwa kwenye dashibodi yake.</translation>
    </message>
    <message>
        <source>--api-key-stdin reads the API key from standard input, but it was empty.</source>
        <translation>--api-key-stdin husoma ufunguo wa API kutoka standard input, lakini ilikuwa tupu.</translation>
    </message>
    <message>
        <source>Messages now go to the simulator: no SMS leaves this computer.</source>
        <translation>Ujumbe sasa unakwenda kwenye kiigaji: hakuna SMS inayotoka kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>Messages now go to Africa&apos;s Talking (%1).</source>
        <translation>Ujumbe sasa unakwenda Africa&apos;s Talking (%1).</translation>
    </message>
    <message>
        <source>%1: balance %2</source>
        <translation>%1: salio %2</translation>
    </message>
    <message>
        <source>Use one of: gateway set --provider simulator|africastalking ..., gateway balance.</source>
        <translation>Tumia mojawapo ya: gateway set --provider simulator|africastalking ..., gateway balance.</translation>
    </message>
</context>
<context>
    <name>GatewaySetup</name>
    <message>
        <source>There is no Africa&apos;s Talking API key on this computer. Enter it in Settings → SMS gateway, then resume the campaign.</source>
        <translation>Hakuna ufunguo wa API wa Africa&apos;s Talking kwenye kompyuta hii. Uweke katika Mipangilio → Lango la SMS, kisha uendeleze kampeni.</translation>
    </message>
</context>
<context>
    <name>GroupsCommand</name>
    <message>
        <source>“groups list” takes no more words.</source>
        <translation>“groups list” haichukui maneno mengine.</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s)</source>
        <translation>
            <numerusform>mwanachama %n</numerusform>
            <numerusform>wanachama %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the group&apos;s name in quotes: groups create &quot;Women&apos;s Fellowship&quot;</source>
        <translation>Andika jina la kikundi ndani ya alama za nukuu: groups create &quot;Umoja wa Wanawake&quot;</translation>
    </message>
    <message>
        <source>Created the group “%1”.</source>
        <translation>Kikundi “%1” kimeundwa.</translation>
    </message>
    <message>
        <source>Give a group and at least one phone number: groups %1 NAME PHONE...</source>
        <translation>Taja kikundi na angalau nambari moja ya simu: groups %1 NAME PHONE...</translation>
    </message>
    <message>
        <source>Nothing was changed.</source>
        <translation>Hakuna kilichobadilishwa.</translation>
    </message>
    <message numerus="yes">
        <source>Added %n contact(s) to “%1”.</source>
        <translation>
            <numerusform>Mwasiliani %n ameongezwa kwenye “%1”.</numerusform>
            <numerusform>Waasiliani %n wameongezwa kwenye “%1”.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Removed %n contact(s) from “%1”.</source>
        <translation>
            <numerusform>Mwasiliani %n ameondolewa kwenye “%1”.</numerusform>
            <numerusform>Waasiliani %n wameondolewa kwenye “%1”.</numerusform>
        </translation>
    </message>
    <message>
        <source>Use one of: groups list, groups create NAME, groups add NAME PHONE..., groups remove NAME PHONE...</source>
        <translation>Tumia mojawapo ya: groups list, groups create NAME, groups add NAME PHONE..., groups remove NAME PHONE...</translation>
    </message>
</context>
<context>
    <name>ImportPreview</name>
    <message>
        <source>Column %1</source>
        <translation>Safuwima %1</translation>
    </message>
</context>
<context>
    <name>InboxCommand</name>
    <message>
        <source>Use: inbox list [--unread] [--search TEXT]</source>
        <translation>Tumia: inbox list [--unread] [--search TEXT]</translation>
    </message>
    <message>
        <source>  [opted out]</source>
        <translation>  [amejiondoa]</translation>
    </message>
    <message>
        <source>  [prayer request]</source>
        <translation>  [mahitaji ya maombi]</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>ujumbe %n</numerusform>
            <numerusform>jumbe %n</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>InboxText</name>
    <message>
        <source>Opted out</source>
        <extracomment>An incoming SMS that asked for no more SMS (STOP, ACHA...): the number is now opted out</extracomment>
        <translation>Amejiondoa</translation>
    </message>
    <message>
        <source>Prayer request</source>
        <extracomment>An incoming SMS that starts with PRAY or OMBI</extracomment>
        <translation>Mahitaji ya maombi</translation>
    </message>
    <message>
        <source>Message</source>
        <extracomment>An ordinary incoming SMS</extracomment>
        <translation>Ujumbe</translation>
    </message>
    <message>
        <source>The message starts with PRAY or OMBI. Kengele keeps it as a prayer request for the prayer board.</source>
        <translation>Ujumbe unaanza na PRAY au OMBI. Kengele inauhifadhi kama mahitaji ya maombi kwa ubao wa maombi.</translation>
    </message>
    <message>
        <source>An ordinary message to your number.</source>
        <translation>Ujumbe wa kawaida uliotumwa kwa nambari yako.</translation>
    </message>
    <message>
        <source>The sender asked for no more SMS (STOP, UNSUBSCRIBE or ACHA), so Kengele marked the number as opted out at once: no SMS goes to it from now on.</source>
        <translation>Mtumaji ameomba asitumiwe SMS tena (STOP, UNSUBSCRIBE au ACHA), kwa hiyo Kengele ilimweka mara moja kama amejiondoa: kuanzia sasa hakuna SMS itakayotumwa kwa nambari hii.</translation>
    </message>
</context>
<context>
    <name>JoinApprover</name>
    <message>
        <source>This request to join was already answered.</source>
        <translation>Ombi hili la kujiunga lilikwisha kujibiwa.</translation>
    </message>
    <message>
        <source>This computer does not hold its own keys.</source>
        <translation>Kompyuta hii haina funguo zake yenyewe.</translation>
    </message>
    <message>
        <source>The request to join is damaged.</source>
        <translation>Ombi la kujiunga limeharibika.</translation>
    </message>
    <message>
        <source>The request to join is for another congregation.</source>
        <translation>Ombi la kujiunga ni la kanisa lingine.</translation>
    </message>
    <message>
        <source>The request to join did not come from the computer it names.</source>
        <translation>Ombi la kujiunga halikutoka kwa kompyuta linayoitaja.</translation>
    </message>
    <message>
        <source>This request to join was answered by another computer.</source>
        <translation>Ombi hili la kujiunga lilijibiwa na kompyuta nyingine.</translation>
    </message>
    <message>
        <source>Keys came from the new computer that were not asked for.</source>
        <translation>Funguo zimefika kutoka kwa kompyuta mpya bila kuombwa.</translation>
    </message>
    <message>
        <source>The new computer&apos;s keys are damaged.</source>
        <translation>Funguo za kompyuta mpya zimeharibika.</translation>
    </message>
    <message>
        <source>The new computer&apos;s keys are not the ones it promised. Someone may be interfering: do not approve it, and start again.</source>
        <translation>Funguo za kompyuta mpya si zile ilizoahidi. Huenda mtu anaingilia kati: usiiidhinishe, na uanze upya.</translation>
    </message>
    <message>
        <source>The new computer can only be approved once the safety codes are shown.</source>
        <translation>Kompyuta mpya inaweza kuidhinishwa tu baada ya misimbo ya usalama kuonyeshwa.</translation>
    </message>
</context>
<context>
    <name>JoinChoices</name>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>mwasiliani %n</numerusform>
            <numerusform>waasiliani %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>kikundi %n</numerusform>
            <numerusform>vikundi %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n template(s)</source>
        <translation>
            <numerusform>kiolezo %n</numerusform>
            <numerusform>violezo %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n number(s) that asked for no more messages</source>
        <translation>
            <numerusform>nambari %n iliyoomba isitumiwe ujumbe tena</numerusform>
            <numerusform>nambari %n zilizoomba zisitumiwe ujumbe tena</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 na %2</translation>
    </message>
    <message>
        <source>Reading this computer&apos;s data failed.</source>
        <translation>Kusoma data ya kompyuta hii kumeshindikana.</translation>
    </message>
    <message>
        <source>Keeping the choice for this computer&apos;s data</source>
        <translation>Kuhifadhi chaguo la data ya kompyuta hii</translation>
    </message>
    <message>
        <source>Setting this computer&apos;s data aside failed.</source>
        <translation>Kuweka kando data ya kompyuta hii kumeshindikana.</translation>
    </message>
    <message>
        <source>Setting this computer&apos;s data aside failed; nothing was changed.</source>
        <translation>Kuweka kando data ya kompyuta hii kumeshindikana; hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>This computer&apos;s own data is kept in an encrypted backup before it starts from the church&apos;s data, and a backup needs a passphrase. Nothing was changed.</source>
        <translation>Data ya kompyuta hii yenyewe huhifadhiwa kwenye nakala rudufu iliyosimbwa fiche kabla haijaanza na data ya kanisa, na nakala rudufu inahitaji kaulisiri. Hakuna kilichobadilishwa.</translation>
    </message>
    <message numerus="yes">
        <source>%n staff account(s)</source>
        <translation>
            <numerusform>akaunti %n ya mfanyakazi</numerusform>
            <numerusform>akaunti %n za wafanyakazi</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>JoinNewcomer</name>
    <message>
        <source>This request to join was already sent. Start again.</source>
        <translation>Ombi hili la kujiunga lilikwisha kutumwa. Anza upya.</translation>
    </message>
    <message>
        <source>This computer is not connected to the relay yet.</source>
        <translation>Kompyuta hii bado haijaunganishwa na relay.</translation>
    </message>
    <message>
        <source>An answer came that this computer did not ask for. Start again.</source>
        <translation>Jibu limefika ambalo kompyuta hii haikuliomba. Anza upya.</translation>
    </message>
    <message>
        <source>The answer from the other computer is damaged. Start again.</source>
        <translation>Jibu kutoka kompyuta nyingine limeharibika. Anza upya.</translation>
    </message>
    <message>
        <source>The answer from the other computer is for another request. Start again.</source>
        <translation>Jibu kutoka kompyuta nyingine ni la ombi lingine. Anza upya.</translation>
    </message>
    <message>
        <source>The join kept from before is not this computer&apos;s. Start again.</source>
        <translation>Ombi la kujiunga lililohifadhiwa awali si la kompyuta hii. Anza upya.</translation>
    </message>
    <message>
        <source>The join kept from before is damaged. Start again.</source>
        <translation>Ombi la kujiunga lililohifadhiwa awali limeharibika. Anza upya.</translation>
    </message>
    <message>
        <source>Keys came that this computer did not ask for. Start again.</source>
        <translation>Funguo zimefika ambazo kompyuta hii haikuziomba. Anza upya.</translation>
    </message>
</context>
<context>
    <name>KeyGrant</name>
    <message>
        <source>This computer does not hold the congregation&apos;s shared key.</source>
        <translation>Kompyuta hii haina ufunguo wa pamoja wa kanisa.</translation>
    </message>
    <message>
        <source>The computer to give the key to is not known well enough.</source>
        <translation>Kompyuta inayopaswa kupewa ufunguo haijulikani vya kutosha.</translation>
    </message>
    <message>
        <source>The list of the congregation&apos;s computers is incomplete.</source>
        <translation>Orodha ya kompyuta za kanisa haijakamilika.</translation>
    </message>
    <message>
        <source>The key sent by another computer is damaged.</source>
        <translation>Ufunguo uliotumwa na kompyuta nyingine umeharibika.</translation>
    </message>
    <message>
        <source>The key sent by another computer was not meant for this computer.</source>
        <translation>Ufunguo uliotumwa na kompyuta nyingine haukukusudiwa kompyuta hii.</translation>
    </message>
    <message>
        <source>The key sent was not signed by the computer that approved this one. It was not used.</source>
        <translation>Ufunguo uliotumwa haukusainiwa na kompyuta iliyoidhinisha kompyuta hii. Haukutumika.</translation>
    </message>
    <message>
        <source>The key sent by another computer could not be unlocked on this computer.</source>
        <translation>Ufunguo uliotumwa na kompyuta nyingine haukuweza kufunguliwa kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>This computer does not hold the congregation&apos;s new key.</source>
        <translation>Kompyuta hii haina ufunguo mpya wa kanisa.</translation>
    </message>
    <message>
        <source>A new key was sent by a computer that is not approved. It was not used.</source>
        <translation>Ufunguo mpya ulitumwa na kompyuta ambayo haijaidhinishwa. Haukutumika.</translation>
    </message>
</context>
<context>
    <name>KeychainSecretStore</name>
    <message>
        <source>No saved password or key was found.</source>
        <translation>Hakuna nenosiri wala ufunguo uliohifadhiwa.</translation>
    </message>
    <message>
        <source>The computer&apos;s password store (keychain) could not be used: %1</source>
        <translation>Hifadhi ya manenosiri ya kompyuta (keychain) haikuweza kutumika: %1</translation>
    </message>
</context>
<context>
    <name>LedgerReplay</name>
    <message>
        <source>Recounting the token lots</source>
        <translation>Kuhesabu upya mafungu ya tokeni</translation>
    </message>
</context>
<context>
    <name>LedgerStore</name>
    <message>
        <source>Reading the token balances</source>
        <translation>Kusoma salio za tokeni</translation>
    </message>
    <message>
        <source>Recording the tokens</source>
        <translation>Kurekodi tokeni</translation>
    </message>
    <message>
        <source>This token account does not exist.</source>
        <translation>Akaunti hii ya tokeni haipo.</translation>
    </message>
    <message>
        <source>Choose a token account.</source>
        <translation>Chagua akaunti ya tokeni.</translation>
    </message>
    <message>
        <source>There is no token account called “%1”.</source>
        <translation>Hakuna akaunti ya tokeni inayoitwa “%1”.</translation>
    </message>
    <message>
        <source>“%1” is one of the ledger&apos;s own accounts. Choose a budget account such as Main.</source>
        <translation>“%1” ni mojawapo ya akaunti za daftari lenyewe. Chagua akaunti ya bajeti kama Main.</translation>
    </message>
    <message>
        <source>The token ledger in this data file is incomplete. Restore the data file from a backup.</source>
        <translation>Daftari la tokeni katika faili hii ya data halijakamilika. Rejesha faili ya data kutoka nakala rudufu.</translation>
    </message>
    <message>
        <source>Creating the token account</source>
        <translation>Kuunda akaunti ya tokeni</translation>
    </message>
    <message>
        <source>This token transfer does not exist.</source>
        <translation>Uhamisho huu wa tokeni haupo.</translation>
    </message>
    <message>
        <source>Renaming the token account</source>
        <translation>Kubadilisha jina la akaunti ya tokeni</translation>
    </message>
    <message>
        <source>Saving the warning level</source>
        <translation>Kuhifadhi kiwango cha tahadhari</translation>
    </message>
</context>
<context>
    <name>LedgerVerifier</name>
    <message>
        <source>Reading the token balances</source>
        <translation>Kusoma salio za tokeni</translation>
    </message>
    <message>
        <source>Entry %1 belongs to transfer %2, which does not exist.</source>
        <translation>Ingizo %1 ni la uhamisho %2, ambao haupo.</translation>
    </message>
    <message>
        <source>Transfer %1 does not balance: its entries add up to %L2 instead of 0.</source>
        <translation>Uhamisho %1 haulingani: maingizo yake yanajumlisha %L2 badala ya 0.</translation>
    </message>
    <message>
        <source>Transfer %1 (%2) moves tokens between accounts that this kind of transfer may not touch.</source>
        <translation>Uhamisho %1 (%2) unahamisha tokeni kati ya akaunti ambazo aina hii ya uhamisho hairuhusiwi kugusa.</translation>
    </message>
    <message>
        <source>Campaign %1 moved tokens to or from the %2 account although it reserved them from %3 (transfer %4).</source>
        <translation>Kampeni %1 ilihamisha tokeni kwenda au kutoka akaunti ya %2 ingawa ilizitenga kutoka %3 (uhamisho %4).</translation>
    </message>
    <message>
        <source>no account</source>
        <translation>hakuna akaunti</translation>
    </message>
    <message>
        <source>The %1 account went below zero (%2) with transfer %3.</source>
        <translation>Akaunti ya %1 ilishuka chini ya sifuri (%2) kwa uhamisho %3.</translation>
    </message>
    <message>
        <source>Campaign %1 used or gave back more tokens than it had set aside (%L2) with transfer %3.</source>
        <translation>Kampeni %1 ilitumia au kurudisha tokeni zaidi ya ilizotenga (%L2) kwa uhamisho %3.</translation>
    </message>
    <message>
        <source>Transfer %1 has no entries.</source>
        <translation>Uhamisho %1 hauna maingizo.</translation>
    </message>
    <message>
        <source>Voucher “%1” was credited %2 times.</source>
        <translation>Vocha “%1” iliwekwa mara %2.</translation>
    </message>
    <message>
        <source>Entry %1 is divided among token lots, but there is no such entry.</source>
        <translation>Ingizo %1 limegawanywa kati ya mafungu ya tokeni, lakini ingizo hilo halipo.</translation>
    </message>
    <message>
        <source>Entry %1 of transfer %2 moves %L3 tokens of the %4 account, but its token lots add up to %L5.</source>
        <translation>Ingizo %1 la uhamisho %2 linahamisha tokeni %L3 za akaunti ya %4, lakini mafungu yake ya tokeni yanajumlisha %L5.</translation>
    </message>
    <message>
        <source>The %1 account gave away more of token lot %2 than it had (%3) with transfer %4.</source>
        <translation>Akaunti ya %1 ilitoa tokeni za fungu %2 zaidi ya ilizokuwa nazo (%3) kwa uhamisho %4.</translation>
    </message>
    <message>
        <source>Campaign %1 gave back more of token lot %2 than it had set aside from it (transfer %3).</source>
        <translation>Kampeni %1 ilirudisha tokeni za fungu %2 zaidi ya ilizotenga kutoka humo (uhamisho %3).</translation>
    </message>
    <message>
        <source>The %1 account holds %2 tokens of lot %3 by its entries, but %4 by the lots&apos; summary.</source>
        <translation>Kwa mujibu wa maingizo yake, akaunti ya %1 ina tokeni %2 za fungu %3, lakini kwa mujibu wa muhtasari wa mafungu ina %4.</translation>
    </message>
    <message>
        <source>The %1 account spent %2 tokens in the hour from %3 by its entries, but %4 by the spending summary.</source>
        <translation>Kwa mujibu wa maingizo yake, akaunti ya %1 ilitumia tokeni %2 katika saa moja kuanzia %3, lakini kwa mujibu wa muhtasari wa matumizi ilitumia %4.</translation>
    </message>
</context>
<context>
    <name>LotBook</name>
    <message>
        <source>Reading the token balances</source>
        <translation>Kusoma salio za tokeni</translation>
    </message>
    <message>
        <source>Recording the tokens</source>
        <translation>Kurekodi tokeni</translation>
    </message>
    <message>
        <source>The token lots of this account do not add up to its balance. Run the ledger check or restore the data file from a backup.</source>
        <translation>Mafungu ya tokeni ya akaunti hii hayalingani na salio lake. Endesha ukaguzi wa daftari au rudisha faili la data kutoka nakala ya akiba.</translation>
    </message>
</context>
<context>
    <name>OrgKeyRing</name>
    <message>
        <source>The congregation&apos;s shared keys are damaged.</source>
        <translation>Funguo za pamoja za kanisa zimeharibika.</translation>
    </message>
    <message>
        <source>Two computers changed the congregation&apos;s shared key at the same time. Remove and approve one of them again.</source>
        <translation>Kompyuta mbili zilibadilisha ufunguo wa pamoja wa kanisa kwa wakati mmoja. Ondoa mojawapo kisha uiidhinishe tena.</translation>
    </message>
</context>
<context>
    <name>OrgSettingsStore</name>
    <message>
        <source>Reading the church&apos;s settings</source>
        <translation>Kusoma mipangilio ya kanisa</translation>
    </message>
    <message>
        <source>Saving the church&apos;s settings</source>
        <translation>Kuhifadhi mipangilio ya kanisa</translation>
    </message>
    <message>
        <source>Sharing this computer&apos;s settings</source>
        <translation>Kushiriki mipangilio ya kompyuta hii</translation>
    </message>
    <message>
        <source>Sharing this computer&apos;s settings failed. Nothing was changed.</source>
        <translation>Kushiriki mipangilio ya kompyuta hii kumeshindikana. Hakuna kilichobadilishwa.</translation>
    </message>
</context>
<context>
    <name>OutboxStore</name>
    <message>
        <source>Kengele stopped while this message was being sent, so it may or may not have gone out. It is not sent again unless you choose to.</source>
        <translation>Kengele ilisimama ujumbe huu ulipokuwa ukitumwa, kwa hiyo huenda umetumwa au haujatumwa. Hautatumwa tena isipokuwa ukichagua hivyo.</translation>
    </message>
    <message>
        <source>Checking interrupted messages</source>
        <translation>Kukagua ujumbe uliokatizwa</translation>
    </message>
    <message>
        <source>Reading the outbox</source>
        <translation>Kusoma sanduku la ujumbe unaotoka</translation>
    </message>
    <message>
        <source>Marking messages as being sent</source>
        <translation>Kuweka alama kwamba ujumbe unatumwa</translation>
    </message>
    <message>
        <source>The person opted out of messages</source>
        <translation>Mtu huyu amejiondoa kwenye ujumbe</translation>
    </message>
    <message>
        <source>Cancelling opted-out messages</source>
        <translation>Kughairi ujumbe wa waliojiondoa</translation>
    </message>
    <message>
        <source>Opted out before sending</source>
        <translation>Alijiondoa kabla ya kutuma</translation>
    </message>
    <message>
        <source>Marking the campaign as sending</source>
        <translation>Kuweka alama kwamba kampeni inatuma</translation>
    </message>
    <message>
        <source>Recording what was sent</source>
        <translation>Kurekodi kilichotumwa</translation>
    </message>
    <message>
        <source>Could not be sent</source>
        <translation>Haukuweza kutumwa</translation>
    </message>
    <message>
        <source>Reading campaigns</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>Finishing the campaign</source>
        <translation>Kukamilisha kampeni</translation>
    </message>
    <message>
        <source>Queuing failed messages again</source>
        <translation>Kuweka tena kwenye foleni ujumbe ulioshindikana</translation>
    </message>
    <message>
        <source>Cancelling the campaign</source>
        <translation>Kughairi kampeni</translation>
    </message>
    <message>
        <source>Cancelled before sending</source>
        <translation>Ulighairiwa kabla ya kutuma</translation>
    </message>
    <message>
        <source>Campaign cancelled</source>
        <translation>Kampeni imeghairiwa</translation>
    </message>
    <message>
        <source>Pausing the campaign</source>
        <translation>Kusitisha kampeni kwa muda</translation>
    </message>
    <message>
        <source>Resuming the campaign</source>
        <translation>Kuendeleza kampeni</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>Queuing the messages with no report yet again</source>
        <translation>Kuweka tena kwenye foleni jumbe ambazo bado hazina ripoti</translation>
    </message>
</context>
<context>
    <name>OutboxWriter</name>
    <message>
        <source>Queuing the campaign</source>
        <translation>Kuweka kampeni kwenye foleni</translation>
    </message>
</context>
<context>
    <name>Passwords</name>
    <message>
        <source>The password needs at least %1 characters; a short sentence is easy to remember.</source>
        <translation>Nenosiri linahitaji angalau herufi %1; sentensi fupi ni rahisi kukumbuka.</translation>
    </message>
    <message>
        <source>This is one of the passwords people use most, so it is guessed first. Choose another.</source>
        <translation>Hili ni mojawapo ya manenosiri yanayotumiwa na watu wengi zaidi, kwa hiyo hukisiwa kwanza. Chagua jingine.</translation>
    </message>
    <message>
        <source>The password must not contain the user name.</source>
        <translation>Nenosiri lisiwe na jina la mtumiaji ndani yake.</translation>
    </message>
    <message>
        <source>A password of one character repeated is guessed at once. Choose another.</source>
        <translation>Nenosiri la herufi moja inayorudiwa hukisiwa mara moja. Chagua jingine.</translation>
    </message>
    <message>
        <source>Kengele&apos;s encryption library could not start.</source>
        <translation>Maktaba ya usimbaji fiche ya Kengele haikuweza kuanza.</translation>
    </message>
    <message>
        <source>There was not enough memory to protect the password.</source>
        <translation>Kompyuta haikuwa na kumbukumbu (memory) ya kutosha kulinda nenosiri.</translation>
    </message>
</context>
<context>
    <name>PastoralNotes</name>
    <message>
        <source>Pastoral notes need this computer&apos;s keychain, and Kengele has no access to it here.</source>
        <translation>Maelezo ya kichungaji yanahitaji hifadhi ya manenosiri (keychain) ya kompyuta hii, na Kengele haina ruhusa ya kuitumia hapa.</translation>
    </message>
    <message>
        <source>Reading the pastoral notes</source>
        <translation>Kusoma maelezo ya kichungaji</translation>
    </message>
    <message>
        <source>Pastoral notes can have at most %1 characters.</source>
        <translation>Maelezo ya kichungaji yanaweza kuwa na herufi zisizozidi %1.</translation>
    </message>
    <message>
        <source>Saving the pastoral notes</source>
        <translation>Kuhifadhi maelezo ya kichungaji</translation>
    </message>
    <message>
        <source>This contact no longer exists; someone may have deleted it.</source>
        <translation>Mwasiliani huyu hayupo tena; huenda mtu amemfuta.</translation>
    </message>
    <message>
        <source>Searching the pastoral notes</source>
        <translation>Kutafuta katika maelezo ya kichungaji</translation>
    </message>
</context>
<context>
    <name>PendingRestore</name>
    <message>
        <source>This backup was restored already.</source>
        <translation>Nakala rudufu hii ilikwisha rejeshwa.</translation>
    </message>
    <message>
        <source>Kengele&apos;s data is still open in another window or program on this computer. Close Kengele everywhere else and try again. Nothing was changed.</source>
        <translation>Data ya Kengele bado iko wazi katika dirisha au programu nyingine kwenye kompyuta hii. Funga Kengele kila mahali pengine kisha ujaribu tena. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The data as it is now could not be kept aside (is the disk full?). Nothing was changed.</source>
        <translation>Data ya sasa haikuweza kuwekwa kando (je, diski imejaa?). Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The backup could not be put in place. Nothing was changed.</source>
        <translation>Nakala rudufu haikuweza kuwekwa mahali pake. Hakuna kilichobadilishwa.</translation>
    </message>
</context>
<context>
    <name>Period</name>
    <message>
        <source>The period starts after it ends: %1.</source>
        <translation>Kipindi kinaanza baada ya mwisho wake: %1.</translation>
    </message>
    <message>
        <source>“%1” is not a period. Use this-month, last-3-months, last-12-months or FROM..TO with dates as YYYY-MM-DD.</source>
        <translation>“%1” si kipindi. Tumia this-month, last-3-months, last-12-months au FROM..TO, na tarehe kama YYYY-MM-DD.</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 – %2</translation>
    </message>
</context>
<context>
    <name>PersonRecord</name>
    <message>
        <source>Gathering what Kengele holds</source>
        <translation>Kukusanya kile Kengele inachohifadhi</translation>
    </message>
</context>
<context>
    <name>PhoneNormalizer</name>
    <message>
        <source>There is no phone number.</source>
        <translation>Hakuna nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” starts with a country code that does not exist. Check the first digits.</source>
        <translation>“%1” inaanza na msimbo wa nchi usiokuwepo. Kagua tarakimu za mwanzo.</translation>
    </message>
    <message>
        <source>“%1” is too short to be a phone number.</source>
        <translation>“%1” ni fupi mno kuwa nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” is too long to be a phone number.</source>
        <translation>“%1” ni ndefu mno kuwa nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” is not a phone number.</source>
        <translation>“%1” si nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” has too few digits to be a phone number.</source>
        <translation>“%1” ina tarakimu chache mno kuwa nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” has too many digits to be a phone number.</source>
        <translation>“%1” ina tarakimu nyingi mno kuwa nambari ya simu.</translation>
    </message>
    <message>
        <source>“%1” is not a valid phone number in %2. Check the digits.</source>
        <translation>“%1” si nambari sahihi ya simu ya %2. Kagua tarakimu.</translation>
    </message>
</context>
<context>
    <name>Profile</name>
    <message>
        <source>No data folder was given.</source>
        <translation>Hakuna folda ya data iliyotolewa.</translation>
    </message>
    <message>
        <source>%1 is a file, not a folder. Choose a folder for Kengele&apos;s data.</source>
        <translation>%1 ni faili, si folda. Chagua folda ya kuhifadhi data ya Kengele.</translation>
    </message>
    <message>
        <source>Kengele cannot create its data folder %1. Choose a folder you are allowed to change.</source>
        <translation>Kengele haiwezi kuunda folda yake ya data %1. Chagua folda unayoruhusiwa kubadilisha.</translation>
    </message>
</context>
<context>
    <name>PurchaseStore</name>
    <message>
        <source>Saving the purchase</source>
        <translation>Kuhifadhi ununuzi</translation>
    </message>
    <message>
        <source>The relay&apos;s answer about this purchase could not be read.</source>
        <translation>Jibu la relay kuhusu ununuzi huu halikuweza kusomwa.</translation>
    </message>
    <message>
        <source>Reading the purchases</source>
        <translation>Kusoma manunuzi</translation>
    </message>
    <message>
        <source>Removing old purchase attempts</source>
        <translation>Kuondoa majaribio ya zamani ya kununua</translation>
    </message>
    <message>
        <source>The payment was cancelled on the phone.</source>
        <translation>Malipo yalighairiwa kwenye simu.</translation>
    </message>
    <message>
        <source>There was not enough money in M-Pesa.</source>
        <translation>Hapakuwa na pesa za kutosha kwenye M-Pesa.</translation>
    </message>
    <message>
        <source>The phone could not be reached. Is it switched on?</source>
        <translation>Simu haikuweza kufikiwa. Je, imewashwa?</translation>
    </message>
    <message>
        <source>The M-Pesa PIN was wrong.</source>
        <translation>PIN ya M-Pesa ilikuwa si sahihi.</translation>
    </message>
    <message>
        <source>The payment request expired before it was paid.</source>
        <translation>Ombi la malipo liliisha muda kabla ya kulipwa.</translation>
    </message>
    <message>
        <source>M-Pesa reported a different amount than the price, so no tokens were added. Ask whoever runs your relay.</source>
        <translation>M-Pesa iliripoti kiasi tofauti na bei, kwa hiyo hakuna tokeni zilizoongezwa. Uliza anayeendesha relay yako.</translation>
    </message>
    <message>
        <source>A payment is already waiting on this phone. Try again in a minute.</source>
        <translation>Tayari kuna malipo yanayosubiri kwenye simu hii. Jaribu tena baada ya dakika moja.</translation>
    </message>
    <message>
        <source>M-Pesa did not complete the payment (code %1).</source>
        <translation>M-Pesa haikukamilisha malipo (nambari %1).</translation>
    </message>
    <message>
        <source>Demo</source>
        <translation>Demo</translation>
    </message>
    <message>
        <source>Starter</source>
        <translation>Starter</translation>
    </message>
    <message>
        <source>Business</source>
        <translation>Business</translation>
    </message>
    <message>
        <source>Enterprise</source>
        <translation>Enterprise</translation>
    </message>
</context>
<context>
    <name>RecipientSnapshot</name>
    <message>
        <source>One of the chosen groups no longer exists.</source>
        <translation>Kimoja cha vikundi vilivyochaguliwa hakipo tena.</translation>
    </message>
    <message>
        <source>Reading the recipients</source>
        <translation>Kusoma wapokeaji</translation>
    </message>
    <message numerus="yes">
        <source>Nobody to send to: the chosen numbers (%n) cannot receive SMS (landlines and other numbers that are not mobile).</source>
        <translation>
            <numerusform>Hakuna wa kumtumia: nambari iliyochaguliwa (%n) haiwezi kupokea SMS (simu za mezani na nambari nyingine zisizo za rununu).</numerusform>
            <numerusform>Hakuna wa kumtumia: nambari zilizochaguliwa (%n) haziwezi kupokea SMS (simu za mezani na nambari nyingine zisizo za rununu).</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody to send to: of the people chosen, %1 opted out of messages and %2 have numbers that cannot receive SMS.</source>
        <translation>Hakuna wa kumtumia: kati ya watu waliochaguliwa, %1 wamejiondoa na %2 wana nambari zisizoweza kupokea SMS.</translation>
    </message>
    <message numerus="yes">
        <source>Nobody to send to: everyone chosen (%n person(s)) has opted out of messages.</source>
        <translation>
            <numerusform>Hakuna wa kumtumia: aliyechaguliwa (mtu %n) amejiondoa kwenye ujumbe.</numerusform>
            <numerusform>Hakuna wa kumtumia: wote waliochaguliwa (watu %n) wamejiondoa kwenye ujumbe.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody to send to: the chosen groups have no members.</source>
        <translation>Hakuna wa kumtumia: vikundi vilivyochaguliwa havina wanachama.</translation>
    </message>
    <message>
        <source>Nobody to send to: there are no contacts yet. Add or import them on the Contacts page.</source>
        <translation>Hakuna wa kumtumia: bado hakuna waasiliani. Waongeze au uwaingize kwenye ukurasa wa Waasiliani.</translation>
    </message>
</context>
<context>
    <name>Recurrence</name>
    <message>
        <source>once</source>
        <translation>mara moja</translation>
    </message>
    <message>
        <source>every day</source>
        <translation>kila siku</translation>
    </message>
    <message>
        <source>%1 and %2</source>
        <translation>%1 na %2</translation>
    </message>
    <message>
        <source>every week on %1</source>
        <translation>kila wiki siku ya %1</translation>
    </message>
    <message>
        <source>every month on day %1 (or the month&apos;s last day)</source>
        <translation>kila mwezi tarehe %1 (au siku ya mwisho ya mwezi)</translation>
    </message>
    <message>
        <source>every month on day %1</source>
        <translation>kila mwezi tarehe %1</translation>
    </message>
</context>
<context>
    <name>RecurringLauncher</name>
    <message>
        <source>Reading campaigns</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Recording a skipped message</source>
        <translation>Kuandika ujumbe uliorukwa</translation>
    </message>
    <message numerus="yes">
        <source>%1 and %n more</source>
        <translation>
            <numerusform>%1 na nyingine %n</numerusform>
            <numerusform>%1 na nyingine %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Not sent on %1: Kengele was not running at the time, and it was too late to send.</source>
        <translation>Haukutumwa tarehe %1: Kengele haikuwa inafanya kazi wakati huo, na ilikuwa imechelewa mno kutuma.</translation>
    </message>
    <message>
        <source>Sending a repeating message</source>
        <translation>Kutuma ujumbe unaojirudia</translation>
    </message>
    <message>
        <source>There is no time left to send now: the repeating message has ended, was paused or cancelled, or was just sent.</source>
        <translation>Hakuna mara iliyobaki ya kutuma sasa: ujumbe unaojirudia umekwisha, umesitishwa au umeghairiwa, au umetumwa hivi punde.</translation>
    </message>
</context>
<context>
    <name>RelayCommand</name>
    <message>
        <source>Use one of: relay connect URL --code CODE, relay sync [--once], relay status.</source>
        <translation>Tumia mojawapo ya: relay connect URL --code CODE, relay sync [--once], relay status.</translation>
    </message>
    <message>
        <source>Give the relay&apos;s address and the enrolment code: relay connect https://relay.example.org --code KGL-…</source>
        <translation>Toa anwani ya relay na msimbo wa usajili: relay connect https://relay.example.org --code KGL-…</translation>
    </message>
    <message>
        <source>Give the enrolment code your administrator gave you: --code KGL-…</source>
        <translation>Toa msimbo wa usajili uliopewa na msimamizi wako: --code KGL-…</translation>
    </message>
    <message>
        <source>This computer is now connected to the relay of “%1” (%2). Run “kengele-cli relay sync” to fetch delivery reports and incoming SMS.</source>
        <translation>Kompyuta hii sasa imeunganishwa na relay ya “%1” (%2). Endesha “kengele-cli relay sync” ili kuleta ripoti za ufikishaji na SMS zinazoingia.</translation>
    </message>
    <message numerus="yes">
        <source>Up to date: %n new event(s) saved</source>
        <translation>
            <numerusform>Imesasishwa: tukio jipya %n limehifadhiwa</numerusform>
            <numerusform>Imesasishwa: matukio mapya %n yamehifadhiwa</numerusform>
        </translation>
    </message>
    <message>
        <source>(%1 delivery reports, %2 messages, %3 opt-outs, %4 prayer requests).</source>
        <translation>(ripoti za ufikishaji %1, ujumbe %2, waliojiondoa %3, maombi ya kuombewa %4).</translation>
    </message>
    <message>
        <source>Next try at %1.</source>
        <translation>Jaribio linalofuata saa %1.</translation>
    </message>
    <message numerus="yes">
        <source>%n new event(s) saved.</source>
        <translation>
            <numerusform>Tukio jipya %n limehifadhiwa.</numerusform>
            <numerusform>Matukio mapya %n yamehifadhiwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Syncing with %1. Press Ctrl+C to stop.</source>
        <translation>Inasawazisha na %1. Bonyeza Ctrl+C kusimamisha.</translation>
    </message>
    <message>
        <source>Not connected to a relay. Connect with “kengele-cli relay connect URL --code CODE”.</source>
        <translation>Haijaunganishwa na relay. Unganisha kwa “kengele-cli relay connect URL --code CODE”.</translation>
    </message>
    <message>
        <source>This computer&apos;s relay key is missing from the system&apos;s password store. Connect it again with a new enrolment code.</source>
        <translation>Ufunguo wa relay wa kompyuta hii haupo kwenye hifadhi ya nywila ya mfumo. Iunganishe tena kwa msimbo mpya wa usajili.</translation>
    </message>
    <message>
        <source>Relay: %1 (%2)</source>
        <translation>Relay: %1 (%2)</translation>
    </message>
    <message>
        <source>Connected.</source>
        <translation>Imeunganishwa.</translation>
    </message>
    <message>
        <source>Last sync: %1 (up to event %2).</source>
        <translation>Usawazishaji wa mwisho: %1 (hadi tukio %2).</translation>
    </message>
    <message>
        <source>Never synchronised.</source>
        <translation>Haijawahi kusawazishwa.</translation>
    </message>
    <message>
        <source>Tokens added: %1.</source>
        <translation>Tokeni zilizoongezwa: %1.</translation>
    </message>
    <message>
        <source>Vouchers refused, their tokens not added: %1. Tell whoever runs your relay.</source>
        <translation>Vocha zilizokataliwa, tokeni zake hazikuongezwa: %1. Mwambie anayeendesha relay yenu.</translation>
    </message>
    <message>
        <source>The audit trail&apos;s head was not sent to the relay: %1</source>
        <translation>Kichwa cha kumbukumbu za ukaguzi hakikutumwa kwa relay: %1</translation>
    </message>
    <message>
        <source>This computer is waiting for another computer of the congregation to let it in (its id: %1).</source>
        <translation>Kompyuta hii inasubiri kompyuta nyingine ya kanisa iiruhusu kuingia (kitambulisho chake: %1).</translation>
    </message>
    <message>
        <source>Safety code: %1 — the other computer must show the same.</source>
        <translation>Msimbo wa usalama: %1 — kompyuta nyingine lazima ionyeshe msimbo uleule.</translation>
    </message>
    <message>
        <source>Changes were not shared with the other computers: %1</source>
        <translation>Mabadiliko hayakushirikiwa na kompyuta nyingine: %1</translation>
    </message>
    <message>
        <source>This computer was let in: it now shares the congregation&apos;s data.</source>
        <translation>Kompyuta hii imeruhusiwa kuingia: sasa inashiriki data ya kanisa.</translation>
    </message>
    <message>
        <source>This computer&apos;s own data is kept in the backup %1. Once another computer lets this one in, it is replaced by the church&apos;s data.</source>
        <translation>Data ya kompyuta hii yenyewe imehifadhiwa kwenye nakala rudufu %1. Kompyuta nyingine ikiidhinisha kompyuta hii, data hiyo itabadilishwa na data ya kanisa.</translation>
    </message>
    <message>
        <source>Choose one: --merge or --start-from-church-data.</source>
        <translation>Chagua moja: --merge au --start-from-church-data.</translation>
    </message>
    <message>
        <source>This computer was let in, and it holds %1 of its own. Choose what happens to them: “kengele-cli sync own-data merge” or “kengele-cli sync own-data start-from-church-data”.</source>
        <translation>Kompyuta hii imeidhinishwa, na ina data yake yenyewe: %1. Chagua kitakachofanyika kwa data hiyo: “kengele-cli sync own-data merge” au “kengele-cli sync own-data start-from-church-data”.</translation>
    </message>
</context>
<context>
    <name>RelayConnector</name>
    <message>
        <source>Type the enrolment code your administrator gave you (it looks like KGL-…).</source>
        <translation>Andika msimbo wa usajili uliopewa na msimamizi wako (unafanana na KGL-…).</translation>
    </message>
    <message>
        <source>Kengele cannot keep this computer&apos;s relay key in the system&apos;s password store. %1 The enrolment code was not used and still works: once the password store works (it may need to be unlocked), connect again.</source>
        <translation>Kengele haiwezi kuhifadhi ufunguo wa relay wa kompyuta hii kwenye hifadhi ya nywila ya mfumo. %1 Msimbo wa usajili haukutumika na bado unafanya kazi: hifadhi ya nywila ikishafanya kazi (huenda ikahitaji kufunguliwa), unganisha tena.</translation>
    </message>
    <message>
        <source>Kengele could not keep this computer&apos;s relay key in the system&apos;s password store. %1 The enrolment was undone on the relay, but the enrolment code has been used: once the password store works, ask your administrator for a new enrolment code.</source>
        <translation>Kengele haikuweza kuhifadhi ufunguo wa relay wa kompyuta hii kwenye hifadhi ya nywila ya mfumo. %1 Usajili umefutwa kwenye relay, lakini msimbo wa usajili umeshatumika: hifadhi ya nywila ikishafanya kazi, omba msimbo mpya wa usajili kwa msimamizi wako.</translation>
    </message>
    <message>
        <source>Kengele could not keep this computer&apos;s relay key in the system&apos;s password store. %1 The enrolment code has been used, and the relay still lists this computer as “%2” although it has no key. Ask your administrator to remove “%2” from the relay and to give you a new enrolment code.</source>
        <translation>Kengele haikuweza kuhifadhi ufunguo wa relay wa kompyuta hii kwenye hifadhi ya nywila ya mfumo. %1 Msimbo wa usajili umeshatumika, na relay bado inaorodhesha kompyuta hii kama “%2” ingawa haina ufunguo. Mwombe msimamizi wako aiondoe “%2” kwenye relay na akupe msimbo mpya wa usajili.</translation>
    </message>
</context>
<context>
    <name>RelayEventApplier</name>
    <message>
        <source>Saving what came from the relay</source>
        <translation>Kuhifadhi kilichotoka kwenye relay</translation>
    </message>
</context>
<context>
    <name>RelayLinkStore</name>
    <message>
        <source>Reading the link to the relay</source>
        <translation>Kusoma muunganisho na relay</translation>
    </message>
    <message>
        <source>Saving the link to the relay</source>
        <translation>Kuhifadhi muunganisho na relay</translation>
    </message>
    <message>
        <source>Saving what came from the relay</source>
        <translation>Kuhifadhi kilichotoka kwenye relay</translation>
    </message>
    <message>
        <source>This computer is not connected to that relay any more. Connect it again.</source>
        <translation>Kompyuta hii haijaunganishwa tena na relay hiyo. Iunganishe upya.</translation>
    </message>
    <message>
        <source>Saving the relay&apos;s voucher key</source>
        <translation>Kuhifadhi ufunguo wa vocha wa relay</translation>
    </message>
    <message>
        <source>Saving the relay&apos;s plans and prices</source>
        <translation>Kuhifadhi mipango na bei za relay</translation>
    </message>
</context>
<context>
    <name>RelayStatusText</name>
    <message>
        <source>%1 %2</source>
        <extracomment>A day and a clock time: &quot;3 Mar 09:14&quot;</extracomment>
        <translation>%1 %2</translation>
    </message>
    <message>
        <source>never</source>
        <translation>bado haijawahi</translation>
    </message>
    <message>
        <source>just now</source>
        <translation>sasa hivi</translation>
    </message>
    <message numerus="yes">
        <source>%n min ago</source>
        <translation>
            <numerusform>dakika %n zilizopita</numerusform>
            <numerusform>dakika %n zilizopita</numerusform>
        </translation>
    </message>
    <message>
        <source>at %1</source>
        <extracomment>When something happened longer than an hour ago: &quot;at 09:14&quot; or &quot;at 3 Mar 09:14&quot;</extracomment>
        <translation>saa %1</translation>
    </message>
    <message>
        <source>Relay: this computer must be connected again</source>
        <translation>Relay: kompyuta hii inahitaji kuunganishwa upya</translation>
    </message>
    <message>
        <source>Relay: not set up</source>
        <translation>Relay: haijawekwa</translation>
    </message>
    <message>
        <source>Relay: connected · last sync %1</source>
        <translation>Relay: imeunganishwa · mara ya mwisho %1</translation>
    </message>
    <message>
        <source>Relay: offline since %1</source>
        <translation>Relay: haipatikani tangu %1</translation>
    </message>
    <message>
        <source>trying again at %1</source>
        <translation>itajaribu tena saa %1</translation>
    </message>
    <message>
        <source>Relay: not connected</source>
        <translation>Relay: haijaunganishwa</translation>
    </message>
    <message>
        <source>Relay: connecting…</source>
        <translation>Relay: inaunganisha…</translation>
    </message>
    <message>
        <source>Last sync %1.</source>
        <translation>Usawazishaji wa mwisho: %1.</translation>
    </message>
    <message>
        <source>Reconnect…</source>
        <extracomment>A button beside &quot;this computer must be connected again&quot;: opens Settings → Relay</extracomment>
        <translation>Unganisha upya…</translation>
    </message>
    <message>
        <source>The relay receives replies and delivery reports for this computer, and passes them on when it is switched on.</source>
        <translation>Relay hupokea majibu na ripoti za ufikishaji kwa ajili ya kompyuta hii, kisha huzipitisha kwenye kompyuta hii inapowashwa.</translation>
    </message>
    <message>
        <source>Click to reconnect: ask your administrator for a new enrolment code and enter it in Settings → Relay.</source>
        <translation>Bofya ili kuunganisha upya: omba msimbo mpya wa usajili kwa msimamizi wako kisha uuweke katika Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>Click to connect in Settings → Relay.</source>
        <translation>Bofya ili kuunganisha katika Mipangilio → Relay.</translation>
    </message>
</context>
<context>
    <name>ReplicaApplier</name>
    <message>
        <source>Changes from another computer could not be saved: the data file is not open.</source>
        <translation>Mabadiliko kutoka kompyuta nyingine hayakuweza kuhifadhiwa: faili la data halijafunguliwa.</translation>
    </message>
    <message>
        <source>Saving changes from another computer</source>
        <translation>Kuhifadhi mabadiliko kutoka kompyuta nyingine</translation>
    </message>
    <message>
        <source>Changes from another computer could not be saved. Nothing was changed.</source>
        <translation>Mabadiliko kutoka kompyuta nyingine hayakuweza kuhifadhiwa. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>Changes from another computer could not be saved (%1). Nothing was changed.</source>
        <translation>Mabadiliko kutoka kompyuta nyingine hayakuweza kuhifadhiwa (%1). Hakuna kilichobadilishwa.</translation>
    </message>
</context>
<context>
    <name>ReportCommand</name>
    <message>
        <source>saved report</source>
        <translation>ripoti iliyohifadhiwa</translation>
    </message>
    <message>
        <source>The format is one of json, csv, xlsx or pdf (not &quot;%1&quot;).</source>
        <translation>Muundo ni mojawapo ya json, csv, xlsx au pdf (si &quot;%1&quot;).</translation>
    </message>
    <message>
        <source>Say where the file goes: --out FILE (for example --out report.%1).</source>
        <translation>Sema faili litaenda wapi: --out FILE (kwa mfano --out report.%1).</translation>
    </message>
    <message>
        <source>The paper is a4 or letter.</source>
        <translation>Karatasi ni a4 au letter.</translation>
    </message>
    <message>
        <source>The option --paper is for PDF only.</source>
        <translation>Chaguo --paper ni kwa PDF tu.</translation>
    </message>
    <message>
        <source>The campaign report needs the campaign&apos;s number: --campaign 12</source>
        <translation>Ripoti ya kampeni inahitaji nambari ya kampeni: --campaign 12</translation>
    </message>
    <message>
        <source>The option --campaign is for the campaign report only.</source>
        <translation>Chaguo --campaign ni kwa ripoti ya kampeni tu.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 haikuweza kuandikwa: %2</translation>
    </message>
    <message>
        <source>Written: %1</source>
        <translation>Imeandikwa: %1</translation>
    </message>
    <message>
        <source>Say how often: --every daily, weekly or monthly.</source>
        <translation>Sema mara ngapi: --every daily, weekly au monthly.</translation>
    </message>
    <message>
        <source>Write the time as HH:MM, e.g. --at 07:00</source>
        <translation>Andika saa kama HH:MM, kwa mfano --at 07:00</translation>
    </message>
    <message>
        <source>--on is for weekly (a day of the week) or monthly (a day of the month) reports.</source>
        <translation>--on ni kwa ripoti za kila wiki (siku ya wiki) au za kila mwezi (tarehe ya mwezi).</translation>
    </message>
    <message>
        <source>“%1” is not a day. Write the day like --on mon</source>
        <translation>“%1” si siku. Andika siku kama --on mon</translation>
    </message>
    <message>
        <source>Write the day of the month as a number from 1 to 31, e.g. --on 1</source>
        <translation>Andika tarehe ya mwezi kama nambari kutoka 1 hadi 31, kwa mfano --on 1</translation>
    </message>
    <message>
        <source>Say which folder: --to-folder DIR</source>
        <translation>Sema folda gani: --to-folder DIR</translation>
    </message>
    <message>
        <source>Say where the report goes: --to-folder DIR (a PDF), --sms-to GROUP (an SMS summary), or both.</source>
        <translation>Sema ripoti inakwenda wapi: --to-folder DIR (PDF), --sms-to GROUP (muhtasari kwa SMS), au vyote viwili.</translation>
    </message>
    <message>
        <source>Practice mode — no SMS leaves this computer.</source>
        <translation>Mazoezi — hakuna SMS inayotoka kwenye kompyuta hii.</translation>
    </message>
    <message numerus="yes">
        <source>Each time: %n recipient(s), </source>
        <translation>
            <numerusform>Kila mara: mpokeaji %n, </numerusform>
            <numerusform>Kila mara: wapokeaji %n, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), </source>
        <translation>
            <numerusform>sehemu %n ya SMS, </numerusform>
            <numerusform>sehemu %n za SMS, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s).</source>
        <translation>
            <numerusform>tokeni %n.</numerusform>
            <numerusform>tokeni %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>Scheduled report %1: %2, next on %3</source>
        <translation>Ripoti iliyopangwa %1: %2, inayofuata %3</translation>
    </message>
    <message>
        <source>Give the scheduled report&apos;s number, as report schedules shows it.</source>
        <translation>Taja nambari ya ripoti iliyopangwa, kama report schedules inavyoionyesha.</translation>
    </message>
    <message>
        <source>Scheduled report %1 removed.</source>
        <translation>Ripoti iliyopangwa %1 imeondolewa.</translation>
    </message>
    <message>
        <source>Scheduled report %1: %2</source>
        <translation>Ripoti iliyopangwa %1: %2</translation>
    </message>
    <message>
        <source>SMS summary: campaign %1</source>
        <translation>Muhtasari kwa SMS: kampeni %1</translation>
    </message>
    <message>
        <source>No scheduled report is due.</source>
        <translation>Hakuna ripoti iliyopangwa ambayo muda wake umefika.</translation>
    </message>
    <message>
        <source>Usage: report list | report run NAME [--period P] [--campaign ID] [--format json|csv|xlsx|pdf] [--out FILE] [--paper a4|letter] | report save NAME --measure M [--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]... | report delete NAME | report schedule NAME --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P] [--to-folder DIR] [--sms-to GROUP] [--account NAME] | report schedules | report unschedule ID | report run-due [--no-wait] [--rate PER_SECOND]</source>
        <translation>Matumizi: report list | report run NAME [--period P] [--campaign ID] [--format json|csv|xlsx|pdf] [--out FILE] [--paper a4|letter] | report save NAME --measure M [--group-by DIM[,DIM]] [--period P] [--filter DIM=VALUE]... | report delete NAME | report schedule NAME --every daily|weekly|monthly [--at HH:MM] [--on DAY] [--period P] [--to-folder DIR] [--sms-to GROUP] [--account NAME] | report schedules | report unschedule ID | report run-due [--no-wait] [--rate PER_SECOND]</translation>
    </message>
    <message>
        <source>Say what to count: --measure sent (docs/cli.md lists the measures and what each may be grouped by).</source>
        <translation>Sema cha kuhesabu: --measure sent (docs/cli.md inaorodhesha vipimo na jinsi kila kimoja kinavyoweza kupangwa).</translation>
    </message>
    <message>
        <source>Write a filter as DIMENSION=VALUE: --filter network=Airtel</source>
        <translation>Andika kichujio kama SIFA=THAMANI: --filter network=Airtel</translation>
    </message>
    <message>
        <source>Report “%1” saved: kengele-cli report run &quot;%1&quot; shows it.</source>
        <translation>Ripoti “%1” imehifadhiwa: kengele-cli report run &quot;%1&quot; inaionyesha.</translation>
    </message>
    <message>
        <source>Report “%1” deleted.</source>
        <translation>Ripoti “%1” imefutwa.</translation>
    </message>
</context>
<context>
    <name>ReportQuery</name>
    <message>
        <source>The report names no measure.</source>
        <translation>Ripoti haitaji kipimo chochote.</translation>
    </message>
</context>
<context>
    <name>ReportRegistry</name>
    <message>
        <source>Day</source>
        <translation>Siku</translation>
    </message>
    <message>
        <source>Week</source>
        <translation>Wiki</translation>
    </message>
    <message>
        <source>Month</source>
        <translation>Mwezi</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampeni</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kikundi</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mtandao</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Department</source>
        <translation>Idara</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Zimetumwa</translation>
    </message>
    <message>
        <source>Messages that left Kengele: sent, delivered, failed or without a report.</source>
        <translation>Ujumbe uliotoka Kengele: uliotumwa, uliofika, ulioshindikana au usio na ripoti.</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zimefika</translation>
    </message>
    <message>
        <source>Messages a delivery report confirmed.</source>
        <translation>Ujumbe ambao ripoti ya ufikishaji ilithibitisha kuwa umefika.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Zimeshindikana</translation>
    </message>
    <message>
        <source>Messages the provider refused or could not deliver.</source>
        <translation>Ujumbe ambao mtoa huduma aliukataa au hakuweza kuufikisha.</translation>
    </message>
    <message>
        <source>Without a report</source>
        <translation>Bila ripoti</translation>
    </message>
    <message>
        <source>Messages Kengele sent but never heard back about.</source>
        <translation>Ujumbe ambao Kengele ilituma lakini haikupata habari zake tena.</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>Kiwango cha ufikishaji</translation>
    </message>
    <message>
        <source>Delivered, out of the messages sent.</source>
        <translation>Zilizofika, kati ya ujumbe uliotumwa.</translation>
    </message>
    <message>
        <source>SMS parts</source>
        <translation>Sehemu za SMS</translation>
    </message>
    <message>
        <source>The SMS parts of the messages sent.</source>
        <translation>Sehemu za SMS za ujumbe uliotumwa.</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Gharama</translation>
    </message>
    <message>
        <source>What the provider reported the messages cost, in shillings.</source>
        <translation>Gharama ya ujumbe kama alivyoripoti mtoa huduma, kwa shilingi.</translation>
    </message>
    <message>
        <source>Cost per delivered message</source>
        <translation>Gharama kwa kila ujumbe uliofika</translation>
    </message>
    <message>
        <source>What the messages cost, divided by those delivered.</source>
        <translation>Gharama ya ujumbe, ikigawanywa kwa idadi ya ujumbe uliofika.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Majibu</translation>
    </message>
    <message numerus="yes">
        <source>Messages that came in for the inbox (not opt-outs or prayer requests). By campaign: the last campaign launched within %n day(s) before that had a message for that number.</source>
        <translation>
            <numerusform>Ujumbe ulioingia kwenye sanduku la ujumbe (si wa waliojiondoa wala mahitaji ya maombi). Kwa kampeni: kampeni ya mwisho iliyoanzishwa ndani ya siku %n kabla yake, iliyokuwa na ujumbe kwa nambari hiyo.</numerusform>
            <numerusform>Ujumbe ulioingia kwenye sanduku la ujumbe (si wa waliojiondoa wala mahitaji ya maombi). Kwa kampeni: kampeni ya mwisho iliyoanzishwa ndani ya siku %n kabla yake, iliyokuwa na ujumbe kwa nambari hiyo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Messages received</source>
        <translation>Ujumbe uliopokelewa</translation>
    </message>
    <message>
        <source>Every message that came in, opt-outs and prayer requests included.</source>
        <translation>Kila ujumbe ulioingia, pamoja na wa waliojiondoa na mahitaji ya maombi.</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Waliojiondoa</translation>
    </message>
    <message numerus="yes">
        <source>Numbers that asked for no more SMS, including those allowed again since. By campaign: the last campaign launched within %n day(s) before that had a message for that number.</source>
        <translation>
            <numerusform>Nambari zilizoomba zisitumiwe SMS tena, pamoja na zile zilizoruhusiwa tena baadaye. Kwa kampeni: kampeni ya mwisho iliyoanzishwa ndani ya siku %n kabla yake, iliyokuwa na ujumbe kwa nambari hiyo.</numerusform>
            <numerusform>Nambari zilizoomba zisitumiwe SMS tena, pamoja na zile zilizoruhusiwa tena baadaye. Kwa kampeni: kampeni ya mwisho iliyoanzishwa ndani ya siku %n kabla yake, iliyokuwa na ujumbe kwa nambari hiyo.</numerusform>
        </translation>
    </message>
    <message>
        <source>Tokens used</source>
        <translation>Tokeni zilizotumika</translation>
    </message>
    <message>
        <source>Tokens spent on messages, by the budget that paid.</source>
        <translation>Tokeni zilizotumika kwa ujumbe, kulingana na bajeti iliyolipia.</translation>
    </message>
    <message>
        <source>Contacts added</source>
        <translation>Waasiliani walioongezwa</translation>
    </message>
    <message>
        <source>Contacts created in the period (by hand or imported).</source>
        <translation>Waasiliani walioongezwa katika kipindi (kwa mkono au kwa kuingizwa).</translation>
    </message>
    <message>
        <source>Active numbers</source>
        <translation>Nambari hai</translation>
    </message>
    <message numerus="yes">
        <source>Numbers delivered to within the %n day(s) before the period&apos;s end.</source>
        <translation>
            <numerusform>Nambari zilizofikiwa na ujumbe ndani ya siku %n kabla ya mwisho wa kipindi.</numerusform>
            <numerusform>Nambari zilizofikiwa na ujumbe ndani ya siku %n kabla ya mwisho wa kipindi.</numerusform>
        </translation>
    </message>
    <message>
        <source>Numbers that stopped delivering</source>
        <translation>Nambari zilizoacha kufikiwa</translation>
    </message>
    <message>
        <source>Numbers whose messages failed in the period and were delivered to before it, but not since.</source>
        <translation>Nambari ambazo ujumbe wake ulishindikana katika kipindi na zilifikiwa kabla yake, lakini si tangu hapo.</translation>
    </message>
</context>
<context>
    <name>ReportRunner</name>
    <message>
        <source>There is no measure called “%1”.</source>
        <translation>Hakuna kipimo kinachoitwa “%1”.</translation>
    </message>
    <message>
        <source>A report is grouped by two things at most.</source>
        <translation>Ripoti hupangwa kwa vitu visivyozidi viwili.</translation>
    </message>
    <message>
        <source>“%1” cannot be grouped by “%2”.</source>
        <translation>“%1” haiwezi kupangwa kwa “%2”.</translation>
    </message>
    <message>
        <source>“%1” cannot be narrowed by “%2”.</source>
        <translation>“%1” haiwezi kuchujwa kwa “%2”.</translation>
    </message>
    <message>
        <source>The report has no period.</source>
        <translation>Ripoti haina kipindi.</translation>
    </message>
    <message>
        <source>%1: “%2” is not a number.</source>
        <translation>%1: “%2” si nambari.</translation>
    </message>
    <message>
        <source>Working out the report</source>
        <translation>Kuandaa ripoti</translation>
    </message>
    <message>
        <source>Week of %1</source>
        <translation>Wiki ya %1</translation>
    </message>
    <message>
        <source>Number %1 (deleted)</source>
        <translation>Nambari %1 (imefutwa)</translation>
    </message>
    <message>
        <source>Unknown network</source>
        <translation>Mtandao haujulikani</translation>
    </message>
    <message>
        <source>No reason given</source>
        <translation>Hakuna sababu iliyotolewa</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nambari</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A failure reason: plain words, then the provider&apos;s own: &quot;Phone off or out of reach (AbsentSubscriber)&quot;</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Phone off or out of reach</source>
        <translation>Simu imezimwa au haipatikani</translation>
    </message>
    <message>
        <source>Blocks promotional SMS</source>
        <translation>Amezuia SMS za matangazo</translation>
    </message>
    <message>
        <source>Number does not exist</source>
        <translation>Namba haipo</translation>
    </message>
    <message>
        <source>The network could not deliver it</source>
        <translation>Mtandao haukuweza kuifikisha</translation>
    </message>
    <message>
        <source>Not enough credit with the provider</source>
        <translation>Salio halitoshi kwa mtoa huduma</translation>
    </message>
    <message>
        <source>The network gave up on it</source>
        <translation>Mtandao uliiacha</translation>
    </message>
    <message>
        <source>Number not in use</source>
        <translation>Namba haitumiki</translation>
    </message>
    <message>
        <source>Line suspended</source>
        <translation>Laini imesimamishwa</translation>
    </message>
    <message>
        <source>Not on that network</source>
        <translation>Si wa mtandao huo</translation>
    </message>
    <message>
        <source>Do-not-disturb is on</source>
        <translation>Usisumbue imewashwa</translation>
    </message>
    <message>
        <source>Refused by the network</source>
        <translation>Imekataliwa na mtandao</translation>
    </message>
</context>
<context>
    <name>RoleText</name>
    <message>
        <source>Viewer</source>
        <translation>Mtazamaji</translation>
    </message>
    <message>
        <source>Staff</source>
        <translation>Mfanyakazi</translation>
    </message>
    <message>
        <source>Pastor</source>
        <translation>Mchungaji</translation>
    </message>
    <message>
        <source>Administrator</source>
        <translation>Msimamizi</translation>
    </message>
    <message>
        <source>Sees contacts, groups, templates, campaigns and reports; changes nothing.</source>
        <translation>Huona waasiliani, vikundi, violezo, kampeni na ripoti; habadilishi chochote.</translation>
    </message>
    <message>
        <source>Also edits contacts, groups and templates, imports, and sends campaigns.</source>
        <translation>Pia hubadilisha waasiliani, vikundi na violezo, huingiza waasiliani, na hutuma kampeni.</translation>
    </message>
    <message>
        <source>Also exports contacts and sees confidential pastoral records.</source>
        <translation>Pia huhamisha waasiliani kwenda faili na huona taarifa za siri za kichungaji.</translation>
    </message>
    <message>
        <source>Everything: also tokens and budgets, the gateway, the relay, staff accounts and backups.</source>
        <translation>Kila kitu: pia tokeni na bajeti, lango, relay, akaunti za wafanyakazi na nakala za akiba.</translation>
    </message>
    <message>
        <source>You may not see this.</source>
        <translation>Huruhusiwi kuona hili.</translation>
    </message>
    <message>
        <source>Your role may only look: ask a staff member or an administrator to make this change.</source>
        <translation>Jukumu lako linaruhusu kutazama tu: mwombe mfanyakazi au msimamizi afanye badiliko hili.</translation>
    </message>
    <message>
        <source>Only a pastor or an administrator may export members&apos; details.</source>
        <translation>Ni mchungaji au msimamizi tu anayeweza kuhamisha taarifa za washiriki kwenda faili.</translation>
    </message>
    <message>
        <source>Your role may only look: ask a staff member or an administrator to send this.</source>
        <translation>Jukumu lako linaruhusu kutazama tu: mwombe mfanyakazi au msimamizi atume hiki.</translation>
    </message>
    <message>
        <source>Only a pastor or an administrator may see confidential pastoral records.</source>
        <translation>Ni mchungaji au msimamizi tu anayeweza kuona taarifa za siri za kichungaji.</translation>
    </message>
    <message>
        <source>Only an administrator may buy, move or budget tokens.</source>
        <translation>Ni msimamizi tu anayeweza kununua tokeni, kuzihamisha au kuzipangia bajeti.</translation>
    </message>
    <message>
        <source>Only an administrator may change this.</source>
        <translation>Ni msimamizi tu anayeweza kubadilisha hili.</translation>
    </message>
</context>
<context>
    <name>SavedReports</name>
    <message>
        <source>Give the report a name.</source>
        <translation>Ipe ripoti jina.</translation>
    </message>
    <message>
        <source>A report&apos;s name is at most %1 characters.</source>
        <translation>Jina la ripoti lina herufi zisizozidi %1.</translation>
    </message>
    <message>
        <source>Saving the report</source>
        <translation>Kuhifadhi ripoti</translation>
    </message>
    <message>
        <source>Reading the saved reports</source>
        <translation>Kusoma ripoti zilizohifadhiwa</translation>
    </message>
    <message>
        <source>There is no saved report called “%1”.</source>
        <translation>Hakuna ripoti iliyohifadhiwa inayoitwa “%1”.</translation>
    </message>
    <message>
        <source>Deleting the report</source>
        <translation>Kufuta ripoti</translation>
    </message>
</context>
<context>
    <name>SecretStore</name>
    <message>
        <source>The computer&apos;s password store (keychain) did not answer.</source>
        <translation>Hifadhi ya nywila ya kompyuta (keychain) haikujibu.</translation>
    </message>
</context>
<context>
    <name>SegmentsCommand</name>
    <message>
        <source>The text is not valid UTF-8.</source>
        <translation>Maandishi haya si UTF-8 sahihi.</translation>
    </message>
    <message numerus="yes">
        <source>%1, %n segment(s), %2 units, %3 characters</source>
        <translation>
            <numerusform>%1, sehemu %n, vizio %2, herufi %3</numerusform>
            <numerusform>%1, sehemu %n, vizio %2, herufi %3</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>SettingsCommand</name>
    <message>
        <source>Use: settings quiet-hours 21:00-07:00, or settings quiet-hours off.</source>
        <translation>Tumia: settings quiet-hours 21:00-07:00, au settings quiet-hours off.</translation>
    </message>
    <message>
        <source>Give the quiet hours as one word, without spaces: settings quiet-hours 21:00-07:00</source>
        <translation>Andika saa za utulivu kama neno moja, bila nafasi: settings quiet-hours 21:00-07:00</translation>
    </message>
    <message>
        <source>“%1” is not a time range. Write the quiet hours as two times of day, e.g. 21:00-07:00 (from 9 in the evening to 7 in the morning), or “off” for no quiet hours.</source>
        <translation>“%1” si muda wa saa. Andika saa za utulivu kama nyakati mbili za siku, k.m. 21:00-07:00 (kuanzia saa 3 usiku hadi saa 1 asubuhi), au “off” kama hakuna saa za utulivu.</translation>
    </message>
    <message>
        <source>The quiet hours would start and end at the same time (%1), which leaves no quiet time. Write two different times, e.g. 21:00-07:00, or “off” for no quiet hours.</source>
        <translation>Saa za utulivu zingeanza na kuisha wakati mmoja (%1), kwa hiyo hakungekuwa na muda wa utulivu. Andika nyakati mbili tofauti, k.m. 21:00-07:00, au “off” kama hakuna saa za utulivu.</translation>
    </message>
    <message>
        <source>Quiet hours: %1 to %2. Only urgent messages go out then; the others wait until %2.</source>
        <translation>Saa za utulivu: %1 hadi %2. Wakati huo ujumbe wa dharura tu hutumwa; mwingine husubiri hadi %2.</translation>
    </message>
    <message>
        <source>No quiet hours: messages go out at any hour of the day or night.</source>
        <translation>Hakuna saa za utulivu: ujumbe hutumwa saa yoyote, mchana au usiku.</translation>
    </message>
</context>
<context>
    <name>SigninCommand</name>
    <message>
        <source>Use: signin require --user NAME --name &quot;Full Name&quot; (the password on standard input).</source>
        <translation>Tumia: signin require --user NAME --name &quot;Full Name&quot; (nenosiri kupitia standard input).</translation>
    </message>
    <message>
        <source>Give the first administrator&apos;s user name and name: signin require --user mary --name &quot;Mary Wanjiku&quot;.</source>
        <translation>Toa jina la mtumiaji na jina la msimamizi wa kwanza: signin require --user mary --name &quot;Mary Wanjiku&quot;.</translation>
    </message>
    <message>
        <source>Sign-in is already required here: an administrator adds accounts with “users add”.</source>
        <translation>Kuingia tayari kunahitajika hapa: msimamizi huongeza akaunti kwa “users add”.</translation>
    </message>
    <message>
        <source>Sign-in is now required: every command needs --user NAME and the password.</source>
        <translation>Sasa kuingia kunahitajika: kila amri inahitaji --user NAME na nenosiri.</translation>
    </message>
</context>
<context>
    <name>SnapshotFormat</name>
    <message>
        <source>The church&apos;s other computers have not saved a copy of their data on the relay yet.</source>
        <translation>Kompyuta nyingine za kanisa bado hazijahifadhi nakala ya data yao kwenye relay.</translation>
    </message>
    <message>
        <source>The copy of the church&apos;s data on the relay is damaged or of an unknown kind. Nothing was changed.</source>
        <translation>Nakala ya data ya kanisa iliyo kwenye relay imeharibika au ni ya aina isiyojulikana. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay belongs to another church. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay ni ya kanisa lingine. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay was made by a computer this one does not know. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay ilitengenezwa na kompyuta ambayo kompyuta hii haiijui. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay was made by a computer that is not approved. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay ilitengenezwa na kompyuta ambayo haijaidhinishwa. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay is locked with a key this computer has not been given yet. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay imefungwa kwa ufunguo ambao kompyuta hii bado haijapewa. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay was changed after it was made, or was not made by the computer it names. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay ilibadilishwa baada ya kutengenezwa, au haikutengenezwa na kompyuta inayoitaja. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay could not be unlocked with the church&apos;s key. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay haikuweza kufunguliwa kwa ufunguo wa kanisa. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The copy of the data on the relay is incomplete. Nothing was changed.</source>
        <translation>Nakala ya data iliyo kwenye relay haijakamilika. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>This computer already holds contacts or groups, so the church&apos;s copy cannot simply be loaded. Nothing was changed.</source>
        <translation>Kompyuta hii tayari ina waasiliani au vikundi, kwa hiyo nakala ya kanisa haiwezi kupakiwa moja kwa moja. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The church&apos;s data could not be saved on this computer. Nothing was changed.</source>
        <translation>Data ya kanisa haikuweza kuhifadhiwa kwenye kompyuta hii. Hakuna kilichobadilishwa.</translation>
    </message>
    <message>
        <source>The relay could not be reached, or it refused. Nothing was changed.</source>
        <translation>Relay haikuweza kufikiwa, au ilikataa. Hakuna kilichobadilishwa.</translation>
    </message>
</context>
<context>
    <name>SnapshotRestorer</name>
    <message>
        <source>Loading the church&apos;s data</source>
        <translation>Kupakia data ya kanisa</translation>
    </message>
</context>
<context>
    <name>SnapshotWriter</name>
    <message>
        <source>The copy of the church&apos;s data could not be made (%1).</source>
        <translation>Nakala ya data ya kanisa haikuweza kutengenezwa (%1).</translation>
    </message>
    <message>
        <source>This computer has no key for the church&apos;s data yet.</source>
        <translation>Kompyuta hii bado haina ufunguo wa data ya kanisa.</translation>
    </message>
</context>
<context>
    <name>SyncCommand</name>
    <message>
        <source>--limit takes a number of entries, 1 or more.</source>
        <translation>--limit huchukua idadi ya maingizo, 1 au zaidi.</translation>
    </message>
    <message>
        <source>This computer is waiting for another computer of the congregation to let it in.</source>
        <translation>Kompyuta hii inasubiri kompyuta nyingine ya kanisa iiruhusu kuingia.</translation>
    </message>
    <message>
        <source>Changes not yet sent: %1</source>
        <translation>Mabadiliko ambayo bado hayajatumwa: %1</translation>
    </message>
    <message>
        <source>Last changes from another computer: %1</source>
        <translation>Mabadiliko ya mwisho kutoka kompyuta nyingine: %1</translation>
    </message>
    <message>
        <source>never</source>
        <translation>bado hakuna</translation>
    </message>
    <message>
        <source>Conflicts settled: %1; changes waiting: %2; refused: %3</source>
        <translation>Migongano iliyotatuliwa: %1; mabadiliko yanayosubiri: %2; yaliyokataliwa: %3</translation>
    </message>
    <message>
        <source>No conflicts.</source>
        <translation>Hakuna migongano.</translation>
    </message>
    <message>
        <source>kept: %1  lost: %2</source>
        <translation>iliyobaki: %1  iliyoachwa: %2</translation>
    </message>
    <message>
        <source>Use: sync own-data merge, or sync own-data start-from-church-data.</source>
        <translation>Matumizi: sync own-data merge, au sync own-data start-from-church-data.</translation>
    </message>
    <message>
        <source>This computer holds no contacts, groups or templates of its own: there is nothing to choose.</source>
        <translation>Kompyuta hii haina waasiliani, vikundi wala violezo vyake yenyewe: hakuna cha kuchagua.</translation>
    </message>
    <message>
        <source>When this computer is let in, its %1 join the church&apos;s data. Run “kengele-cli relay sync”.</source>
        <translation>Kompyuta hii ikiidhinishwa, data yake (%1) itaunganishwa na data ya kanisa. Endesha “kengele-cli relay sync”.</translation>
    </message>
    <message>
        <source>This computer&apos;s data is kept in the backup %1. When it is let in, its %2 are set aside and it starts from the church&apos;s data. Run “kengele-cli relay sync”.</source>
        <translation>Data ya kompyuta hii imehifadhiwa kwenye nakala rudufu %1. Ikiidhinishwa, data yake (%2) itawekwa kando na itaanza na data ya kanisa. Endesha “kengele-cli relay sync”.</translation>
    </message>
    <message>
        <source>Use one of: sync status, sync conflicts [--limit N], sync own-data merge|start-from-church-data.</source>
        <translation>Tumia mojawapo ya: sync status, sync conflicts [--limit N], sync own-data merge|start-from-church-data.</translation>
    </message>
</context>
<context>
    <name>SyncOpCodec</name>
    <message>
        <source>Changes from another computer could not be read.</source>
        <translation>Mabadiliko kutoka kompyuta nyingine hayakuweza kusomwa.</translation>
    </message>
    <message>
        <source>Another computer uses a newer Kengele. Update Kengele on this computer to receive its changes; they are kept until then.</source>
        <translation>Kompyuta nyingine inatumia Kengele mpya zaidi. Sasisha Kengele kwenye kompyuta hii ili kupokea mabadiliko yake; yatahifadhiwa hadi wakati huo.</translation>
    </message>
</context>
<context>
    <name>TemplatesCommand</name>
    <message numerus="yes">
        <source>%n segment(s)</source>
        <translation>
            <numerusform>sehemu %n</numerusform>
            <numerusform>sehemu %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Give the template&apos;s name in quotes: templates %1 &quot;Sunday service reminder&quot;</source>
        <translation>Andika jina la kiolezo ndani ya alama za nukuu: templates %1 &quot;Ukumbusho wa ibada ya Jumapili&quot;</translation>
    </message>
    <message>
        <source>Deleted the template “%1”.</source>
        <translation>Kiolezo “%1” kimefutwa.</translation>
    </message>
    <message>
        <source>Give the template&apos;s name in quotes: templates save &quot;Choir practice&quot; --text &quot;...&quot;</source>
        <translation>Andika jina la kiolezo ndani ya alama za nukuu: templates save &quot;Mazoezi ya kwaya&quot; --text &quot;...&quot;</translation>
    </message>
    <message>
        <source>Give the message with either --text &quot;...&quot; or --file FILE.</source>
        <translation>Toa ujumbe kwa --text &quot;...&quot; au kwa --file FILE.</translation>
    </message>
    <message>
        <source>Could not read %1: %2</source>
        <translation>Imeshindwa kusoma %1: %2</translation>
    </message>
    <message>
        <source>%1 is not a UTF-8 text file.</source>
        <translation>%1 si faili ya maandishi ya UTF-8.</translation>
    </message>
    <message>
        <source>Use one of: templates list, templates show NAME, templates save NAME, templates delete NAME.</source>
        <translation>Tumia mojawapo ya: templates list, templates show NAME, templates save NAME, templates delete NAME.</translation>
    </message>
    <message numerus="yes">
        <source>Saved the template “%1” (%2, %n SMS part(s) before its fields are filled in).</source>
        <translation>
            <numerusform>Kiolezo “%1” kimehifadhiwa (%2, sehemu %n ya SMS kabla vipengele vyake havijajazwa).</numerusform>
            <numerusform>Kiolezo “%1” kimehifadhiwa (%2, sehemu %n za SMS kabla vipengele vyake havijajazwa).</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TextFileDecoder</name>
    <message>
        <source>The file %1 does not exist. It may have been moved or deleted.</source>
        <translation>Faili %1 haipo. Huenda imehamishwa au imefutwa.</translation>
    </message>
    <message>
        <source>%1 is a folder, not a file.</source>
        <translation>%1 ni folda, si faili.</translation>
    </message>
    <message>
        <source>The file is empty.</source>
        <translation>Faili hii haina kitu.</translation>
    </message>
    <message>
        <source>This file is too big to import (%1 MB). Kengele can import files of up to %2 MB; split the list into smaller files.</source>
        <translation>Faili hii ni kubwa mno kuingizwa (%1 MB). Kengele inaweza kuingiza faili za hadi %2 MB; gawanya orodha katika faili ndogo zaidi.</translation>
    </message>
    <message>
        <source>Kengele could not open %1. Check that the file still exists and that you are allowed to read it.</source>
        <translation>Kengele imeshindwa kufungua %1. Hakikisha kwamba faili bado ipo na kwamba unaruhusiwa kuisoma.</translation>
    </message>
    <message>
        <source>Kengele could not read all of %1. Copy the file to this computer and try again.</source>
        <translation>Kengele imeshindwa kusoma %1 yote. Nakili faili kwenye kompyuta hii kisha ujaribu tena.</translation>
    </message>
    <message>
        <source>This is an Excel workbook, not a CSV file. In Excel choose File → Save As → CSV UTF-8, then import that file.</source>
        <translation>Hii ni faili ya Excel (workbook), si faili ya CSV. Katika Excel chagua File → Save As → CSV UTF-8, kisha uingize faili hiyo.</translation>
    </message>
    <message>
        <source>This file is not a contact list (CSV or vCard); it looks like a picture, document or program.</source>
        <translation>Faili hii si orodha ya waasiliani (CSV au vCard); inaonekana kuwa picha, hati au programu.</translation>
    </message>
    <message>
        <source>This is a spreadsheet, not a CSV file. In LibreOffice choose File → Save As, pick “Text CSV”, then import that file.</source>
        <translation>Hili ni jedwali, si faili ya CSV. Katika LibreOffice chagua File → Save As, chagua “Text CSV”, kisha uingize faili hiyo.</translation>
    </message>
    <message>
        <source>Some letters in the file could not be read and were replaced by “�”. Check the names.</source>
        <translation>Baadhi ya herufi katika faili hazikuweza kusomwa na zimebadilishwa kwa “�”. Kagua majina.</translation>
    </message>
    <message>
        <source>The file was not saved as UTF-8, so it was read as Western European text. Check names with special letters.</source>
        <translation>Faili haikuhifadhiwa kama UTF-8, kwa hiyo imesomwa kama maandishi ya Ulaya Magharibi. Kagua majina yenye herufi maalum.</translation>
    </message>
</context>
<context>
    <name>TokenAccount</name>
    <message>
        <source>Main account</source>
        <translation>Akaunti kuu</translation>
    </message>
</context>
<context>
    <name>TokenHistoryExporter</name>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili ikiwa iko wazi kwenye Excel.</translation>
    </message>
</context>
<context>
    <name>TokenInsights</name>
    <message>
        <source>Reading the token balances</source>
        <translation>Kusoma salio la tokeni</translation>
    </message>
    <message>
        <source>d MMMM</source>
        <extracomment>A day as the insights say it: &quot;3 March&quot;. Qt date format letters (d, MMMM).</extracomment>
        <translation>d MMMM</translation>
    </message>
    <message>
        <source>Choose between 1 and %1 days.</source>
        <translation>Chagua kati ya siku 1 na %1.</translation>
    </message>
    <message>
        <source>At this rate %1 runs out on %2.</source>
        <translation>Kwa kasi hii %1 itaishiwa tarehe %2.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) expire on %1.</source>
        <translation>
            <numerusform>Tokeni %Ln itaisha muda tarehe %1.</numerusform>
            <numerusform>Tokeni %Ln zitaisha muda tarehe %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Your repeating campaigns need %1 tokens over the next %2 days; you have %3.</source>
        <translation>Kampeni zako zinazojirudia zinahitaji tokeni %1 katika siku %2 zijazo; una %3.</translation>
    </message>
    <message>
        <source>%1 has %2 tokens left, below its warning level of %3.</source>
        <translation>%1 imebaki na tokeni %2, chini ya kiwango chake cha tahadhari cha %3.</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) in %1 expire on %2.</source>
        <translation>
            <numerusform>Tokeni %Ln katika %1 itaisha muda tarehe %2.</numerusform>
            <numerusform>Tokeni %Ln katika %1 zitaisha muda tarehe %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Repeating campaigns need %1 tokens from %2 over the next %3 days; it has %4.</source>
        <translation>Kampeni zinazojirudia zinahitaji tokeni %1 kutoka %2 katika siku %3 zijazo; ina %4.</translation>
    </message>
</context>
<context>
    <name>TokenReportsCommand</name>
    <message>
        <source>Give the number of days as a whole number from 1 to %1: --days 90</source>
        <translation>Andika idadi ya siku kama namba kamili kuanzia 1 hadi %1: --days 90</translation>
    </message>
    <message>
        <source>Tokens spent in the last %1 days: %2</source>
        <translation>Tokeni zilizotumika katika siku %1 zilizopita: %2</translation>
    </message>
    <message>
        <source>%1: %2 tokens</source>
        <translation>%1: tokeni %2</translation>
    </message>
    <message>
        <source>Balance: %1 tokens</source>
        <translation>Salio: tokeni %1</translation>
    </message>
    <message>
        <source>Plan in force: %1</source>
        <translation>Mpango unaotumika: %1</translation>
    </message>
    <message>
        <source>Spent per day (last %1 days): %2</source>
        <translation>Tokeni zilizotumika kwa siku (siku %1 zilizopita): %2</translation>
    </message>
    <message>
        <source>Nothing to warn about.</source>
        <translation>Hakuna tahadhari yoyote.</translation>
    </message>
    <message>
        <source>Give how many lines to show as a whole number from 1 to %1: --limit 50</source>
        <translation>Andika idadi ya mistari ya kuonyesha kama namba kamili kuanzia 1 hadi %1: --limit 50</translation>
    </message>
</context>
<context>
    <name>TokenShopCommand</name>
    <message>
        <source>KES %1</source>
        <translation>KES %1</translation>
    </message>
    <message>
        <source>Use one of: tokens plans, tokens buy --plan P --phone N [--account A] [--no-wait], tokens purchases, tokens cleanup --days N.</source>
        <translation>Tumia mojawapo ya: tokens plans, tokens buy --plan P --phone N [--account A] [--no-wait], tokens purchases, tokens cleanup --days N.</translation>
    </message>
    <message>
        <source>The relay could not be asked for today&apos;s prices (%1); showing what it said last time.</source>
        <translation>Relay haikuweza kuulizwa bei za leo (%1); inaonyesha ilichosema mara ya mwisho.</translation>
    </message>
    <message>
        <source>given once to a new organisation</source>
        <translation>hutolewa mara moja kwa shirika jipya</translation>
    </message>
    <message>
        <source>no price set on your relay</source>
        <translation>hakuna bei iliyowekwa kwenye relay yako</translation>
    </message>
    <message>
        <source>%1 tokens, valid %2 days: %3</source>
        <translation>tokeni %1, halali kwa siku %2: %3</translation>
    </message>
    <message>
        <source>Waiting for the payment: check the phone %1 and enter the M-Pesa PIN. The tokens will be added when M-Pesa confirms it (run “kengele-cli relay sync”).</source>
        <translation>Inasubiri malipo: angalia simu %1 na uweke PIN ya M-Pesa. Tokeni zitaongezwa M-Pesa itakapothibitisha malipo (endesha “kengele-cli relay sync”).</translation>
    </message>
    <message>
        <source>Paid (M-Pesa receipt %1): %2 tokens were added to %3.</source>
        <translation>Imelipwa (risiti ya M-Pesa %1): tokeni %2 zimeongezwa kwenye %3.</translation>
    </message>
    <message>
        <source>Paid (M-Pesa receipt %1): %2 tokens will be added to %3 at the next sync.</source>
        <translation>Imelipwa (risiti ya M-Pesa %1): tokeni %2 zitaongezwa kwenye %3 wakati wa usawazishaji unaofuata.</translation>
    </message>
    <message>
        <source>Give the plan and the number that pays: tokens buy --plan starter --phone 0712345678</source>
        <translation>Andika mpango na nambari inayolipa: tokens buy --plan starter --phone 0712345678</translation>
    </message>
    <message>
        <source>There is no budget called “%1”.</source>
        <translation>Hakuna bajeti inayoitwa “%1”.</translation>
    </message>
    <message>
        <source>Check the phone %1 and enter the M-Pesa PIN. Waiting for M-Pesa…</source>
        <translation>Angalia simu %1 na uweke PIN ya M-Pesa. Inasubiri M-Pesa…</translation>
    </message>
    <message>
        <source>The purchase failed: %1 Nothing was charged.</source>
        <translation>Ununuzi haukufaulu: %1 Hakuna kilichotozwa.</translation>
    </message>
    <message>
        <source>The relay could not be asked (%1); showing what this computer knows.</source>
        <translation>Relay haikuweza kuulizwa (%1); inaonyesha kile kompyuta hii inachojua.</translation>
    </message>
    <message>
        <source>No tokens have been bought yet.</source>
        <translation>Bado hakuna tokeni zilizonunuliwa.</translation>
    </message>
    <message>
        <source>Give the age in days as a whole number of at least 1: tokens cleanup --days 90</source>
        <translation>Andika umri kwa siku kama namba kamili ya angalau 1: tokens cleanup --days 90</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n old purchase attempt(s) and payment copies; the token history is kept.</source>
        <translation>
            <numerusform>Jaribio %n la zamani la kununua limeondolewa pamoja na nakala za malipo; historia ya tokeni imehifadhiwa.</numerusform>
            <numerusform>Majaribio %n ya zamani ya kununua yameondolewa pamoja na nakala za malipo; historia ya tokeni imehifadhiwa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>TokensCommand</name>
    <message>
        <source>Give the number of tokens to add as a whole number above zero: --tokens 1000</source>
        <translation>Toa idadi ya tokeni za kuongeza kama namba kamili zaidi ya sifuri: --tokens 1000</translation>
    </message>
    <message>
        <source>Added from the command line</source>
        <translation>Zimeongezwa kutoka mstari wa amri</translation>
    </message>
    <message>
        <source>Added %1 tokens to %2; the balance is now %3.</source>
        <translation>Tokeni %1 zimeongezwa kwenye %2; salio sasa ni %3.</translation>
    </message>
    <message>
        <source>%1: %2 tokens</source>
        <translation>%1: tokeni %2</translation>
    </message>
    <message>
        <source>Total: %1 tokens</source>
        <translation>Jumla: tokeni %1</translation>
    </message>
    <message>
        <source>Use one of: tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N], tokens check [--account NAME], tokens transfer --from NAME --to NAME --tokens N --reason TEXT, tokens expire, tokens threshold --account NAME --below N|off, tokens rename --account NAME --name NEW, tokens usage [--days N], tokens insights, tokens alerts, tokens history [--account NAME] [--limit N].</source>
        <translation>Tumia mojawapo ya: tokens add --tokens N [--account NAME] [--reason TEXT] [--valid-days N], tokens check [--account NAME], tokens transfer --from NAME --to NAME --tokens N --reason TEXT, tokens expire, tokens threshold --account NAME --below N|off, tokens rename --account NAME --name NEW, tokens usage [--days N], tokens insights, tokens alerts, tokens history [--account NAME] [--limit N].</translation>
    </message>
    <message>
        <source>Give how many days the tokens stay valid as a whole number above zero: --valid-days 30</source>
        <translation>Andika idadi ya siku ambazo tokeni zitakuwa halali kama namba kamili zaidi ya sifuri: --valid-days 30</translation>
    </message>
    <message>
        <source>Tokens can stay valid for at most 3650 days (ten years).</source>
        <translation>Tokeni zinaweza kuwa halali kwa siku zisizozidi 3650 (miaka kumi).</translation>
    </message>
    <message>
        <source>Those not used by %1 expire then.</source>
        <translation>Zile ambazo hazijatumika kufikia %1 zitaisha muda wakati huo.</translation>
    </message>
    <message>
        <source>Say which accounts the tokens move between: --from Main --to Youth</source>
        <translation>Sema tokeni zinahamishwa kati ya akaunti zipi: --from Main --to Youth</translation>
    </message>
    <message>
        <source>Give the number of tokens to move as a whole number above zero: --tokens 500</source>
        <translation>Toa idadi ya tokeni za kuhamisha kama namba kamili zaidi ya sifuri: --tokens 500</translation>
    </message>
    <message>
        <source>Say why the tokens move: --reason &quot;Youth camp reminders&quot;</source>
        <translation>Sema kwa nini tokeni zinahamishwa: --reason &quot;Vikumbusho vya kambi ya vijana&quot;</translation>
    </message>
    <message>
        <source>Moved %1 tokens from %2 to %3. %2 now has %4, %3 has %5.</source>
        <translation>Tokeni %1 zimehamishwa kutoka %2 kwenda %3. Sasa %2 ina %4, na %3 ina %5.</translation>
    </message>
    <message>
        <source>No tokens have reached the end of their validity.</source>
        <translation>Hakuna tokeni ambazo muda wake umekwisha.</translation>
    </message>
    <message>
        <source>%1 unused tokens reached the end of their validity and expired.</source>
        <translation>Tokeni %1 ambazo hazikutumika zimeisha muda.</translation>
    </message>
    <message>
        <source>Say which account to watch: --account Youth --below 500</source>
        <translation>Sema akaunti ipi ifuatiliwe: --account Youth --below 500</translation>
    </message>
    <message>
        <source>Give the warning level as a number of tokens, 0 or more, or off: --below 500</source>
        <translation>Andika kiwango cha tahadhari kama idadi ya tokeni, 0 au zaidi, au off: --below 500</translation>
    </message>
    <message>
        <source>Kengele warns when %1 has fewer than %2 tokens (it has %3).</source>
        <translation>Kengele itaonya %1 ikiwa na tokeni chini ya %2 (sasa ina %3).</translation>
    </message>
    <message>
        <source>No more warnings about how few tokens %1 has.</source>
        <translation>Hakutakuwa na tahadhari tena kuhusu tokeni chache za %1.</translation>
    </message>
    <message>
        <source>Say which account gets which new name: --account Youth --name &quot;Youth Ministry&quot;</source>
        <translation>Sema akaunti ipi ipewe jina gani jipya: --account Youth --name &quot;Huduma ya Vijana&quot;</translation>
    </message>
    <message>
        <source>The account is now called %1.</source>
        <translation>Sasa akaunti inaitwa %1.</translation>
    </message>
    <message>
        <source>%1: %2 tokens (overdrawn: top it up before sending from it)</source>
        <translation>%1: tokeni %2 (imetumia zaidi ya salio: iongezee tokeni kabla ya kutuma kutoka kwayo)</translation>
    </message>
</context>
<context>
    <name>TokensText</name>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <extracomment>A number of tokens, with thousands separators: &quot;1,000 tokens&quot;</extracomment>
        <translation>
            <numerusform>tokeni %Ln</numerusform>
            <numerusform>tokeni %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>KES %1</source>
        <translation>KES %1</translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <extracomment>A plan: &quot;1,000 tokens, for 30 days&quot;</extracomment>
        <translation>
            <numerusform>%1, kwa siku %n</numerusform>
            <numerusform>%1, kwa siku %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Asking your relay…</source>
        <translation>Inauliza relay yako…</translation>
    </message>
    <message>
        <source>Waiting for the M-Pesa PIN</source>
        <translation>Inasubiri PIN ya M-Pesa</translation>
    </message>
    <message>
        <source>Practice payment: tokens added</source>
        <translation>Malipo ya mazoezi: tokeni zimeongezwa</translation>
    </message>
    <message>
        <source>Paid: tokens added</source>
        <translation>Imelipwa: tokeni zimeongezwa</translation>
    </message>
    <message>
        <source>Paid: the tokens are on their way</source>
        <translation>Imelipwa: tokeni ziko njiani</translation>
    </message>
    <message>
        <source>Not paid</source>
        <translation>Haikulipwa</translation>
    </message>
    <message>
        <source>Not paid: %1</source>
        <translation>Haikulipwa: %1</translation>
    </message>
    <message>
        <source>%1 added to %2.</source>
        <extracomment>&quot;1,000 tokens added to Main account.&quot;</extracomment>
        <translation>%1 zimeongezwa kwenye %2.</translation>
    </message>
    <message>
        <source>%1 arrived (practice payment: no money was taken).</source>
        <translation>%1 zimefika (malipo ya mazoezi: hakuna pesa iliyochukuliwa).</translation>
    </message>
    <message>
        <source>%1 arrived.</source>
        <translation>%1 zimefika.</translation>
    </message>
    <message>
        <source>%1 arrived (M-Pesa receipt %2).</source>
        <translation>%1 zimefika (risiti ya M-Pesa %2).</translation>
    </message>
    <message>
        <source>Practice payment: no money was taken.</source>
        <translation>Malipo ya mazoezi: hakuna pesa iliyochukuliwa.</translation>
    </message>
</context>
<context>
    <name>UsersCommand</name>
    <message>
        <source>(disabled)</source>
        <translation>(imezimwa)</translation>
    </message>
    <message>
        <source>Give the new password on a line of standard input.</source>
        <translation>Toa nenosiri jipya kwenye mstari wa standard input.</translation>
    </message>
    <message>
        <source>Use: users list | add USER --name N --role ROLE | role USER ROLE | disable USER | enable USER | password USER.</source>
        <translation>Tumia: users list | add USER --name N --role ROLE | role USER ROLE | disable USER | enable USER | password USER.</translation>
    </message>
    <message numerus="yes">
        <source>“users %1” takes %n word(s) after it.</source>
        <translation>
            <numerusform>“users %1” huchukua neno %n baada yake.</numerusform>
            <numerusform>“users %1” huchukua maneno %n baada yake.</numerusform>
        </translation>
    </message>
    <message>
        <source>The role is one of viewer, staff, pastor or administrator.</source>
        <translation>Jukumu ni mojawapo ya viewer, staff, pastor au administrator.</translation>
    </message>
    <message>
        <source>Give the person&apos;s name: users add john --name &quot;John Otieno&quot; --role staff.</source>
        <translation>Toa jina la mtu: users add john --name &quot;John Otieno&quot; --role staff.</translation>
    </message>
    <message>
        <source>No staff accounts: this data folder opens for whoever is at the computer. “signin require” makes the first administrator.</source>
        <translation>Hakuna akaunti za wafanyakazi: folda hii ya data hufunguka kwa yeyote aliye kwenye kompyuta. “signin require” huunda msimamizi wa kwanza.</translation>
    </message>
</context>
<context>
    <name>kengele::AfricasTalkingGateway</name>
    <message>
        <source>Africa&apos;s Talking at %1</source>
        <translation>Africa&apos;s Talking kwenye %1</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking (sandbox)</source>
        <translation>Africa&apos;s Talking (majaribio)</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking (live)</source>
        <translation>Africa&apos;s Talking (halisi)</translation>
    </message>
    <message>
        <source>Enter the username of your Africa&apos;s Talking app. In the sandbox the username is “sandbox”.</source>
        <translation>Weka jina la mtumiaji la programu yako ya Africa&apos;s Talking. Katika majaribio (sandbox) jina la mtumiaji ni “sandbox”.</translation>
    </message>
    <message>
        <source>Enter the API key of your Africa&apos;s Talking app. You find it in the Africa&apos;s Talking dashboard, under Settings, API Key.</source>
        <translation>Weka ufunguo wa API wa programu yako ya Africa&apos;s Talking. Utaupata kwenye dashibodi ya Africa&apos;s Talking, chini ya Settings, API Key.</translation>
    </message>
    <message>
        <source>The gateway address “%1” cannot be used. It must be a web address starting with https:// (or http:// for a test server).</source>
        <translation>Anwani ya lango “%1” haiwezi kutumika. Lazima iwe anwani ya wavuti inayoanza na https:// (au http:// kwa seva ya majaribio).</translation>
    </message>
    <message>
        <source>In the Africa&apos;s Talking sandbox the username is always “sandbox”, whatever your app is called. Enter “sandbox” as the username, together with the API key of the sandbox app.</source>
        <translation>Katika majaribio (sandbox) ya Africa&apos;s Talking jina la mtumiaji daima ni “sandbox”, vyovyote programu yako inavyoitwa. Weka “sandbox” kama jina la mtumiaji, pamoja na ufunguo wa API wa programu ya sandbox.</translation>
    </message>
    <message>
        <source>The username “sandbox” only works in the Africa&apos;s Talking sandbox. Choose the sandbox, or enter the username of your live app.</source>
        <translation>Jina la mtumiaji “sandbox” linafanya kazi tu katika majaribio (sandbox) ya Africa&apos;s Talking. Chagua majaribio (sandbox), au weka jina la mtumiaji la programu yako halisi (live).</translation>
    </message>
    <message>
        <source>The time to wait for an answer from Africa&apos;s Talking must be more than zero seconds.</source>
        <translation>Muda wa kusubiri jibu kutoka Africa&apos;s Talking lazima uwe zaidi ya sekunde sifuri.</translation>
    </message>
    <message>
        <source>Remove the spaces at the start and end of the sender ID.</source>
        <translation>Ondoa nafasi mwanzoni na mwishoni mwa kitambulisho cha mtumaji.</translation>
    </message>
    <message numerus="yes">
        <source>A sender ID made of digits must be a short code of 3 to 8 digits, such as 20414; “%1” has %n digit(s).</source>
        <translation>
            <numerusform>Kitambulisho cha mtumaji cha tarakimu lazima kiwe msimbo mfupi wa tarakimu 3 hadi 8, kama 20414; “%1” kina tarakimu %n.</numerusform>
            <numerusform>Kitambulisho cha mtumaji cha tarakimu lazima kiwe msimbo mfupi wa tarakimu 3 hadi 8, kama 20414; “%1” kina tarakimu %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>A sender ID may only contain the letters A to Z, digits and spaces; “%1” is not allowed.</source>
        <translation>Kitambulisho cha mtumaji kinaweza kuwa na herufi A hadi Z, tarakimu na nafasi tu; “%1” hakiruhusiwi.</translation>
    </message>
    <message numerus="yes">
        <source>A sender ID can be at most 11 characters long; “%1” has %n.</source>
        <translation>
            <numerusform>Kitambulisho cha mtumaji kinaweza kuwa na herufi zisizozidi 11; “%1” kina %n.</numerusform>
            <numerusform>Kitambulisho cha mtumaji kinaweza kuwa na herufi zisizozidi 11; “%1” kina %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>There is no phone number to send to.</source>
        <translation>Hakuna nambari ya simu ya kutuma.</translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Ujumbe ni mtupu.</translation>
    </message>
    <message>
        <source>Practice mode — no SMS leaves this computer</source>
        <translation>Mazoezi — hakuna SMS inayotoka kwenye kompyuta hii</translation>
    </message>
</context>
<context>
    <name>kengele::AuditAnchor</name>
    <message>
        <source>This computer is not connected to a relay, so the audit trail cannot be compared with the relay&apos;s daily copies. Connect it in Settings → Relay.</source>
        <translation>Kompyuta hii haijaunganishwa na relay, kwa hiyo kumbukumbu za ukaguzi haziwezi kulinganishwa na nakala za kila siku za relay. Iunganishe katika Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>The audit trail does not hold at entry %1 (%2), so it is not sent to the relay.</source>
        <translation>Kumbukumbu za ukaguzi haziko sawa kwenye ingizo %1 (%2), kwa hiyo hazitumwi kwa relay.</translation>
    </message>
    <message>
        <source>The audit trail is still empty: there is nothing to send to the relay yet.</source>
        <translation>Kumbukumbu za ukaguzi bado hazina kitu: hakuna cha kutuma kwa relay bado.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer did not repeat the audit trail&apos;s head it was sent. Tell the relay&apos;s administrator.</source>
        <translation>Jibu la relay halikurudia kichwa cha kumbukumbu za ukaguzi kilichotumwa. Mwambie msimamizi wa relay.</translation>
    </message>
    <message>
        <source>The relay&apos;s copies of the audit trail&apos;s head could not be read. Tell the relay&apos;s administrator.</source>
        <translation>Nakala za relay za kichwa cha kumbukumbu za ukaguzi hazikuweza kusomwa. Mwambie msimamizi wa relay.</translation>
    </message>
    <message numerus="yes">
        <source>On %1 the relay recorded a trail of %n entries, but this computer&apos;s trail now holds %2: entries were removed.</source>
        <translation>
            <numerusform>Tarehe %1 relay ilirekodi kumbukumbu zenye ingizo %n, lakini kumbukumbu za kompyuta hii sasa zina %2: maingizo yaliondolewa.</numerusform>
            <numerusform>Tarehe %1 relay ilirekodi kumbukumbu zenye maingizo %n, lakini kumbukumbu za kompyuta hii sasa zina %2: maingizo yaliondolewa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The trail&apos;s first %n entries are not what the relay recorded on %1: the trail was written anew.</source>
        <translation>
            <numerusform>Ingizo la kwanza (%n) la kumbukumbu si lile relay ilirekodi tarehe %1: kumbukumbu ziliandikwa upya.</numerusform>
            <numerusform>Maingizo %n ya kwanza ya kumbukumbu si yale relay ilirekodi tarehe %1: kumbukumbu ziliandikwa upya.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n of the relay&apos;s daily copies were made before the backup restored on %1 and no longer apply.</source>
        <translation>
            <numerusform>Nakala %n ya kila siku ya relay ilifanywa kabla ya nakala rudufu iliyorejeshwa tarehe %1 na haitumiki tena.</numerusform>
            <numerusform>Nakala %n za kila siku za relay zilifanywa kabla ya nakala rudufu iliyorejeshwa tarehe %1 na hazitumiki tena.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::AuditTrailWidget</name>
    <message>
        <source>Since:</source>
        <translation>Tangu:</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>Tangu</translation>
    </message>
    <message>
        <source>User</source>
        <translation>Mtumiaji</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>Kitendo</translation>
    </message>
    <message>
        <source>User:</source>
        <translation>Mtumiaji:</translation>
    </message>
    <message>
        <source>Action:</source>
        <translation>Kitendo:</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <source>Time</source>
        <translation>Wakati</translation>
    </message>
    <message>
        <source>Computer</source>
        <translation>Kompyuta</translation>
    </message>
    <message>
        <source>Object</source>
        <translation>Kilichohusika</translation>
    </message>
    <message>
        <source>Summary</source>
        <translation>Muhtasari</translation>
    </message>
    <message>
        <source>No entries match these filters.</source>
        <translation>Hakuna maingizo yanayolingana na vichujio hivi.</translation>
    </message>
    <message>
        <source>Only the latest %1 entries are shown. Choose a first day above, or export: the file has them all.</source>
        <translation>Yanaonyeshwa maingizo %1 ya karibuni tu. Chagua siku ya kwanza hapo juu, au hamisha: faili lina maingizo yote.</translation>
    </message>
    <message>
        <source>Check the trail</source>
        <translation>Kagua kumbukumbu</translation>
    </message>
    <message>
        <source>Make sure no entry was changed, removed or moved since it was written.</source>
        <translation>Hakikisha hakuna ingizo lililobadilishwa, kuondolewa au kuhamishwa tangu lilipoandikwa.</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Hamisha CSV…</translation>
    </message>
    <message>
        <source>Save the entries shown as a spreadsheet file.</source>
        <translation>Hifadhi maingizo yanayoonyeshwa kama faili linalofunguka kwenye Excel.</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Chapisha…</translation>
    </message>
    <message>
        <source>Print the entries shown, or save them as a PDF file.</source>
        <translation>Chapisha maingizo yanayoonyeshwa, au uyahifadhi kama faili la PDF.</translation>
    </message>
    <message>
        <source>The audit trail shows who did what in Kengele. %1</source>
        <translation>Kumbukumbu za ukaguzi zinaonyesha nani alifanya nini katika Kengele. %1</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Kuingia</translation>
    </message>
    <message>
        <source>Locking</source>
        <translation>Kufunga</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Akaunti za wafanyakazi</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Waasiliani</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Violezo</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Kutuma</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokeni</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Nakala rudufu</translation>
    </message>
    <message>
        <source>Everyone</source>
        <translation>Kila mtu</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Every action</source>
        <translation>Kila kitendo</translation>
    </message>
    <message>
        <source>Nothing is recorded yet. Once sign-in is required (Staff and roles), every sign-in and every change to the staff accounts is written here.</source>
        <translation>Bado hakuna kilichorekodiwa. Kuingia kukishahitajika (Wafanyakazi na majukumu), kila kuingia na kila badiliko la akaunti za wafanyakazi huandikwa hapa.</translation>
    </message>
    <message>
        <source>(before sign-in)</source>
        <translation>(kabla ya kuingia)</translation>
    </message>
    <message>
        <source>Kengele could not check the audit trail: %1</source>
        <translation>Kengele haikuweza kukagua kumbukumbu za ukaguzi: %1</translation>
    </message>
    <message>
        <source>The audit trail has been tampered with. Entry %1 is not as it was written: %2 Entries from there on cannot be trusted. Do not change anything on this computer, and tell your church leadership.</source>
        <translation>Kumbukumbu za ukaguzi zimechezewa. Ingizo %1 si kama lilivyoandikwa: %2 Maingizo kuanzia hapo hayaaminiki. Usibadilishe chochote kwenye kompyuta hii, na uwajulishe viongozi wa kanisa lako.</translation>
    </message>
    <message numerus="yes">
        <source>%n entries, unbroken: none was changed, removed or moved.</source>
        <extracomment>The audit trail&apos;s check found nothing wrong: &quot;120 entries, unbroken.&quot;</extracomment>
        <translation>
            <numerusform>Ingizo %n, bila kasoro: hakuna lililobadilishwa, kuondolewa au kuhamishwa.</numerusform>
            <numerusform>Maingizo %n, bila kasoro: hakuna lililobadilishwa, kuondolewa au kuhamishwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Export the audit trail</source>
        <translation>Hamisha kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <source>audit-trail.csv</source>
        <translation>kumbukumbu-za-ukaguzi.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>Kengele audit trail</source>
        <translation>Kumbukumbu za ukaguzi za Kengele</translation>
    </message>
    <message numerus="yes">
        <source>%n entries</source>
        <translation>
            <numerusform>ingizo %n</numerusform>
            <numerusform>maingizo %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha.</translation>
    </message>
    <message>
        <source>Save the audit trail as PDF</source>
        <translation>Hifadhi kumbukumbu za ukaguzi kama PDF</translation>
    </message>
    <message>
        <source>audit-trail.pdf</source>
        <translation>kumbukumbu-za-ukaguzi.pdf</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Faili za PDF (*.pdf)</translation>
    </message>
    <message>
        <source>Print the audit trail</source>
        <translation>Chapisha kumbukumbu za ukaguzi</translation>
    </message>
    <message>
        <source>Computer:</source>
        <translation>Kompyuta:</translation>
    </message>
    <message>
        <source>This computer&apos;s trail, another computer&apos;s as it arrived here, or all of them.</source>
        <translation>Kumbukumbu za kompyuta hii, za kompyuta nyingine kama zilivyofika hapa, au za kompyuta zote.</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Kompyuta hii</translation>
    </message>
    <message>
        <source>Another computer</source>
        <translation>Kompyuta nyingine</translation>
    </message>
    <message>
        <source>All computers</source>
        <translation>Kompyuta zote</translation>
    </message>
    <message>
        <source>The audit trail of %1 has been tampered with. Entry %2 is not as it was written: %3 Entries from there on cannot be trusted. Tell your church leadership.</source>
        <translation>Kumbukumbu za ukaguzi za %1 zimechezewa. Ingizo %2 si kama lilivyoandikwa: %3 Maingizo kuanzia hapo hayaaminiki. Wajulishe viongozi wa kanisa lako.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n entries, unbroken.</source>
        <extracomment>One computer&apos;s audit trail checked: &quot;Office desktop: 120 entries, unbroken.&quot;</extracomment>
        <translation>
            <numerusform>%1: ingizo %n, bila kasoro.</numerusform>
            <numerusform>%1: maingizo %n, bila kasoro.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n entries were set aside by a backup restored on that computer.</source>
        <translation>
            <numerusform>Ingizo %n liliwekwa kando na nakala rudufu iliyorejeshwa kwenye kompyuta hiyo.</numerusform>
            <numerusform>Maingizo %n yaliwekwa kando na nakala rudufu iliyorejeshwa kwenye kompyuta hiyo.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::BackupScheduler</name>
    <message>
        <source>Automatic backups are on, but no backup passphrase is set. Set one in Settings → Backups.</source>
        <translation>Nakala rudufu za kiotomatiki zimewashwa, lakini hakuna kaulisiri ya nakala rudufu iliyowekwa. Iweke katika Mipangilio → Nakala rudufu.</translation>
    </message>
    <message>
        <source>No backup yet</source>
        <translation>Bado hakuna nakala rudufu</translation>
    </message>
    <message>
        <source>Last backup: today</source>
        <translation>Nakala rudufu ya mwisho: leo</translation>
    </message>
    <message>
        <source>Last backup: yesterday</source>
        <translation>Nakala rudufu ya mwisho: jana</translation>
    </message>
    <message numerus="yes">
        <source>Last backup: %n day(s) ago</source>
        <translation>
            <numerusform>Nakala rudufu ya mwisho: siku %n iliyopita</numerusform>
            <numerusform>Nakala rudufu ya mwisho: siku %n zilizopita</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::BackupSettingsWidget</name>
    <message>
        <source>Only an administrator may make, restore or change backups.</source>
        <translation>Ni msimamizi tu anayeweza kutengeneza, kurejesha au kubadilisha nakala rudufu.</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chagua…</translation>
    </message>
    <message>
        <source>Set passphrase…</source>
        <translation>Weka kaulisiri…</translation>
    </message>
    <message>
        <source>Backups are locked with this passphrase, so a lost USB stick shows nothing. Without it nobody can open a backup, not even you: write it down and keep it apart from the backups. Passwords and keys kept by the computer are not in backups.</source>
        <translation>Nakala rudufu zinafungwa kwa kaulisiri hii, kwa hiyo USB iliyopotea haionyeshi chochote. Bila hiyo hakuna anayeweza kufungua nakala rudufu, hata wewe: iandike na uitunze mbali na nakala rudufu. Manenosiri na funguo zinazohifadhiwa na kompyuta hazimo kwenye nakala rudufu.</translation>
    </message>
    <message>
        <source>Folder:</source>
        <translation>Folda:</translation>
    </message>
    <message>
        <source>Passphrase:</source>
        <translation>Kaulisiri:</translation>
    </message>
    <message>
        <source>Made</source>
        <translation>Imetengenezwa</translation>
    </message>
    <message>
        <source>Size</source>
        <translation>Ukubwa</translation>
    </message>
    <message>
        <source>File</source>
        <translation>Faili</translation>
    </message>
    <message>
        <source>Back up now</source>
        <translation>Tengeneza nakala rudufu sasa</translation>
    </message>
    <message>
        <source>Restore…</source>
        <translation>Rejesha…</translation>
    </message>
    <message>
        <source>Backups in the folder:</source>
        <translation>Nakala rudufu zilizo kwenye folda:</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Nakala rudufu</translation>
    </message>
    <message>
        <source>Not set yet: set one before the first backup.</source>
        <translation>Bado haijawekwa: iweke kabla ya nakala rudufu ya kwanza.</translation>
    </message>
    <message>
        <source>Set (kept in this computer&apos;s password store).</source>
        <translation>Imewekwa (imehifadhiwa katika hifadhi ya manenosiri ya kompyuta hii).</translation>
    </message>
    <message>
        <source>Folder for backups</source>
        <translation>Folda ya nakala rudufu</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Kaulisiri ya nakala rudufu</translation>
    </message>
    <message numerus="yes">
        <source>At least %n characters; a few words you will remember work well.</source>
        <translation>
            <numerusform>Angalau herufi %n; maneno machache utakayoyakumbuka yanafaa vizuri.</numerusform>
            <numerusform>Angalau herufi %n; maneno machache utakayoyakumbuka yanafaa vizuri.</numerusform>
        </translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Tena:</translation>
    </message>
    <message>
        <source>The two passphrases differ. Type the same one twice.</source>
        <translation>Kaulisiri hizo mbili hazifanani. Andika ileile mara mbili.</translation>
    </message>
    <message>
        <source>Set the backup passphrase first (Set passphrase…).</source>
        <translation>Weka kaulisiri ya nakala rudufu kwanza (Weka kaulisiri…).</translation>
    </message>
    <message>
        <source>Backup saved: %1.</source>
        <translation>Nakala rudufu imehifadhiwa: %1.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Rejesha nakala rudufu</translation>
    </message>
    <message>
        <source>Kengele backups (*%1)</source>
        <translation>Nakala rudufu za Kengele (*%1)</translation>
    </message>
    <message>
        <source>The passphrase of this backup:</source>
        <translation>Kaulisiri ya nakala rudufu hii:</translation>
    </message>
    <message>
        <source>All the data on this computer (contacts, groups, messages, tokens, the audit trail) will be replaced by the data in %1. The data as it is now is kept aside in the data folder, so nothing is lost. Kengele reopens afterwards.

Restore this backup?</source>
        <translation>Data yote kwenye kompyuta hii (waasiliani, vikundi, jumbe, tokeni, kumbukumbu za ukaguzi) itabadilishwa na data iliyo katika %1. Data ya sasa inawekwa kando katika folda ya data, kwa hiyo hakuna kinachopotea. Kengele itafunguka upya baadaye.

Ungependa kurejesha nakala rudufu hii?</translation>
    </message>
    <message>
        <source>Back up automatically once a day</source>
        <translation>Tengeneza nakala rudufu kiotomatiki mara moja kwa siku</translation>
    </message>
    <message>
        <source>A day missed because the computer was off is made up at the next start.</source>
        <translation>Siku iliyorukwa kwa sababu kompyuta ilikuwa imezimwa hufidiwa wakati wa kuanza unaofuata.</translation>
    </message>
</context>
<context>
    <name>kengele::BackupStatusLabel</name>
    <message>
        <source>It is a while since the last backup. Make one in Settings → Backups, or turn on automatic backups there.</source>
        <translation>Muda umepita tangu nakala rudufu ya mwisho. Tengeneza moja katika Mipangilio → Nakala rudufu, au uwashe nakala rudufu za kiotomatiki hapo.</translation>
    </message>
    <message>
        <source>Backups are in Settings → Backups.</source>
        <translation>Nakala rudufu ziko katika Mipangilio → Nakala rudufu.</translation>
    </message>
</context>
<context>
    <name>kengele::BudgetNameDialog</name>
    <message>
        <source>Add a department budget</source>
        <translation>Ongeza bajeti ya idara</translation>
    </message>
    <message>
        <source>For example: Youth</source>
        <translation>Kwa mfano: Vijana</translation>
    </message>
    <message>
        <source>A department budget keeps tokens for one department, so one department cannot use up another&apos;s. It starts empty: move tokens to it with “Transfer…”, or choose it when you buy.</source>
        <translation>Bajeti ya idara inahifadhi tokeni za idara moja, ili idara moja isimalize tokeni za nyingine. Inaanza tupu: hamishia tokeni kwake kwa “Hamisha…”, au ichague unaponunua.</translation>
    </message>
    <message>
        <source>Department:</source>
        <translation>Idara:</translation>
    </message>
    <message>
        <source>Add budget</source>
        <translation>Ongeza bajeti</translation>
    </message>
    <message>
        <source>Rename the budget %1</source>
        <translation>Badilisha jina la bajeti %1</translation>
    </message>
    <message>
        <source>Rename</source>
        <translation>Badilisha jina</translation>
    </message>
</context>
<context>
    <name>kengele::BudgetWarningDialog</name>
    <message>
        <source>Warning level of %1</source>
        <translation>Kiwango cha tahadhari cha %1</translation>
    </message>
    <message>
        <source>Warn when %1 has fewer tokens than:</source>
        <translation>Tahadharisha %1 ikiwa na tokeni chini ya:</translation>
    </message>
    <message>
        <source>Warning level in tokens</source>
        <translation>Kiwango cha tahadhari kwa tokeni</translation>
    </message>
    <message>
        <source>Below this level the status bar and the Tokens page say so, so there is time to buy tokens or move some before SMS cannot be sent.</source>
        <translation>Chini ya kiwango hiki, upau wa hali na ukurasa wa Tokeni vinasema hivyo, ili upate muda wa kununua tokeni au kuhamisha baadhi kabla SMS hazijashindwa kutumwa.</translation>
    </message>
</context>
<context>
    <name>kengele::BuyTokensDialog</name>
    <message>
        <source>Buy tokens</source>
        <translation>Nunua tokeni</translation>
    </message>
    <message>
        <source>Buy</source>
        <translation>Nunua</translation>
    </message>
    <message>
        <source>Try again…</source>
        <translation>Jaribu tena…</translation>
    </message>
    <message>
        <source>Open Settings → Relay</source>
        <translation>Fungua Mipangilio → Relay</translation>
    </message>
    <message>
        <source>&lt;b&gt;1. Choose a plan.&lt;/b&gt; One token sends one SMS part to one person. Tokens you do not use by the end of their days expire.</source>
        <translation>&lt;b&gt;1. Chagua mpango.&lt;/b&gt; Tokeni moja inatuma sehemu moja ya SMS kwa mtu mmoja. Tokeni usizotumia kufikia mwisho wa siku zake zinaisha muda.</translation>
    </message>
    <message>
        <source>&lt;b&gt;2. Who pays, and where the tokens go.&lt;/b&gt;</source>
        <translation>&lt;b&gt;2. Nani analipa, na tokeni zinakwenda wapi.&lt;/b&gt;</translation>
    </message>
    <message>
        <source>For example: 0712 345 678</source>
        <translation>Kwa mfano: 0712 345 678</translation>
    </message>
    <message>
        <source>M-Pesa number that pays</source>
        <translation>Nambari ya M-Pesa inayolipa</translation>
    </message>
    <message>
        <source>This phone gets a request to enter the M-Pesa PIN.</source>
        <translation>Simu hii itapata ombi la kuweka PIN ya M-Pesa.</translation>
    </message>
    <message>
        <source>Budget the tokens go to</source>
        <translation>Bajeti ambayo tokeni zinakwenda</translation>
    </message>
    <message>
        <source>M-Pesa number that pays:</source>
        <translation>Nambari ya M-Pesa inayolipa:</translation>
    </message>
    <message>
        <source>Add the tokens to:</source>
        <translation>Ongeza tokeni kwenye:</translation>
    </message>
    <message>
        <source>After “Buy”, you can close this window at any time: nothing is lost. The tokens are added when the payment arrives, even if Kengele was closed meanwhile.</source>
        <translation>Baada ya “Nunua”, unaweza kufunga dirisha hili wakati wowote: hakuna kinachopotea. Tokeni zinaongezwa malipo yanapofika, hata kama Kengele ilifungwa kwa muda huo.</translation>
    </message>
    <message>
        <source>No price set on your relay</source>
        <translation>Hakuna bei iliyowekwa kwenye relay yako</translation>
    </message>
    <message>
        <source>Price: asking your relay…</source>
        <translation>Bei: inauliza relay yako…</translation>
    </message>
    <message>
        <source>M-Pesa is not set up on your relay yet, so tokens cannot be bought. Ask whoever runs your relay.</source>
        <translation>M-Pesa bado haijawekwa kwenye relay yako, kwa hiyo tokeni haziwezi kununuliwa. Uliza anayeendesha relay yako.</translation>
    </message>
    <message>
        <source>Your relay uses practice M-Pesa: you can try buying, and no money is taken.</source>
        <translation>Relay yako inatumia M-Pesa ya mazoezi: unaweza kujaribu kununua, na hakuna pesa inayochukuliwa.</translation>
    </message>
    <message>
        <source>Choose a plan first.</source>
        <translation>Chagua mpango kwanza.</translation>
    </message>
    <message>
        <source>Write the number of the phone that pays.</source>
        <translation>Andika nambari ya simu inayolipa.</translation>
    </message>
    <message>
        <source>Waiting for M-Pesa</source>
        <translation>Inasubiri M-Pesa</translation>
    </message>
    <message>
        <source>%1 plan: %2 · %3</source>
        <extracomment>The purchase in the Buy dialog: &quot;Starter plan: 1,000 tokens, for 30 days · Main account&quot;</extracomment>
        <translation>Mpango wa %1: %2 · %3</translation>
    </message>
    <message numerus="yes">
        <source>%1, for %n day(s)</source>
        <translation>
            <numerusform>%1, kwa siku %n</numerusform>
            <numerusform>%1, kwa siku %n</numerusform>
        </translation>
    </message>
    <message>
        <source>M-Pesa has asked the phone %1 to pay for %2 (%3).</source>
        <translation>M-Pesa imeiomba simu %1 ilipie %2 (%3).</translation>
    </message>
    <message>
        <source>M-Pesa has asked the phone %1 to pay %2 for %3 (%4).</source>
        <translation>M-Pesa imeiomba simu %1 ilipe %2 kwa %3 (%4).</translation>
    </message>
    <message>
        <source>Waiting for the payment… This page changes by itself when M-Pesa answers.</source>
        <translation>Inasubiri malipo… Ukurasa huu utabadilika wenyewe M-Pesa itakapojibu.</translation>
    </message>
    <message>
        <source>Practice payment: your relay&apos;s practice M-Pesa answers by itself, and no money is taken.</source>
        <translation>Malipo ya mazoezi: M-Pesa ya mazoezi ya relay yako inajibu yenyewe, na hakuna pesa inayochukuliwa.</translation>
    </message>
    <message>
        <source>M-Pesa receipt: %1</source>
        <translation>Risiti ya M-Pesa: %1</translation>
    </message>
    <message>
        <source>The tokens are on their way: they are added as soon as your relay sends them, usually within a minute.</source>
        <translation>Tokeni ziko njiani: zinaongezwa mara relay yako inapozituma, kwa kawaida ndani ya dakika moja.</translation>
    </message>
    <message>
        <source>Nothing was charged. You can try again.</source>
        <translation>Hakuna kilichotozwa. Unaweza kujaribu tena.</translation>
    </message>
    <message>
        <source>Buy more…</source>
        <translation>Nunua zaidi…</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>Asking your relay…</source>
        <translation>Inauliza relay yako…</translation>
    </message>
    <message>
        <source>Kengele is asking M-Pesa, through your relay, to send the payment request to the phone.</source>
        <translation>Kengele inaiomba M-Pesa, kupitia relay yako, itume ombi la malipo kwenye simu.</translation>
    </message>
    <message>
        <source>You can close this window: nothing is lost.</source>
        <translation>Unaweza kufunga dirisha hili: hakuna kinachopotea.</translation>
    </message>
    <message>
        <source>Check your phone and enter your M-Pesa PIN</source>
        <translation>Angalia simu yako na uweke PIN yako ya M-Pesa</translation>
    </message>
    <message>
        <source>You can close this window: nothing is lost. The tokens are added when the payment arrives, even if you close Kengele, and the Tokens page shows the purchase.</source>
        <translation>Unaweza kufunga dirisha hili: hakuna kinachopotea. Tokeni zinaongezwa malipo yanapofika, hata ukifunga Kengele, na ukurasa wa Tokeni unaonyesha ununuzi.</translation>
    </message>
    <message>
        <source>Paid</source>
        <translation>Imelipwa</translation>
    </message>
    <message>
        <source>You can close this window: the tokens are added when they arrive.</source>
        <translation>Unaweza kufunga dirisha hili: tokeni zinaongezwa zikifika.</translation>
    </message>
    <message>
        <source>Paid: the tokens are here</source>
        <translation>Imelipwa: tokeni zimefika</translation>
    </message>
    <message>
        <source>The payment did not go through</source>
        <translation>Malipo hayakufanikiwa</translation>
    </message>
    <message>
        <source>Close (nothing is lost)</source>
        <translation>Funga (hakuna kinachopotea)</translation>
    </message>
</context>
<context>
    <name>kengele::CampaignCostPanel</name>
    <message>
        <source>People who get it:</source>
        <translation>Watu watakaoupata:</translation>
    </message>
    <message>
        <source>SMS parts per message:</source>
        <translation>Sehemu za SMS kwa kila ujumbe:</translation>
    </message>
    <message>
        <source>SMS parts in all:</source>
        <translation>Sehemu za SMS kwa jumla:</translation>
    </message>
    <message>
        <source>Cost:</source>
        <translation>Gharama:</translation>
    </message>
    <message>
        <source>Balance now:</source>
        <translation>Salio sasa:</translation>
    </message>
    <message>
        <source>Balance after:</source>
        <translation>Salio baadaye:</translation>
    </message>
    <message>
        <source>Characters:</source>
        <translation>Herufi:</translation>
    </message>
    <message>
        <source>3. Check before sending</source>
        <translation>3. Kagua kabla ya kutuma</translation>
    </message>
    <message>
        <source>&lt;b&gt;The first messages as they will read:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Ujumbe wa kwanza jinsi utakavyosomeka:&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>mtu %Ln</numerusform>
            <numerusform>watu %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln with a number that cannot receive SMS (landline)</source>
        <translation>
            <numerusform>%Ln mwenye nambari isiyoweza kupokea SMS (simu ya mezani)</numerusform>
            <numerusform>%Ln wenye nambari zisizoweza kupokea SMS (simu za mezani)</numerusform>
        </translation>
    </message>
    <message>
        <source>nobody</source>
        <translation>hakuna mtu</translation>
    </message>
    <message>
        <source>up to %1 (names change the length)</source>
        <translation>hadi %1 (majina hubadilisha urefu)</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) each time</source>
        <translation>
            <numerusform>tokeni %Ln kila mara</numerusform>
            <numerusform>tokeni %Ln kila mara</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s)</source>
        <translation>
            <numerusform>tokeni %Ln</numerusform>
            <numerusform>tokeni %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 tokens in %2, and %3 set aside for this campaign now</source>
        <translation>tokeni %1 katika %2, na %3 zimetengwa kwa kampeni hii sasa</translation>
    </message>
    <message>
        <source>%1 tokens in %2</source>
        <translation>tokeni %1 katika %2</translation>
    </message>
    <message>
        <source>%1 tokens short</source>
        <translation>zimepungua tokeni %1</translation>
    </message>
    <message>
        <source>%1 tokens after the first time</source>
        <translation>tokeni %1 baada ya mara ya kwanza</translation>
    </message>
    <message>
        <source>%1 tokens</source>
        <translation>tokeni %1</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s), the first on %2.</source>
        <extracomment>%1: &quot;Repeats every week on Sunday until 31 Mar 2027&quot;; %2: &quot;Sun 7 Dec 10:00&quot;</extracomment>
        <translation>
            <numerusform>%1: mara %n, ya kwanza %2.</numerusform>
            <numerusform>%1: mara %n, ya kwanza %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>The people and SMS parts below are for each time, counted again each time with the members of the groups on that day.</source>
        <translation>Watu na sehemu za SMS hapa chini ni kwa kila mara, zinahesabiwa upya kila mara kwa wanachama wa vikundi siku hiyo.</translation>
    </message>
    <message>
        <source>The people, SMS parts and cost below are for each time, counted again each time with the members of the groups on that day. Tokens are taken each time it goes; “Balance after” is after the first time.</source>
        <translation>Watu, sehemu za SMS na gharama hapa chini ni kwa kila mara, zinahesabiwa upya kila mara kwa wanachama wa vikundi siku hiyo. Tokeni zinachukuliwa kila mara unapotumwa; “Salio baadaye” ni baada ya mara ya kwanza.</translation>
    </message>
    <message numerus="yes">
        <source>If the groups stay the same, all %n times together cost %1 tokens.</source>
        <translation>
            <numerusform>Vikundi vikibaki vilevile, mara %n kwa pamoja zinagharimu tokeni %1.</numerusform>
            <numerusform>Vikundi vikibaki vilevile, mara zote %n kwa pamoja zinagharimu tokeni %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose who gets it and write the message to see it here.</source>
        <translation>Chagua nani ataupata na uandike ujumbe ili kuuona hapa.</translation>
    </message>
    <message>
        <source>People in more than one of the chosen groups, or chosen by name as well, get the message once.</source>
        <translation>Watu walio katika zaidi ya kikundi kimoja kati ya vilivyochaguliwa, au waliochaguliwa pia kwa jina, wanapata ujumbe mara moja tu.</translation>
    </message>
    <message>
        <source>Not sent:</source>
        <translation>Hawatatumiwa:</translation>
    </message>
    <message>
        <source>Counted once:</source>
        <translation>Wamehesabiwa mara moja:</translation>
    </message>
    <message>
        <source>1 token = 1 SMS part to one person</source>
        <translation>Tokeni 1 = sehemu 1 ya SMS kwa mtu mmoja</translation>
    </message>
    <message>
        <source>%1 opted out</source>
        <translation>%1 waliojiondoa</translation>
    </message>
    <message>
        <source>nothing (practice mode)</source>
        <translation>hakuna (hali ya mazoezi)</translation>
    </message>
    <message>
        <source>plain letters (160 per SMS part)</source>
        <translation>herufi za kawaida (160 kwa kila sehemu ya SMS)</translation>
    </message>
    <message>
        <source>special characters (70 per SMS part)</source>
        <translation>herufi maalum (70 kwa kila sehemu ya SMS)</translation>
    </message>
    <message>
        <source>plain letters for some, special characters for others</source>
        <translation>herufi za kawaida kwa baadhi, herufi maalum kwa wengine</translation>
    </message>
    <message>
        <source>%1: practice messages use no tokens.</source>
        <translation>%1: jumbe za mazoezi hazitumii tokeni.</translation>
    </message>
</context>
<context>
    <name>kengele::CampaignDetail</name>
    <message>
        <source>Pause</source>
        <translation>Sitisha kwa muda</translation>
    </message>
    <message>
        <source>Stop sending for now; messages not yet sent wait until you resume.</source>
        <translation>Acha kutuma kwa sasa; ujumbe ambao bado haujatumwa utasubiri hadi uendelee.</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>Endelea</translation>
    </message>
    <message>
        <source>Cancel campaign…</source>
        <translation>Ghairi kampeni…</translation>
    </message>
    <message>
        <source>Messages not yet sent are not sent, and their tokens go back to the budget.</source>
        <translation>Ujumbe ambao bado haujatumwa hautatumwa, na tokeni zake zinarudi kwenye bajeti.</translation>
    </message>
    <message>
        <source>Retry failed…</source>
        <translation>Jaribu tena zilizoshindikana…</translation>
    </message>
    <message>
        <source>Try the failed messages once more, for example after a phone was switched back on.</source>
        <translation>Jaribu tena ujumbe ulioshindikana, kwa mfano baada ya simu kuwashwa tena.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Onyesha:</translation>
    </message>
    <message>
        <source>Paused. Press Resume to go on sending.</source>
        <translation>Imesitishwa. Bonyeza Endelea kuendelea kutuma.</translation>
    </message>
    <message>
        <source>Paused: %1</source>
        <translation>Imesitishwa: %1</translation>
    </message>
    <message numerus="yes">
        <source>%Ln person(s)</source>
        <translation>
            <numerusform>mtu %Ln</numerusform>
            <numerusform>watu %Ln</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) in all</source>
        <translation>
            <numerusform>sehemu %Ln ya SMS kwa jumla</numerusform>
            <numerusform>sehemu %Ln za SMS kwa jumla</numerusform>
        </translation>
    </message>
    <message>
        <source>no tokens used</source>
        <translation>hakuna tokeni zilizotumika</translation>
    </message>
    <message>
        <source>priority: %1</source>
        <translation>kipaumbele: %1</translation>
    </message>
    <message>
        <source>sender ID: %1</source>
        <translation>kitambulisho cha mtumaji: %1</translation>
    </message>
    <message>
        <source>will be sent at %1</source>
        <translation>itatumwa saa %1</translation>
    </message>
    <message>
        <source>started %1</source>
        <translation>ilianza %1</translation>
    </message>
    <message>
        <source>ended %1</source>
        <translation>iliisha %1</translation>
    </message>
    <message>
        <source>%1 of %2 messages handled (%p%)</source>
        <translation>Ujumbe %1 kati ya %2 umeshughulikiwa (%p%)</translation>
    </message>
    <message>
        <source>No messages</source>
        <translation>Hakuna ujumbe</translation>
    </message>
    <message>
        <source>%1: &lt;b&gt;%2&lt;/b&gt;</source>
        <translation>%1: &lt;b&gt;%2&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Every message (%1)</source>
        <translation>Jumbe zote (%1)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Retry failed (%1)…</source>
        <translation>Jaribu tena zilizoshindikana (%1)…</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampeni</translation>
    </message>
    <message>
        <source>You paused it.</source>
        <translation>Uliisitisha.</translation>
    </message>
    <message>
        <source>Sending again.</source>
        <translation>Inatuma tena.</translation>
    </message>
    <message>
        <source>Cancel campaign</source>
        <translation>Ghairi kampeni</translation>
    </message>
    <message numerus="yes">
        <source>Cancel “%1”?

%Ln message(s) not yet sent will not be sent, and their tokens go back to the budget. Messages already sent cannot be called back.</source>
        <translation>
            <numerusform>Je, ungependa kughairi “%1”?

Ujumbe %Ln ambao bado haujatumwa hautatumwa, na tokeni zake zinarudi kwenye bajeti. Ujumbe uliokwisha tumwa hauwezi kurudishwa.</numerusform>
            <numerusform>Je, ungependa kughairi “%1”?

Jumbe %Ln ambazo bado hazijatumwa hazitatumwa, na tokeni zake zinarudi kwenye bajeti. Ujumbe uliokwisha tumwa hauwezi kurudishwa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Cancelled: %Ln message(s) will not be sent.</source>
        <translation>
            <numerusform>Imeghairiwa: ujumbe %Ln hautatumwa.</numerusform>
            <numerusform>Imeghairiwa: jumbe %Ln hazitatumwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send again</source>
        <translation>Tuma tena</translation>
    </message>
    <message numerus="yes">
        <source>%Ln message(s) will be sent again.</source>
        <translation>
            <numerusform>Ujumbe %Ln utatumwa tena.</numerusform>
            <numerusform>Jumbe %Ln zitatumwa tena.</numerusform>
        </translation>
    </message>
    <message>
        <source>Their tokens are set aside again before they go.</source>
        <translation>Tokeni zake zinatengwa tena kabla haujatumwa.</translation>
    </message>
    <message>
        <source>Retry failed messages</source>
        <translation>Jaribu tena ujumbe ulioshindikana</translation>
    </message>
    <message numerus="yes">
        <source>Try the %Ln failed message(s) once more?</source>
        <translation>
            <numerusform>Je, ungependa kujaribu tena ujumbe %Ln ulioshindikana?</numerusform>
            <numerusform>Je, ungependa kujaribu tena jumbe %Ln zilizoshindikana?</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln failed message(s) will be tried again.</source>
        <translation>
            <numerusform>Ujumbe %Ln ulioshindikana utajaribiwa tena.</numerusform>
            <numerusform>Jumbe %Ln zilizoshindikana zitajaribiwa tena.</numerusform>
        </translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Hariri…</translation>
    </message>
    <message>
        <source>Change the message, the people, the time or how it repeats, before it goes.</source>
        <translation>Badilisha ujumbe, watu, saa au jinsi unavyojirudia, kabla haujatumwa.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lini</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Watu</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>Maelezo</translation>
    </message>
    <message numerus="yes">
        <source>about %Ln person(s) each time</source>
        <translation>
            <numerusform>takriban mtu %Ln kila mara</numerusform>
            <numerusform>takriban watu %Ln kila mara</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln SMS part(s) each time</source>
        <translation>
            <numerusform>sehemu %Ln ya SMS kila mara</numerusform>
            <numerusform>sehemu %Ln za SMS kila mara</numerusform>
        </translation>
    </message>
    <message>
        <source>was due %1</source>
        <translation>ilipaswa kutumwa %1</translation>
    </message>
    <message>
        <source>This time was not sent.</source>
        <translation>Mara hii haukutumwa.</translation>
    </message>
    <message>
        <source>Cancelled: no more times go.</source>
        <translation>Imeghairiwa: hautatumwa tena.</translation>
    </message>
    <message>
        <source>One time of the repeating campaign “%1”. &lt;a href=&quot;parent&quot;&gt;Show it&lt;/a&gt;</source>
        <translation>Mara moja ya kampeni inayojirudia “%1”. &lt;a href=&quot;parent&quot;&gt;Ionyeshe&lt;/a&gt;</translation>
    </message>
    <message>
        <source>A repeating campaign sends its message anew each time, to the members of its groups on that day. Nothing is set aside before a time goes.</source>
        <translation>Kampeni inayojirudia hutuma ujumbe wake upya kila mara, kwa wanachama wa vikundi vyake siku hiyo. Hakuna tokeni zinazotengwa kabla ya kila mara kutumwa.</translation>
    </message>
    <message>
        <source>No time has gone yet.</source>
        <translation>Bado haujatumwa hata mara moja.</translation>
    </message>
    <message>
        <source>The times so far, newest first (double-click one to see its messages):</source>
        <translation>Mara zilizopita, za karibuni kwanza (bofya mara mbili ili kuona jumbe zake):</translation>
    </message>
    <message>
        <source>No more times go until you resume it.</source>
        <translation>Hautatumwa tena hadi uendelee.</translation>
    </message>
    <message>
        <source>No more times go. Messages already sent by earlier times are not affected.</source>
        <translation>Hautatumwa tena. Jumbe zilizokwisha tumwa mara zilizopita haziathiriwi.</translation>
    </message>
    <message>
        <source>Paused: no more times go until you resume it. A time that is sending now goes on; pause it on its own.</source>
        <translation>Imesitishwa: hautatumwa tena hadi uendelee. Mara inayotumwa sasa inaendelea; isitishe peke yake.</translation>
    </message>
    <message>
        <source>Repeating again. A time that was due while it was paused is not sent late.</source>
        <translation>Inajirudia tena. Mara iliyostahili wakati ilipositishwa haitumwi kwa kuchelewa.</translation>
    </message>
    <message>
        <source>Cancel “%1”?

It will not be sent again: no more times go. Messages already sent by earlier times are not affected, and a time that is sending now goes on (cancel it on its own).</source>
        <translation>Je, ungependa kughairi “%1”?

Hautatumwa tena. Jumbe zilizokwisha tumwa mara zilizopita haziathiriwi, na mara inayotumwa sasa inaendelea (ighairi peke yake).</translation>
    </message>
    <message>
        <source>Send now…</source>
        <translation>Tuma sasa…</translation>
    </message>
    <message>
        <source>Send again to those with no report…</source>
        <translation>Tuma tena kwa wasio na ripoti…</translation>
    </message>
    <message>
        <source>practice messages use no tokens</source>
        <translation>jumbe za mazoezi hazitumii tokeni</translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) each time, taken when it goes (1 token = 1 SMS part to one person)</source>
        <translation>
            <numerusform>tokeni %Ln kila mara, inachukuliwa unapotumwa (tokeni 1 = sehemu 1 ya SMS kwa mtu mmoja)</numerusform>
            <numerusform>tokeni %Ln kila mara, zinachukuliwa unapotumwa (tokeni 1 = sehemu 1 ya SMS kwa mtu mmoja)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%Ln token(s) set aside (1 token = 1 SMS part to one person)</source>
        <translation>
            <numerusform>tokeni %Ln imetengwa (tokeni 1 = sehemu 1 ya SMS kwa mtu mmoja)</numerusform>
            <numerusform>tokeni %Ln zimetengwa (tokeni 1 = sehemu 1 ya SMS kwa mtu mmoja)</numerusform>
        </translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>The reason a message is in its state, for one person: &quot;Mary Wanjiru (+254…): InvalidPhoneNumber&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>To: %1 and %Ln person(s)</source>
        <extracomment>&quot;To: Choir, Women&apos;s Fellowship and 3 people&quot;</extracomment>
        <translation>
            <numerusform>Kwa: %1 na mtu %Ln</numerusform>
            <numerusform>Kwa: %1 na watu %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>To: %1</source>
        <translation>Kwa: %1</translation>
    </message>
    <message numerus="yes">
        <source>To: %Ln person(s)</source>
        <translation>
            <numerusform>Kwa: mtu %Ln</numerusform>
            <numerusform>Kwa: watu %Ln</numerusform>
        </translation>
    </message>
    <message>
        <source>The message:</source>
        <translation>Ujumbe:</translation>
    </message>
    <message>
        <source>The message, with the word each field uses when a person&apos;s detail is missing:</source>
        <translation>Ujumbe, pamoja na neno ambalo kila kipengele hutumia taarifa ya mtu inapokosekana:</translation>
    </message>
    <message>
        <source>The message as %1 will receive it:</source>
        <translation>Ujumbe jinsi %1 atakavyoupokea:</translation>
    </message>
    <message>
        <source>The message as %1 received it:</source>
        <translation>Ujumbe jinsi %1 alivyoupokea:</translation>
    </message>
    <message>
        <source>Practice mode: nothing was paid. Sent for real, this would have cost about %1.</source>
        <translation>Hali ya mazoezi: hakuna kilicholipwa. Jumbe hizi zingetumwa kwa kweli, zingegharimu takriban %1.</translation>
    </message>
    <message>
        <source>Cost: %1 in all, as the SMS provider reported it.</source>
        <translation>Gharama: %1 kwa jumla, kama alivyoripoti mtoa huduma wa SMS.</translation>
    </message>
    <message numerus="yes">
        <source>No delivery report yet for %Ln message(s).</source>
        <translation>
            <numerusform>Hakuna ripoti ya ufikishaji bado kwa ujumbe %Ln.</numerusform>
            <numerusform>Hakuna ripoti ya ufikishaji bado kwa jumbe %Ln.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Kengele sent these but never heard back. Some may have arrived; sending again may give those people a second copy and costs %Ln token(s).</source>
        <translation>
            <numerusform>Kengele ilizituma lakini haikupata jibu lolote. Huenda baadhi zimefika; ukizituma tena, watu hao wanaweza kupata nakala ya pili, na itagharimu tokeni %Ln.</numerusform>
            <numerusform>Kengele ilizituma lakini haikupata jibu lolote. Huenda baadhi zimefika; ukizituma tena, watu hao wanaweza kupata nakala ya pili, na itagharimu tokeni %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Kengele sent these but never heard back. Some may have arrived; sending again may give those people a second copy (practice messages use no tokens).</source>
        <translation>Kengele ilizituma lakini haikupata jibu lolote. Huenda baadhi zimefika; ukizituma tena, watu hao wanaweza kupata nakala ya pili (jumbe za mazoezi hazitumii tokeni).</translation>
    </message>
    <message>
        <source>Send again to those with no report (%1)…</source>
        <translation>Tuma tena kwa wasio na ripoti (%1)…</translation>
    </message>
    <message>
        <source>Send next time now…</source>
        <translation>Tuma mara ijayo sasa…</translation>
    </message>
    <message>
        <source>Send the next time now instead of waiting for it; the time after it is then the next.</source>
        <translation>Tuma mara ijayo sasa badala ya kuisubiri; mara inayofuata baada yake itakuwa ndiyo ijayo.</translation>
    </message>
    <message>
        <source>Send it now instead of waiting for its time.</source>
        <translation>Tuma sasa badala ya kusubiri wakati wake.</translation>
    </message>
    <message>
        <source>Paused. Messages already handed to the SMS provider still go out; the rest wait.</source>
        <translation>Imesitishwa. Jumbe ambazo tayari zimekabidhiwa kwa mtoa huduma wa SMS bado zitatumwa; zilizobaki zinasubiri.</translation>
    </message>
    <message numerus="yes">
        <source>It costs %Ln token(s).</source>
        <translation>
            <numerusform>Itagharimu tokeni %Ln.</numerusform>
            <numerusform>Itagharimu tokeni %Ln.</numerusform>
        </translation>
    </message>
    <message>
        <source>Practice messages use no tokens.</source>
        <translation>Jumbe za mazoezi hazitumii tokeni.</translation>
    </message>
    <message numerus="yes">
        <source>No delivery report yet for %Ln message(s): Kengele sent them but never heard back, so some may have arrived.

Send them again? Those people may then get a second copy.</source>
        <translation>
            <numerusform>Hakuna ripoti ya ufikishaji bado kwa ujumbe %Ln: Kengele iliutuma lakini haikupata jibu lolote, kwa hiyo huenda umefika.

Je, ungependa kuutuma tena? Huenda mtu huyo akapata nakala ya pili.</numerusform>
            <numerusform>Hakuna ripoti ya ufikishaji bado kwa jumbe %Ln: Kengele ilizituma lakini haikupata jibu lolote, kwa hiyo huenda baadhi zimefika.

Je, ungependa kuzituma tena? Huenda watu hao wakapata nakala ya pili.</numerusform>
        </translation>
    </message>
    <message>
        <source>Send the next time of “%1”, due %2, now?</source>
        <translation>Je, ungependa kutuma sasa mara ijayo ya “%1”, inayopaswa kutumwa %2?</translation>
    </message>
    <message>
        <source>It is the last time: the repeating message then ends.</source>
        <translation>Ni mara ya mwisho: kisha ujumbe unaojirudia utakwisha.</translation>
    </message>
    <message>
        <source>The time after it, %1, is then the next.</source>
        <translation>Kisha mara inayofuata, %1, itakuwa ndiyo ijayo.</translation>
    </message>
    <message>
        <source>Send “%1” now instead of at %2? It goes to the members of its groups as they are now.</source>
        <translation>Je, ungependa kutuma “%1” sasa badala ya %2? Utatumwa kwa wanachama wa vikundi vyake kama walivyo sasa.</translation>
    </message>
    <message>
        <source>Send now</source>
        <translation>Tuma sasa</translation>
    </message>
    <message>
        <source>Sending now.</source>
        <translation>Inatumwa sasa.</translation>
    </message>
    <message>
        <source>To: all contacts</source>
        <translation>Kwa: waasiliani wote</translation>
    </message>
    <message>
        <source>Messages of this campaign</source>
        <translation>Jumbe za kampeni hii</translation>
    </message>
    <message>
        <source>Times it was sent</source>
        <translation>Mara ilipotumwa</translation>
    </message>
    <message>
        <source>Report…</source>
        <translation>Ripoti…</translation>
    </message>
    <message>
        <source>This campaign&apos;s report: delivery, failures and replies, to print or save.</source>
        <translation>Ripoti ya kampeni hii: ufikishaji, zilizoshindikana na majibu, ya kuchapisha au kuhifadhi.</translation>
    </message>
    <message>
        <source>Another computer of the church sends this campaign: change it on that computer.</source>
        <translation>Kampeni hii inatumwa na kompyuta nyingine ya kanisa: ibadilishe kwenye kompyuta hiyo.</translation>
    </message>
    <message>
        <source>Another computer of the church sends this campaign. Its progress comes from that computer; change, pause or cancel it there.</source>
        <translation>Kompyuta nyingine ya kanisa inatuma kampeni hii. Maendeleo yake yanatoka kwenye kompyuta hiyo; ibadilishe, isitishe kwa muda au ighairi huko.</translation>
    </message>
</context>
<context>
    <name>kengele::CampaignListModel</name>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>People</source>
        <translation>Watu</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lini</translation>
    </message>
    <message>
        <source>%1. Next time: %2</source>
        <translation>%1. Mara ijayo: %2</translation>
    </message>
    <message>
        <source>SMS</source>
        <translation>SMS</translation>
    </message>
</context>
<context>
    <name>kengele::CampaignService</name>
    <message>
        <source>The message is empty. Write the text or choose a template.</source>
        <translation>Ujumbe ni mtupu. Andika maandishi au chagua kiolezo.</translation>
    </message>
    <message>
        <source>Choose at least one group or person to send to.</source>
        <translation>Chagua angalau kikundi kimoja au mtu mmoja wa kumtumia.</translation>
    </message>
    <message>
        <source>The chosen time, %1, has already passed. Choose a later time or send now.</source>
        <translation>Wakati uliochaguliwa, %1, umeshapita. Chagua wakati wa baadaye au tuma sasa.</translation>
    </message>
    <message>
        <source>The message is too long: %1 SMS parts for one person (at most %2 are allowed). Shorten it, or send it as two messages.</source>
        <translation>Ujumbe ni mrefu mno: sehemu %1 za SMS kwa mtu mmoja (zisizozidi %2 zinaruhusiwa). Ufupishe, au utume kama jumbe mbili.</translation>
    </message>
    <message>
        <source>Long message: up to %1 SMS parts per person, each costing one token.</source>
        <translation>Ujumbe mrefu: hadi sehemu %1 za SMS kwa kila mtu, kila moja ikigharimu tokeni moja.</translation>
    </message>
    <message>
        <source>Nobody to send to in: %1.</source>
        <translation>Hakuna wa kumtumia katika: %1.</translation>
    </message>
    <message>
        <source>Message of %1</source>
        <translation>Ujumbe wa %1</translation>
    </message>
    <message>
        <source>Queuing the campaign</source>
        <translation>Kuweka kampeni kwenye foleni</translation>
    </message>
    <message>
        <source>Reading the campaign</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message>
        <source>There is no campaign number %1.</source>
        <translation>Hakuna kampeni nambari %1.</translation>
    </message>
    <message>
        <source>Reading campaigns</source>
        <translation>Kusoma kampeni</translation>
    </message>
    <message numerus="yes">
        <source>Left out: %n number(s) that cannot receive SMS (landlines and other numbers that are not mobile). Correct them in Contacts.</source>
        <translation>
            <numerusform>Imeachwa: nambari %n isiyoweza kupokea SMS (simu za mezani na nambari nyingine zisizo za rununu). Isahihishe katika Waasiliani.</numerusform>
            <numerusform>Zimeachwa: nambari %n zisizoweza kupokea SMS (simu za mezani na nambari nyingine zisizo za rununu). Zisahihishe katika Waasiliani.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose at least one day of the week for a weekly message.</source>
        <translation>Chagua angalau siku moja ya wiki kwa ujumbe wa kila wiki.</translation>
    </message>
    <message>
        <source>A repeating message needs an end date. Choose the last day it should go out.</source>
        <translation>Ujumbe unaojirudia unahitaji tarehe ya mwisho. Chagua siku ya mwisho unayotaka utumwe.</translation>
    </message>
    <message>
        <source>The end date, %1, comes before the first message (%2). Choose a later end date.</source>
        <translation>Tarehe ya mwisho, %1, inakuja kabla ya ujumbe wa kwanza (%2). Chagua tarehe ya mwisho ya baadaye.</translation>
    </message>
    <message>
        <source>Not enough tokens for the first message: it needs %1 and the %2 account has %3. Add tokens, or choose fewer people.</source>
        <translation>Tokeni hazitoshi kwa ujumbe wa kwanza: unahitaji %1 na akaunti ya %2 ina %3. Ongeza tokeni, au chagua watu wachache.</translation>
    </message>
    <message>
        <source>“%1” can no longer be changed: it has started sending or has ended.</source>
        <translation>“%1” haiwezi kubadilishwa tena: imeanza kutumwa au imekwisha.</translation>
    </message>
    <message>
        <source>“%1” can no longer be changed: it has started sending.</source>
        <translation>“%1” haiwezi kubadilishwa tena: imeanza kutumwa.</translation>
    </message>
    <message>
        <source>Campaign changed before sending</source>
        <translation>Kampeni ilibadilishwa kabla ya kutumwa</translation>
    </message>
    <message>
        <source>Changing the campaign</source>
        <translation>Kubadilisha kampeni</translation>
    </message>
    <message>
        <source>You paused it: no more times go until you resume it.</source>
        <translation>Uliisitisha: hakuna ujumbe zaidi utakaotumwa hadi uiendeleze.</translation>
    </message>
    <message>
        <source>Pausing the campaign</source>
        <translation>Kusitisha kampeni kwa muda</translation>
    </message>
    <message>
        <source>Resuming the campaign</source>
        <translation>Kuendeleza kampeni</translation>
    </message>
    <message>
        <source>“All contacts” already includes every group and person: choose either all contacts, or groups and people.</source>
        <translation>“Waasiliani wote” tayari inajumuisha kila kikundi na kila mtu: chagua ama waasiliani wote, ama vikundi na watu.</translation>
    </message>
    <message>
        <source>A repeating campaign goes to groups and contacts only.</source>
        <translation>Kampeni inayojirudia inaweza kutumwa kwa vikundi na waasiliani tu.</translation>
    </message>
    <message>
        <source>The message uses special characters: only 70 characters fit in one SMS part.</source>
        <translation>Ujumbe una herufi maalum: herufi 70 tu zinatosha katika sehemu moja ya SMS.</translation>
    </message>
    <message>
        <source>“%1” is not waiting for its time: it has started sending or has ended.</source>
        <translation>“%1” haisubiri wakati wake tena: imeanza kutumwa au imekwisha.</translation>
    </message>
</context>
<context>
    <name>kengele::CampaignsPage</name>
    <message>
        <source>Try again</source>
        <translation>Jaribu tena</translation>
    </message>
    <message>
        <source>Sending has stopped: %1</source>
        <translation>Utumaji umesimama: %1</translation>
    </message>
    <message>
        <source>Change campaign</source>
        <translation>Badilisha kampeni</translation>
    </message>
    <message>
        <source>%1 Nothing is lost: the messages wait in the queue, and Kengele tries again at %2 by itself.</source>
        <translation>%1 Hakuna kilichopotea: ujumbe unasubiri kwenye foleni, na Kengele itajaribu tena yenyewe saa %2.</translation>
    </message>
    <message>
        <source>Send SMS…</source>
        <translation>Tuma SMS…</translation>
    </message>
    <message>
        <source>Write an SMS and send it to groups or single people.</source>
        <translation>Andika SMS na uitume kwa vikundi au kwa watu mmoja mmoja.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No SMS sent yet&lt;/h2&gt;&lt;p&gt;Here you will find every SMS you send to groups or single people, and what became of it. Press “Send SMS…” to write your first one: you will see who gets it and what it costs before anything is sent.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna SMS iliyotumwa&lt;/h2&gt;&lt;p&gt;Hapa utapata kila SMS unayotuma kwa vikundi au kwa watu mmoja mmoja, na kilichotokea kwayo. Bonyeza “Tuma SMS…” ili kuandika SMS yako ya kwanza: utaona nani ataipata na gharama yake kabla chochote hakijatumwa.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Newest first</source>
        <translation>Za karibuni kwanza</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Sent SMS&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;SMS zilizotumwa&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>The SMS is queued. It goes out as soon as Kengele&apos;s sending is ready.</source>
        <translation>SMS imewekwa kwenye foleni. Itatumwa mara tu utumaji wa Kengele utakapokuwa tayari.</translation>
    </message>
    <message>
        <source>Sent SMS</source>
        <translation>SMS zilizotumwa</translation>
    </message>
    <message>
        <source>Send SMS</source>
        <translation>Tuma SMS</translation>
    </message>
</context>
<context>
    <name>kengele::ComposeCampaignDialog</name>
    <message>
        <source>New campaign</source>
        <translation>Kampeni mpya</translation>
    </message>
    <message>
        <source>For example: Sunday service reminder</source>
        <translation>Kwa mfano: Kikumbusho cha ibada ya Jumapili</translation>
    </message>
    <message>
        <source>Send…</source>
        <translation>Tuma…</translation>
    </message>
    <message>
        <source>Name of the campaign:</source>
        <translation>Jina la kampeni:</translation>
    </message>
    <message>
        <source>Write a new message</source>
        <translation>Andika ujumbe mpya</translation>
    </message>
    <message>
        <source>The account&apos;s default</source>
        <translation>Cha kawaida cha akaunti</translation>
    </message>
    <message>
        <source>The name people see as the sender, up to 11 letters, digits and spaces, as registered with Africa&apos;s Talking. Leave it empty to use your account&apos;s default.</source>
        <translation>Jina ambalo watu wanaona kama mtumaji, hadi herufi, tarakimu na nafasi 11, kama lilivyosajiliwa na Africa&apos;s Talking. Liache tupu kutumia lile la kawaida la akaunti yako.</translation>
    </message>
    <message>
        <source>Goes before everything else, even during quiet hours at night. For funerals and emergencies.</source>
        <translation>Hutangulia kila kitu, hata wakati wa saa za utulivu usiku. Kwa misiba na dharura.</translation>
    </message>
    <message>
        <source>Goes after other campaigns that are waiting.</source>
        <translation>Hufuata kampeni nyingine zinazosubiri.</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%Ln token(s))</source>
        <translation>
            <numerusform>%1 (tokeni %Ln)</numerusform>
            <numerusform>%1 (tokeni %Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>The budget that pays for this campaign.</source>
        <translation>Bajeti inayolipia kampeni hii.</translation>
    </message>
    <message>
        <source>Sender ID:</source>
        <translation>Kitambulisho cha mtumaji:</translation>
    </message>
    <message>
        <source>Priority:</source>
        <translation>Kipaumbele:</translation>
    </message>
    <message>
        <source>Pay from:</source>
        <translation>Lipa kutoka:</translation>
    </message>
    <message>
        <source>Start from:</source>
        <translation>Anza kutoka:</translation>
    </message>
    <message>
        <source>2. The message</source>
        <translation>2. Ujumbe</translation>
    </message>
    <message>
        <source>Use template</source>
        <translation>Tumia kiolezo</translation>
    </message>
    <message>
        <source>Replace the message you wrote with the template?</source>
        <translation>Je, ungependa kubadilisha ujumbe ulioandika kwa kiolezo?</translation>
    </message>
    <message>
        <source>Quiet hours (%1 to %2): the messages wait until %3. Choose the priority Urgent to send them at night anyway.</source>
        <translation>Saa za utulivu (%1 hadi %2): ujumbe utasubiri hadi %3. Chagua kipaumbele cha Dharura ili kuutuma usiku hata hivyo.</translation>
    </message>
    <message>
        <source>Not enough tokens: this campaign needs %1 tokens but %2 has %3. Buy tokens, pay from another budget, or send to fewer people.</source>
        <translation>Tokeni hazitoshi: kampeni hii inahitaji tokeni %1 lakini %2 ina %3. Nunua tokeni, lipa kutoka bajeti nyingine, au tuma kwa watu wachache.</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Panga ratiba…</translation>
    </message>
    <message numerus="yes">
        <source>Schedule for %Ln person(s)…</source>
        <translation>
            <numerusform>Panga ratiba kwa mtu %Ln…</numerusform>
            <numerusform>Panga ratiba kwa watu %Ln…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send to %Ln person(s)…</source>
        <translation>
            <numerusform>Tuma kwa mtu %Ln…</numerusform>
            <numerusform>Tuma kwa watu %Ln…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s) at %2?</source>
        <translation>
            <numerusform>Je, ungependa kutuma “%1” kwa mtu %Ln saa %2?</numerusform>
            <numerusform>Je, ungependa kutuma “%1” kwa watu %Ln saa %2?</numerusform>
        </translation>
    </message>
    <message>
        <source>this message</source>
        <translation>ujumbe huu</translation>
    </message>
    <message numerus="yes">
        <source>Send “%1” to %Ln person(s) now?</source>
        <translation>
            <numerusform>Je, ungependa kutuma “%1” kwa mtu %Ln sasa?</numerusform>
            <numerusform>Je, ungependa kutuma “%1” kwa watu %Ln sasa?</numerusform>
        </translation>
    </message>
    <message>
        <source>SMS parts in all: %1</source>
        <translation>Sehemu za SMS kwa jumla: %1</translation>
    </message>
    <message>
        <source>Cost: %1 tokens from %2, leaving %3 tokens.</source>
        <translation>Gharama: tokeni %1 kutoka %2, zitabaki tokeni %3.</translation>
    </message>
    <message>
        <source>%1. No tokens are used.</source>
        <translation>%1. Hakuna tokeni zinazotumika.</translation>
    </message>
    <message>
        <source>Sender ID: the account&apos;s default</source>
        <translation>Kitambulisho cha mtumaji: cha kawaida cha akaunti</translation>
    </message>
    <message>
        <source>Sender ID: %1</source>
        <translation>Kitambulisho cha mtumaji: %1</translation>
    </message>
    <message>
        <source>Priority: %1</source>
        <translation>Kipaumbele: %1</translation>
    </message>
    <message>
        <source>A message that has gone out cannot be called back.</source>
        <translation>Ujumbe uliokwisha tumwa hauwezi kurudishwa.</translation>
    </message>
    <message>
        <source>Send campaign</source>
        <translation>Tuma kampeni</translation>
    </message>
    <message>
        <source>“%1” can no longer be changed: it has started sending or has ended.</source>
        <translation>“%1” haiwezi kubadilishwa tena: imeanza kutumwa au imekwisha.</translation>
    </message>
    <message>
        <source>Change campaign</source>
        <translation>Badilisha kampeni</translation>
    </message>
    <message>
        <source>Quiet hours (%1 to %2): the first time, the messages wait until %3. Choose another time of day, or the priority Urgent to send them at night anyway.</source>
        <translation>Saa za utulivu (%1 hadi %2): mara ya kwanza, ujumbe utasubiri hadi %3. Chagua saa nyingine ya siku, au kipaumbele cha Dharura ili kuutuma usiku hata hivyo.</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n time(s), the first on %2.</source>
        <translation>
            <numerusform>%1: mara %n, ya kwanza %2.</numerusform>
            <numerusform>%1: mara %n, ya kwanza %2.</numerusform>
        </translation>
    </message>
    <message>
        <source>Not enough tokens for the first time: it needs %1 tokens but %2 has %3. Buy tokens, pay from another budget, or send to fewer people.</source>
        <translation>Tokeni hazitoshi kwa mara ya kwanza: inahitaji tokeni %1 lakini %2 ina %3. Nunua tokeni, lipa kutoka bajeti nyingine, au tuma kwa watu wachache.</translation>
    </message>
    <message>
        <source>Save changes…</source>
        <translation>Hifadhi mabadiliko…</translation>
    </message>
    <message>
        <source>Save the changes to “%1”?</source>
        <translation>Je, ungependa kuhifadhi mabadiliko ya “%1”?</translation>
    </message>
    <message>
        <source>You changed nothing; the people are counted again.</source>
        <translation>Hujabadilisha chochote; watu wanahesabiwa upya.</translation>
    </message>
    <message>
        <source>What changes: %1.</source>
        <translation>Kinachobadilika: %1.</translation>
    </message>
    <message numerus="yes">
        <source>Before: %1, about %Ln person(s) each time.</source>
        <translation>
            <numerusform>Kabla: %1, takriban mtu %Ln kila mara.</numerusform>
            <numerusform>Kabla: %1, takriban watu %Ln kila mara.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Before: %Ln person(s), %1 SMS parts, %2 tokens set aside.</source>
        <translation>
            <numerusform>Kabla: mtu %Ln, sehemu %1 za SMS, tokeni %2 zimetengwa.</numerusform>
            <numerusform>Kabla: watu %Ln, sehemu %1 za SMS, tokeni %2 zimetengwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Schedule “%1”?</source>
        <translation>Je, ungependa kupanga ratiba ya “%1”?</translation>
    </message>
    <message numerus="yes">
        <source>Each time: %Ln person(s), %1 SMS parts (counted again each time with the members of that day).</source>
        <translation>
            <numerusform>Kila mara: mtu %Ln, sehemu %1 za SMS (zinahesabiwa upya kila mara kwa wanachama wa siku hiyo).</numerusform>
            <numerusform>Kila mara: watu %Ln, sehemu %1 za SMS (zinahesabiwa upya kila mara kwa wanachama wa siku hiyo).</numerusform>
        </translation>
    </message>
    <message>
        <source>Cost each time: %1 tokens from %2, taken when it goes. After the first time %3 tokens are left.</source>
        <translation>Gharama kila mara: tokeni %1 kutoka %2, zinachukuliwa unapotumwa. Baada ya mara ya kwanza zitabaki tokeni %3.</translation>
    </message>
    <message numerus="yes">
        <source>It will be sent to %Ln person(s) at %1.</source>
        <translation>
            <numerusform>Utatumwa kwa mtu %Ln saa %1.</numerusform>
            <numerusform>Utatumwa kwa watu %Ln saa %1.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>It will be sent to %Ln person(s) now.</source>
        <translation>
            <numerusform>Utatumwa kwa mtu %Ln sasa.</numerusform>
            <numerusform>Utatumwa kwa watu %Ln sasa.</numerusform>
        </translation>
    </message>
    <message>
        <source>The %1 tokens set aside for it now go back to %2 first.</source>
        <translation>Tokeni %1 zilizotengwa kwake sasa zinarudi kwanza kwa %2.</translation>
    </message>
    <message>
        <source>Schedule campaign</source>
        <translation>Panga ratiba ya kampeni</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1.&lt;/b&gt; Messages go to Kengele&apos;s practice gateway on this computer, which answers like Africa&apos;s Talking and reports them delivered. Practice messages use no tokens. Choose Africa&apos;s Talking in Tools → Settings → SMS gateway to send real SMS.</source>
        <translation>&lt;b&gt;%1.&lt;/b&gt; Jumbe zinakwenda kwenye lango la mazoezi la Kengele katika kompyuta hii, linalojibu kama Africa&apos;s Talking na kuripoti kwamba zimefika. Jumbe za mazoezi hazitumii tokeni. Chagua Africa&apos;s Talking katika Zana → Mipangilio → Lango la SMS ili kutuma SMS halisi.</translation>
    </message>
    <message>
        <source>More options</source>
        <translation>Chaguo zaidi</translation>
    </message>
    <message>
        <source>Sender ID, priority and the budget that pays</source>
        <translation>Kitambulisho cha mtumaji, kipaumbele na bajeti inayolipa</translation>
    </message>
    <message>
        <source>Pay from: %1</source>
        <translation>Lipa kutoka: %1</translation>
    </message>
    <message>
        <source>You can pause, change or stop it on the Sent SMS page before any time it goes. A message that has gone out cannot be called back.</source>
        <translation>Unaweza kuisitisha, kuibadilisha au kuighairi kwenye ukurasa wa SMS zilizotumwa kabla ya kila mara inapotumwa. Ujumbe uliokwisha tumwa hauwezi kurudishwa.</translation>
    </message>
    <message>
        <source>Name of the campaign</source>
        <translation>Jina la kampeni</translation>
    </message>
    <message>
        <source>Buy tokens…</source>
        <translation>Nunua tokeni…</translation>
    </message>
    <message>
        <source>Buy tokens with M-Pesa without leaving this message.</source>
        <translation>Nunua tokeni kwa M-Pesa bila kuacha ujumbe huu.</translation>
    </message>
    <message>
        <source>Buy the %1 plan…</source>
        <translation>Nunua mpango wa %1…</translation>
    </message>
</context>
<context>
    <name>kengele::ComputersBanner</name>
    <message>
        <source>Waiting for an administrator on another computer to let this computer in.</source>
        <translation>Inasubiri msimamizi kwenye kompyuta nyingine aidhinishe kompyuta hii.</translation>
    </message>
    <message>
        <source>Kengele must be open on that computer; a safety code appears here once it has answered.</source>
        <translation>Kengele lazima iwe imefunguliwa kwenye kompyuta hiyo; msimbo wa usalama utaonekana hapa itakapojibu.</translation>
    </message>
    <message>
        <source>Safety code %1 — the other computer must show the same code.</source>
        <translation>Msimbo wa usalama %1 — kompyuta nyingine lazima ionyeshe msimbo ule ule.</translation>
    </message>
    <message>
        <source>This computer is now one of the church&apos;s computers.</source>
        <translation>Kompyuta hii sasa ni mojawapo ya kompyuta za kanisa.</translation>
    </message>
    <message>
        <source>This computer is now part of %1.</source>
        <translation>Kompyuta hii sasa ni sehemu ya %1.</translation>
    </message>
    <message numerus="yes">
        <source>Receiving the church&apos;s contacts, groups and templates: %n contact(s) so far.</source>
        <translation>
            <numerusform>Inapokea waasiliani, vikundi na violezo vya kanisa: mwasiliani %n hadi sasa.</numerusform>
            <numerusform>Inapokea waasiliani, vikundi na violezo vya kanisa: waasiliani %n hadi sasa.</numerusform>
        </translation>
    </message>
    <message>
        <source>“%1” wants to join this church&apos;s Kengele.</source>
        <translation>“%1” inataka kujiunga na Kengele ya kanisa hili.</translation>
    </message>
    <message>
        <source>Getting its safety code…</source>
        <translation>Inapata msimbo wake wa usalama…</translation>
    </message>
    <message>
        <source>“%1” wants to join.</source>
        <translation>“%1” inataka kujiunga.</translation>
    </message>
    <message>
        <source>Safety code %1 — does “%2” show the same?</source>
        <translation>Msimbo wa usalama %1 — je, “%2” inaonyesha msimbo ule ule?</translation>
    </message>
    <message>
        <source>OK</source>
        <translation>Sawa</translation>
    </message>
    <message>
        <source>“%1” is waiting to join this church&apos;s Kengele. An administrator must let it in.</source>
        <translation>“%1” inasubiri kujiunga na Kengele ya kanisa hili. Msimamizi lazima aiidhinishe.</translation>
    </message>
    <message>
        <source>Yes, let it in</source>
        <translation>Ndiyo, iidhinishe</translation>
    </message>
    <message>
        <source>Later</source>
        <translation>Baadaye</translation>
    </message>
    <message>
        <source>No</source>
        <translation>Hapana</translation>
    </message>
    <message>
        <source>The computer stays waiting; you can let it in later in Settings → Computers. If the codes are different, do not let it in: someone may be interfering.</source>
        <translation>Kompyuta itaendelea kusubiri; unaweza kuiidhinisha baadaye katika Mipangilio → Kompyuta. Ikiwa misimbo ni tofauti, usiiidhinishe: huenda kuna mtu anayeingilia kati.</translation>
    </message>
    <message>
        <source>Merge with the church&apos;s data</source>
        <translation>Unganisha na data ya kanisa</translation>
    </message>
    <message>
        <source>This computer has been let in, and it holds %1 of its own. Merged, they join the church&apos;s data (the same phone number becomes one contact; nothing is duplicated) and the other computers receive them. Or start from the church&apos;s data: this computer&apos;s own are kept in a backup first.</source>
        <translation>Kompyuta hii imeidhinishwa, na ina data yake yenyewe: %1. Ikiunganishwa, data hiyo inaingia kwenye data ya kanisa (nambari ya simu ile ile inakuwa mwasiliani mmoja; hakuna kinachorudiwa) na kompyuta nyingine zinaipokea. Au anza na data ya kanisa: data ya kompyuta hii yenyewe huhifadhiwa kwanza kwenye nakala rudufu.</translation>
    </message>
    <message>
        <source>Start from the church&apos;s data…</source>
        <translation>Anza na data ya kanisa…</translation>
    </message>
    <message>
        <source>Only an administrator can choose what happens to this computer&apos;s own data.</source>
        <translation>Ni msimamizi tu anayeweza kuchagua kitakachofanyika kwa data ya kompyuta hii yenyewe.</translation>
    </message>
    <message>
        <source>Start from the church&apos;s data</source>
        <translation>Anza na data ya kanisa</translation>
    </message>
    <message>
        <source>This computer&apos;s %1 are kept in an encrypted backup in the backup folder (Settings → Backups can restore it), then set aside here. This computer then receives the church&apos;s contacts, groups and templates. Its messages inbox and its settings stay.

Start from the church&apos;s data?</source>
        <translation>Data ya kompyuta hii (%1) itahifadhiwa kwenye nakala rudufu iliyosimbwa fiche katika folda ya nakala rudufu (Mipangilio → Nakala rudufu inaweza kuirejesha), kisha itawekwa kando hapa. Kisha kompyuta hii itapokea waasiliani, vikundi na violezo vya kanisa. Sanduku lake la ujumbe na mipangilio yake vinabaki.

Je, uanze na data ya kanisa?</translation>
    </message>
    <message>
        <source>Backup passphrase</source>
        <translation>Kaulisiri ya nakala rudufu</translation>
    </message>
    <message>
        <source>A passphrase for the backup of this computer&apos;s own data. Keep it: the backup opens only with it.</source>
        <translation>Kaulisiri ya nakala rudufu ya data ya kompyuta hii yenyewe. Itunze: nakala rudufu inafunguka kwa kaulisiri hii tu.</translation>
    </message>
</context>
<context>
    <name>kengele::ComputersSettingsWidget</name>
    <message>
        <source>Computer</source>
        <translation>Kompyuta</translation>
    </message>
    <message>
        <source>Person</source>
        <translation>Mtu</translation>
    </message>
    <message>
        <source>Last seen</source>
        <translation>Ilionekana mwisho</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>The church&apos;s computers</source>
        <translation>Kompyuta za kanisa</translation>
    </message>
    <message>
        <source>Let in…</source>
        <translation>Idhinisha…</translation>
    </message>
    <message>
        <source>Remove…</source>
        <translation>Ondoa…</translation>
    </message>
    <message>
        <source>Recent conflicts…</source>
        <translation>Migongano ya hivi karibuni…</translation>
    </message>
    <message>
        <source>Changes made on two computers at the same time, and which one was kept.</source>
        <translation>Mabadiliko yaliyofanywa kwenye kompyuta mbili kwa wakati mmoja, na lipi lilibaki.</translation>
    </message>
    <message>
        <source>Look again</source>
        <translation>Angalia tena</translation>
    </message>
    <message>
        <source>Computers</source>
        <translation>Kompyuta</translation>
    </message>
    <message>
        <source>Removed</source>
        <translation>Imeondolewa</translation>
    </message>
    <message>
        <source>This computer (waiting for approval)</source>
        <translation>Kompyuta hii (inasubiri idhini)</translation>
    </message>
    <message>
        <source>This computer</source>
        <translation>Kompyuta hii</translation>
    </message>
    <message>
        <source>Waiting for approval</source>
        <translation>Inasubiri idhini</translation>
    </message>
    <message>
        <source>In</source>
        <translation>Imeidhinishwa</translation>
    </message>
    <message>
        <source>Not let in</source>
        <translation>Haijaidhinishwa</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;To add a computer:&lt;/b&gt; ask the person who runs your relay for an enrolment code for it (&lt;code&gt;kengele-relay device enroll&lt;/code&gt;). On the new computer, enter the code in Settings → Relay. Then an administrator lets it in here, after checking that both computers show the same safety code.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kuongeza kompyuta:&lt;/b&gt; omba msimbo wa usajili kwa ajili yake kwa mtu anayeendesha relay yako (&lt;code&gt;kengele-relay device enroll&lt;/code&gt;). Kwenye kompyuta mpya, weka msimbo huo katika Mipangilio → Relay. Kisha msimamizi anaiidhinisha hapa, baada ya kuhakikisha kwamba kompyuta zote mbili zinaonyesha msimbo wa usalama ule ule.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;This computer is not connected to a relay&lt;/h3&gt;&lt;p&gt;Several computers of one church share their contacts, groups and templates through the church&apos;s relay, encrypted so the relay cannot read them. Connect this computer in Settings → Relay first.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompyuta hii haijaunganishwa na relay&lt;/h3&gt;&lt;p&gt;Kompyuta kadhaa za kanisa moja hushiriki waasiliani, vikundi na violezo vyao kupitia relay ya kanisa, vikiwa vimesimbwa fiche ili relay isiweze kuvisoma. Unganisha kompyuta hii kwanza katika Mipangilio → Relay.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;This computer is waiting to be let in&lt;/h3&gt;&lt;p&gt;An administrator on one of the church&apos;s computers must let it in. The list of computers appears here afterwards.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Kompyuta hii inasubiri kuidhinishwa&lt;/h3&gt;&lt;p&gt;Msimamizi kwenye mojawapo ya kompyuta za kanisa lazima aiidhinishe. Orodha ya kompyuta itaonekana hapa baadaye.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;The relay cannot be reached&lt;/h3&gt;&lt;p&gt;The list of computers appears once the relay answers.&lt;/p&gt;</source>
        <translation>&lt;h3&gt;Relay haipatikani&lt;/h3&gt;&lt;p&gt;Orodha ya kompyuta itaonekana relay itakapojibu.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Asking the relay for the church&apos;s computers…&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Inaomba relay orodha ya kompyuta za kanisa…&lt;/h3&gt;</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(hana jina)</translation>
    </message>
    <message>
        <source>—</source>
        <translation>—</translation>
    </message>
    <message>
        <source>now</source>
        <translation>sasa</translation>
    </message>
    <message>
        <source>never</source>
        <translation>haijawahi kuonekana</translation>
    </message>
    <message numerus="yes">
        <source>These computers share the church&apos;s contacts, groups and templates, encrypted so the relay cannot read them. %n other computer(s) in step with this one.</source>
        <translation>
            <numerusform>Kompyuta hizi hushiriki waasiliani, vikundi na violezo vya kanisa, vikiwa vimesimbwa fiche ili relay isiweze kuvisoma. Kompyuta nyingine %n imesawazishwa na hii.</numerusform>
            <numerusform>Kompyuta hizi hushiriki waasiliani, vikundi na violezo vya kanisa, vikiwa vimesimbwa fiche ili relay isiweze kuvisoma. Kompyuta nyingine %n zimesawazishwa na hii.</numerusform>
        </translation>
    </message>
    <message>
        <source>Only an administrator may let a computer in or remove one.</source>
        <translation>Ni msimamizi tu anayeweza kuruhusu kompyuta iingie au kuiondoa.</translation>
    </message>
    <message>
        <source>Compare the safety code with the one the waiting computer shows, then let it in.</source>
        <translation>Linganisha msimbo wa usalama na ule unaoonyeshwa na kompyuta inayosubiri, kisha uiidhinishe.</translation>
    </message>
    <message>
        <source>The computer can no longer read anything the church adds or changes.</source>
        <translation>Kompyuta hiyo haitaweza tena kusoma chochote ambacho kanisa linaongeza au kubadilisha.</translation>
    </message>
    <message>
        <source>Let a computer in</source>
        <translation>Idhinisha kompyuta</translation>
    </message>
    <message>
        <source>Kengele is getting the safety code from “%1”. Keep Kengele open on it; the code appears at the top of this tab in a moment.</source>
        <translation>Kengele inapata msimbo wa usalama kutoka “%1”. Acha Kengele ikiwa imefunguliwa kwenye kompyuta hiyo; msimbo utaonekana juu ya kichupo hiki baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>Let it in only if the codes are the same. It will then read all of the church&apos;s contacts, groups and templates.</source>
        <translation>Iidhinishe tu ikiwa misimbo ni sawa. Kisha itaweza kusoma waasiliani, vikundi na violezo vyote vya kanisa.</translation>
    </message>
    <message>
        <source>Remove a computer</source>
        <translation>Ondoa kompyuta</translation>
    </message>
    <message>
        <source>Remove “%1” from the church&apos;s computers?

It keeps what it already has, but it can no longer read anything the church adds or changes from now on, and its changes are no longer accepted. To use it again, it must be connected and let in anew.</source>
        <translation>Je, ungependa kuondoa “%1” kwenye kompyuta za kanisa?

Itabaki na kile ambacho tayari inacho, lakini kuanzia sasa haitaweza tena kusoma chochote ambacho kanisa linaongeza au kubadilisha, na mabadiliko yake hayatakubaliwa tena. Ili kuitumia tena, lazima iunganishwe na kuidhinishwa upya.</translation>
    </message>
</context>
<context>
    <name>kengele::ComputersWatcher</name>
    <message>
        <source>“%1” is now one of the church&apos;s computers. It receives the contacts, groups and templates over the next minutes.</source>
        <translation>“%1” sasa ni mojawapo ya kompyuta za kanisa. Itapokea waasiliani, vikundi na violezo katika dakika zijazo.</translation>
    </message>
    <message>
        <source>“%1” was removed. It cannot read anything the church adds or changes from now on.</source>
        <translation>“%1” imeondolewa. Kuanzia sasa haiwezi kusoma chochote ambacho kanisa linaongeza au kubadilisha.</translation>
    </message>
    <message>
        <source>This computer&apos;s own data is kept in the backup %1. It now starts from the church&apos;s data.</source>
        <translation>Data ya kompyuta hii yenyewe imehifadhiwa kwenye nakala rudufu %1. Sasa inaanza na data ya kanisa.</translation>
    </message>
</context>
<context>
    <name>kengele::ConflictsDialog</name>
    <message>
        <source>(empty)</source>
        <translation>(tupu)</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>ndiyo</translation>
    </message>
    <message>
        <source>no</source>
        <translation>hapana</translation>
    </message>
    <message>
        <source>this computer</source>
        <translation>kompyuta hii</translation>
    </message>
    <message>
        <source>another computer</source>
        <translation>kompyuta nyingine</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>Who wrote a value, and where: &quot;mary on another computer&quot;</extracomment>
        <translation>%1 kwenye %2</translation>
    </message>
    <message>
        <source>first name</source>
        <translation>jina la kwanza</translation>
    </message>
    <message>
        <source>last name</source>
        <translation>jina la mwisho</translation>
    </message>
    <message>
        <source>phone number</source>
        <translation>nambari ya simu</translation>
    </message>
    <message>
        <source>email</source>
        <translation>barua pepe</translation>
    </message>
    <message>
        <source>notes</source>
        <translation>maelezo</translation>
    </message>
    <message>
        <source>name</source>
        <translation>jina</translation>
    </message>
    <message>
        <source>message text</source>
        <translation>maandishi ya ujumbe</translation>
    </message>
    <message>
        <source>text</source>
        <translation>maandishi</translation>
    </message>
    <message>
        <source>description</source>
        <translation>ufafanuzi</translation>
    </message>
    <message>
        <source>(since deleted)</source>
        <translation>(imefutwa tangu hapo)</translation>
    </message>
    <message>
        <source>Contact %1: %2</source>
        <extracomment>A conflict&apos;s &quot;what&quot;: &quot;Contact Asha Wanjiru: notes&quot;</extracomment>
        <translation>Mwasiliani %1: %2</translation>
    </message>
    <message>
        <source>Group %1: %2</source>
        <translation>Kikundi %1: %2</translation>
    </message>
    <message>
        <source>Template %1: %2</source>
        <translation>Kiolezo %1: %2</translation>
    </message>
    <message>
        <source>%1 %2: %3</source>
        <translation>%1 %2: %3</translation>
    </message>
    <message>
        <source>Recent conflicts</source>
        <translation>Migongano ya hivi karibuni</translation>
    </message>
    <message>
        <source>When two computers change the same thing before they hear of each other, the later change is kept on every computer. The other value is listed here, so nothing is lost without a trace: copy it back by hand if it was the right one.</source>
        <translation>Kompyuta mbili zinapobadilisha kitu kimoja kabla hazijapata habari za nyingine, badiliko la baadaye ndilo linalobaki kwenye kila kompyuta. Thamani nyingine imeorodheshwa hapa, ili hakuna kinachopotea bila alama: inakili tena kwa mkono ikiwa ndiyo iliyokuwa sahihi.</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lini</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nini</translation>
    </message>
    <message>
        <source>Kept</source>
        <translation>Iliyobaki</translation>
    </message>
    <message>
        <source>Replaced</source>
        <translation>Iliyobadilishwa</translation>
    </message>
    <message>
        <source>No conflicts: no two computers have changed the same thing at the same time. If it happens, the later change is kept and the other is listed here.</source>
        <translation>Hakuna migongano: hakuna kompyuta mbili zilizobadilisha kitu kimoja kwa wakati mmoja. Ikitokea, badiliko la baadaye litabaki na lingine litaorodheshwa hapa.</translation>
    </message>
    <message>
        <source>(the password kept)</source>
        <translation>(nenosiri lililobaki)</translation>
    </message>
    <message>
        <source>(the other password)</source>
        <translation>(nenosiri lingine)</translation>
    </message>
    <message>
        <source>user name</source>
        <translation>jina la mtumiaji</translation>
    </message>
    <message>
        <source>role</source>
        <translation>jukumu</translation>
    </message>
    <message>
        <source>disabled</source>
        <translation>imezimwa</translation>
    </message>
    <message>
        <source>password</source>
        <translation>nenosiri</translation>
    </message>
    <message>
        <source>quiet hours</source>
        <translation>saa za utulivu</translation>
    </message>
    <message>
        <source>sender ID</source>
        <translation>kitambulisho cha mtumaji</translation>
    </message>
    <message>
        <source>country for phone numbers</source>
        <translation>nchi ya nambari za simu</translation>
    </message>
    <message>
        <source>church name</source>
        <translation>jina la kanisa</translation>
    </message>
    <message>
        <source>longest message</source>
        <translation>urefu wa juu wa ujumbe</translation>
    </message>
    <message>
        <source>SMS gateway username</source>
        <translation>jina la mtumiaji la lango la SMS</translation>
    </message>
    <message>
        <source>SMS gateway: live or sandbox</source>
        <translation>lango la SMS: halisi (live) au majaribio (sandbox)</translation>
    </message>
    <message>
        <source>Setting: %1</source>
        <extracomment>A conflict&apos;s &quot;what&quot; for one of the church&apos;s settings: &quot;Setting: quiet hours&quot;</extracomment>
        <translation>Mpangilio: %1</translation>
    </message>
    <message>
        <source>Staff account %1: %2</source>
        <extracomment>A conflict&apos;s &quot;what&quot;: &quot;Staff account mary: role&quot;</extracomment>
        <translation>Akaunti ya mfanyakazi %1: %2</translation>
    </message>
</context>
<context>
    <name>kengele::ContactDialog</name>
    <message>
        <source>Edit contact</source>
        <translation>Hariri mwasiliani</translation>
    </message>
    <message>
        <source>Add contact</source>
        <translation>Ongeza mwasiliani</translation>
    </message>
    <message>
        <source>e.g. 0712 345 678</source>
        <translation>k.m. 0712 345 678</translation>
    </message>
    <message>
        <source>First name:</source>
        <translation>Jina la kwanza:</translation>
    </message>
    <message>
        <source>Last name:</source>
        <translation>Jina la mwisho:</translation>
    </message>
    <message>
        <source>Phone:</source>
        <translation>Simu:</translation>
    </message>
    <message>
        <source>E-mail:</source>
        <translation>Barua pepe:</translation>
    </message>
    <message>
        <source>Notes:</source>
        <translation>Maelezo:</translation>
    </message>
    <message>
        <source>Numbers without a country code are read as %1 numbers.</source>
        <translation>Nambari zisizo na msimbo wa nchi husomwa kama nambari za %1.</translation>
    </message>
    <message>
        <source>✓ Will be saved as %1</source>
        <translation>✓ Itahifadhiwa kama %1</translation>
    </message>
    <message>
        <source>Pastoral notes (confidential)</source>
        <translation>Maelezo ya kichungaji (siri)</translation>
    </message>
    <message>
        <source>Pastoral notes</source>
        <translation>Maelezo ya kichungaji</translation>
    </message>
    <message>
        <source>Only pastors and administrators see these notes, and each opening is recorded in the audit trail.</source>
        <translation>Ni wachungaji na wasimamizi tu wanaoona maelezo haya, na kila yanapofunguliwa huandikwa katika kumbukumbu za ukaguzi.</translation>
    </message>
    <message>
        <source>This person has pastoral notes.</source>
        <translation>Mtu huyu ana maelezo ya kichungaji.</translation>
    </message>
    <message>
        <source>Show notes</source>
        <translation>Onyesha maelezo</translation>
    </message>
    <message>
        <source>No pastoral notes yet.</source>
        <translation>Bado hakuna maelezo ya kichungaji.</translation>
    </message>
    <message>
        <source>Add notes</source>
        <translation>Ongeza maelezo</translation>
    </message>
    <message>
        <source>Confidential: never exported, and kept encrypted on this computer.</source>
        <translation>Siri: hayahamishwi kamwe, na yanahifadhiwa yakiwa yamesimbwa kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>The contact was saved, but not the pastoral notes: %1</source>
        <translation>Mwasiliani amehifadhiwa, lakini maelezo ya kichungaji hayajahifadhiwa: %1</translation>
    </message>
</context>
<context>
    <name>kengele::ContactService</name>
    <message>
        <source>Please give the contact a name.</source>
        <translation>Tafadhali mpe mwasiliani jina.</translation>
    </message>
    <message>
        <source>A name can have at most %1 characters.</source>
        <translation>Jina lisizidi herufi %1.</translation>
    </message>
    <message>
        <source>Notes can have at most %1 characters.</source>
        <translation>Maelezo yasizidi herufi %1.</translation>
    </message>
    <message>
        <source>“%1” is not an e-mail address.</source>
        <translation>“%1” si anwani ya barua pepe.</translation>
    </message>
    <message>
        <source>The number %1 already belongs to %2.</source>
        <translation>Nambari %1 tayari ni ya %2.</translation>
    </message>
    <message>
        <source>Saving the contact</source>
        <translation>Kuhifadhi mwasiliani</translation>
    </message>
    <message>
        <source>This contact no longer exists; someone may have deleted it.</source>
        <translation>Mwasiliani huyu hayupo tena; huenda mtu amemfuta.</translation>
    </message>
    <message>
        <source>Deleting contacts</source>
        <translation>Kufuta waasiliani</translation>
    </message>
    <message>
        <source>Reading the contact</source>
        <translation>Kusoma mwasiliani</translation>
    </message>
    <message>
        <source>No contact has the number %1.</source>
        <translation>Hakuna mwasiliani mwenye nambari %1.</translation>
    </message>
    <message>
        <source>Counting contacts</source>
        <translation>Kuhesabu waasiliani</translation>
    </message>
    <message>
        <source>Reading contacts</source>
        <translation>Kusoma waasiliani</translation>
    </message>
    <message>
        <source>Recording the opt-out</source>
        <translation>Kurekodi kwamba mwasiliani amejiondoa</translation>
    </message>
    <message>
        <source>Reading opt-outs</source>
        <translation>Kusoma orodha ya waliojiondoa</translation>
    </message>
    <message>
        <source>Removing the demo congregation</source>
        <translation>Kuondoa waumini wa mfano</translation>
    </message>
    <message>
        <source>Say why SMS may be sent to this number again.</source>
        <translation>Eleza kwa nini SMS zinaweza kutumwa tena kwa nambari hii.</translation>
    </message>
    <message>
        <source>Allowing SMS again</source>
        <translation>Kuruhusu SMS tena</translation>
    </message>
    <message>
        <source>%1 is not opted out: SMS can already be sent to this number.</source>
        <translation>%1 hajajiondoa: SMS tayari zinaweza kutumwa kwa nambari hii.</translation>
    </message>
</context>
<context>
    <name>kengele::ContactTableModel</name>
    <message>
        <source>(no name)</source>
        <translation>(hana jina)</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Amejiondoa</translation>
    </message>
    <message>
        <source>Receives no messages</source>
        <translation>Hapokei ujumbe</translation>
    </message>
    <message>
        <source>Receives no messages: %1</source>
        <translation>Hapokei ujumbe: %1</translation>
    </message>
    <message>
        <source>Entered as %1</source>
        <translation>Iliandikwa kama %1</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Phone</source>
        <translation>Simu</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>Hali</translation>
    </message>
</context>
<context>
    <name>kengele::ContactsPage</name>
    <message>
        <source>Search by name, phone or e-mail</source>
        <translation>Tafuta kwa jina, simu au barua pepe</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ongeza…</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Hariri…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>Import…</source>
        <translation>Ingiza…</translation>
    </message>
    <message>
        <source>Add contacts from a spreadsheet (CSV) or phone contacts (vCard).</source>
        <translation>Ongeza waasiliani kutoka kwenye jedwali (CSV) au waasiliani wa simu (vCard).</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Hamisha…</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Waasiliani</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No contacts yet&lt;/h2&gt;&lt;p&gt;Add people one by one, or import the spreadsheet or phone contacts you already have.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna waasiliani&lt;/h2&gt;&lt;p&gt;Ongeza watu mmoja mmoja, au ingiza jedwali au waasiliani wa simu ulio nao tayari.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Add a contact</source>
        <translation>Ongeza mwasiliani</translation>
    </message>
    <message>
        <source>Import a spreadsheet</source>
        <translation>Ingiza jedwali</translation>
    </message>
    <message>
        <source>Group:</source>
        <translation>Kikundi:</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Contacts&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Waasiliani&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Waasiliani wote</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>mwasiliani %n</numerusform>
            <numerusform>waasiliani %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Showing %1 of %n contact(s)</source>
        <translation>
            <numerusform>Inaonyesha %1 kati ya mwasiliani %n</numerusform>
            <numerusform>Inaonyesha %1 kati ya waasiliani %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete %1? They will also be removed from their groups.</source>
        <translation>Je, ungependa kumfuta %1? Ataondolewa pia kwenye vikundi vyake.</translation>
    </message>
    <message numerus="yes">
        <source>Delete %n contacts? They will also be removed from their groups.</source>
        <translation>
            <numerusform>Je, ungependa kumfuta mwasiliani %n? Ataondolewa pia kwenye vikundi vyake.</numerusform>
            <numerusform>Je, ungependa kufuta waasiliani %n? Wataondolewa pia kwenye vikundi vyao.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete contacts</source>
        <translation>Futa waasiliani</translation>
    </message>
    <message>
        <source>Add to group</source>
        <translation>Ongeza kwenye kikundi</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
    <message>
        <source>Import contacts</source>
        <translation>Ingiza waasiliani</translation>
    </message>
    <message>
        <source>Contact lists (*.csv *.txt *.vcf);;All files (*)</source>
        <translation>Orodha za waasiliani (*.csv *.txt *.vcf);;Faili zote (*)</translation>
    </message>
    <message>
        <source>Export contacts</source>
        <translation>Hamisha waasiliani</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Jedwali la CSV (*.csv)</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n contact(s) to %1.</source>
        <translation>
            <numerusform>Mwasiliani %n amehifadhiwa katika %1.</numerusform>
            <numerusform>Waasiliani %n wamehifadhiwa katika %1.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as opted out…</source>
        <translation>Weka kama amejiondoa…</translation>
    </message>
    <message>
        <source>The selected people will get no SMS until you allow SMS again.</source>
        <translation>Watu uliowachagua hawatapata SMS yoyote hadi utakaporuhusu SMS tena.</translation>
    </message>
    <message>
        <source>Allow SMS again…</source>
        <translation>Ruhusu SMS tena…</translation>
    </message>
    <message>
        <source>The selected people opted out. Allow SMS to them again; you are asked why.</source>
        <translation>Watu uliowachagua wamejiondoa. Ruhusu SMS kwao tena; utaulizwa sababu.</translation>
    </message>
    <message>
        <source>Send SMS…</source>
        <translation>Tuma SMS…</translation>
    </message>
    <message>
        <source>Write an SMS to the people you selected.</source>
        <translation>Andika SMS kwa watu uliowachagua.</translation>
    </message>
    <message>
        <source>Mark %1 as opted out? They will get no SMS until you allow SMS again.</source>
        <translation>Je, ungependa kumweka %1 kama amejiondoa? Hatapata SMS yoyote hadi utakaporuhusu SMS tena.</translation>
    </message>
    <message numerus="yes">
        <source>Mark %n people as opted out? They will get no SMS until you allow SMS again.</source>
        <translation>
            <numerusform>Je, ungependa kumweka mtu %n kama amejiondoa? Hatapata SMS yoyote hadi utakaporuhusu SMS tena.</numerusform>
            <numerusform>Je, ungependa kuwaweka watu %n kama wamejiondoa? Hawatapata SMS yoyote hadi utakaporuhusu SMS tena.</numerusform>
        </translation>
    </message>
    <message>
        <source>Mark as opted out</source>
        <translation>Weka kama amejiondoa</translation>
    </message>
    <message>
        <source>Marked as opted out by office staff</source>
        <translation>Amewekwa kama amejiondoa na wafanyakazi wa ofisi</translation>
    </message>
    <message>
        <source>Allow SMS again</source>
        <translation>Ruhusu SMS tena</translation>
    </message>
    <message>
        <source>%1 opted out. Allow SMS to them again?</source>
        <translation>%1 amejiondoa. Je, ungependa kuruhusu SMS kwake tena?</translation>
    </message>
    <message>
        <source>%1 opted out (%2). Allow SMS to them again?</source>
        <translation>%1 amejiondoa (%2). Je, ungependa kuruhusu SMS kwake tena?</translation>
    </message>
    <message numerus="yes">
        <source>%n people opted out. Allow SMS to them again?</source>
        <translation>
            <numerusform>Mtu %n amejiondoa. Je, ungependa kuruhusu SMS kwake tena?</numerusform>
            <numerusform>Watu %n wamejiondoa. Je, ungependa kuruhusu SMS kwao tena?</numerusform>
        </translation>
    </message>
    <message>
        <source>Why? (kept with the contact&apos;s record)</source>
        <translation>Kwa nini? (huhifadhiwa pamoja na rekodi ya mwasiliani)</translation>
    </message>
    <message>
        <source>For example: she asked at church to get the announcements again</source>
        <translation>Kwa mfano: aliomba kanisani apate matangazo tena</translation>
    </message>
    <message>
        <source>Search contacts</source>
        <translation>Tafuta waasiliani</translation>
    </message>
    <message>
        <source>Search pastoral notes…</source>
        <translation>Tafuta katika maelezo ya kichungaji…</translation>
    </message>
    <message>
        <source>Find people by the words in their confidential pastoral notes.</source>
        <translation>Tafuta watu kwa maneno yaliyo katika maelezo yao ya siri ya kichungaji.</translation>
    </message>
    <message>
        <source>Forget %1 (%2) at their request?

This removes from Kengele for good: the contact, their groups and pastoral notes, and the name, number and text of every message sent to them or received from them, their prayer requests and their opt-out history. Messages to them that are still waiting are cancelled. Campaign counts and costs stay. If they asked not to receive messages, their number stays blocked in a protected form.

This cannot be undone. Backups made before today still hold their details.</source>
        <translation>Umsahau %1 (%2) kwa ombi lake?

Hii inaondoa kabisa kutoka Kengele: mwasiliani, vikundi vyake na maelezo ya kichungaji, pamoja na jina, nambari na maandishi ya kila ujumbe uliotumwa kwake au uliopokelewa kutoka kwake, maombi yake ya maombi na historia yake ya kujiondoa. Ujumbe kwake ambao bado unasubiri unaghairiwa. Idadi na gharama za kampeni zinabaki. Ikiwa aliomba asipokee ujumbe, nambari yake inabaki imezuiwa kwa njia iliyolindwa.

Hili haliwezi kutenduliwa. Nakala rudufu zilizotengenezwa kabla ya leo bado zina maelezo yake.</translation>
    </message>
    <message>
        <source>Forget this person</source>
        <translation>Msahau mtu huyu</translation>
    </message>
    <message>
        <source>The person was forgotten. The data file could not be tidied just now (another Kengele has it open): the removed details can no longer be seen in Kengele, but may remain in the file&apos;s unused space for a while.</source>
        <translation>Mtu huyu amesahauliwa. Faili la data halikuweza kusafishwa sasa hivi (Kengele nyingine imelifungua): maelezo yaliyoondolewa hayaonekani tena katika Kengele, lakini yanaweza kubaki kwa muda katika nafasi isiyotumika ya faili.</translation>
    </message>
    <message>
        <source>Forget this person…</source>
        <translation>Msahau mtu huyu…</translation>
    </message>
</context>
<context>
    <name>kengele::DashboardPage</name>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Mwezi huu</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Miezi 3 iliyopita</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Miezi 12 iliyopita</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Chagua mwenyewe…</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kipindi:</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Kutoka</translation>
    </message>
    <message>
        <source>To</source>
        <translation>Hadi</translation>
    </message>
    <message>
        <source>Working out the numbers…</source>
        <translation>Inahesabu takwimu…</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Chapisha…</translation>
    </message>
    <message>
        <source>Print these numbers and charts, with the church&apos;s name at the top.</source>
        <translation>Chapisha takwimu na chati hizi, jina la kanisa likiwa juu.</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Hifadhi kama PDF…</translation>
    </message>
    <message>
        <source>Save these numbers and charts as a PDF file to send or keep.</source>
        <translation>Hifadhi takwimu na chati hizi kama faili la PDF la kutuma au kuweka.</translation>
    </message>
    <message>
        <source>Sent</source>
        <translation>Zimetumwa</translation>
    </message>
    <message>
        <source>Messages that left for the phone network in the period (delivered, failed or waiting for a report).</source>
        <translation>Ujumbe uliotumwa kwa mtandao wa simu katika kipindi hiki (uliofika, ulioshindikana au unaosubiri ripoti).</translation>
    </message>
    <message>
        <source>Delivered</source>
        <translation>Zimefika</translation>
    </message>
    <message>
        <source>Messages the phone network confirmed reached the phone.</source>
        <translation>Ujumbe ambao mtandao wa simu ulithibitisha kuwa ulifika kwenye simu.</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>Zimeshindikana</translation>
    </message>
    <message>
        <source>Messages the phone network could not deliver (a phone switched off for days, a wrong number…).</source>
        <translation>Ujumbe ambao mtandao wa simu haukuweza kuufikisha (simu iliyozimwa kwa siku kadhaa, nambari isiyo sahihi…).</translation>
    </message>
    <message>
        <source>Delivery rate</source>
        <translation>Kiwango cha ufikishaji</translation>
    </message>
    <message>
        <source>Delivered, out of the messages sent.</source>
        <translation>Zilizofika, kati ya SMS zilizotumwa.</translation>
    </message>
    <message>
        <source>Replies</source>
        <translation>Majibu</translation>
    </message>
    <message>
        <source>Messages people sent back within three days of an SMS from the church.</source>
        <translation>Ujumbe ambao watu walijibu ndani ya siku tatu baada ya SMS kutoka kanisani.</translation>
    </message>
    <message>
        <source>Opt-outs</source>
        <translation>Waliojiondoa</translation>
    </message>
    <message>
        <source>People who asked to receive no more SMS.</source>
        <translation>Watu walioomba wasipokee SMS tena.</translation>
    </message>
    <message>
        <source>Contacts added</source>
        <translation>Waasiliani walioongezwa</translation>
    </message>
    <message>
        <source>Contacts created in the period, by hand or imported.</source>
        <translation>Waasiliani walioundwa katika kipindi hiki, kwa mkono au kwa kuingizwa.</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Nothing sent yet&lt;/h2&gt;&lt;p&gt;Once the church sends its first SMS, this page shows how many arrived, who replied and how the congregation grows.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna kilichotumwa&lt;/h2&gt;&lt;p&gt;Kanisa likishatuma SMS yake ya kwanza, ukurasa huu utaonyesha ngapi zilifika, nani alijibu na jinsi waumini wanavyoongezeka.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Send SMS…</source>
        <translation>Tuma SMS…</translation>
    </message>
    <message>
        <source>The numbers could not be worked out: %1</source>
        <translation>Takwimu hazikuweza kuhesabiwa: %1</translation>
    </message>
    <message>
        <source>%1%</source>
        <extracomment>A percentage on the dashboard: &quot;87.5%&quot;</extracomment>
        <translation>%1%</translation>
    </message>
    <message>
        <source>Same as before (%1)</source>
        <extracomment>A card&apos;s trend when the number did not change from the period before: &quot;Same as before (120)&quot;</extracomment>
        <translation>Sawa na awali (%1)</translation>
    </message>
    <message>
        <source>%1 %2 points (from %3)</source>
        <extracomment>The delivery rate&apos;s change, in percentage points: &quot;▲ 2.5 points (from 85.0%)&quot;</extracomment>
        <translation>%1 pointi %2 (kutoka %3)</translation>
    </message>
    <message>
        <source>%1 from 0</source>
        <extracomment>A card&apos;s trend when there was none in the period before: &quot;▲ from 0&quot;</extracomment>
        <translation>%1 kutoka 0</translation>
    </message>
    <message>
        <source>%1 %2% (from %3)</source>
        <extracomment>A card&apos;s trend against the period before: &quot;▲ 12% (from 1,100)&quot;</extracomment>
        <translation>%1 %2% (kutoka %3)</translation>
    </message>
    <message>
        <source>Compared with %1</source>
        <translation>Ikilinganishwa na %1</translation>
    </message>
    <message>
        <source>Nothing sent before</source>
        <translation>Hakuna kilichotumwa awali</translation>
    </message>
    <message>
        <source>Click a bar, slice or point to see the rows behind it.</source>
        <translation>Bofya nguzo, kipande au nukta kuona mistari iliyo nyuma yake.</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <translation>%1, %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2, %3</source>
        <extracomment>A drill-down&apos;s title: the chart, the bar clicked and its part: &quot;Messages by network: Safaricom, delivered&quot;</extracomment>
        <translation>%1: %2, %3</translation>
    </message>
    <message>
        <source>The dashboard has no numbers yet.</source>
        <translation>Dashibodi bado haina takwimu.</translation>
    </message>
    <message>
        <source>dashboard</source>
        <extracomment>The file name suggested for the dashboard as a PDF</extracomment>
        <translation>dashibodi</translation>
    </message>
    <message>
        <source>Save the dashboard as PDF</source>
        <translation>Hifadhi dashibodi kama PDF</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>Hati ya PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The PDF was not saved to %1.

%2</source>
        <translation>PDF haikuhifadhiwa katika %1.

%2</translation>
    </message>
</context>
<context>
    <name>kengele::DesktopApp</name>
    <message>
        <source>This computer&apos;s relay key is missing from the system&apos;s password store. Ask your administrator for a new enrolment code and connect again in Settings → Relay.</source>
        <translation>Ufunguo wa relay wa kompyuta hii haupo kwenye hifadhi ya nywila ya mfumo. Omba msimbo mpya wa usajili kwa msimamizi wako kisha uunganishe upya katika Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>Restore a backup</source>
        <translation>Rejesha nakala rudufu</translation>
    </message>
    <message>
        <source>The backup was restored. The data as it was before is kept in %1.</source>
        <translation>Nakala rudufu imerejeshwa. Data kama ilivyokuwa awali imehifadhiwa katika %1.</translation>
    </message>
    <message>
        <source>The computer&apos;s password store has not given Kengele the key for confidential data yet. Make sure it is unlocked, then try again in a moment.</source>
        <translation>Hifadhi ya manenosiri ya kompyuta hii bado haijaipa Kengele ufunguo wa data ya siri. Hakikisha imefunguliwa, kisha ujaribu tena baada ya muda mfupi.</translation>
    </message>
</context>
<context>
    <name>kengele::Dispatcher</name>
    <message>
        <source>The gateway&apos;s answer did not mention this number, so it may or may not have been sent.</source>
        <translation>Jibu la lango halikutaja nambari hii, kwa hiyo huenda umetumwa au haujatumwa.</translation>
    </message>
    <message>
        <source>Kengele does not know the gateway “%1”.</source>
        <translation>Kengele haijui lango “%1”.</translation>
    </message>
</context>
<context>
    <name>kengele::DrillDownDialog</name>
    <message>
        <source>Rows</source>
        <translation>Mistari</translation>
    </message>
    <message>
        <source>Previous</source>
        <translation>Iliyotangulia</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Inayofuata</translation>
    </message>
    <message>
        <source>Export…</source>
        <translation>Hamisha…</translation>
    </message>
    <message>
        <source>Save every row, not only this page, as a CSV or Excel file.</source>
        <translation>Hifadhi mistari yote, si ukurasa huu tu, kama faili la CSV au Excel.</translation>
    </message>
    <message>
        <source>The rows could not be read: %1</source>
        <translation>Mistari haikuweza kusomwa: %1</translation>
    </message>
    <message>
        <source>Reading the rows…</source>
        <translation>Inasoma mistari…</translation>
    </message>
    <message>
        <source>Nothing to list: no rows match.</source>
        <translation>Hakuna cha kuorodhesha: hakuna mistari inayolingana.</translation>
    </message>
    <message>
        <source>Rows %1–%2 of %3</source>
        <extracomment>The rows shown in the table and how many there are: &quot;Rows 1–200 of 1,234&quot;</extracomment>
        <translation>Mistari %1–%2 kati ya %3</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Jedwali la CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbook (*.xlsx)</source>
        <translation>Faili la Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>rows</source>
        <translation>mistari</translation>
    </message>
    <message>
        <source>Export the rows</source>
        <translation>Hamisha mistari</translation>
    </message>
    <message>
        <source>The rows were not saved to %1.

%2</source>
        <translation>Mistari haikuhifadhiwa katika %1.

%2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %n row(s) to %1.</source>
        <translation>
            <numerusform>Mstari %n umehifadhiwa katika %1.</numerusform>
            <numerusform>Mistari %n imehifadhiwa katika %1.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::GatewaySettingsWidget</name>
    <message>
        <source>Africa&apos;s Talking, to send real SMS</source>
        <translation>Africa&apos;s Talking, kutuma SMS halisi</translation>
    </message>
    <message>
        <source>The username of your Africa&apos;s Talking app</source>
        <translation>Jina la mtumiaji la programu yako ya Africa&apos;s Talking</translation>
    </message>
    <message>
        <source>Leave empty to use Africa&apos;s Talking&apos;s own address</source>
        <translation>Acha tupu kutumia anwani ya Africa&apos;s Talking yenyewe</translation>
    </message>
    <message>
        <source>Africa&apos;s Talking account</source>
        <translation>Akaunti ya Africa&apos;s Talking</translation>
    </message>
    <message>
        <source>Username:</source>
        <translation>Jina la mtumiaji:</translation>
    </message>
    <message>
        <source>API key:</source>
        <translation>Ufunguo wa API:</translation>
    </message>
    <message>
        <source>Where:</source>
        <translation>Wapi:</translation>
    </message>
    <message>
        <source>Address (optional):</source>
        <translation>Anwani (si lazima):</translation>
    </message>
    <message>
        <source>The account&apos;s default</source>
        <translation>Cha kawaida cha akaunti</translation>
    </message>
    <message>
        <source>Test connection</source>
        <translation>Jaribu muunganisho</translation>
    </message>
    <message>
        <source>Ask the gateway for its balance, without sending anything.</source>
        <translation>Uliza lango salio lake, bila kutuma chochote.</translation>
    </message>
    <message>
        <source>Sender ID:</source>
        <translation>Kitambulisho cha mtumaji:</translation>
    </message>
    <message>
        <source>The name people see as the sender: up to 11 letters, digits and spaces, registered with Africa&apos;s Talking. Leave it empty to use your account&apos;s default.</source>
        <translation>Jina ambalo watu wanaona kama mtumaji: hadi herufi, tarakimu na nafasi 11, lililosajiliwa na Africa&apos;s Talking. Liache tupu kutumia lile la kawaida la akaunti yako.</translation>
    </message>
    <message>
        <source>Looking for a saved key…</source>
        <translation>Inatafuta ufunguo uliohifadhiwa…</translation>
    </message>
    <message>
        <source>A key is saved in this computer&apos;s password store. Type a new one only to replace it.</source>
        <translation>Ufunguo umehifadhiwa katika hifadhi ya nywila ya kompyuta hii. Andika mpya tu ikiwa unataka kuubadilisha.</translation>
    </message>
    <message>
        <source>Saved</source>
        <translation>Umehifadhiwa</translation>
    </message>
    <message>
        <source>Paste the API key from the Africa&apos;s Talking dashboard (Settings → API Key). It is kept in this computer&apos;s password store, never in Kengele&apos;s files.</source>
        <translation>Bandika ufunguo wa API kutoka dashibodi ya Africa&apos;s Talking (Settings → API Key). Unahifadhiwa katika hifadhi ya nywila ya kompyuta hii, kamwe si katika faili za Kengele.</translation>
    </message>
    <message>
        <source>This computer&apos;s password store could not be read. A key you type here is saved there.</source>
        <translation>Hifadhi ya nywila ya kompyuta hii haikuweza kusomwa. Ufunguo utakaoandika hapa utahifadhiwa humo.</translation>
    </message>
    <message>
        <source>The API key could not be saved: %1</source>
        <translation>Ufunguo wa API haukuweza kuhifadhiwa: %1</translation>
    </message>
    <message>
        <source>Reading the saved API key…</source>
        <translation>Inasoma ufunguo wa API uliohifadhiwa…</translation>
    </message>
    <message>
        <source>There is no saved API key. Type the key from the Africa&apos;s Talking dashboard.</source>
        <translation>Hakuna ufunguo wa API uliohifadhiwa. Andika ufunguo kutoka dashibodi ya Africa&apos;s Talking.</translation>
    </message>
    <message>
        <source>Asking %1 for the balance…</source>
        <translation>Inauliza %1 salio…</translation>
    </message>
    <message>
        <source>Connected to %1. Balance: %2</source>
        <translation>Imeunganishwa na %1. Salio: %2</translation>
    </message>
    <message>
        <source>Could not connect to %1: %2</source>
        <translation>Imeshindwa kuunganisha na %1: %2</translation>
    </message>
    <message>
        <source>Optional: https://relay.example.org/hooks/…/at/delivery</source>
        <translation>Si lazima: https://relay.example.org/hooks/…/at/delivery</translation>
    </message>
    <message>
        <source>“%1” is not a web address. Paste the relay&apos;s delivery-report hook address (it ends in /at/delivery), or leave the field empty.</source>
        <translation>“%1” si anwani ya wavuti. Bandika anwani ya hook ya ripoti za ufikishaji ya relay (inaishia na /at/delivery), au acha kisanduku kitupu.</translation>
    </message>
    <message>
        <source>For a demonstration: the reports go to the relay and come back like real ones.</source>
        <translation>Kwa maonyesho: ripoti zinakwenda kwenye relay na kurudi kama ripoti halisi.</translation>
    </message>
    <message>
        <source>Practice mode, to learn Kengele</source>
        <translation>Hali ya mazoezi, kwa kujifunza Kengele</translation>
    </message>
    <message>
        <source>&lt;b&gt;Practice mode — no SMS leaves this computer.&lt;/b&gt; Sending works as if it were real, with delivery reports; practice messages use no tokens.</source>
        <translation>&lt;b&gt;Mazoezi — hakuna SMS inayotoka kwenye kompyuta hii.&lt;/b&gt; Utumaji hufanya kazi kana kwamba ni halisi, pamoja na ripoti za ufikishaji; jumbe za mazoezi hazitumii tokeni.</translation>
    </message>
    <message>
        <source>Send practice delivery reports through the relay (hook address):</source>
        <translation>Tuma ripoti za ufikishaji za mazoezi kupitia relay (anwani ya hook):</translation>
    </message>
    <message>
        <source>Live: real SMS, paid from your account</source>
        <translation>Halisi (live): SMS halisi, zinazolipiwa kutoka akaunti yako</translation>
    </message>
    <message>
        <source>Sandbox: a test area, no real SMS</source>
        <translation>Majaribio (sandbox): eneo la majaribio, hakuna SMS halisi</translation>
    </message>
    <message>
        <source>&lt;b&gt;Send SMS through:&lt;/b&gt;</source>
        <translation>&lt;b&gt;Tuma SMS kupitia:&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Checking practice mode…</source>
        <translation>Inakagua hali ya mazoezi…</translation>
    </message>
    <message>
        <source>Practice mode is ready. Balance (practice): %1</source>
        <translation>Hali ya mazoezi iko tayari. Salio (la mazoezi): %1</translation>
    </message>
    <message>
        <source>Hook address for practice delivery reports</source>
        <translation>Anwani ya hook ya ripoti za ufikishaji za mazoezi</translation>
    </message>
    <message>
        <source>The sender ID, the username and where are the same on all the church&apos;s computers; the API key stays on this one: type it on each computer that sends.</source>
        <translation>Kitambulisho cha mtumaji, jina la mtumiaji na mahali (halisi au majaribio) ni sawa kwenye kompyuta zote za kanisa; ufunguo wa API unabaki kwenye kompyuta hii: uandike kwenye kila kompyuta inayotuma.</translation>
    </message>
</context>
<context>
    <name>kengele::GatewaySimulator</name>
    <message>
        <source>The simulator could not start: this computer did not give it a network port. Close Kengele and open it again.</source>
        <translation>Kiigaji hakikuweza kuanza: kompyuta hii haikukipa mlango wa mtandao. Funga Kengele na uifungue tena.</translation>
    </message>
</context>
<context>
    <name>kengele::GroupListModel</name>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) receive no messages (opted out)</source>
        <translation>
            <numerusform>Mwanachama %n hapokei ujumbe (amejiondoa)</numerusform>
            <numerusform>Wanachama %n hawapokei ujumbe (wamejiondoa)</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::GroupService</name>
    <message>
        <source>Reading groups</source>
        <translation>Kusoma vikundi</translation>
    </message>
    <message>
        <source>This group no longer exists.</source>
        <translation>Kikundi hiki hakipo tena.</translation>
    </message>
    <message>
        <source>There is no group called “%1”.</source>
        <translation>Hakuna kikundi kinachoitwa “%1”.</translation>
    </message>
    <message>
        <source>Please give the group a name.</source>
        <translation>Tafadhali kipe kikundi jina.</translation>
    </message>
    <message>
        <source>A group name can have at most %1 characters.</source>
        <translation>Jina la kikundi lisizidi herufi %1.</translation>
    </message>
    <message>
        <source>There is already a group called “%1”.</source>
        <translation>Tayari kuna kikundi kinachoitwa “%1”.</translation>
    </message>
    <message>
        <source>Creating the group</source>
        <translation>Kuunda kikundi</translation>
    </message>
    <message>
        <source>Renaming the group</source>
        <translation>Kubadilisha jina la kikundi</translation>
    </message>
    <message>
        <source>Deleting the group</source>
        <translation>Kufuta kikundi</translation>
    </message>
    <message>
        <source>Adding members</source>
        <translation>Kuongeza wanachama</translation>
    </message>
    <message>
        <source>Removing members</source>
        <translation>Kuondoa wanachama</translation>
    </message>
</context>
<context>
    <name>kengele::GroupsPage</name>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
    <message>
        <source>New group…</source>
        <translation>Kikundi kipya…</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Badilisha jina…</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>&lt;b&gt;Groups&lt;/b&gt;</source>
        <translation>&lt;b&gt;Vikundi&lt;/b&gt;</translation>
    </message>
    <message>
        <source>Remove from group</source>
        <translation>Ondoa kwenye kikundi</translation>
    </message>
    <message>
        <source>Find people to add</source>
        <translation>Tafuta watu wa kuongeza</translation>
    </message>
    <message>
        <source>← Add to group</source>
        <translation>← Ongeza kwenye kikundi</translation>
    </message>
    <message>
        <source>&lt;b&gt;Other contacts&lt;/b&gt; — select and add, or drag onto the members or a group</source>
        <translation>&lt;b&gt;Waasiliani wengine&lt;/b&gt; — chagua kisha uongeze, au buruta hadi kwa wanachama au kwenye kikundi</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Groups&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Vikundi&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;b&gt;Members of %1&lt;/b&gt; (%2)</source>
        <translation>&lt;b&gt;Wanachama wa %1&lt;/b&gt; (%2)</translation>
    </message>
    <message>
        <source>&lt;b&gt;No groups yet.&lt;/b&gt; Create one with “New group…”, e.g. Youth or Choir.</source>
        <translation>&lt;b&gt;Bado hakuna vikundi.&lt;/b&gt; Unda kimoja kwa “Kikundi kipya…”, k.m. Vijana au Kwaya.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Choose a group&lt;/b&gt; on the left to see its members.</source>
        <translation>&lt;b&gt;Chagua kikundi&lt;/b&gt; upande wa kushoto ili uone wanachama wake.</translation>
    </message>
    <message>
        <source>New group</source>
        <translation>Kikundi kipya</translation>
    </message>
    <message>
        <source>Name of the new group:</source>
        <translation>Jina la kikundi kipya:</translation>
    </message>
    <message>
        <source>Rename group</source>
        <translation>Badilisha jina la kikundi</translation>
    </message>
    <message>
        <source>New name for “%1”:</source>
        <translation>Jina jipya la “%1”:</translation>
    </message>
    <message numerus="yes">
        <source>Delete the group “%1”? Its %n member(s) stay in your contacts.</source>
        <translation>
            <numerusform>Je, ungependa kufuta kikundi “%1”? Mwanachama wake %n atabaki katika waasiliani wako.</numerusform>
            <numerusform>Je, ungependa kufuta kikundi “%1”? Wanachama wake %n watabaki katika waasiliani wako.</numerusform>
        </translation>
    </message>
    <message>
        <source>Delete group</source>
        <translation>Futa kikundi</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Amejiondoa</translation>
    </message>
    <message>
        <source>Send SMS to this group…</source>
        <translation>Tuma SMS kwa kikundi hiki…</translation>
    </message>
    <message>
        <source>Members of the group</source>
        <translation>Wanachama wa kikundi</translation>
    </message>
    <message>
        <source>Search other contacts</source>
        <translation>Tafuta waasiliani wengine</translation>
    </message>
    <message>
        <source>Other contacts</source>
        <translation>Waasiliani wengine</translation>
    </message>
</context>
<context>
    <name>kengele::GsmLookalikes</name>
    <message>
        <source>curly quote</source>
        <translation>alama ya nukuu iliyopinda</translation>
    </message>
    <message>
        <source>quotation mark</source>
        <translation>alama ya nukuu</translation>
    </message>
    <message>
        <source>accent mark</source>
        <translation>alama ya lafudhi</translation>
    </message>
    <message>
        <source>dash</source>
        <translation>kistari</translation>
    </message>
    <message>
        <source>ellipsis</source>
        <translation>nukta tatu</translation>
    </message>
    <message>
        <source>special space</source>
        <translation>nafasi maalum</translation>
    </message>
    <message>
        <source>tab</source>
        <translation>kichupo (tab)</translation>
    </message>
    <message>
        <source>line separator</source>
        <translation>kitenganishi cha mistari</translation>
    </message>
    <message>
        <source>bullet</source>
        <translation>kitone cha orodha</translation>
    </message>
    <message>
        <source>accented letter</source>
        <translation>herufi yenye lafudhi</translation>
    </message>
    <message>
        <source>look-alike character</source>
        <translation>herufi inayofanana na nyingine</translation>
    </message>
    <message>
        <source>invisible character</source>
        <translation>herufi isiyoonekana</translation>
    </message>
    <message>
        <source>emoji or symbol</source>
        <translation>emoji au alama</translation>
    </message>
    <message>
        <source>a space</source>
        <translation>nafasi</translation>
    </message>
    <message>
        <source>a line break</source>
        <translation>mstari mpya</translation>
    </message>
    <message>
        <source>uncommon character</source>
        <translation>herufi isiyo ya kawaida</translation>
    </message>
    <message>
        <source>%1 (%2) makes the message use special characters (70 per SMS part) — there is no plain letter for it</source>
        <translation>%1 (%2) inafanya ujumbe utumie herufi maalum (70 kwa kila sehemu ya SMS) — haina herufi ya kawaida inayolingana nayo</translation>
    </message>
    <message>
        <source>%1 (%2) makes the message use special characters (70 per SMS part) — remove it</source>
        <translation>%1 (%2) inafanya ujumbe utumie herufi maalum (70 kwa kila sehemu ya SMS) — iondoe</translation>
    </message>
    <message>
        <source>%1 (%2) makes the message use special characters (70 per SMS part) — replace with %3</source>
        <translation>%1 (%2) inafanya ujumbe utumie herufi maalum (70 kwa kila sehemu ya SMS) — weka %3 badala yake</translation>
    </message>
</context>
<context>
    <name>kengele::ImportDialog</name>
    <message>
        <source>Import contacts from %1</source>
        <translation>Ingiza waasiliani kutoka %1</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>The first row holds column titles</source>
        <translation>Mstari wa kwanza una vichwa vya safuwima</translation>
    </message>
    <message>
        <source>(no group)</source>
        <translation>(hakuna kikundi)</translation>
    </message>
    <message>
        <source>Import</source>
        <translation>Ingiza</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>Ghairi</translation>
    </message>
    <message>
        <source>Also add everyone to the group:</source>
        <translation>Pia ongeza kila mtu kwenye kikundi:</translation>
    </message>
    <message>
        <source>Reading the file…</source>
        <translation>Inasoma faili…</translation>
    </message>
    <message>
        <source>Nothing is changed until the whole file has been read. Cancelling leaves your contacts as they were.</source>
        <translation>Hakuna kinachobadilishwa hadi faili yote isomwe. Ukighairi, waasiliani wako watabaki kama walivyokuwa.</translation>
    </message>
    <message>
        <source>Line</source>
        <translation>Mstari</translation>
    </message>
    <message>
        <source>Why it was not imported</source>
        <translation>Sababu ya kutoingizwa</translation>
    </message>
    <message>
        <source>Save this list…</source>
        <translation>Hifadhi orodha hii…</translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n contact card(s)&lt;/b&gt; found in this vCard file.</source>
        <translation>
            <numerusform>&lt;b&gt;Kadi %n ya mwasiliani&lt;/b&gt; imepatikana katika faili hii ya vCard.</numerusform>
            <numerusform>&lt;b&gt;Kadi %n za waasiliani&lt;/b&gt; zimepatikana katika faili hii ya vCard.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>&lt;b&gt;%n row(s)&lt;/b&gt; found in this file.</source>
        <translation>
            <numerusform>&lt;b&gt;Mstari %n&lt;/b&gt; umepatikana katika faili hii.</numerusform>
            <numerusform>&lt;b&gt;Mistari %n&lt;/b&gt; imepatikana katika faili hii.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose which column holds the phone numbers.</source>
        <translation>Chagua safuwima yenye nambari za simu.</translation>
    </message>
    <message>
        <source>Kengele guessed the columns from their contents. Please check them.</source>
        <translation>Kengele imekisia safuwima kutokana na yaliyomo. Tafadhali zikague.</translation>
    </message>
    <message>
        <source>Importing…</source>
        <translation>Inaingiza…</translation>
    </message>
    <message>
        <source>Stopping… nothing will be changed.</source>
        <translation>Inasimamisha… hakuna kitakachobadilishwa.</translation>
    </message>
    <message>
        <source>Imported %1 of %2 rows…</source>
        <translation>Imeingiza mistari %1 kati ya %2…</translation>
    </message>
    <message>
        <source>&lt;h3&gt;Import finished&lt;/h3&gt;</source>
        <translation>&lt;h3&gt;Uingizaji umekamilika&lt;/h3&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n new contact(s) added.</source>
        <translation>
            <numerusform>Mwasiliani mpya %n ameongezwa.</numerusform>
            <numerusform>Waasiliani wapya %n wameongezwa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) matched a number already known and updated that contact.</source>
        <translation>
            <numerusform>Mstari %n ulilingana na nambari iliyokuwepo tayari, na ukasasisha mwasiliani huyo.</numerusform>
            <numerusform>Mistari %n ililingana na nambari zilizokuwepo tayari, na ikasasisha waasiliani hao.</numerusform>
        </translation>
    </message>
    <message>
        <source>New groups: %1</source>
        <translation>Vikundi vipya: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n row(s) were not imported:</source>
        <translation>
            <numerusform>Mstari %n haukuingizwa:</numerusform>
            <numerusform>Mistari %n haikuingizwa:</numerusform>
        </translation>
    </message>
    <message>
        <source>Save the rows that were not imported</source>
        <translation>Hifadhi mistari ambayo haikuingizwa</translation>
    </message>
    <message>
        <source>CSV spreadsheet (*.csv)</source>
        <translation>Jedwali la CSV (*.csv)</translation>
    </message>
    <message>
        <source>Could not write %1: %2</source>
        <translation>Imeshindwa kuandika %1: %2</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>Check what each column holds. Columns set to “Do not import” are left out.</source>
        <translation>Angalia kila safuwima ina nini. Safuwima zilizowekwa “Usiingize” zitaachwa nje.</translation>
    </message>
    <message>
        <source>%1 cannot be imported</source>
        <translation>%1 haiwezi kuingizwa</translation>
    </message>
    <message>
        <source>Columns of the file</source>
        <translation>Safuwima za faili</translation>
    </message>
    <message>
        <source>Add everyone to this group</source>
        <translation>Weka kila mtu katika kikundi hiki</translation>
    </message>
    <message>
        <source>Rows left out</source>
        <translation>Mistari iliyoachwa nje</translation>
    </message>
</context>
<context>
    <name>kengele::InboxPage</name>
    <message>
        <source>All messages</source>
        <translation>Jumbe zote</translation>
    </message>
    <message>
        <source>Unread</source>
        <translation>Haujasomwa</translation>
    </message>
    <message>
        <source>Opted out</source>
        <translation>Waliojiondoa</translation>
    </message>
    <message>
        <source>Prayer requests</source>
        <translation>Mahitaji ya maombi</translation>
    </message>
    <message>
        <source>Search messages, names or numbers</source>
        <translation>Tafuta ujumbe, majina au nambari</translation>
    </message>
    <message>
        <source>No messages match.</source>
        <translation>Hakuna ujumbe unaolingana.</translation>
    </message>
    <message>
        <source>Add to contacts…</source>
        <translation>Ongeza kwa waasiliani…</translation>
    </message>
    <message>
        <source>Mark as unread</source>
        <translation>Weka kama haujasomwa</translation>
    </message>
    <message>
        <source>Reply</source>
        <translation>Jibu</translation>
    </message>
    <message>
        <source>Write a short answer…</source>
        <translation>Andika jibu fupi…</translation>
    </message>
    <message>
        <source>Send reply…</source>
        <translation>Tuma jibu…</translation>
    </message>
    <message>
        <source>Choose a message to read it in full and to reply.</source>
        <translation>Chagua ujumbe ili kuusoma wote na kuujibu.</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Onyesha:</translation>
    </message>
    <message>
        <source>Open Settings → Relay</source>
        <translation>Fungua Mipangilio → Relay</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Inbox&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Ujumbe unaoingia&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No messages yet&lt;/h2&gt;&lt;p&gt;When members text your number, their messages appear here.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna ujumbe&lt;/h2&gt;&lt;p&gt;Waumini wakituma SMS kwa nambari yako, ujumbe wao utaonekana hapa.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No messages yet&lt;/h2&gt;&lt;p&gt;When members text your number, their messages appear here.&lt;/p&gt;&lt;p&gt;Connect to your relay in Settings → Relay.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna ujumbe&lt;/h2&gt;&lt;p&gt;Waumini wakituma SMS kwa nambari yako, ujumbe wao utaonekana hapa.&lt;/p&gt;&lt;p&gt;Unganisha na relay yako katika Mipangilio → Relay.&lt;/p&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%n message(s)</source>
        <translation>
            <numerusform>ujumbe %n</numerusform>
            <numerusform>ujumbe %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n unread</source>
        <translation>
            <numerusform>haujasomwa %n</numerusform>
            <numerusform>haujasomwa %n</numerusform>
        </translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · %2</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · %2</translation>
    </message>
    <message>
        <source>&lt;b&gt;%1&lt;/b&gt; · not in your contacts</source>
        <translation>&lt;b&gt;%1&lt;/b&gt; · hayumo kwenye waasiliani wako</translation>
    </message>
    <message>
        <source>Received %1</source>
        <translation>Umepokelewa %1</translation>
    </message>
    <message>
        <source>Mark as read</source>
        <translation>Weka kama umesomwa</translation>
    </message>
    <message>
        <source>%1 / %2 characters · 1 SMS</source>
        <translation>herufi %1 / %2 · SMS 1</translation>
    </message>
    <message numerus="yes">
        <source>%1 characters · %n SMS</source>
        <translation>
            <numerusform>herufi %1 · SMS %n</numerusform>
            <numerusform>herufi %1 · SMS %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>costs %n token(s)</source>
        <translation>
            <numerusform>gharama tokeni %n</numerusform>
            <numerusform>gharama tokeni %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Send this reply to %1 (%2)?</source>
        <translation>Umtumie %1 (%2) jibu hili?</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), costing %n token(s).</source>
        <translation>
            <numerusform>Sehemu %n ya SMS, gharama tokeni %n.</numerusform>
            <numerusform>Sehemu %n za SMS, gharama tokeni %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>You have %1 tokens; %2 are left after this reply.</source>
        <translation>Una tokeni %1; zitabaki %2 baada ya jibu hili.</translation>
    </message>
    <message>
        <source>A message that has gone out cannot be called back.</source>
        <translation>Ujumbe uliokwisha tumwa hauwezi kurudishwa.</translation>
    </message>
    <message>
        <source>Send reply</source>
        <translation>Tuma jibu</translation>
    </message>
    <message>
        <source>Add to contacts</source>
        <translation>Ongeza kwa waasiliani</translation>
    </message>
    <message>
        <source>Keep this number as a contact, to see their name and add them to groups.</source>
        <translation>Hifadhi nambari hii kama mwasiliani, ili uone jina lake na kumwongeza kwenye vikundi.</translation>
    </message>
    <message>
        <source>This computer must be connected again before replies and delivery reports can reach it.</source>
        <translation>Kompyuta hii inahitaji kuunganishwa upya ili majibu na ripoti za ufikishaji ziweze kuifikia.</translation>
    </message>
    <message>
        <source>Replies and delivery reports are not reaching this computer.</source>
        <translation>Majibu na ripoti za ufikishaji hazifiki kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>Your reply to %1 is on its way. Add the number to your contacts to see their name here and add them to groups.</source>
        <translation>Jibu lako kwa %1 linatumwa. Ongeza nambari hii kwenye waasiliani wako ili uone jina lake hapa na kumwongeza kwenye vikundi.</translation>
    </message>
    <message>
        <source>%1 has opted out, so Kengele sends them no SMS.</source>
        <translation>%1 amejiondoa, kwa hiyo Kengele haimtumii SMS yoyote.</translation>
    </message>
    <message>
        <source>Plain letters: 160 per SMS part. Special characters (such as emoji): 70 per SMS part.</source>
        <translation>Herufi za kawaida: 160 kwa kila sehemu ya SMS. Herufi maalum (kama emoji): 70 kwa kila sehemu ya SMS.</translation>
    </message>
    <message>
        <source>practice messages use no tokens</source>
        <translation>jumbe za mazoezi hazitumii tokeni</translation>
    </message>
    <message>
        <source>“%1” is a special character: each SMS part holds 70 characters instead of 160.</source>
        <translation>“%1” ni herufi maalum: kila sehemu ya SMS hubeba herufi 70 badala ya 160.</translation>
    </message>
    <message>
        <source>Send this reply to %1?</source>
        <translation>Umtumie %1 jibu hili?</translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), in practice mode: practice messages use no tokens.</source>
        <translation>
            <numerusform>Sehemu %n ya SMS, katika hali ya mazoezi: jumbe za mazoezi hazitumii tokeni.</numerusform>
            <numerusform>Sehemu %n za SMS, katika hali ya mazoezi: jumbe za mazoezi hazitumii tokeni.</numerusform>
        </translation>
    </message>
    <message>
        <source>Search messages</source>
        <translation>Tafuta jumbe</translation>
    </message>
    <message>
        <source>Incoming messages</source>
        <translation>Jumbe zinazoingia</translation>
    </message>
</context>
<context>
    <name>kengele::InboxService</name>
    <message>
        <source>Reading the inbox</source>
        <translation>Kusoma sanduku la ujumbe</translation>
    </message>
    <message>
        <source>That message is no longer in the inbox.</source>
        <translation>Ujumbe huo haupo tena kwenye sanduku la ujumbe.</translation>
    </message>
    <message>
        <source>Marking messages as read</source>
        <translation>Kuweka alama kuwa ujumbe umesomwa</translation>
    </message>
    <message>
        <source>Tying the messages to the contact</source>
        <translation>Kuunganisha ujumbe na mwasiliani</translation>
    </message>
    <message>
        <source>Write the reply first.</source>
        <translation>Andika jibu kwanza.</translation>
    </message>
    <message>
        <source>Reply to %1</source>
        <translation>Jibu kwa %1</translation>
    </message>
    <message>
        <source>Remembering the reply</source>
        <translation>Kuhifadhi jibu</translation>
    </message>
    <message>
        <source>%1 is not in your contacts.</source>
        <translation>%1 hayumo kwenye waasiliani wako.</translation>
    </message>
    <message>
        <source>%1 has opted out, so Kengele sends them no SMS.</source>
        <translation>%1 amejiondoa, kwa hiyo Kengele haimtumii SMS yoyote.</translation>
    </message>
</context>
<context>
    <name>kengele::InboxTableModel</name>
    <message>
        <source>Not in your contacts</source>
        <translation>Hayumo kwenye waasiliani wako</translation>
    </message>
    <message>
        <source>From</source>
        <translation>Kutoka</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Ujumbe</translation>
    </message>
    <message>
        <source>Received</source>
        <translation>Ulipopokelewa</translation>
    </message>
    <message>
        <source>Type</source>
        <extracomment>Column: what kind of incoming SMS it is (message, opt-out, prayer request)</extracomment>
        <translation>Aina</translation>
    </message>
</context>
<context>
    <name>kengele::LockScreen</name>
    <message>
        <source>Kengele is locked</source>
        <translation>Kengele imefungwa</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Jina la mtumiaji:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Jina la mtumiaji</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Nenosiri</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Nenosiri:</translation>
    </message>
    <message>
        <source>Unlock</source>
        <translation>Fungua</translation>
    </message>
    <message>
        <source>Sign in as someone else</source>
        <translation>Ingia kama mtu mwingine</translation>
    </message>
    <message>
        <source>Locked by %1. Type the password to go on.</source>
        <extracomment>On the lock screen: who locked Kengele, &quot;Locked by Mary Wanjiku&quot;</extracomment>
        <translation>Imefungwa na %1. Andika nenosiri ili kuendelea.</translation>
    </message>
    <message>
        <source>Sign in to go on.</source>
        <translation>Ingia ili kuendelea.</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>Andika jina lako la mtumiaji.</translation>
    </message>
</context>
<context>
    <name>kengele::MainWindow</name>
    <message>
        <source>Kengele — church office messaging</source>
        <translation>Kengele — ujumbe wa ofisi ya kanisa</translation>
    </message>
    <message>
        <source>Contacts</source>
        <translation>Waasiliani</translation>
    </message>
    <message>
        <source>Groups</source>
        <translation>Vikundi</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Violezo</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>&amp;Faili</translation>
    </message>
    <message>
        <source>&amp;Import contacts…</source>
        <translation>&amp;Ingiza waasiliani…</translation>
    </message>
    <message>
        <source>&amp;Export contacts…</source>
        <translation>&amp;Hamisha waasiliani…</translation>
    </message>
    <message>
        <source>Remove the &amp;demo congregation…</source>
        <translation>Ondoa &amp;waumini wa mfano…</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>&amp;Ondoka</translation>
    </message>
    <message>
        <source>&amp;Tools</source>
        <translation>&amp;Zana</translation>
    </message>
    <message>
        <source>&amp;Settings…</source>
        <translation>&amp;Mipangilio…</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>&amp;Msaada</translation>
    </message>
    <message>
        <source>&amp;About Kengele</source>
        <translation>&amp;Kuhusu Kengele</translation>
    </message>
    <message numerus="yes">
        <source>%n contact(s)</source>
        <translation>
            <numerusform>mwasiliani %n</numerusform>
            <numerusform>waasiliani %n</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n group(s)</source>
        <translation>
            <numerusform>kikundi %n</numerusform>
            <numerusform>vikundi %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Remove demo congregation</source>
        <translation>Ondoa waumini wa mfano</translation>
    </message>
    <message>
        <source>About Kengele</source>
        <translation>Kuhusu Kengele</translation>
    </message>
    <message>
        <source>Kengele %1
Contacts, groups and SMS for the church office.</source>
        <translation>Kengele %1
Waasiliani, vikundi na SMS kwa ofisi ya kanisa.</translation>
    </message>
    <message>
        <source>Tokens: unknown</source>
        <translation>Tokeni: haijulikani</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Tokens: %1</source>
        <translation>Tokeni: %1</translation>
    </message>
    <message>
        <source>Tokens left to send SMS (one token is one SMS part to one person):</source>
        <translation>Tokeni zilizobaki za kutuma SMS (tokeni moja ni sehemu moja ya SMS kwa mtu mmoja):</translation>
    </message>
    <message>
        <source>Messages are being sent</source>
        <translation>Ujumbe unatumwa</translation>
    </message>
    <message numerus="yes">
        <source>%n campaign(s) are still sending. If you close Kengele now, the messages not yet sent wait until you open it again. Close anyway?</source>
        <translation>
            <numerusform>Kampeni %n bado inatuma. Ukifunga Kengele sasa, ujumbe ambao bado haujatumwa utasubiri hadi uifungue tena. Funga hata hivyo?</numerusform>
            <numerusform>Kampeni %n bado zinatuma. Ukifunga Kengele sasa, ujumbe ambao bado haujatumwa utasubiri hadi uifungue tena. Funga hata hivyo?</numerusform>
        </translation>
    </message>
    <message>
        <source>Inbox</source>
        <translation>Ujumbe unaoingia</translation>
    </message>
    <message>
        <source>Try again</source>
        <translation>Jaribu tena</translation>
    </message>
    <message>
        <source>Try to reach the relay now instead of waiting.</source>
        <translation>Jaribu kufikia relay sasa badala ya kusubiri.</translation>
    </message>
    <message>
        <source>Inbox (%1)</source>
        <extracomment>The Inbox page in the sidebar, with the number of unread messages: &quot;Inbox (3)&quot;</extracomment>
        <translation>Ujumbe unaoingia (%1)</translation>
    </message>
    <message>
        <source>Your reply is on its way. You can follow it on the Sent SMS page.</source>
        <translation>Jibu lako linatumwa. Unaweza kulifuatilia kwenye ukurasa wa SMS zilizotumwa.</translation>
    </message>
    <message>
        <source>Send SMS…</source>
        <translation>Tuma SMS…</translation>
    </message>
    <message>
        <source>Write an SMS to a group or to the people you selected (Ctrl+N).</source>
        <translation>Andika SMS kwa kikundi au kwa watu uliowachagua (Ctrl+N).</translation>
    </message>
    <message>
        <source>Pages</source>
        <translation>Kurasa</translation>
    </message>
    <message>
        <source>Sent SMS</source>
        <extracomment>The sidebar&apos;s page of the SMS sent and scheduled (the campaigns), Kiswahili: &quot;SMS zilizotumwa&quot;</extracomment>
        <translation>SMS zilizotumwa</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>The SMS gateway, the language, the relay and the sending hours (Ctrl+,).</source>
        <translation>Lango la SMS, lugha, relay na saa za kutuma (Ctrl+,).</translation>
    </message>
    <message>
        <source>&amp;Send SMS…</source>
        <translation>&amp;Tuma SMS…</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tafuta</translation>
    </message>
    <message>
        <source>&amp;Getting started</source>
        <translation>&amp;Hatua za kwanza</translation>
    </message>
    <message>
        <source>Your data is kept in this folder:
%1</source>
        <translation>Data yako imehifadhiwa katika folda hii:
%1</translation>
    </message>
    <message>
        <source>Practice mode: Kengele only pretends to send, and no tokens are used. To send real SMS, choose Africa&apos;s Talking in Settings → SMS gateway.</source>
        <translation>Hali ya mazoezi: Kengele inajifanya tu kutuma, na hakuna tokeni zinazotumika. Ili kutuma SMS halisi, chagua Africa&apos;s Talking katika Mipangilio → Lango la SMS.</translation>
    </message>
    <message>
        <source>Enter a new enrolment code from your administrator in Settings → Relay.</source>
        <translation>Weka msimbo mpya wa usajili kutoka kwa msimamizi wako katika Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokeni</translation>
    </message>
    <message numerus="yes">
        <source>%n token warning(s)</source>
        <translation>
            <numerusform>Tahadhari %n ya tokeni</numerusform>
            <numerusform>Tahadhari %n za tokeni</numerusform>
        </translation>
    </message>
    <message>
        <source>Tokens expire soon</source>
        <translation>Tokeni zinaisha muda karibuni</translation>
    </message>
    <message>
        <source>Tokens short for campaigns</source>
        <translation>Tokeni hazitoshi kwa kampeni</translation>
    </message>
    <message>
        <source>%1: tokens low</source>
        <extracomment>The status bar when one budget is below its warning level or runs out soon: &quot;Youth: tokens low&quot;</extracomment>
        <translation>%1: tokeni chache</translation>
    </message>
    <message>
        <source>More on the Tokens page.</source>
        <translation>Zaidi kwenye ukurasa wa Tokeni.</translation>
    </message>
    <message>
        <source>&amp;Support…</source>
        <translation>&amp;Usaidizi…</translation>
    </message>
    <message>
        <source>Support</source>
        <translation>Usaidizi</translation>
    </message>
    <message>
        <source>Help → Getting started shows the three steps to a first SMS; every page says what its buttons do.</source>
        <translation>Msaada → Hatua za kwanza inaonyesha hatua tatu hadi SMS yako ya kwanza; kila ukurasa unaeleza vitufe vyake vinafanya nini.</translation>
    </message>
    <message>
        <source>For tokens, prices and M-Pesa payments, ask whoever runs your relay: they have not given a support line here.</source>
        <translation>Kwa tokeni, bei na malipo ya M-Pesa, uliza anayeendesha relay yako: bado hajaweka nambari ya msaada hapa.</translation>
    </message>
    <message>
        <source>Your support line: %1</source>
        <translation>Nambari yako ya msaada: %1</translation>
    </message>
    <message>
        <source>Open Buy with the Enterprise plan chosen?</source>
        <translation>Je, ungependa kufungua dirisha la kununua tokeni, mpango wa Enterprise ukiwa umechaguliwa?</translation>
    </message>
    <message>
        <source>&amp;Lock</source>
        <translation>&amp;Funga</translation>
    </message>
    <message>
        <source>Hide everything until you or someone else signs in again (Ctrl+L).</source>
        <translation>Ficha kila kitu hadi wewe au mtu mwingine aingie tena (Ctrl+L).</translation>
    </message>
    <message>
        <source>Remove the demo people that Kengele created on first start, and their made-up year of messages, replies and opt-outs? Contacts you added or imported yourself, and the SMS you sent, are kept.</source>
        <translation>Je, ungependa kuondoa watu wa mfano ambao Kengele iliunda ilipoanzishwa mara ya kwanza, pamoja na mwaka wao wa kubuni wa ujumbe, majibu na waliojiondoa? Waasiliani uliowaongeza au kuwaingiza mwenyewe, na SMS ulizotuma, vitabaki.</translation>
    </message>
    <message numerus="yes">
        <source>Removed %n demo contact(s)</source>
        <translation>
            <numerusform>Mwasiliani %n wa mfano ameondolewa</numerusform>
            <numerusform>Waasiliani %n wa mfano wameondolewa</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>and %n demo campaign(s) with their messages.</source>
        <translation>
            <numerusform>na kampeni %n ya mfano pamoja na ujumbe wake.</numerusform>
            <numerusform>na kampeni %n za mfano pamoja na ujumbe wake.</numerusform>
        </translation>
    </message>
    <message>
        <source>Dashboard</source>
        <translation>Dashibodi</translation>
    </message>
    <message>
        <source>Reports</source>
        <translation>Ripoti</translation>
    </message>
    <message>
        <source>Waiting to be let in</source>
        <translation>Inasubiri kuidhinishwa</translation>
    </message>
    <message>
        <source>Offline — changes will be shared when the relay is reachable</source>
        <translation>Nje ya mtandao — mabadiliko yatashirikiwa relay itakapopatikana</translation>
    </message>
    <message numerus="yes">
        <source>In step with %n other computer(s)</source>
        <translation>
            <numerusform>Imesawazishwa na kompyuta nyingine %n</numerusform>
            <numerusform>Imesawazishwa na kompyuta nyingine %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Contacts, groups and templates are shared with the church&apos;s other computers. Click to see them.</source>
        <translation>Waasiliani, vikundi na violezo vinashirikiwa na kompyuta nyingine za kanisa. Bofya ili kuziona.</translation>
    </message>
    <message numerus="yes">
        <source>%n computer(s) waiting to join</source>
        <translation>
            <numerusform>Kompyuta %n inasubiri kujiunga</numerusform>
            <numerusform>Kompyuta %n zinasubiri kujiunga</numerusform>
        </translation>
    </message>
    <message>
        <source>Open Settings → Computers to let it in.</source>
        <translation>Fungua Mipangilio → Kompyuta ili kuiidhinisha.</translation>
    </message>
    <message>
        <source>Let in — choose what happens to this computer&apos;s own data</source>
        <translation>Imeidhinishwa — chagua kitakachofanyika kwa data ya kompyuta hii yenyewe</translation>
    </message>
    <message>
        <source>See the notice at the top of the window.</source>
        <translation>Tazama taarifa iliyo juu ya dirisha.</translation>
    </message>
</context>
<context>
    <name>kengele::MessageTemplate</name>
    <message numerus="yes">
        <source>The message has %n problem(s) to fix before sending. %1</source>
        <translation>
            <numerusform>Ujumbe una tatizo %n la kurekebisha kabla ya kutumwa. %1</numerusform>
            <numerusform>Ujumbe una matatizo %n ya kurekebisha kabla ya kutumwa. %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The message is empty.</source>
        <translation>Ujumbe ni mtupu.</translation>
    </message>
    <message>
        <source>First name</source>
        <translation>Jina la kwanza</translation>
    </message>
    <message>
        <source>Last name</source>
        <translation>Jina la mwisho</translation>
    </message>
    <message>
        <source>Full name</source>
        <translation>Jina kamili</translation>
    </message>
    <message>
        <source>Phone number</source>
        <translation>Nambari ya simu</translation>
    </message>
    <message>
        <source>Group</source>
        <translation>Kikundi</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarehe</translation>
    </message>
    <message>
        <source>This { is not closed. End the field with }, or type {{ for a plain {.</source>
        <translation>Alama hii { haijafungwa. Maliza kipengele kwa }, au andika {{ ili upate { ya kawaida.</translation>
    </message>
    <message>
        <source>This field has no name. Put one between the braces, such as %1, or type {{}} for plain braces.</source>
        <translation>Kipengele hiki hakina jina. Weka jina kati ya mabano, kama %1, au andika {{}} ili upate mabano ya kawaida.</translation>
    </message>
    <message>
        <source>Unknown field {%1}. Did you mean {%2}?</source>
        <translation>Kipengele {%1} hakijulikani. Je, ulimaanisha {%2}?</translation>
    </message>
    <message>
        <source>Unknown field {%1}. The fields are: %2.</source>
        <translation>Kipengele {%1} hakijulikani. Vipengele vilivyopo ni: %2.</translation>
    </message>
</context>
<context>
    <name>kengele::OutboxTableModel</name>
    <message>
        <source>Last change: %1</source>
        <translation>Badiliko la mwisho: %1</translation>
    </message>
    <message>
        <source>SMS parts of this person&apos;s message: one token each.</source>
        <translation>Sehemu za SMS za ujumbe wa mtu huyu: tokeni moja kila moja.</translation>
    </message>
    <message>
        <source>Number</source>
        <translation>Nambari</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>Parts</source>
        <translation>Sehemu</translation>
    </message>
    <message>
        <source>Cost</source>
        <translation>Gharama</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>Mtandao</translation>
    </message>
    <message>
        <source>As the SMS provider reported it: %1</source>
        <translation>Kama alivyoripoti mtoa huduma wa SMS: %1</translation>
    </message>
    <message>
        <source>Cost: %1</source>
        <translation>Gharama: %1</translation>
    </message>
</context>
<context>
    <name>kengele::PastoralSearchDialog</name>
    <message>
        <source>Search pastoral notes</source>
        <translation>Tafuta katika maelezo ya kichungaji</translation>
    </message>
    <message>
        <source>Finds the people whose confidential notes contain these words. Each search is recorded in the audit trail, without the words searched.</source>
        <translation>Hupata watu ambao maelezo yao ya siri yana maneno haya. Kila utafutaji huandikwa katika kumbukumbu za ukaguzi, bila maneno yaliyotafutwa.</translation>
    </message>
    <message>
        <source>Words to find in pastoral notes</source>
        <translation>Maneno ya kutafuta katika maelezo ya kichungaji</translation>
    </message>
    <message>
        <source>e.g. hospital</source>
        <translation>k.m. hospitali</translation>
    </message>
    <message>
        <source>Search</source>
        <translation>Tafuta</translation>
    </message>
    <message>
        <source>People found</source>
        <translation>Watu waliopatikana</translation>
    </message>
    <message>
        <source>Type the words to look for.</source>
        <translation>Andika maneno ya kutafuta.</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message numerus="yes">
        <source>%n person(s) found. Double-click one to open their notes.</source>
        <translation>
            <numerusform>Mtu %n amepatikana. Bofya mara mbili kufungua maelezo yake.</numerusform>
            <numerusform>Watu %n wamepatikana. Bofya mara mbili mmoja wao kufungua maelezo yake.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nobody&apos;s notes contain these words.</source>
        <translation>Hakuna maelezo yenye maneno haya.</translation>
    </message>
</context>
<context>
    <name>kengele::RecipientPicker</name>
    <message numerus="yes">
        <source>%1 (%Ln)</source>
        <translation>
            <numerusform>%1 (%Ln)</numerusform>
            <numerusform>%1 (%Ln)</numerusform>
        </translation>
    </message>
    <message>
        <source>No groups yet. Make them on the Groups page.</source>
        <translation>Bado hakuna vikundi. Viunde kwenye ukurasa wa Vikundi.</translation>
    </message>
    <message>
        <source>Type a name or number</source>
        <translation>Andika jina au nambari</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ongeza</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ondoa</translation>
    </message>
    <message>
        <source>1. Who gets it</source>
        <translation>1. Nani ataupata</translation>
    </message>
    <message>
        <source>Also these people:</source>
        <translation>Pia watu hawa:</translation>
    </message>
    <message>
        <source>Add single people, for example a visiting pastor, besides the groups.</source>
        <translation>Ongeza watu mmoja mmoja, kwa mfano mchungaji mgeni, pamoja na vikundi.</translation>
    </message>
    <message>
        <source>(no name)</source>
        <translation>(hana jina)</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Nobody matches “%1”.</source>
        <translation>Hakuna anayelingana na “%1”.</translation>
    </message>
    <message>
        <source>All contacts</source>
        <translation>Waasiliani wote</translation>
    </message>
    <message>
        <source>Everyone in Contacts who has not opted out. Someone in several groups gets it once.</source>
        <translation>Kila mtu katika Waasiliani ambaye hajajiondoa. Mtu aliye katika vikundi kadhaa anaupata mara moja tu.</translation>
    </message>
    <message>
        <source>Or these groups:</source>
        <translation>Au vikundi hivi:</translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) opted out and will be left out.</source>
        <translation>
            <numerusform>Mwanachama %n amejiondoa na ataachwa nje.</numerusform>
            <numerusform>Wanachama %n wamejiondoa na wataachwa nje.</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — opted out</source>
        <translation>%1 — amejiondoa</translation>
    </message>
    <message>
        <source>Groups to send to</source>
        <translation>Vikundi vya kutumiwa</translation>
    </message>
    <message>
        <source>Add a person by name or number</source>
        <translation>Ongeza mtu kwa jina au nambari</translation>
    </message>
</context>
<context>
    <name>kengele::RelayClient</name>
    <message>
        <source>“%1” is not the address of a relay. Write it as your administrator gave it, like https://relay.example.org</source>
        <translation>“%1” si anwani ya relay. Iandike jinsi msimamizi wako alivyokupa, kama https://relay.example.org</translation>
    </message>
    <message>
        <source>Kengele cannot reach the relay at %1. Check that this computer is connected to the internet and that the address is right; Kengele keeps trying.</source>
        <translation>Kengele haiwezi kufikia relay iliyoko %1. Hakikisha kompyuta hii imeunganishwa na intaneti na kwamba anwani ni sahihi; Kengele inaendelea kujaribu.</translation>
    </message>
    <message>
        <source>The relay did not accept this enrolment code. A code works only once and only for a limited time (usually 24 hours). Check that it was typed exactly, or ask your administrator for a new one.</source>
        <translation>Relay haikukubali msimbo huu wa usajili. Msimbo hufanya kazi mara moja tu na kwa muda mfupi (kwa kawaida saa 24). Hakikisha umeuandika sawasawa, au omba msimbo mpya kwa msimamizi wako.</translation>
    </message>
    <message>
        <source>The relay no longer accepts this computer (its access may have been withdrawn). Connect it again with a new enrolment code from your administrator.</source>
        <translation>Relay haikubali tena kompyuta hii (huenda ruhusa yake imeondolewa). Iunganishe tena kwa msimbo mpya wa usajili kutoka kwa msimamizi wako.</translation>
    </message>
    <message>
        <source>The relay is busy; Kengele will try again shortly.</source>
        <translation>Relay ina shughuli nyingi; Kengele itajaribu tena baada ya muda mfupi.</translation>
    </message>
    <message>
        <source>The relay at %1 has a problem (error %2); Kengele will try again. If this lasts, tell the relay&apos;s administrator.</source>
        <translation>Relay iliyoko %1 ina tatizo (hitilafu %2); Kengele itajaribu tena. Tatizo likiendelea, mjulishe msimamizi wa relay.</translation>
    </message>
    <message>
        <source>There is no Kengele relay at %1. Check the address your administrator gave you.</source>
        <translation>Hakuna relay ya Kengele iliyoko %1. Hakiki anwani uliyopewa na msimamizi wako.</translation>
    </message>
    <message>
        <source>The relay refused the request (error %1).</source>
        <translation>Relay ilikataa ombi (hitilafu %1).</translation>
    </message>
    <message>
        <source>The relay refused the request: %1</source>
        <translation>Relay ilikataa ombi: %1</translation>
    </message>
    <message>
        <source>The answer from %1 could not be read. Is it the address of a Kengele relay?</source>
        <translation>Jibu kutoka %1 halikuweza kusomwa. Je, hii ni anwani ya relay ya Kengele?</translation>
    </message>
    <message>
        <source>The answer from %1 was too large to be a relay&apos;s answer, so Kengele stopped reading it. Check the relay address in Settings → Relay; if it is right, tell the relay&apos;s administrator.</source>
        <translation>Jibu kutoka %1 lilikuwa kubwa mno kuwa jibu la relay, kwa hiyo Kengele iliacha kulisoma. Kagua anwani ya relay katika Mipangilio → Relay; kama ni sahihi, mjulishe msimamizi wa relay.</translation>
    </message>
    <message>
        <source>The relay at %1 answered with a redirect to another address; Kengele does not follow it, so that the enrolment code and this computer&apos;s key go nowhere else. Check the relay address in Settings → Relay.</source>
        <translation>Relay iliyoko %1 ilijibu kwa kuelekeza kwenye anwani nyingine; Kengele haifuati maelekezo hayo, ili msimbo wa usajili na ufunguo wa kompyuta hii visiende kwingine. Kagua anwani ya relay katika Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>This computer is waiting for approval. On a computer of your church that is already connected, approve it and compare the safety code.</source>
        <translation>Kompyuta hii inasubiri idhini. Kwenye kompyuta ya kanisa lako ambayo tayari imeunganishwa, iidhinishe na ulinganishe msimbo wa usalama.</translation>
    </message>
    <message>
        <source>The relay has folded older changes into a snapshot; this computer fetches the snapshot first.</source>
        <translation>Relay imekusanya mabadiliko ya zamani kuwa nakala moja kamili; kompyuta hii italeta nakala hiyo kwanza.</translation>
    </message>
</context>
<context>
    <name>kengele::RelaySettingsWidget</name>
    <message>
        <source>Connected</source>
        <translation>Imeunganishwa</translation>
    </message>
    <message>
        <source>Organisation:</source>
        <translation>Shirika:</translation>
    </message>
    <message>
        <source>Last sync:</source>
        <translation>Usawazishaji wa mwisho:</translation>
    </message>
    <message>
        <source>https://relay.example.org</source>
        <translation>https://relay.example.org</translation>
    </message>
    <message>
        <source>KGL-…</source>
        <translation>KGL-…</translation>
    </message>
    <message>
        <source>Connect</source>
        <translation>Unganisha</translation>
    </message>
    <message>
        <source>Relay address:</source>
        <translation>Anwani ya relay:</translation>
    </message>
    <message>
        <source>Enrolment code:</source>
        <translation>Msimbo wa usajili:</translation>
    </message>
    <message>
        <source>A code works once, for a limited time (usually 24 hours).</source>
        <translation>Msimbo hutumika mara moja tu, na kwa muda maalum (kwa kawaida saa 24).</translation>
    </message>
    <message>
        <source>Name of this computer:</source>
        <translation>Jina la kompyuta hii:</translation>
    </message>
    <message>
        <source>So your administrator can tell the office computers apart.</source>
        <translation>Ili msimamizi wako aweze kutofautisha kompyuta za ofisi.</translation>
    </message>
    <message>
        <source>Connect again, or to another relay</source>
        <translation>Unganisha upya, au kwa relay nyingine</translation>
    </message>
    <message>
        <source>Connect this computer</source>
        <translation>Unganisha kompyuta hii</translation>
    </message>
    <message>
        <source>never</source>
        <translation>bado haijawahi</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>Inaunganisha na %1…</translation>
    </message>
    <message>
        <source>Connected to “%1”. Messages from members and delivery reports now come to this computer.</source>
        <translation>Imeunganishwa na “%1”. Sasa ujumbe wa waumini na ripoti za ufikishaji zitafika kwenye kompyuta hii.</translation>
    </message>
    <message>
        <source>Status:</source>
        <translation>Hali:</translation>
    </message>
    <message>
        <source>So members&apos; replies and the reports of your SMS wait for this computer while it is off. Your administrator gives you the relay&apos;s address and a one-time enrolment code.</source>
        <translation>Ili majibu ya waumini na ripoti za SMS zako zisubiri kompyuta hii ikiwa imezimwa. Msimamizi wako atakupa anwani ya relay na msimbo wa usajili unaotumika mara moja tu.</translation>
    </message>
    <message>
        <source>Enter a new enrolment code from your administrator below.</source>
        <translation>Weka hapa chini msimbo mpya wa usajili kutoka kwa msimamizi wako.</translation>
    </message>
    <message>
        <source>Connect this computer again</source>
        <translation>Unganisha kompyuta hii upya</translation>
    </message>
    <message>
        <source>The organisation at %1</source>
        <translation>Shirika lililo kwenye %1</translation>
    </message>
    <message>
        <source>Not syncing: Kengele syncs with the relay while it is open.</source>
        <translation>Haisawazishi: Kengele husawazisha na relay ikiwa imefunguliwa.</translation>
    </message>
</context>
<context>
    <name>kengele::RelaySyncService</name>
    <message>
        <source>This computer is not connected to a relay yet. Ask your administrator for an enrolment code and connect it in the settings.</source>
        <translation>Kompyuta hii bado haijaunganishwa na relay. Omba msimbo wa usajili kwa msimamizi wako na uiunganishe kwenye mipangilio.</translation>
    </message>
    <message>
        <source>The relay is already being synchronised.</source>
        <translation>Relay tayari inasawazishwa.</translation>
    </message>
    <message>
        <source>The relay&apos;s voucher key could not be read. Tell the relay&apos;s administrator.</source>
        <translation>Ufunguo wa vocha wa relay haukuweza kusomwa. Mwambie msimamizi wa relay.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportBuilderDialog</name>
    <message>
        <source>New report</source>
        <translation>Ripoti mpya</translation>
    </message>
    <message>
        <source>Narrow by</source>
        <translation>Chuja kwa</translation>
    </message>
    <message>
        <source>Value</source>
        <translation>Thamani</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ongeza</translation>
    </message>
    <message>
        <source>Count only what has this value.</source>
        <translation>Hesabu tu vyenye thamani hii.</translation>
    </message>
    <message>
        <source>Filters</source>
        <translation>Vichujio</translation>
    </message>
    <message>
        <source>Remove</source>
        <translation>Ondoa</translation>
    </message>
    <message>
        <source>For example: Failures by network, monthly</source>
        <translation>Kwa mfano: Zilizoshindikana kwa mtandao, kila mwezi</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <source>Close</source>
        <translation>Funga</translation>
    </message>
    <message>
        <source>The preview shows here.</source>
        <translation>Onyesho la awali litaonekana hapa.</translation>
    </message>
    <message>
        <source>What to count</source>
        <translation>Nini cha kuhesabu</translation>
    </message>
    <message>
        <source>Group by</source>
        <translation>Panga kwa</translation>
    </message>
    <message>
        <source>Then by</source>
        <translation>Kisha kwa</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>Only where</source>
        <translation>Pale tu ambapo</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Edit report: %1</source>
        <translation>Hariri ripoti: %1</translation>
    </message>
    <message>
        <source>Nothing (one number)</source>
        <translation>Hakuna (nambari moja)</translation>
    </message>
    <message>
        <source>Nothing more</source>
        <translation>Hakuna zaidi</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <extracomment>A report&apos;s filter in the builder&apos;s list: &quot;Network: Airtel&quot;</extracomment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Save the report</source>
        <translation>Hifadhi ripoti</translation>
    </message>
    <message>
        <source>Give the report a name first.</source>
        <translation>Kwanza ipe ripoti jina.</translation>
    </message>
    <message>
        <source>Replace the report?</source>
        <translation>Je, ungependa kubadilisha ripoti?</translation>
    </message>
    <message>
        <source>There is already a saved report called “%1”. Replace it with this one?</source>
        <translation>Tayari kuna ripoti iliyohifadhiwa inayoitwa “%1”. Je, ungependa kuibadilisha kwa hii?</translation>
    </message>
</context>
<context>
    <name>kengele::ReportChartBuilder</name>
    <message>
        <source>%1 (%2%)</source>
        <translation>%1 (%2%)</translation>
    </message>
</context>
<context>
    <name>kengele::ReportCsvWriter</name>
    <message>
        <source>Total</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>This report has no table to save as CSV.</source>
        <translation>Ripoti hii haina jedwali la kuhifadhi kama CSV.</translation>
    </message>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili hiyo ikiwa iko wazi kwenye Excel.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportPdfWriter</name>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in another program.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili hiyo ikiwa iko wazi kwenye programu nyingine.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportPeriodPicker</name>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>This month</source>
        <translation>Mwezi huu</translation>
    </message>
    <message>
        <source>Last 3 months</source>
        <translation>Miezi 3 iliyopita</translation>
    </message>
    <message>
        <source>Last 12 months</source>
        <translation>Miezi 12 iliyopita</translation>
    </message>
    <message>
        <source>Custom…</source>
        <translation>Chagua mwenyewe…</translation>
    </message>
    <message>
        <source>From</source>
        <extracomment>The first day of a report&apos;s own period</extracomment>
        <translation>Kutoka</translation>
    </message>
    <message>
        <source>to</source>
        <extracomment>The last day of a report&apos;s own period</extracomment>
        <translation>hadi</translation>
    </message>
</context>
<context>
    <name>kengele::ReportPrintPreview</name>
    <message>
        <source>Print %1</source>
        <translation>Chapisha %1</translation>
    </message>
</context>
<context>
    <name>kengele::ReportPrinter</name>
    <message>
        <source>Total</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>The page is too small to print this report on.</source>
        <translation>Ukurasa ni mdogo mno kuchapisha ripoti hii.</translation>
    </message>
    <message>
        <source>Generated %1</source>
        <translation>Iliandaliwa %1</translation>
    </message>
    <message>
        <source>Kengele could not start printing the report.</source>
        <translation>Kengele haikuweza kuanza kuchapisha ripoti.</translation>
    </message>
    <message>
        <source>Kengele could not add page %1 to the report.</source>
        <translation>Kengele haikuweza kuongeza ukurasa %1 kwenye ripoti.</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>Ukurasa %1 kati ya %2</translation>
    </message>
    <message>
        <source>Kengele could not finish printing the report.</source>
        <translation>Kengele haikuweza kumaliza kuchapisha ripoti.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportSchedules</name>
    <message>
        <source>Daily summary</source>
        <translation>Muhtasari wa kila siku</translation>
    </message>
    <message>
        <source>Weekly summary</source>
        <translation>Muhtasari wa kila wiki</translation>
    </message>
    <message>
        <source>Monthly summary</source>
        <translation>Muhtasari wa kila mwezi</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Ripoti</translation>
    </message>
    <message>
        <source>week %1</source>
        <translation>wiki %1</translation>
    </message>
    <message>
        <source>delivered %1</source>
        <translation>zimefika %1</translation>
    </message>
    <message>
        <source>Kengele %1: sent %2, %3, replies %4, opt-outs %5.</source>
        <translation>Kengele %1: zimetumwa %2, %3, majibu %4, waliojiondoa %5.</translation>
    </message>
    <message>
        <source>SMS summary</source>
        <translation>Muhtasari kwa SMS</translation>
    </message>
    <message>
        <source>Choose where the report goes: a folder for the PDF, a group for the SMS, or both.</source>
        <translation>Chagua ripoti itakwenda wapi: folda kwa ajili ya PDF, kikundi kwa ajili ya SMS, au vyote viwili.</translation>
    </message>
    <message>
        <source>Choose the day of the week the report goes.</source>
        <translation>Chagua siku ya wiki ambayo ripoti itatumwa.</translation>
    </message>
    <message>
        <source>Choose a day of the month from 1 to 31.</source>
        <translation>Chagua tarehe ya mwezi kutoka 1 hadi 31.</translation>
    </message>
    <message>
        <source>The campaign report is about one campaign, so it cannot go by itself every day, week or month.</source>
        <translation>Ripoti ya kampeni inahusu kampeni moja, kwa hiyo haiwezi kutumwa yenyewe kila siku, wiki au mwezi.</translation>
    </message>
    <message>
        <source>“%1” is not a period for a scheduled report. Leave it out for the period just ended, or use this-month, last-3-months or last-12-months.</source>
        <translation>“%1” si kipindi cha ripoti iliyopangwa. Kiache ili kupata kipindi kilichomalizika sasa hivi, au tumia this-month, last-3-months au last-12-months.</translation>
    </message>
    <message>
        <source>There is no folder %1. Choose a folder that exists.</source>
        <translation>Hakuna folda %1. Chagua folda iliyopo.</translation>
    </message>
    <message>
        <source>Scheduling the report</source>
        <translation>Kupanga ratiba ya ripoti</translation>
    </message>
    <message>
        <source>The group for the SMS was deleted. Choose another group.</source>
        <translation>Kikundi cha SMS kimefutwa. Chagua kikundi kingine.</translation>
    </message>
    <message>
        <source>Reading the scheduled reports</source>
        <translation>Kusoma ripoti zilizopangwa</translation>
    </message>
    <message>
        <source>There is no scheduled report number %1.</source>
        <translation>Hakuna ripoti iliyopangwa yenye nambari %1.</translation>
    </message>
    <message>
        <source>Removing the scheduled report</source>
        <translation>Kuondoa ripoti iliyopangwa</translation>
    </message>
    <message>
        <source>Running a scheduled report</source>
        <translation>Kuendesha ripoti iliyopangwa</translation>
    </message>
    <message>
        <source>This part of Kengele cannot write PDF files.</source>
        <translation>Sehemu hii ya Kengele haiwezi kuandika faili za PDF.</translation>
    </message>
    <message>
        <source>The folder %1 is not there any more.</source>
        <translation>Folda %1 haipo tena.</translation>
    </message>
    <message>
        <source>%1 could not be written: %2</source>
        <translation>%1 haikuweza kuandikwa: %2</translation>
    </message>
    <message>
        <source>The group for the SMS summary was deleted. Schedule the report again with a group.</source>
        <translation>Kikundi cha muhtasari kwa SMS kimefutwa. Panga ratiba ya ripoti tena ukichagua kikundi.</translation>
    </message>
    <message>
        <source>SMS summary %1</source>
        <translation>Muhtasari kwa SMS %1</translation>
    </message>
</context>
<context>
    <name>kengele::ReportView</name>
    <message>
        <source>Choose a report on the left.</source>
        <translation>Chagua ripoti upande wa kushoto.</translation>
    </message>
    <message>
        <source>Working out the report again…</source>
        <translation>Inaandaa ripoti tena…</translation>
    </message>
    <message>
        <source>Working out the report…</source>
        <translation>Inaandaa ripoti…</translation>
    </message>
    <message>
        <source>Nothing to show for this period.</source>
        <translation>Hakuna cha kuonyesha kwa kipindi hiki.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportXlsxWriter</name>
    <message>
        <source>Total</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>Table</source>
        <translation>Jedwali</translation>
    </message>
    <message>
        <source>This report has more rows than Excel can hold (%1). Choose a shorter period, or save it as CSV.</source>
        <translation>Ripoti hii ina safu nyingi kuliko Excel inavyoweza kubeba (%1). Chagua kipindi kifupi zaidi, au uihifadhi kama CSV.</translation>
    </message>
    <message>
        <source>This report has no table to save as a spreadsheet.</source>
        <translation>Ripoti hii haina jedwali la kuhifadhi kama faili linalofunguka kwenye Excel.</translation>
    </message>
    <message>
        <source>Kengele could not save %1. Choose a folder you are allowed to change, and close the file if it is open in Excel.</source>
        <translation>Kengele haikuweza kuhifadhi %1. Chagua folda unayoruhusiwa kubadilisha, na ufunge faili hiyo ikiwa iko wazi kwenye Excel.</translation>
    </message>
</context>
<context>
    <name>kengele::ReportsPage</name>
    <message>
        <source>Reports</source>
        <translation>Ripoti</translation>
    </message>
    <message>
        <source>New report…</source>
        <translation>Ripoti mpya…</translation>
    </message>
    <message>
        <source>Choose what to count, how to group it and over which period, and save it under a name.</source>
        <translation>Chagua nini cha kuhesabu, jinsi ya kukipanga na kwa kipindi gani, kisha uihifadhi kwa jina.</translation>
    </message>
    <message>
        <source>Edit…</source>
        <translation>Hariri…</translation>
    </message>
    <message>
        <source>Delete…</source>
        <translation>Futa…</translation>
    </message>
    <message>
        <source>Scheduled reports…</source>
        <translation>Ripoti zilizopangwa…</translation>
    </message>
    <message>
        <source>The reports made by themselves: when, where to, how the last one went.</source>
        <translation>Ripoti zinazoandaliwa zenyewe: lini, zinakwenda wapi, na jinsi ya mwisho ilivyokwenda.</translation>
    </message>
    <message>
        <source>Period:</source>
        <translation>Kipindi:</translation>
    </message>
    <message>
        <source>Campaign:</source>
        <translation>Kampeni:</translation>
    </message>
    <message>
        <source>Campaign</source>
        <translation>Kampeni</translation>
    </message>
    <message>
        <source>Print…</source>
        <translation>Chapisha…</translation>
    </message>
    <message>
        <source>Save as PDF…</source>
        <translation>Hifadhi kama PDF…</translation>
    </message>
    <message>
        <source>Paper size</source>
        <translation>Ukubwa wa karatasi</translation>
    </message>
    <message>
        <source>The paper size of the PDF.</source>
        <translation>Ukubwa wa karatasi ya PDF.</translation>
    </message>
    <message>
        <source>A4</source>
        <translation>A4</translation>
    </message>
    <message>
        <source>Letter</source>
        <translation>Letter</translation>
    </message>
    <message>
        <source>Export to Excel…</source>
        <translation>Hamisha kwa Excel…</translation>
    </message>
    <message>
        <source>Export to CSV…</source>
        <translation>Hamisha kwa CSV…</translation>
    </message>
    <message>
        <source>Schedule…</source>
        <translation>Panga ratiba…</translation>
    </message>
    <message>
        <source>Have this report made by itself every day, week or month: as a PDF in a folder, or the numbers by SMS to a group.</source>
        <translation>Ripoti hii iandaliwe yenyewe kila siku, wiki au mwezi: kama PDF kwenye folda, au takwimu kwa SMS kwa kikundi.</translation>
    </message>
    <message>
        <source>Sent, delivered, failed, replies and costs, beside the period before.</source>
        <translation>Zilizotumwa, zilizofika, zilizoshindikana, majibu na gharama, kando ya kipindi kilichotangulia.</translation>
    </message>
    <message>
        <source>One campaign from start to end: delivery, failures, replies.</source>
        <translation>Kampeni moja tangu mwanzo hadi mwisho: ufikishaji, zilizoshindikana, majibu.</translation>
    </message>
    <message>
        <source>Numbers whose messages keep failing, to correct or remove.</source>
        <translation>Nambari ambazo ujumbe wake unaendelea kushindikana, za kurekebisha au kuondoa.</translation>
    </message>
    <message>
        <source>Who asked for no more SMS, and after which campaign.</source>
        <translation>Nani aliomba asipokee SMS tena, na baada ya kampeni gani.</translation>
    </message>
    <message>
        <source>Tokens bought and spent, per department budget.</source>
        <translation>Tokeni zilizonunuliwa na kutumika, kwa kila bajeti ya idara.</translation>
    </message>
    <message>
        <source>Built-in reports</source>
        <translation>Ripoti zilizopo tayari</translation>
    </message>
    <message>
        <source>Saved reports</source>
        <translation>Ripoti zilizohifadhiwa</translation>
    </message>
    <message>
        <source>None yet: “New report…” makes one.</source>
        <translation>Bado hakuna: “Ripoti mpya…” huunda moja.</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <extracomment>A campaign in the campaign report&apos;s list: its name and the day it was made</extracomment>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>No campaigns yet: once a campaign has been sent, its report shows here.</source>
        <translation>Bado hakuna kampeni: kampeni ikishatumwa, ripoti yake itaonekana hapa.</translation>
    </message>
    <message>
        <source>There is no report to save yet.</source>
        <translation>Bado hakuna ripoti ya kuhifadhi.</translation>
    </message>
    <message>
        <source>There is no report to export yet.</source>
        <translation>Bado hakuna ripoti ya kuhamisha.</translation>
    </message>
    <message>
        <source>Writing %1…</source>
        <translation>Inaandika %1…</translation>
    </message>
    <message>
        <source>Saved %1.</source>
        <translation>%1 imehifadhiwa.</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>Hamisha</translation>
    </message>
    <message>
        <source>The report could not be written to %1.

%2</source>
        <translation>Ripoti haikuweza kuandikwa katika %1.

%2</translation>
    </message>
    <message>
        <source>Save as PDF</source>
        <translation>Hifadhi kama PDF</translation>
    </message>
    <message>
        <source>PDF files (*.pdf)</source>
        <translation>Faili za PDF (*.pdf)</translation>
    </message>
    <message>
        <source>The report could not be saved to %1.

%2</source>
        <translation>Ripoti haikuweza kuhifadhiwa katika %1.

%2</translation>
    </message>
    <message numerus="yes">
        <source>Saved %1 (%n page(s)).</source>
        <translation>
            <numerusform>%1 imehifadhiwa (ukurasa %n).</numerusform>
            <numerusform>%1 imehifadhiwa (kurasa %n).</numerusform>
        </translation>
    </message>
    <message>
        <source>Export to CSV</source>
        <translation>Hamisha kwa CSV</translation>
    </message>
    <message>
        <source>Export to Excel</source>
        <translation>Hamisha kwa Excel</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>Excel workbooks (*.xlsx)</source>
        <translation>Faili za Excel (*.xlsx)</translation>
    </message>
    <message>
        <source>Edit report</source>
        <translation>Hariri ripoti</translation>
    </message>
    <message>
        <source>Delete report</source>
        <translation>Futa ripoti</translation>
    </message>
    <message>
        <source>Delete the saved report “%1”? The numbers it shows stay in Kengele; only the report goes.</source>
        <translation>Je, ungependa kufuta ripoti iliyohifadhiwa “%1”? Takwimu inazoonyesha zinabaki katika Kengele; ni ripoti tu itakayoondoka.</translation>
    </message>
</context>
<context>
    <name>kengele::ScheduleEditor</name>
    <message>
        <source>Now</source>
        <translation>Sasa</translation>
    </message>
    <message>
        <source>At</source>
        <translation>Baadaye</translation>
    </message>
    <message>
        <source>Your computer&apos;s time (%1).</source>
        <translation>Saa ya kompyuta yako (%1).</translation>
    </message>
    <message>
        <source>Does not repeat</source>
        <translation>Haujirudii</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Kila siku</translation>
    </message>
    <message>
        <source>Every week on…</source>
        <translation>Kila wiki siku…</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Kila mwezi</translation>
    </message>
    <message>
        <source>Send the same message again and again, for example every Sunday, until a last day you choose. Each time goes to the members of the groups on that day.</source>
        <translation>Tuma ujumbe uleule tena na tena, kwa mfano kila Jumapili, hadi siku ya mwisho utakayochagua. Kila mara unaenda kwa wanachama wa vikundi siku hiyo.</translation>
    </message>
    <message>
        <source>until</source>
        <translation>hadi</translation>
    </message>
    <message>
        <source>The last day it is sent (that day included).</source>
        <translation>Siku ya mwisho utakayotumwa (pamoja na siku hiyo).</translation>
    </message>
    <message>
        <source>Send:</source>
        <translation>Tuma:</translation>
    </message>
    <message>
        <source>Repeat:</source>
        <translation>Rudia:</translation>
    </message>
    <message>
        <source>on day %1 of each month (or the month&apos;s last day)</source>
        <translation>tarehe %1 ya kila mwezi (au siku ya mwisho ya mwezi)</translation>
    </message>
    <message>
        <source>on day %1 of each month</source>
        <translation>tarehe %1 ya kila mwezi</translation>
    </message>
    <message>
        <source>A repeating message starts at a day and time you choose.</source>
        <translation>Ujumbe unaojirudia huanza siku na saa utakayochagua.</translation>
    </message>
    <message>
        <source>Date and time to send</source>
        <translation>Tarehe na saa ya kutuma</translation>
    </message>
</context>
<context>
    <name>kengele::ScheduleReportDialog</name>
    <message>
        <source>Send a report by itself</source>
        <translation>Ripoti itumwe yenyewe</translation>
    </message>
    <message>
        <source>Kengele makes “%1” by itself at the time you choose, while it is open. If the computer was off, it is made once when Kengele starts again.</source>
        <translation>Kengele huandaa “%1” yenyewe kwa wakati utakaochagua, ikiwa imefunguliwa. Kama kompyuta ilikuwa imezimwa, itaandaliwa mara moja Kengele itakapoanza tena.</translation>
    </message>
    <message>
        <source>Every day</source>
        <translation>Kila siku</translation>
    </message>
    <message>
        <source>Every week</source>
        <translation>Kila wiki</translation>
    </message>
    <message>
        <source>Every month</source>
        <translation>Kila mwezi</translation>
    </message>
    <message>
        <source>In a month without this day, the report is made on the month&apos;s last day.</source>
        <translation>Katika mwezi usio na tarehe hii, ripoti itaandaliwa siku ya mwisho ya mwezi.</translation>
    </message>
    <message>
        <source>Save it as a PDF in a folder</source>
        <translation>Ihifadhi kama PDF kwenye folda</translation>
    </message>
    <message>
        <source>Choose a folder</source>
        <translation>Chagua folda</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chagua…</translation>
    </message>
    <message>
        <source>Text the numbers to a group</source>
        <translation>Tuma takwimu kwa SMS kwa kikundi</translation>
    </message>
    <message numerus="yes">
        <source>%1 (%n member(s))</source>
        <translation>
            <numerusform>%1 (mwanachama %n)</numerusform>
            <numerusform>%1 (wanachama %n)</numerusform>
        </translation>
    </message>
    <message>
        <source>How often:</source>
        <translation>Mara ngapi:</translation>
    </message>
    <message>
        <source>On:</source>
        <translation>Siku:</translation>
    </message>
    <message>
        <source>At:</source>
        <translation>Saa:</translation>
    </message>
    <message>
        <source>Schedule</source>
        <translation>Panga ratiba</translation>
    </message>
    <message>
        <source>Where the PDF goes</source>
        <translation>PDF inakwenda wapi</translation>
    </message>
    <message>
        <source>Each report covers the day before.</source>
        <translation>Kila ripoti inahusu siku iliyotangulia.</translation>
    </message>
    <message>
        <source>Each report covers the last whole week, Monday to Sunday.</source>
        <translation>Kila ripoti inahusu wiki nzima iliyopita, Jumatatu hadi Jumapili.</translation>
    </message>
    <message>
        <source>Each report covers the month before.</source>
        <translation>Kila ripoti inahusu mwezi uliotangulia.</translation>
    </message>
    <message>
        <source>Choose a folder for the PDF, a group for the SMS, or both.</source>
        <translation>Chagua folda kwa ajili ya PDF, kikundi kwa ajili ya SMS, au vyote viwili.</translation>
    </message>
    <message>
        <source>There are no groups yet. Make a group of the leaders first, on the Groups page.</source>
        <translation>Bado hakuna vikundi. Kwanza unda kikundi cha viongozi, kwenye ukurasa wa Vikundi.</translation>
    </message>
    <message numerus="yes">
        <source>Each time: %n person(s), </source>
        <translation>
            <numerusform>Kila mara: mtu %n, </numerusform>
            <numerusform>Kila mara: watu %n, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n SMS part(s), </source>
        <translation>
            <numerusform>sehemu %n ya SMS, </numerusform>
            <numerusform>sehemu %n za SMS, </numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n token(s).</source>
        <translation>
            <numerusform>tokeni %n.</numerusform>
            <numerusform>tokeni %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n member(s) who opted out will not get it.</source>
        <translation>
            <numerusform>Mwanachama %n aliyejiondoa hataipata.</numerusform>
            <numerusform>Wanachama %n waliojiondoa hawataipata.</numerusform>
        </translation>
    </message>
    <message>
        <source>The balance now is %1 tokens.</source>
        <translation>Salio sasa ni tokeni %1.</translation>
    </message>
    <message>
        <source>Practice mode: no SMS leaves this computer.</source>
        <translation>Hali ya mazoezi: hakuna SMS inayotoka kwenye kompyuta hii.</translation>
    </message>
</context>
<context>
    <name>kengele::ScheduledReportsDialog</name>
    <message>
        <source>Scheduled reports</source>
        <translation>Ripoti zilizopangwa</translation>
    </message>
    <message>
        <source>These reports go by themselves while Kengele is open; one missed while the computer was off goes once when Kengele starts again.</source>
        <translation>Ripoti hizi hutumwa zenyewe Kengele ikiwa imefunguliwa; ile iliyokosa kutumwa kompyuta ilipokuwa imezimwa hutumwa mara moja Kengele itakapoanza tena.</translation>
    </message>
    <message>
        <source>Report</source>
        <translation>Ripoti</translation>
    </message>
    <message>
        <source>When</source>
        <translation>Lini</translation>
    </message>
    <message>
        <source>Goes to</source>
        <translation>Inakwenda</translation>
    </message>
    <message>
        <source>Next</source>
        <translation>Inayofuata</translation>
    </message>
    <message>
        <source>Last time</source>
        <translation>Mara ya mwisho</translation>
    </message>
    <message>
        <source>No report is scheduled. Choose a report, then “Schedule…” to have it made by itself.</source>
        <translation>Hakuna ripoti iliyopangwa. Chagua ripoti, kisha “Panga ratiba…” ili iandaliwe yenyewe.</translation>
    </message>
    <message>
        <source>Stop sending…</source>
        <translation>Acha kutuma…</translation>
    </message>
    <message>
        <source>This report is no longer made by itself. Files already written stay.</source>
        <translation>Ripoti hii haiandaliwi tena yenyewe. Faili zilizokwisha kuandikwa zinabaki.</translation>
    </message>
    <message>
        <source>Every day at %1</source>
        <translation>Kila siku saa %1</translation>
    </message>
    <message>
        <source>Every %1 at %2</source>
        <extracomment>&quot;Every Monday at 07:00&quot;</extracomment>
        <translation>Kila %1 saa %2</translation>
    </message>
    <message>
        <source>On day %1 of each month at %2</source>
        <extracomment>&quot;On day 1 of each month at 08:00&quot;</extracomment>
        <translation>Tarehe %1 ya kila mwezi saa %2</translation>
    </message>
    <message>
        <source>PDF in %1</source>
        <translation>PDF katika %1</translation>
    </message>
    <message>
        <source>SMS to a group that was deleted</source>
        <translation>SMS kwa kikundi kilichofutwa</translation>
    </message>
    <message>
        <source>SMS to %1</source>
        <translation>SMS kwa %1</translation>
    </message>
    <message>
        <source>Not yet</source>
        <translation>Bado</translation>
    </message>
    <message>
        <source>Started %1, did not finish</source>
        <translation>Ilianza %1, haikumaliza</translation>
    </message>
    <message>
        <source>Made %1</source>
        <translation>Iliandaliwa %1</translation>
    </message>
    <message>
        <source>Failed %1: %2</source>
        <translation>Ilishindikana %1: %2</translation>
    </message>
    <message>
        <source>Stop a scheduled report</source>
        <translation>Acha ripoti iliyopangwa</translation>
    </message>
    <message>
        <source>Stop making “%1” by itself (%2)?</source>
        <translation>Je, ungependa kuacha kuandaa “%1” yenyewe (%2)?</translation>
    </message>
</context>
<context>
    <name>kengele::SendingSettingsWidget</name>
    <message>
        <source>Quiet hours</source>
        <translation>Saa za utulivu</translation>
    </message>
    <message>
        <source>During the quiet hours only urgent messages go out; the others wait until the quiet hours end, so nobody&apos;s phone rings in the night.</source>
        <translation>Wakati wa saa za utulivu ujumbe wa dharura tu hutumwa; mwingine husubiri hadi saa za utulivu ziishe, ili simu ya mtu isilie usiku.</translation>
    </message>
    <message>
        <source>No quiet hours: send at any hour of the day or night</source>
        <translation>Hakuna saa za utulivu: tuma saa yoyote, mchana au usiku</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Kuanzia:</translation>
    </message>
    <message>
        <source>Until:</source>
        <translation>Hadi:</translation>
    </message>
    <message>
        <source>Messages go out as soon as they are due, also at night.</source>
        <translation>Ujumbe hutumwa mara tu wakati wake unapofika, hata usiku.</translation>
    </message>
    <message>
        <source>The quiet hours start and end at the same time, so there are none: messages go out at any hour.</source>
        <translation>Saa za utulivu zinaanza na kuisha wakati mmoja, kwa hiyo hakuna: ujumbe hutumwa saa yoyote.</translation>
    </message>
    <message>
        <source>From %1 until %2 only urgent messages go out; the others wait until %2.</source>
        <translation>Kuanzia %1 hadi %2 ujumbe wa dharura tu hutumwa; mwingine husubiri hadi %2.</translation>
    </message>
    <message>
        <source>Sending speed</source>
        <translation>Kasi ya kutuma</translation>
    </message>
    <message>
        <source>as fast as possible</source>
        <translation>haraka iwezekanavyo</translation>
    </message>
    <message>
        <source> SMS each second</source>
        <extracomment>After a number: &quot;20 SMS each second&quot;</extracomment>
        <translation> SMS kila sekunde</translation>
    </message>
    <message>
        <source>At most:</source>
        <translation>Upeo:</translation>
    </message>
    <message>
        <source>Kengele sends SMS as fast as the connection allows.</source>
        <translation>Kengele hutuma SMS haraka kadiri muunganisho unavyoruhusu.</translation>
    </message>
    <message>
        <source>less than a minute</source>
        <translation>chini ya dakika moja</translation>
    </message>
    <message>
        <source>about a minute</source>
        <translation>takriban dakika moja</translation>
    </message>
    <message numerus="yes">
        <source>about %n minute(s)</source>
        <translation>
            <numerusform>takriban dakika %n</numerusform>
            <numerusform>takriban dakika %n</numerusform>
        </translation>
    </message>
    <message>
        <source>Kengele sends at most %1 SMS each second: 1,000 SMS go out in %2.</source>
        <translation>Kengele hutuma SMS zisizozidi %1 kila sekunde: SMS 1,000 hutumwa kwa muda wa %2.</translation>
    </message>
    <message>
        <source>Your SMS provider refuses SMS that come faster than your account allows; 20 suits most accounts.</source>
        <translation>Mtoa huduma wako wa SMS hukataa SMS zinazokuja kwa kasi zaidi kuliko akaunti yako inavyoruhusu; 20 inafaa akaunti nyingi.</translation>
    </message>
    <message>
        <source>Quiet hours are the same on all the church&apos;s computers: a change here reaches the others. The sending speed below is this computer&apos;s own.</source>
        <translation>Saa za utulivu ni sawa kwenye kompyuta zote za kanisa: badiliko hapa linafika kwenye kompyuta nyingine. Kasi ya kutuma iliyo hapa chini ni ya kompyuta hii peke yake.</translation>
    </message>
</context>
<context>
    <name>kengele::SettingsDialog</name>
    <message>
        <source>Settings</source>
        <translation>Mipangilio</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Language:</source>
        <translation>Lugha:</translation>
    </message>
    <message>
        <source>Country for phone numbers:</source>
        <translation>Nchi ya nambari za simu:</translation>
    </message>
    <message>
        <source>Numbers typed without a country code, like 0712 345 678, are read as numbers of this country.</source>
        <translation>Nambari zilizoandikwa bila msimbo wa nchi, kama 0712 345 678, husomwa kama nambari za nchi hii.</translation>
    </message>
    <message>
        <source>General</source>
        <translation>Jumla</translation>
    </message>
    <message>
        <source>SMS gateway</source>
        <translation>Lango la SMS</translation>
    </message>
    <message>
        <source>Relay</source>
        <translation>Relay</translation>
    </message>
    <message>
        <source>Sending</source>
        <translation>Kutuma</translation>
    </message>
    <message>
        <source>Backups</source>
        <translation>Nakala rudufu</translation>
    </message>
    <message>
        <source>For example: St John&apos;s Parish, Nakuru</source>
        <translation>Kwa mfano: Parokia ya Mtakatifu Yohana, Nakuru</translation>
    </message>
    <message>
        <source>No logo</source>
        <translation>Hakuna nembo</translation>
    </message>
    <message>
        <source>Logo for printed reports</source>
        <translation>Nembo ya ripoti zinazochapishwa</translation>
    </message>
    <message>
        <source>Choose…</source>
        <translation>Chagua…</translation>
    </message>
    <message>
        <source>Images (*.png *.jpg *.jpeg *.svg *.bmp)</source>
        <translation>Picha (*.png *.jpg *.jpeg *.svg *.bmp)</translation>
    </message>
    <message>
        <source>Church name:</source>
        <translation>Jina la kanisa:</translation>
    </message>
    <message>
        <source>Logo:</source>
        <translation>Nembo:</translation>
    </message>
    <message>
        <source>The name and logo are printed at the top of every page of a report.</source>
        <translation>Jina na nembo huchapishwa juu ya kila ukurasa wa ripoti.</translation>
    </message>
    <message>
        <source>The country for phone numbers and the church name are the same on all the church&apos;s computers: a change here reaches the others. The language and the logo are this computer&apos;s own.</source>
        <translation>Nchi ya nambari za simu na jina la kanisa ni sawa kwenye kompyuta zote za kanisa: badiliko hapa linafika kwenye kompyuta nyingine. Lugha na nembo ni za kompyuta hii peke yake.</translation>
    </message>
</context>
<context>
    <name>kengele::SignInDialog</name>
    <message>
        <source>Sign in to Kengele</source>
        <translation>Ingia kwenye Kengele</translation>
    </message>
    <message>
        <source>Each person in the office has their own user name, so Kengele knows who did what. Ask your administrator if you do not have one.</source>
        <translation>Kila mtu ofisini ana jina lake la mtumiaji, ili Kengele ijue nani alifanya nini. Muulize msimamizi wako ikiwa huna.</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Jina la mtumiaji</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>Nenosiri</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Jina la mtumiaji:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Nenosiri:</translation>
    </message>
    <message>
        <source>Sign in</source>
        <translation>Ingia</translation>
    </message>
    <message>
        <source>Quit Kengele</source>
        <translation>Ondoka kwenye Kengele</translation>
    </message>
    <message>
        <source>Type your user name.</source>
        <translation>Andika jina lako la mtumiaji.</translation>
    </message>
</context>
<context>
    <name>kengele::StaffAccountDialog</name>
    <message>
        <source>Require sign-in</source>
        <translation>Lazimisha kuingia</translation>
    </message>
    <message>
        <source>From now on everyone signs in with their own user name and password, and Kengele keeps a trail of who did what. You become the first administrator: you add the others and choose what they may do.</source>
        <translation>Kuanzia sasa kila mtu anaingia kwa jina lake la mtumiaji na nenosiri lake, na Kengele inahifadhi kumbukumbu za nani alifanya nini. Wewe unakuwa msimamizi wa kwanza: unawaongeza wengine na kuchagua wanachoruhusiwa kufanya.</translation>
    </message>
    <message>
        <source>Add a staff account</source>
        <translation>Ongeza akaunti ya mfanyakazi</translation>
    </message>
    <message>
        <source>Give the person their user name and this password; they can change the password themselves under Settings → Staff and roles.</source>
        <translation>Mpe mtu huyo jina lake la mtumiaji na nenosiri hili; anaweza kubadilisha nenosiri mwenyewe katika Mipangilio → Wafanyakazi na majukumu.</translation>
    </message>
    <message>
        <source>Add</source>
        <translation>Ongeza</translation>
    </message>
    <message>
        <source>Change role</source>
        <translation>Badilisha jukumu</translation>
    </message>
    <message>
        <source>What may %1 do?</source>
        <translation>%1 anaruhusiwa kufanya nini?</translation>
    </message>
    <message>
        <source>Set a new password</source>
        <translation>Weka nenosiri jipya</translation>
    </message>
    <message>
        <source>A new password for %1. Tell it to them in person; they can change it after signing in.</source>
        <translation>Nenosiri jipya la %1. Mwambie ana kwa ana; anaweza kulibadilisha baada ya kuingia.</translation>
    </message>
    <message>
        <source>Set password</source>
        <translation>Weka nenosiri</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Badilisha nenosiri langu</translation>
    </message>
    <message>
        <source>Type your password now, then the new one twice.</source>
        <translation>Andika nenosiri lako la sasa, kisha jipya mara mbili.</translation>
    </message>
    <message>
        <source>Change password</source>
        <translation>Badilisha nenosiri</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>Mary Wanjiku</source>
        <translation>Mary Wanjiku</translation>
    </message>
    <message>
        <source>Your name:</source>
        <translation>Jina lako:</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Jina:</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Jina la mtumiaji</translation>
    </message>
    <message>
        <source>mary</source>
        <translation>mary</translation>
    </message>
    <message>
        <source>What they type to sign in: letters, digits, dots, dashes or underscores.</source>
        <translation>Anachoandika ili kuingia: herufi, tarakimu, nukta, vistari au mistari ya chini.</translation>
    </message>
    <message>
        <source>User name:</source>
        <translation>Jina la mtumiaji:</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Jukumu</translation>
    </message>
    <message>
        <source>Role:</source>
        <translation>Jukumu:</translation>
    </message>
    <message>
        <source>Password now</source>
        <translation>Nenosiri la sasa</translation>
    </message>
    <message>
        <source>Password now:</source>
        <translation>Nenosiri la sasa:</translation>
    </message>
    <message>
        <source>New password</source>
        <translation>Nenosiri jipya</translation>
    </message>
    <message>
        <source>At least 10 characters, not a common password and not the user name. A short sentence is easy to remember: &quot;Our choir sings at nine&quot;.</source>
        <translation>Angalau herufi 10, lisiwe nenosiri linalotumiwa na wengi na lisiwe jina la mtumiaji. Sentensi fupi ni rahisi kukumbuka: &quot;Kwaya yetu huimba saa tatu&quot;.</translation>
    </message>
    <message>
        <source>The password again</source>
        <translation>Nenosiri tena</translation>
    </message>
    <message>
        <source>New password:</source>
        <translation>Nenosiri jipya:</translation>
    </message>
    <message>
        <source>Password:</source>
        <translation>Nenosiri:</translation>
    </message>
    <message>
        <source>Again:</source>
        <translation>Tena:</translation>
    </message>
    <message>
        <source>Type the person&apos;s name, as the office knows them.</source>
        <translation>Andika jina la mtu huyo, kama anavyojulikana ofisini.</translation>
    </message>
    <message>
        <source>The two passwords are not the same. Type the new password twice.</source>
        <translation>Manenosiri hayo mawili hayafanani. Andika nenosiri jipya mara mbili.</translation>
    </message>
</context>
<context>
    <name>kengele::StaffAccounts</name>
    <message>
        <source>A user name has 2 to 32 letters or digits (and &apos;.&apos;, &apos;_&apos; or &apos;-&apos; after the first), like &quot;mary&quot; or &quot;j.otieno&quot;.</source>
        <translation>Jina la mtumiaji lina herufi au tarakimu 2 hadi 32 (na &apos;.&apos;, &apos;_&apos; au &apos;-&apos; baada ya ile ya kwanza), kama &quot;mary&quot; au &quot;j.otieno&quot;.</translation>
    </message>
    <message>
        <source>Reading the staff accounts</source>
        <translation>Kusoma akaunti za wafanyakazi</translation>
    </message>
    <message>
        <source>There is no staff account &quot;%1&quot;.</source>
        <translation>Hakuna akaunti ya mfanyakazi &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Sign in first: this profile asks who is at the computer.</source>
        <translation>Ingia kwanza: folda hii ya data inauliza nani yuko kwenye kompyuta.</translation>
    </message>
    <message>
        <source>The user name or the password is not right.</source>
        <translation>Jina la mtumiaji au nenosiri si sahihi.</translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n minute(s).</source>
        <translation>
            <numerusform>Manenosiri yasiyo sahihi ni mengi mno. Jaribu tena baada ya dakika %n.</numerusform>
            <numerusform>Manenosiri yasiyo sahihi ni mengi mno. Jaribu tena baada ya dakika %n.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Too many wrong passwords. Try again in %n second(s).</source>
        <translation>
            <numerusform>Manenosiri yasiyo sahihi ni mengi mno. Jaribu tena baada ya sekunde %n.</numerusform>
            <numerusform>Manenosiri yasiyo sahihi ni mengi mno. Jaribu tena baada ya sekunde %n.</numerusform>
        </translation>
    </message>
    <message>
        <source>This account is disabled. An administrator can enable it again in Settings → Staff.</source>
        <translation>Akaunti hii imezimwa. Msimamizi anaweza kuiwasha tena katika Mipangilio → Wafanyakazi.</translation>
    </message>
    <message>
        <source>Signing in</source>
        <translation>Kuingia</translation>
    </message>
    <message>
        <source>Give the person&apos;s name, as the others know them.</source>
        <translation>Toa jina la mtu, kama wengine wanavyomfahamu.</translation>
    </message>
    <message>
        <source>Adding the staff account</source>
        <translation>Kuongeza akaunti ya mfanyakazi</translation>
    </message>
    <message>
        <source>Sign-in is already required: an administrator adds accounts.</source>
        <translation>Kuingia tayari kunahitajika: msimamizi ndiye huongeza akaunti.</translation>
    </message>
    <message>
        <source>There is already an account &quot;%1&quot;.</source>
        <translation>Tayari kuna akaunti &quot;%1&quot;.</translation>
    </message>
    <message>
        <source>Turn on sign-in first (Settings → Staff → Require sign-in): that makes the first administrator.</source>
        <translation>Washa kuingia kwanza (Mipangilio → Wafanyakazi → Hitaji kuingia): hilo huunda msimamizi wa kwanza.</translation>
    </message>
    <message>
        <source>%1 is the only administrator: make someone else an administrator first.</source>
        <translation>%1 ndiye msimamizi pekee: mfanye mtu mwingine kuwa msimamizi kwanza.</translation>
    </message>
    <message>
        <source>Changing the role</source>
        <translation>Kubadilisha jukumu</translation>
    </message>
    <message>
        <source>You cannot disable your own account while you use it.</source>
        <translation>Huwezi kuzima akaunti yako mwenyewe unapoitumia.</translation>
    </message>
    <message>
        <source>Changing the account</source>
        <translation>Kubadilisha akaunti</translation>
    </message>
    <message>
        <source>Changing the password</source>
        <translation>Kubadilisha nenosiri</translation>
    </message>
    <message>
        <source>Sign in first.</source>
        <translation>Ingia kwanza.</translation>
    </message>
    <message>
        <source>The current password is not right.</source>
        <translation>Nenosiri la sasa si sahihi.</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is the name Kengele&apos;s own work is recorded under in the audit trail. Choose another user name.</source>
        <translation>&quot;%1&quot; ni jina ambalo kazi za Kengele yenyewe hurekodiwa kwalo katika kumbukumbu za ukaguzi. Chagua jina jingine la mtumiaji.</translation>
    </message>
</context>
<context>
    <name>kengele::StaffSettingsWidget</name>
    <message>
        <source>Staff and roles</source>
        <translation>Wafanyakazi</translation>
    </message>
    <message>
        <source>Audit trail</source>
        <translation>Ukaguzi</translation>
    </message>
    <message>
        <source>Sign-in is off</source>
        <translation>Kuingia kumezimwa</translation>
    </message>
    <message>
        <source>Anyone at this computer can use Kengele, and nothing records who did what.</source>
        <translation>Yeyote aliye kwenye kompyuta hii anaweza kutumia Kengele, na hakuna kinachorekodi nani alifanya nini.</translation>
    </message>
    <message>
        <source>When you require sign-in, each person in the office gets their own user name and password, and a role that says what they may do: look only, edit and send, see pastoral records, or manage everything. Kengele then keeps an audit trail of who did what, and locks itself when nobody has used it for a while.</source>
        <translation>Ukilazimisha kuingia, kila mtu ofisini anapata jina lake la mtumiaji na nenosiri, pamoja na jukumu linaloonyesha anachoruhusiwa kufanya: kutazama tu, kuhariri na kutuma, kuona taarifa za kichungaji, au kusimamia kila kitu. Kisha Kengele inahifadhi kumbukumbu za ukaguzi za nani alifanya nini, na inajifunga yenyewe isipotumika kwa muda.</translation>
    </message>
    <message>
        <source>Require sign-in…</source>
        <translation>Lazimisha kuingia…</translation>
    </message>
    <message>
        <source>Staff accounts</source>
        <translation>Akaunti za wafanyakazi</translation>
    </message>
    <message>
        <source>Name</source>
        <translation>Jina</translation>
    </message>
    <message>
        <source>User name</source>
        <translation>Jina la mtumiaji</translation>
    </message>
    <message>
        <source>Role</source>
        <translation>Jukumu</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>Add…</source>
        <translation>Ongeza…</translation>
    </message>
    <message>
        <source>Change role…</source>
        <translation>Badilisha jukumu…</translation>
    </message>
    <message>
        <source>Disable</source>
        <translation>Zima</translation>
    </message>
    <message>
        <source>Reset password…</source>
        <translation>Weka nenosiri upya…</translation>
    </message>
    <message>
        <source>Change my password…</source>
        <translation>Badilisha nenosiri langu…</translation>
    </message>
    <message>
        <source>A user name and password for someone in the office, with their role.</source>
        <translation>Jina la mtumiaji na nenosiri kwa mtu wa ofisini, pamoja na jukumu lake.</translation>
    </message>
    <message>
        <source>A disabled account cannot sign in; its name stays in the audit trail.</source>
        <translation>Akaunti iliyozimwa haiwezi kuingia; jina lake linabaki katika kumbukumbu za ukaguzi.</translation>
    </message>
    <message>
        <source> min</source>
        <extracomment>The spin box for the idle lock: &quot;Lock after 15 minutes without use&quot;</extracomment>
        <translation> dakika</translation>
    </message>
    <message>
        <source>never</source>
        <extracomment>The idle lock&apos;s spin box at 0</extracomment>
        <translation>kamwe</translation>
    </message>
    <message>
        <source>Lock after minutes without use</source>
        <translation>Funga baada ya dakika kadhaa bila matumizi</translation>
    </message>
    <message>
        <source>Lock Kengele after this long without use:</source>
        <translation>Funga Kengele baada ya muda huu bila kutumika:</translation>
    </message>
    <message>
        <source>Signed in as %1 (%2).</source>
        <translation>Umeingia kama %1 (%2).</translation>
    </message>
    <message>
        <source>Nobody is signed in.</source>
        <translation>Hakuna aliyeingia.</translation>
    </message>
    <message>
        <source>Disabled</source>
        <translation>Imezimwa</translation>
    </message>
    <message>
        <source>Active</source>
        <translation>Inatumika</translation>
    </message>
    <message>
        <source>You can change your own password.</source>
        <translation>Unaweza kubadilisha nenosiri lako mwenyewe.</translation>
    </message>
    <message>
        <source>0: only when someone chooses File → Lock.</source>
        <translation>0: pale tu mtu anapochagua Faili → Funga.</translation>
    </message>
    <message>
        <source>Enable</source>
        <translation>Washa</translation>
    </message>
    <message>
        <source>Choose an account in the list first.</source>
        <translation>Chagua akaunti kwenye orodha kwanza.</translation>
    </message>
    <message>
        <source>What this person may do.</source>
        <translation>Anachoruhusiwa kufanya mtu huyu.</translation>
    </message>
    <message>
        <source>A new password for someone who forgot theirs.</source>
        <translation>Nenosiri jipya kwa mtu aliyesahau lake.</translation>
    </message>
    <message>
        <source>Change my password</source>
        <translation>Badilisha nenosiri langu</translation>
    </message>
    <message>
        <source>Your password is changed. Use the new one from now on.</source>
        <translation>Nenosiri lako limebadilishwa. Tumia jipya kuanzia sasa.</translation>
    </message>
    <message>
        <source>Disable account</source>
        <translation>Zima akaunti</translation>
    </message>
    <message>
        <source>%1 will not be able to sign in any more. Their name stays in the audit trail, and you can enable the account again later. Disable it?</source>
        <translation>%1 hataweza kuingia tena. Jina lake linabaki katika kumbukumbu za ukaguzi, na unaweza kuwasha akaunti tena baadaye. Uizime?</translation>
    </message>
    <message>
        <source>Enable account</source>
        <translation>Washa akaunti</translation>
    </message>
</context>
<context>
    <name>kengele::SyncEngine</name>
    <message>
        <source>This computer is not connected to the relay yet.</source>
        <translation>Kompyuta hii bado haijaunganishwa na relay.</translation>
    </message>
    <message>
        <source>This computer is approved but does not hold the congregation&apos;s keys. Remove it on another computer and connect it again.</source>
        <translation>Kompyuta hii imeidhinishwa lakini haina funguo za kanisa. Iondoe kwenye kompyuta nyingine kisha uiunganishe tena.</translation>
    </message>
    <message>
        <source>Another computer refused to let this one in.</source>
        <translation>Kompyuta nyingine ilikataa kuiruhusu kompyuta hii kuingia.</translation>
    </message>
    <message>
        <source>Keeping the request to join</source>
        <translation>Kuhifadhi ombi la kujiunga</translation>
    </message>
    <message>
        <source>Saving the list of computers</source>
        <translation>Kuhifadhi orodha ya kompyuta</translation>
    </message>
    <message>
        <source>Saving how far the changes were read</source>
        <translation>Kuhifadhi mahali usomaji wa mabadiliko ulipofikia</translation>
    </message>
    <message>
        <source>Preparing changes to send</source>
        <translation>Kuandaa mabadiliko ya kutuma</translation>
    </message>
    <message>
        <source>Keeping changes for later</source>
        <translation>Kuhifadhi mabadiliko kwa ajili ya baadaye</translation>
    </message>
    <message>
        <source>Saving changes from another computer</source>
        <translation>Kuhifadhi mabadiliko kutoka kompyuta nyingine</translation>
    </message>
    <message>
        <source>Reading changes kept for later</source>
        <translation>Kusoma mabadiliko yaliyohifadhiwa kwa ajili ya baadaye</translation>
    </message>
    <message>
        <source>Changes kept for later could not be taken up.</source>
        <translation>Mabadiliko yaliyohifadhiwa kwa ajili ya baadaye hayakuweza kushughulikiwa.</translation>
    </message>
    <message>
        <source>This computer is not approved itself, so it cannot let another one in.</source>
        <translation>Kompyuta hii yenyewe haijaidhinishwa, kwa hiyo haiwezi kuiruhusu kompyuta nyingine kuingia.</translation>
    </message>
    <message>
        <source>The safety codes are not the same: the computer was not approved. Someone may be interfering; check the code on the new computer again.</source>
        <translation>Misimbo ya usalama haifanani: kompyuta haikuidhinishwa. Huenda mtu anaingilia kati; kagua tena msimbo kwenye kompyuta mpya.</translation>
    </message>
    <message>
        <source>The new computer has not shown its safety code yet. Run the sync on it (it must stay open), then try again.</source>
        <translation>Kompyuta mpya bado haijaonyesha msimbo wake wa usalama. Endesha usawazishaji kwenye kompyuta hiyo (uuache ukiendelea), kisha ujaribu tena.</translation>
    </message>
    <message>
        <source>No computer with that id is waiting to join. Run the sync on the new computer first.</source>
        <translation>Hakuna kompyuta yenye kitambulisho hicho inayosubiri kujiunga. Endesha usawazishaji kwenye kompyuta mpya kwanza.</translation>
    </message>
    <message>
        <source>This computer is not approved itself.</source>
        <translation>Kompyuta hii yenyewe haijaidhinishwa.</translation>
    </message>
    <message>
        <source>A computer cannot remove itself; remove it from another one.</source>
        <translation>Kompyuta haiwezi kujiondoa yenyewe; iondoe kutoka kwenye kompyuta nyingine.</translation>
    </message>
    <message>
        <source>Saving how far the other computers&apos; changes were read failed.</source>
        <translation>Kuhifadhi mahali usomaji wa mabadiliko ya kompyuta nyingine ulipofikia kumeshindikana.</translation>
    </message>
    <message>
        <source>This computer is not approved yet, so it cannot save the church&apos;s data on the relay.</source>
        <translation>Kompyuta hii bado haijaidhinishwa, kwa hiyo haiwezi kuhifadhi data ya kanisa kwenye relay.</translation>
    </message>
    <message>
        <source>A snapshot is being saved on the relay already.</source>
        <translation>Nakala kamili ya data tayari inahifadhiwa kwenye relay.</translation>
    </message>
    <message>
        <source>Changes kept coming in; the snapshot will be saved later.</source>
        <translation>Mabadiliko yaliendelea kuingia; nakala kamili itahifadhiwa baadaye.</translation>
    </message>
    <message>
        <source>There is nothing on the relay yet for a snapshot to cover.</source>
        <translation>Bado hakuna chochote kwenye relay cha kuwekwa katika nakala kamili.</translation>
    </message>
    <message>
        <source>Only an administrator may let a computer in or remove one.</source>
        <translation>Ni msimamizi tu anayeweza kuruhusu kompyuta iingie au kuiondoa.</translation>
    </message>
    <message>
        <source>This computer has been let in, and it holds %1 of its own. Choose what happens to them before it joins the church&apos;s data: merge them with the church&apos;s (the same number becomes one contact), or keep them in a backup and start from the church&apos;s data. (kengele-cli: sync own-data merge | sync own-data start-from-church-data)</source>
        <translation>Kompyuta hii imeidhinishwa, na ina data yake yenyewe: %1. Chagua kitakachofanyika kwa data hiyo kabla haijaungana na data ya kanisa: iunganishe na ya kanisa (nambari ile ile inakuwa mwasiliani mmoja), au uihifadhi kwenye nakala rudufu na uanze na data ya kanisa. (kengele-cli: sync own-data merge | sync own-data start-from-church-data)</translation>
    </message>
    <message>
        <source>The relay&apos;s snapshot could not be taken in; try again later.</source>
        <translation>Nakala kamili ya data kutoka relay haikuweza kupokelewa; jaribu tena baadaye.</translation>
    </message>
    <message>
        <source>Noting changes that were not taken in</source>
        <translation>Kurekodi mabadiliko ambayo hayakupokelewa</translation>
    </message>
    <message>
        <source>Changes that were not taken in could not be noted.</source>
        <translation>Mabadiliko ambayo hayakupokelewa hayakuweza kurekodiwa.</translation>
    </message>
    <message>
        <source>The relay no longer keeps every change this computer needs (the church&apos;s older changes are in a snapshot), and this computer holds data of its own, which cannot be merged with a snapshot. Remove this computer on another one, then connect it again and choose to start from the church&apos;s data (its own data is kept in a backup).</source>
        <translation>Relay haihifadhi tena kila badiliko ambalo kompyuta hii inahitaji (mabadiliko ya zamani ya kanisa yamo kwenye nakala kamili), na kompyuta hii ina data yake yenyewe, ambayo haiwezi kuunganishwa na nakala kamili. Iondoe kompyuta hii kwenye kompyuta nyingine, kisha iunganishe tena na uchague kuanza na data ya kanisa (data yake yenyewe inahifadhiwa kwenye nakala rudufu).</translation>
    </message>
</context>
<context>
    <name>kengele::TemplateEditor</name>
    <message>
        <source>Write the message here. Use “Insert field” to greet each person by name.</source>
        <translation>Andika ujumbe hapa. Tumia “Weka kipengele” ili kumsalimu kila mtu kwa jina lake.</translation>
    </message>
    <message>
        <source>Insert field</source>
        <translation>Weka kipengele</translation>
    </message>
    <message>
        <source>Replace look-alikes</source>
        <translation>Badilisha herufi zinazofanana</translation>
    </message>
    <message>
        <source>Change curly quotes, long dashes and similar characters to plain ones, so more text fits in each SMS.</source>
        <translation>Badilisha alama za nukuu zilizopinda, vistari virefu na herufi nyingine kama hizo ziwe za kawaida, ili maandishi mengi zaidi yatoshee katika kila SMS.</translation>
    </message>
    <message>
        <source>&lt;b&gt;Preview for&lt;/b&gt;</source>
        <translation>&lt;b&gt;Onyesho la ujumbe kwa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>%1  %2</source>
        <translation>%1  %2</translation>
    </message>
    <message>
        <source>First name, or “%1” when unknown  %2</source>
        <translation>Jina la kwanza, au “%1” likikosekana  %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>Someone whose name is not known</source>
        <translation>Mtu ambaye jina lake halijulikani</translation>
    </message>
    <message>
        <source>Empty message</source>
        <translation>Ujumbe mtupu</translation>
    </message>
    <message numerus="yes">
        <source> (%n more fit in the last part)</source>
        <translation>
            <numerusform> (herufi %n zaidi inatosha kwenye sehemu ya mwisho)</numerusform>
            <numerusform> (herufi %n zaidi zinatosha kwenye sehemu ya mwisho)</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>…and %n more</source>
        <translation>
            <numerusform>…na herufi nyingine %n</numerusform>
            <numerusform>…na herufi nyingine %n</numerusform>
        </translation>
    </message>
    <message>
        <source>The message will appear here as each person receives it.</source>
        <translation>Ujumbe utaonekana hapa jinsi kila mtu atakavyoupokea.</translation>
    </message>
    <message>
        <source>One SMS part holds 160 plain letters, or 70 when the message uses special characters. Longer messages are sent in parts of 153 (or 67), and each part costs one token per person. ^ { } [ ] ~ | € \ count as two characters.</source>
        <translation>Sehemu moja ya SMS hubeba herufi za kawaida 160, au 70 ujumbe unapotumia herufi maalum. Ujumbe mrefu zaidi hutumwa kwa sehemu za herufi 153 (au 67), na kila sehemu hugharimu tokeni moja kwa kila mtu. Alama ^ { } [ ] ~ | € \ huhesabiwa kama herufi mbili.</translation>
    </message>
    <message>
        <source>Special characters: %1 of %2 · 1 SMS part</source>
        <translation>Herufi maalum: %1 kati ya %2 · sehemu 1 ya SMS</translation>
    </message>
    <message>
        <source>Plain letters: %1 of %2 · 1 SMS part</source>
        <translation>Herufi za kawaida: %1 kati ya %2 · sehemu 1 ya SMS</translation>
    </message>
    <message>
        <source>Special characters: %1 · %2 SMS parts</source>
        <translation>Herufi maalum: %1 · sehemu %2 za SMS</translation>
    </message>
    <message>
        <source>Plain letters: %1 · %2 SMS parts</source>
        <translation>Herufi za kawaida: %1 · sehemu %2 za SMS</translation>
    </message>
    <message>
        <source>&lt;b&gt;This message uses special characters&lt;/b&gt;, so only 70 characters fit in one SMS part instead of 160, and it may cost more.</source>
        <translation>&lt;b&gt;Ujumbe huu unatumia herufi maalum&lt;/b&gt;, kwa hiyo herufi 70 tu ndizo zinatosha katika sehemu moja ya SMS badala ya 160, na huenda ukagharimu zaidi.</translation>
    </message>
    <message>
        <source>This person&apos;s message: %1 characters, 1 SMS part</source>
        <translation>Ujumbe wa mtu huyu: herufi %1, sehemu 1 ya SMS</translation>
    </message>
    <message>
        <source>This person&apos;s message: %1 characters, %2 SMS parts</source>
        <translation>Ujumbe wa mtu huyu: herufi %1, sehemu %2 za SMS</translation>
    </message>
    <message>
        <source>Choose who gets it to see the message as they will read it.</source>
        <translation>Chagua nani ataupata ili uone ujumbe jinsi watakavyousoma.</translation>
    </message>
    <message>
        <source>Message</source>
        <translation>Ujumbe</translation>
    </message>
</context>
<context>
    <name>kengele::TemplateService</name>
    <message>
        <source>Please give the template a name.</source>
        <translation>Tafadhali kipe kiolezo jina.</translation>
    </message>
    <message>
        <source>A template name can have at most %1 characters.</source>
        <translation>Jina la kiolezo lisizidi herufi %1.</translation>
    </message>
    <message>
        <source>The message is empty. Write the text of the template first.</source>
        <translation>Ujumbe ni mtupu. Andika maandishi ya kiolezo kwanza.</translation>
    </message>
    <message>
        <source>The message is too long: at most %1 characters.</source>
        <translation>Ujumbe ni mrefu mno: usizidi herufi %1.</translation>
    </message>
    <message>
        <source>The template was not saved: %1</source>
        <translation>Kiolezo hakikuhifadhiwa: %1</translation>
    </message>
    <message>
        <source>Reading templates</source>
        <translation>Kusoma violezo</translation>
    </message>
    <message>
        <source>This template no longer exists.</source>
        <translation>Kiolezo hiki hakipo tena.</translation>
    </message>
    <message>
        <source>There is no template called “%1”.</source>
        <translation>Hakuna kiolezo kinachoitwa “%1”.</translation>
    </message>
    <message>
        <source>Saving the template</source>
        <translation>Kuhifadhi kiolezo</translation>
    </message>
    <message>
        <source>There is already a template called “%1”.</source>
        <translation>Tayari kuna kiolezo kinachoitwa “%1”.</translation>
    </message>
    <message>
        <source>Deleting the template</source>
        <translation>Kufuta kiolezo</translation>
    </message>
</context>
<context>
    <name>kengele::TemplatesPage</name>
    <message>
        <source>New template</source>
        <translation>Kiolezo kipya</translation>
    </message>
    <message>
        <source>Delete</source>
        <translation>Futa</translation>
    </message>
    <message>
        <source>&lt;b&gt;Saved templates&lt;/b&gt;</source>
        <translation>&lt;b&gt;Violezo vilivyohifadhiwa&lt;/b&gt;</translation>
    </message>
    <message>
        <source>A name you will recognise, e.g. Sunday service reminder</source>
        <translation>Jina utakalolitambua, k.m. Ukumbusho wa ibada ya Jumapili</translation>
    </message>
    <message>
        <source>Save</source>
        <translation>Hifadhi</translation>
    </message>
    <message>
        <source>Undo changes</source>
        <translation>Tendua mabadiliko</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>Jina:</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Templates&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Violezo&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Unsaved changes</source>
        <translation>Mabadiliko hayajahifadhiwa</translation>
    </message>
    <message>
        <source>Saved.</source>
        <translation>Kimehifadhiwa.</translation>
    </message>
    <message>
        <source>Delete template</source>
        <translation>Futa kiolezo</translation>
    </message>
    <message>
        <source>Delete the template “%1”?</source>
        <translation>Je, ungependa kufuta kiolezo “%1”?</translation>
    </message>
    <message>
        <source>Unsaved template</source>
        <translation>Kiolezo hakijahifadhiwa</translation>
    </message>
    <message>
        <source>Save the changes to “%1” first?</source>
        <translation>Je, ungependa kuhifadhi kwanza mabadiliko ya “%1”?</translation>
    </message>
    <message>
        <source>new template</source>
        <translation>kiolezo kipya</translation>
    </message>
    <message>
        <source>Templates</source>
        <translation>Violezo</translation>
    </message>
    <message>
        <source>Template name</source>
        <translation>Jina la kiolezo</translation>
    </message>
</context>
<context>
    <name>kengele::TokenLedger</name>
    <message>
        <source>Recording the tokens</source>
        <translation>Kurekodi tokeni</translation>
    </message>
    <message>
        <source>The number of tokens must be at least 1.</source>
        <translation>Idadi ya tokeni lazima iwe angalau 1.</translation>
    </message>
    <message>
        <source>At most %L1 tokens can be moved at once.</source>
        <translation>Tokeni zisizozidi %L1 zinaweza kuhamishwa kwa mara moja.</translation>
    </message>
    <message>
        <source>The tokens must belong to a campaign, but none was given.</source>
        <translation>Tokeni lazima ziwe za kampeni, lakini hakuna kampeni iliyotolewa.</translation>
    </message>
    <message>
        <source>A reason can have at most %1 characters.</source>
        <translation>Sababu inaweza kuwa na herufi zisizozidi %1.</translation>
    </message>
    <message>
        <source>“%1” is one of the ledger&apos;s own accounts. Choose a budget account such as Main.</source>
        <translation>“%1” ni mojawapo ya akaunti za daftari lenyewe. Chagua akaunti ya bajeti kama Main.</translation>
    </message>
    <message>
        <source>Please give the account a name, for example “Youth”.</source>
        <translation>Tafadhali ipe akaunti jina, kwa mfano “Vijana”.</translation>
    </message>
    <message>
        <source>An account name can have at most %1 characters.</source>
        <translation>Jina la akaunti linaweza kuwa na herufi zisizozidi %1.</translation>
    </message>
    <message>
        <source>There is already a token account called “%1”.</source>
        <translation>Tayari kuna akaunti ya tokeni inayoitwa “%1”.</translation>
    </message>
    <message>
        <source>Choose two different accounts to move tokens between.</source>
        <translation>Chagua akaunti mbili tofauti za kuhamisha tokeni kati yake.</translation>
    </message>
    <message>
        <source>This payment has no voucher number, so no tokens were added.</source>
        <translation>Malipo haya hayana nambari ya vocha, kwa hiyo hakuna tokeni zilizoongezwa.</translation>
    </message>
    <message>
        <source>This voucher number is too long to be real, so no tokens were added.</source>
        <translation>Nambari hii ya vocha ni ndefu mno kuwa halisi, kwa hiyo hakuna tokeni zilizoongezwa.</translation>
    </message>
    <message numerus="yes">
        <source>This voucher (%1) was already used on %2 to add %Ln token(s) to the %3 account, so it cannot be used again. No tokens were added.</source>
        <translation>
            <numerusform>Vocha hii (%1) ilishatumika tarehe %2 kuongeza tokeni %Ln kwenye akaunti ya %3, kwa hiyo haiwezi kutumika tena. Hakuna tokeni zilizoongezwa.</numerusform>
            <numerusform>Vocha hii (%1) ilishatumika tarehe %2 kuongeza tokeni %Ln kwenye akaunti ya %3, kwa hiyo haiwezi kutumika tena. Hakuna tokeni zilizoongezwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Please say why the tokens are moving, for example “Youth camp reminders”.</source>
        <translation>Tafadhali eleza kwa nini tokeni zinahamishwa, kwa mfano “Vikumbusho vya kambi ya vijana”.</translation>
    </message>
    <message numerus="yes">
        <source>Not enough tokens: the %1 account has %2, so %Ln token(s) cannot be moved from it. Nothing was changed.</source>
        <translation>
            <numerusform>Tokeni hazitoshi: akaunti ya %1 ina %2, kwa hiyo tokeni %Ln haiwezi kuhamishwa kutoka humo. Hakuna kilichobadilishwa.</numerusform>
            <numerusform>Tokeni hazitoshi: akaunti ya %1 ina %2, kwa hiyo tokeni %Ln haziwezi kuhamishwa kutoka humo. Hakuna kilichobadilishwa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The %1 account has %2, so %Ln token(s) cannot expire from it. Nothing was changed.</source>
        <translation>
            <numerusform>Akaunti ya %1 ina %2, kwa hiyo tokeni %Ln haiwezi kuisha muda kutoka humo. Hakuna kilichobadilishwa.</numerusform>
            <numerusform>Akaunti ya %1 ina %2, kwa hiyo tokeni %Ln haziwezi kuisha muda kutoka humo. Hakuna kilichobadilishwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>This campaign already takes its tokens from the %1 account; take the rest from that account too. Nothing was changed.</source>
        <translation>Kampeni hii tayari inachukua tokeni zake kutoka akaunti ya %1; chukua zilizobaki kutoka akaunti hiyo pia. Hakuna kilichobadilishwa.</translation>
    </message>
    <message numerus="yes">
        <source>Not enough tokens: this campaign needs %Ln token(s) and the %1 account has %2. Buy more tokens or send to fewer people.</source>
        <translation>
            <numerusform>Tokeni hazitoshi: kampeni hii inahitaji tokeni %Ln na akaunti ya %1 ina %2. Nunua tokeni zaidi au tuma kwa watu wachache.</numerusform>
            <numerusform>Tokeni hazitoshi: kampeni hii inahitaji tokeni %Ln na akaunti ya %1 ina %2. Nunua tokeni zaidi au tuma kwa watu wachache.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This campaign has %L1 of its tokens left, so %Ln token(s) cannot be spent for it. Nothing was changed.</source>
        <translation>
            <numerusform>Kampeni hii imebakiwa na tokeni %L1, kwa hiyo tokeni %Ln haiwezi kutumika kwa ajili yake. Hakuna kilichobadilishwa.</numerusform>
            <numerusform>Kampeni hii imebakiwa na tokeni %L1, kwa hiyo tokeni %Ln haziwezi kutumika kwa ajili yake. Hakuna kilichobadilishwa.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>This campaign has %L1 of its tokens left, so %Ln token(s) cannot be given back from it. Nothing was changed.</source>
        <translation>
            <numerusform>Kampeni hii imebakiwa na tokeni %L1, kwa hiyo tokeni %Ln haiwezi kurudishwa kutoka humo. Hakuna kilichobadilishwa.</numerusform>
            <numerusform>Kampeni hii imebakiwa na tokeni %L1, kwa hiyo tokeni %Ln haziwezi kurudishwa kutoka humo. Hakuna kilichobadilishwa.</numerusform>
        </translation>
    </message>
    <message>
        <source>Choose a period whose end comes after its start.</source>
        <translation>Chagua kipindi ambacho mwisho wake unakuja baada ya mwanzo wake.</translation>
    </message>
    <message>
        <source>Added</source>
        <translation>Zimeongezwa</translation>
    </message>
    <message>
        <source>Bought</source>
        <translation>Zimenunuliwa</translation>
    </message>
    <message>
        <source>Set aside for a campaign</source>
        <translation>Zimetengwa kwa kampeni</translation>
    </message>
    <message>
        <source>Used for SMS</source>
        <translation>Zimetumika kwa SMS</translation>
    </message>
    <message>
        <source>Returned from a campaign</source>
        <translation>Zimerudishwa kutoka kampeni</translation>
    </message>
    <message>
        <source>Moved between accounts</source>
        <translation>Zimehamishwa kati ya akaunti</translation>
    </message>
    <message>
        <source>Expired</source>
        <translation>Zimeisha muda</translation>
    </message>
    <message>
        <source>The token lots do not add up to the tokens moved. Run the ledger check or restore the data file from a backup.</source>
        <translation>Mafungu ya tokeni hayalingani na tokeni zilizohamishwa. Endesha ukaguzi wa daftari au rudisha faili la data kutoka nakala ya akiba.</translation>
    </message>
    <message>
        <source>“%1” is not a token plan Kengele knows.</source>
        <translation>“%1” si mpango wa tokeni ambao Kengele inaujua.</translation>
    </message>
    <message>
        <source>These tokens would expire before they are added. Choose a later end date.</source>
        <translation>Tokeni hizi zingeisha muda kabla ya kuongezwa. Chagua tarehe ya mwisho iliyo baadaye.</translation>
    </message>
    <message>
        <source>Unused tokens, valid until %1.</source>
        <translation>Tokeni ambazo hazikutumika, halali hadi %1.</translation>
    </message>
    <message>
        <source>Unused tokens of the %1 plan, valid until %2.</source>
        <translation>Tokeni ambazo hazikutumika za mpango wa %1, halali hadi %2.</translation>
    </message>
    <message>
        <source>The main account keeps its name. Rename a department&apos;s account instead.</source>
        <translation>Akaunti kuu inabaki na jina lake. Badilisha jina la akaunti ya idara badala yake.</translation>
    </message>
    <message>
        <source>Give the warning level as a number of tokens, 0 or more.</source>
        <translation>Andika kiwango cha tahadhari kama idadi ya tokeni, 0 au zaidi.</translation>
    </message>
    <message>
        <source>Choose a moment to look at.</source>
        <translation>Chagua wakati wa kuangalia.</translation>
    </message>
    <message>
        <source>Renaming the account</source>
        <translation>Kubadilisha jina la akaunti</translation>
    </message>
    <message>
        <source>Saving the warning level</source>
        <translation>Kuhifadhi kiwango cha tahadhari</translation>
    </message>
    <message numerus="yes">
        <source>The %1 budget is overdrawn by %Ln token(s): computers that were offline at the same time together spent more than it held. Top it up (buy tokens or move some from another budget) before sending from it. Nothing was sent.</source>
        <translation>
            <numerusform>Bajeti ya %1 imetumia tokeni %Ln zaidi ya salio lake: kompyuta zilizokuwa nje ya mtandao kwa wakati mmoja zilitumia pamoja zaidi ya ilivyokuwa nayo. Iongezee tokeni (nunua tokeni au hamisha baadhi kutoka bajeti nyingine) kabla ya kutuma kutoka kwayo. Hakuna kilichotumwa.</numerusform>
            <numerusform>Bajeti ya %1 imetumia tokeni %Ln zaidi ya salio lake: kompyuta zilizokuwa nje ya mtandao kwa wakati mmoja zilitumia pamoja zaidi ya ilivyokuwa nayo. Iongezee tokeni (nunua tokeni au hamisha baadhi kutoka bajeti nyingine) kabla ya kutuma kutoka kwayo. Hakuna kilichotumwa.</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kengele::TokenShop</name>
    <message>
        <source>“%1” is not a Kenyan mobile number that can pay with M-Pesa. Write it as it is on the phone, like 0712 345 678.</source>
        <translation>“%1” si nambari ya simu ya Kenya inayoweza kulipa kwa M-Pesa. Iandike kama ilivyo kwenye simu, kama 0712 345 678.</translation>
    </message>
    <message>
        <source>Tokens are bought through your relay, and this computer is not connected to one. Connect to your relay first: Settings → Relay.</source>
        <translation>Tokeni zinanunuliwa kupitia relay yako, na kompyuta hii haijaunganishwa na relay. Unganisha na relay yako kwanza: Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>The relay&apos;s answer about plans and prices could not be read.</source>
        <translation>Jibu la relay kuhusu mipango na bei halikuweza kusomwa.</translation>
    </message>
    <message>
        <source>A payment is already waiting on this phone. Try again in a minute.</source>
        <translation>Tayari kuna malipo yanayosubiri kwenye simu hii. Jaribu tena baada ya dakika moja.</translation>
    </message>
    <message>
        <source>M-Pesa is not set up on your relay yet, so tokens cannot be bought. Ask whoever runs your relay.</source>
        <translation>M-Pesa bado haijawekwa kwenye relay yako, kwa hiyo tokeni haziwezi kununuliwa. Uliza anayeendesha relay yako.</translation>
    </message>
    <message>
        <source>M-Pesa did not answer the relay, so no payment was asked for and nothing was charged. Try again in a few minutes.</source>
        <translation>M-Pesa haikujibu relay, kwa hiyo hakuna malipo yaliyoombwa na hakuna kilichotozwa. Jaribu tena baada ya dakika chache.</translation>
    </message>
    <message>
        <source>This plan has no price on your relay, so it cannot be bought. Ask whoever runs your relay.</source>
        <translation>Mpango huu hauna bei kwenye relay yako, kwa hiyo hauwezi kununuliwa. Uliza anayeendesha relay yako.</translation>
    </message>
    <message>
        <source>The relay says this is not a Kenyan mobile number that can pay with M-Pesa.</source>
        <translation>Relay inasema hii si nambari ya simu ya Kenya inayoweza kulipa kwa M-Pesa.</translation>
    </message>
    <message>
        <source>Kengele could not reach your relay, so no payment was asked for. Check the internet connection and try again.</source>
        <translation>Kengele haikuweza kufikia relay yako, kwa hiyo hakuna malipo yaliyoombwa. Angalia muunganisho wa intaneti na ujaribu tena.</translation>
    </message>
    <message>
        <source>Choose a plan to buy: starter, business or enterprise.</source>
        <translation>Chagua mpango wa kununua: starter, business au enterprise.</translation>
    </message>
    <message>
        <source>Saving the purchases</source>
        <translation>Kuhifadhi manunuzi</translation>
    </message>
    <message>
        <source>Give the number of days as a whole number of at least 1.</source>
        <translation>Andika idadi ya siku kama namba kamili ya angalau 1.</translation>
    </message>
    <message>
        <source>Removing old purchase attempts</source>
        <translation>Kuondoa majaribio ya zamani ya kununua</translation>
    </message>
    <message>
        <source>Saving the purchase</source>
        <translation>Kuhifadhi ununuzi</translation>
    </message>
</context>
<context>
    <name>kengele::TokenUsageChart</name>
    <message>
        <source>Period of the chart</source>
        <translation>Kipindi cha chati</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Siku 30 zilizopita</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Siku 90 zilizopita</translation>
    </message>
    <message>
        <source>Tokens used per day, by budget</source>
        <translation>Tokeni zilizotumika kwa siku, kwa bajeti</translation>
    </message>
    <message>
        <source>Tokens used per day:</source>
        <translation>Tokeni zilizotumika kwa siku:</translation>
    </message>
    <message>
        <source>&lt;b&gt;What Kengele sees&lt;/b&gt;</source>
        <translation>&lt;b&gt;Kengele inaona nini&lt;/b&gt;</translation>
    </message>
    <message numerus="yes">
        <source>%1 used in the last %n day(s).</source>
        <translation>
            <numerusform>%1 zimetumika katika siku %n iliyopita.</numerusform>
            <numerusform>%1 zimetumika katika siku %n zilizopita.</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No tokens used in the last %n day(s).</source>
        <translation>
            <numerusform>Hakuna tokeni zilizotumika katika siku %n iliyopita.</numerusform>
            <numerusform>Hakuna tokeni zilizotumika katika siku %n zilizopita.</numerusform>
        </translation>
    </message>
    <message>
        <source>Nothing to tell yet: insights come once tokens are used.</source>
        <translation>Hakuna la kusema bado: maarifa yanakuja tokeni zikishatumika.</translation>
    </message>
</context>
<context>
    <name>kengele::TokensPage</name>
    <message>
        <source>Open Settings → Relay</source>
        <translation>Fungua Mipangilio → Relay</translation>
    </message>
    <message>
        <source>Purchases</source>
        <translation>Manunuzi</translation>
    </message>
    <message>
        <source>History</source>
        <translation>Historia</translation>
    </message>
    <message>
        <source>Usage</source>
        <translation>Matumizi</translation>
    </message>
    <message>
        <source>&lt;h2&gt;No tokens yet&lt;/h2&gt;&lt;p&gt;Tokens pay for SMS: one token sends one SMS part to one person. They are bought with M-Pesa through your relay.&lt;/p&gt;&lt;p&gt;Connect to your relay first: Settings → Relay.&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Bado hakuna tokeni&lt;/h2&gt;&lt;p&gt;Tokeni zinalipia SMS: tokeni moja inatuma sehemu moja ya SMS kwa mtu mmoja. Zinanunuliwa kwa M-Pesa kupitia relay yako.&lt;/p&gt;&lt;p&gt;Unganisha na relay yako kwanza: Mipangilio → Relay.&lt;/p&gt;</translation>
    </message>
    <message>
        <source>&lt;h1&gt;Tokens&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Tokeni&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Budgets</source>
        <translation>Bajeti</translation>
    </message>
    <message>
        <source>Budgets and their tokens</source>
        <translation>Bajeti na tokeni zake</translation>
    </message>
    <message>
        <source>Budget</source>
        <translation>Bajeti</translation>
    </message>
    <message>
        <source>Tokens</source>
        <translation>Tokeni</translation>
    </message>
    <message>
        <source>Expiring</source>
        <translation>Zinazoisha muda</translation>
    </message>
    <message>
        <source>Warn below</source>
        <translation>Tahadhari chini ya</translation>
    </message>
    <message>
        <source>Buy tokens…</source>
        <translation>Nunua tokeni…</translation>
    </message>
    <message>
        <source>Buy tokens with M-Pesa: the phone that pays gets a request for the M-Pesa PIN.</source>
        <translation>Nunua tokeni kwa M-Pesa: simu inayolipa inapata ombi la PIN ya M-Pesa.</translation>
    </message>
    <message>
        <source>Transfer…</source>
        <translation>Hamisha…</translation>
    </message>
    <message>
        <source>Move tokens from one budget to another, with the reason.</source>
        <translation>Hamisha tokeni kutoka bajeti moja hadi nyingine, pamoja na sababu.</translation>
    </message>
    <message>
        <source>Add budget…</source>
        <translation>Ongeza bajeti…</translation>
    </message>
    <message>
        <source>A budget for one department, so one department cannot use up another&apos;s tokens.</source>
        <translation>Bajeti ya idara moja, ili idara moja isimalize tokeni za nyingine.</translation>
    </message>
    <message>
        <source>Rename…</source>
        <translation>Badilisha jina…</translation>
    </message>
    <message>
        <source>Give the chosen department&apos;s budget another name.</source>
        <translation>Ipe bajeti ya idara uliyochagua jina jingine.</translation>
    </message>
    <message>
        <source>Warning level…</source>
        <translation>Kiwango cha tahadhari…</translation>
    </message>
    <message>
        <source>Below how many tokens the chosen budget is shown as running low.</source>
        <translation>Chini ya tokeni ngapi bajeti uliyochagua inaonyeshwa kuwa inaishiwa.</translation>
    </message>
    <message>
        <source>Plan</source>
        <translation>Mpango</translation>
    </message>
    <message>
        <source>The demo plan: its tokens are for trying Kengele out.</source>
        <translation>Mpango wa majaribio: tokeni zake ni za kujaribu Kengele.</translation>
    </message>
    <message>
        <source>The %1 plan, until %2.</source>
        <translation>Mpango wa %1, hadi %2.</translation>
    </message>
    <message>
        <source>The %1 plan.</source>
        <translation>Mpango wa %1.</translation>
    </message>
    <message>
        <source>Your relay does not limit features by plan: every feature works with any tokens.</source>
        <translation>Relay yako haizuii huduma kwa mpango: kila huduma inafanya kazi na tokeni zozote.</translation>
    </message>
    <message>
        <source>Asked on</source>
        <translation>Iliombwa</translation>
    </message>
    <message>
        <source>Amount</source>
        <translation>Kiasi</translation>
    </message>
    <message>
        <source>State</source>
        <translation>Hali</translation>
    </message>
    <message>
        <source>M-Pesa receipt</source>
        <translation>Risiti ya M-Pesa</translation>
    </message>
    <message>
        <source>Double-click a purchase to follow it.</source>
        <translation>Bofya mara mbili ununuzi ili kuufuatilia.</translation>
    </message>
    <message>
        <source>No purchases yet. “Buy tokens…” starts one.</source>
        <translation>Bado hakuna manunuzi. “Nunua tokeni…” inaanzisha moja.</translation>
    </message>
    <message>
        <source>Check with the relay</source>
        <translation>Uliza relay</translation>
    </message>
    <message>
        <source>Ask your relay for the newest state of every purchase.</source>
        <translation>Uliza relay yako hali mpya ya kila ununuzi.</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>Aina</translation>
    </message>
    <message>
        <source>Everything</source>
        <translation>Yote</translation>
    </message>
    <message>
        <source>Period</source>
        <translation>Kipindi</translation>
    </message>
    <message>
        <source>Last 30 days</source>
        <translation>Siku 30 zilizopita</translation>
    </message>
    <message>
        <source>Last 90 days</source>
        <translation>Siku 90 zilizopita</translation>
    </message>
    <message>
        <source>All time</source>
        <translation>Muda wote</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>Hamisha CSV…</translation>
    </message>
    <message>
        <source>Save the lines shown as a file that Excel opens.</source>
        <translation>Hifadhi mistari inayoonyeshwa kama faili linalofunguka kwenye Excel.</translation>
    </message>
    <message>
        <source>Token history</source>
        <translation>Historia ya tokeni</translation>
    </message>
    <message>
        <source>Date</source>
        <translation>Tarehe</translation>
    </message>
    <message>
        <source>What</source>
        <translation>Nini</translation>
    </message>
    <message>
        <source>Balance after</source>
        <translation>Salio baada</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>Sababu</translation>
    </message>
    <message>
        <source>By</source>
        <translation>Na</translation>
    </message>
    <message>
        <source>Nothing to show for this choice.</source>
        <translation>Hakuna cha kuonyesha kwa chaguo hili.</translation>
    </message>
    <message>
        <source>Budget:</source>
        <translation>Bajeti:</translation>
    </message>
    <message>
        <source>Show:</source>
        <translation>Onyesha:</translation>
    </message>
    <message>
        <source>Tokens are bought through your relay. Connect to your relay first: Settings → Relay.</source>
        <translation>Tokeni zinanunuliwa kupitia relay yako. Unganisha na relay yako kwanza: Mipangilio → Relay.</translation>
    </message>
    <message>
        <source>All budgets</source>
        <translation>Bajeti zote</translation>
    </message>
    <message>
        <source>%1 on %2</source>
        <extracomment>The budget list&apos;s &quot;Expire&quot; column: &quot;1,000 on 14 Apr 2026&quot;</extracomment>
        <translation>%1 tarehe %2</translation>
    </message>
    <message>
        <source>%1 expire on %2</source>
        <translation>%1 zinaisha muda tarehe %2</translation>
    </message>
    <message>
        <source>Never</source>
        <translation>Haziishi</translation>
    </message>
    <message>
        <source>Tokens added by hand do not expire.</source>
        <translation>Tokeni zilizoongezwa kwa mkono haziishi muda.</translation>
    </message>
    <message>
        <source>In all: %1. One token sends one SMS part to one person.</source>
        <translation>Jumla: %1. Tokeni moja inatuma sehemu moja ya SMS kwa mtu mmoja.</translation>
    </message>
    <message>
        <source>Add a department&apos;s budget first (“Add budget…”).</source>
        <translation>Ongeza bajeti ya idara kwanza (“Ongeza bajeti…”).</translation>
    </message>
    <message>
        <source>%1: to %2</source>
        <translation>%1: kwenda %2</translation>
    </message>
    <message>
        <source>%1: from %2</source>
        <translation>%1: kutoka %2</translation>
    </message>
    <message>
        <source>Export token history</source>
        <translation>Hamisha historia ya tokeni</translation>
    </message>
    <message>
        <source>token-history.csv</source>
        <translation>historia-ya-tokeni.csv</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>Faili za CSV (*.csv)</translation>
    </message>
    <message>
        <source>Buy the Starter plan…</source>
        <translation>Nunua mpango wa Starter…</translation>
    </message>
    <message>
        <source>%1 (%2 plan)</source>
        <extracomment>A feature the plan in force lacks: &quot;Charts, reports and insights (starter plan)&quot;</extracomment>
        <translation>%1 (mpango wa %2)</translation>
    </message>
    <message>
        <source>&lt;h2&gt;Usage charts and insights&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</source>
        <translation>&lt;h2&gt;Chati za matumizi na maarifa&lt;/h2&gt;&lt;p&gt;%1&lt;/p&gt;</translation>
    </message>
    <message>
        <source>No plan in force: no bought tokens are still valid. Tokens added by hand send SMS like bought ones.</source>
        <translation>Hakuna mpango unaotumika: hakuna tokeni zilizonunuliwa ambazo bado ni halali. Tokeni zilizoongezwa kwa mkono zinatuma SMS kama zilizonunuliwa.</translation>
    </message>
    <message>
        <source>Buy tokens</source>
        <translation>Nunua tokeni</translation>
    </message>
    <message>
        <source>Overdrawn by %1</source>
        <extracomment>The budget list&apos;s balance column for a budget below zero</extracomment>
        <translation>Imetumia %1 zaidi ya salio</translation>
    </message>
    <message>
        <source>Computers that were offline at the same time together spent more than this budget held. Nothing can be sent from it until it is topped up.</source>
        <translation>Kompyuta zilizokuwa nje ya mtandao kwa wakati mmoja zilitumia pamoja zaidi ya kilichokuwa kwenye bajeti hii. Hakuna kinachoweza kutumwa kutoka kwayo hadi iongezewe tokeni.</translation>
    </message>
    <message>
        <source>The %1 budget is overdrawn by %2: computers that were offline at the same time together spent more than it held. Buy tokens or move some from another budget before sending from it.</source>
        <translation>Bajeti ya %1 imetumia %2 zaidi ya salio lake: kompyuta zilizokuwa nje ya mtandao kwa wakati mmoja zilitumia pamoja zaidi ya ilivyokuwa nayo. Nunua tokeni au hamisha baadhi kutoka bajeti nyingine kabla ya kutuma kutoka kwayo.</translation>
    </message>
    <message>
        <source>In all: overdrawn by %1. One token sends one SMS part to one person.</source>
        <translation>Jumla: imetumia %1 zaidi ya salio. Tokeni moja inatuma sehemu moja ya SMS kwa mtu mmoja.</translation>
    </message>
</context>
<context>
    <name>kengele::TransferDialog</name>
    <message>
        <source>Move tokens between budgets</source>
        <translation>Hamisha tokeni kati ya bajeti</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1 (%2)</translation>
    </message>
    <message>
        <source>For example: Youth camp reminders</source>
        <translation>Kwa mfano: Vikumbusho vya kambi ya vijana</translation>
    </message>
    <message>
        <source>Tokens moved to a department&apos;s budget can only be used by that department&apos;s SMS. The move is kept in the history with its reason.</source>
        <translation>Tokeni zilizohamishiwa kwenye bajeti ya idara zinaweza kutumiwa tu na SMS za idara hiyo. Uhamisho unahifadhiwa kwenye historia pamoja na sababu yake.</translation>
    </message>
    <message>
        <source>From:</source>
        <translation>Kutoka:</translation>
    </message>
    <message>
        <source>To:</source>
        <translation>Kwenda:</translation>
    </message>
    <message>
        <source>Tokens:</source>
        <translation>Tokeni:</translation>
    </message>
    <message>
        <source>Why:</source>
        <translation>Kwa nini:</translation>
    </message>
    <message>
        <source>Move tokens</source>
        <translation>Hamisha tokeni</translation>
    </message>
    <message>
        <source>%1 has %2.</source>
        <translation>%1 ina %2.</translation>
    </message>
    <message>
        <source>There is only one budget. Add a department&apos;s budget first (“Add budget…”).</source>
        <translation>Kuna bajeti moja tu. Ongeza bajeti ya idara kwanza (“Ongeza bajeti…”).</translation>
    </message>
    <message>
        <source>Choose two different budgets.</source>
        <translation>Chagua bajeti mbili tofauti.</translation>
    </message>
    <message>
        <source>%1 has only %2.</source>
        <translation>%1 ina %2 tu.</translation>
    </message>
    <message>
        <source>Give the number of tokens and the reason.</source>
        <translation>Andika idadi ya tokeni na sababu.</translation>
    </message>
</context>
<context>
    <name>kengele::WelcomePage</name>
    <message>
        <source>&lt;h1&gt;Welcome to Kengele&lt;/h1&gt;</source>
        <translation>&lt;h1&gt;Karibu Kengele&lt;/h1&gt;</translation>
    </message>
    <message>
        <source>Three steps to your first SMS to the congregation. You can come back to this page any time from Help → Getting started.</source>
        <translation>Hatua tatu hadi SMS yako ya kwanza kwa waumini. Unaweza kurudi kwenye ukurasa huu wakati wowote kupitia Msaada → Hatua za kwanza.</translation>
    </message>
    <message>
        <source>Import contacts…</source>
        <translation>Ingiza waasiliani…</translation>
    </message>
    <message>
        <source>Practise a send…</source>
        <translation>Fanya mazoezi ya kutuma…</translation>
    </message>
    <message>
        <source>Open the SMS gateway settings…</source>
        <translation>Fungua mipangilio ya lango la SMS…</translation>
    </message>
    <message>
        <source>Add your people</source>
        <translation>Ongeza watu wako</translation>
    </message>
    <message>
        <source>Bring in the list you already have: an Excel sheet (saved as CSV) or the contacts from a phone (a vCard file). Kengele shows you what it found before it adds anyone. The made-up demo people can be removed any time with File → Remove the demo congregation.</source>
        <translation>Ingiza orodha uliyo nayo tayari: jedwali la Excel (lililohifadhiwa kama CSV) au waasiliani kutoka kwenye simu (faili ya vCard). Kengele itakuonyesha ilichopata kabla ya kumwongeza mtu yeyote. Watu wa mfano wa kubuni wanaweza kuondolewa wakati wowote kupitia Faili → Ondoa waumini wa mfano.</translation>
    </message>
    <message>
        <source>Practise a send</source>
        <translation>Fanya mazoezi ya kutuma</translation>
    </message>
    <message>
        <source>Choose a group, write a message and send it in practice mode. Nothing leaves this computer and practice messages use no tokens, so try as often as you like. You see each message as the person would get it.</source>
        <translation>Chagua kikundi, andika ujumbe na uutume katika hali ya mazoezi. Hakuna kinachotoka kwenye kompyuta hii na jumbe za mazoezi hazitumii tokeni, kwa hiyo jaribu mara nyingi upendavyo. Utaona kila ujumbe jinsi mtu angeupokea.</translation>
    </message>
    <message>
        <source>Go live</source>
        <translation>Anza kutuma SMS halisi</translation>
    </message>
    <message>
        <source>Real SMS go through Africa&apos;s Talking, a company that delivers SMS to every network in Kenya. Open an account on their website, africastalking.com, and buy SMS credit there. Then, in your account&apos;s settings on their website, create an API key: a long password that lets Kengele send SMS in your church&apos;s name. Copy it and paste it here, in Settings → SMS gateway, with your account&apos;s username.</source>
        <translation>SMS halisi hupitia Africa&apos;s Talking, kampuni inayofikisha SMS kwenye kila mtandao nchini Kenya. Fungua akaunti kwenye tovuti yao, africastalking.com, na ununue salio la SMS huko. Kisha, katika mipangilio ya akaunti yako kwenye tovuti yao, unda ufunguo wa API: nywila ndefu inayoiruhusu Kengele kutuma SMS kwa jina la kanisa lako. Unakili na uubandike hapa, katika Mipangilio → Lango la SMS, pamoja na jina la mtumiaji la akaunti yako.</translation>
    </message>
    <message>
        <source>Start using Kengele</source>
        <translation>Anza kutumia Kengele</translation>
    </message>
    <message>
        <source>Step %1</source>
        <translation>Hatua %1</translation>
    </message>
</context>
</TS>
