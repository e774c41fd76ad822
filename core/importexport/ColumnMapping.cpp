// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "ColumnMapping.h"

#include <QHash>

namespace kengele {

namespace {

struct Guess {
    ImportField field = ImportField::Ignore;
    int priority = 0; // among several candidate columns for one field, the highest wins
};

// Header names in lower case with spaces and punctuation removed: "Jina la Kwanza" -> "jinalakwanza".
const QHash<QString, Guess> &knownHeaders()
{
    static const QHash<QString, Guess> headers = [] {
        QHash<QString, Guess> h;
        const auto add = [&h](ImportField field, int priority, std::initializer_list<const char16_t *> names) {
            for (const char16_t *name : names)
                h.insert(QString::fromUtf16(name), Guess{field, priority});
        };
        add(ImportField::FullName, 1,
            {u"name", u"fullname", u"names", u"contactname", u"displayname", u"membername", u"jina", u"jinakamili", u"majina",
             u"majinakamili", u"jinalamwanachama"});
        add(ImportField::FirstName, 1,
            {u"firstname", u"givenname", u"forename", u"fname", u"first", u"christianname", u"jinalakwanza", u"jinalakwanzaa"});
        add(ImportField::LastName, 1,
            {u"lastname", u"surname", u"familyname", u"lname", u"last", u"othernames", u"jinalamwisho", u"jinalaukoo", u"ukoo"});
        // Mobile numbers first: an address book export may have home and work numbers as well.
        add(ImportField::Phone, 2,
            {u"mobile", u"mobilenumber", u"mobileno", u"mobilephone", u"mobilephonenumber", u"cell", u"cellphone", u"cellnumber",
             u"cellphonenumber", u"msisdn", u"simu", u"nambariyasimu", u"nambayasimu", u"simuyamkononi",
             u"nambariyasimuyamkononi"});
        add(ImportField::Phone, 1,
            {u"phone", u"phonenumber", u"phoneno", u"tel", u"telno", u"telephone", u"telephonenumber", u"telephoneno",
             u"contactnumber", u"contactno", u"primaryphone", u"homephone", u"businessphone", u"namba", u"nambari", u"number"});
        add(ImportField::Email, 1, {u"email", u"emailaddress", u"mail", u"emailaddresses", u"baruapepe", u"anwaniyabaruapepe"});
        add(ImportField::Notes, 1, {u"notes", u"note", u"comments", u"comment", u"remarks", u"maelezo", u"maoni"});
        add(ImportField::Groups, 1,
            {u"group", u"groups", u"category", u"categories", u"groupmembership", u"kikundi", u"vikundi", u"kundi", u"makundi"});
        return h;
    }();
    return headers;
}

QString headerKey(QStringView header)
{
    QString key;
    key.reserve(header.size());
    for (const QChar ch : header) {
        if (ch.isLetterOrNumber())
            key.append(ch.toLower());
    }
    return key;
}

Guess guess(QStringView header)
{
    const QHash<QString, Guess> &known = knownHeaders();
    const QString key = headerKey(header);
    if (const auto it = known.constFind(key); it != known.cend())
        return *it;
    // "Phone 1 - Value", "E-mail 2": address book exports number their columns.
    QString stripped;
    for (const QChar ch : key) {
        if (!ch.isDigit())
            stripped.append(ch);
    }
    if (stripped.endsWith(u"value"))
        stripped.chop(5);
    if (stripped != key) {
        if (const auto it = known.constFind(stripped); it != known.cend())
            return Guess{it->field, it->priority - 1};
    }
    return {};
}

} // namespace

ColumnMapping::ColumnMapping(QList<ImportField> fields, bool firstRowIsHeader)
    : m_fields(std::move(fields))
    , m_firstRowIsHeader(firstRowIsHeader)
{ }

ImportField ColumnMapping::field(int column) const
{
    return column >= 0 && column < m_fields.size() ? m_fields[column] : ImportField::Ignore;
}

bool ColumnMapping::allowsSeveralColumns(ImportField field)
{
    return field == ImportField::Ignore || field == ImportField::Notes || field == ImportField::Groups;
}

void ColumnMapping::setField(int column, ImportField field)
{
    if (column < 0)
        return;
    if (column >= m_fields.size())
        m_fields.resize(column + 1, ImportField::Ignore);
    if (!allowsSeveralColumns(field)) {
        for (ImportField &other : m_fields) {
            if (other == field)
                other = ImportField::Ignore;
        }
    }
    m_fields[column] = field;
}

int ColumnMapping::columnOf(ImportField field) const
{
    return int(m_fields.indexOf(field));
}

QList<int> ColumnMapping::columnsOf(ImportField field) const
{
    QList<int> columns;
    for (int i = 0; i < m_fields.size(); ++i) {
        if (m_fields[i] == field)
            columns.append(i);
    }
    return columns;
}

ImportField ColumnMapping::guessField(QStringView header)
{
    return guess(header).field;
}

ColumnMapping ColumnMapping::fromHeaders(const QStringList &headers)
{
    QList<Guess> guesses;
    guesses.reserve(headers.size());
    for (const QString &header : headers)
        guesses.append(guess(header));

    ColumnMapping mapping(QList<ImportField>(headers.size(), ImportField::Ignore), true);
    for (const ImportField field : allFields()) {
        if (field == ImportField::Ignore)
            continue;
        if (allowsSeveralColumns(field)) {
            for (int i = 0; i < guesses.size(); ++i) {
                if (guesses[i].field == field)
                    mapping.m_fields[i] = field;
            }
            continue;
        }
        int best = -1;
        for (int i = 0; i < guesses.size(); ++i) {
            if (guesses[i].field == field && (best < 0 || guesses[i].priority > guesses[best].priority))
                best = i;
        }
        if (best >= 0)
            mapping.m_fields[best] = field;
    }
    // "Name" beside "Surname" (and no first-name column) is the first name, as in many church registers.
    const int fullName = mapping.columnOf(ImportField::FullName);
    if (fullName >= 0 && mapping.columnOf(ImportField::LastName) >= 0 && mapping.columnOf(ImportField::FirstName) < 0)
        mapping.m_fields[fullName] = ImportField::FirstName;
    return mapping;
}

QString ColumnMapping::fieldName(ImportField field)
{
    switch (field) {
    case ImportField::Ignore:
        return tr("Do not import");
    case ImportField::FirstName:
        return tr("First name");
    case ImportField::LastName:
        return tr("Last name");
    case ImportField::FullName:
        return tr("Full name");
    case ImportField::Phone:
        return tr("Phone number");
    case ImportField::Email:
        return tr("E-mail");
    case ImportField::Notes:
        return tr("Notes");
    case ImportField::Groups:
        return tr("Groups");
    }
    return {};
}

QList<ImportField> ColumnMapping::allFields()
{
    return {ImportField::Ignore, ImportField::FirstName, ImportField::LastName, ImportField::FullName,
            ImportField::Phone,  ImportField::Email,     ImportField::Notes,    ImportField::Groups};
}

} // namespace kengele
