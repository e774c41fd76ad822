// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MessageTemplate.h"

#include <QLocale>

#include <algorithm>
#include <array>
#include <utility>

using namespace Qt::StringLiterals;

namespace kengele {

namespace {

constexpr std::array kFields = {
    MergeField::FirstName, MergeField::LastName, MergeField::Name, MergeField::Phone, MergeField::Group, MergeField::Date,
};

// A typical value's length, to size the rendered string once.
constexpr qsizetype kExpectedValueSize = 12;

// Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive:
// "frist_name" is one step from "first_name".
int editDistance(QStringView a, QStringView b)
{
    const qsizetype n = a.size();
    const qsizetype m = b.size();
    QList<int> previous2(m + 1), previous(m + 1), current(m + 1);
    for (qsizetype j = 0; j <= m; ++j)
        previous[j] = int(j);
    for (qsizetype i = 1; i <= n; ++i) {
        current[0] = int(i);
        for (qsizetype j = 1; j <= m; ++j) {
            const bool same = a[i - 1].toCaseFolded() == b[j - 1].toCaseFolded();
            current[j] = std::min({previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (same ? 0 : 1)});
            if (i > 1 && j > 1 && a[i - 1].toCaseFolded() == b[j - 2].toCaseFolded()
                && a[i - 2].toCaseFolded() == b[j - 1].toCaseFolded())
                current[j] = std::min(current[j], previous2[j - 2] + 1);
        }
        std::swap(previous2, previous);
        std::swap(previous, current);
    }
    return previous[m];
}

constexpr std::array kFieldNames = {MessageTemplate::FieldNames::English, MessageTemplate::FieldNames::Kiswahili};

// The known field name (English or Kiswahili) closest to a mistyped one, if it is close enough to
// be what was meant: a slip in a Kiswahili name is answered with the Kiswahili name.
std::optional<QString> suggestionFor(QStringView name)
{
    std::optional<QString> best;
    int bestDistance = 3; // at most two edits
    for (const MessageTemplate::FieldNames names : kFieldNames) {
        for (MergeField field : kFields) {
            const QString candidate = MessageTemplate::fieldName(field, names);
            const int distance = editDistance(name, candidate);
            if (distance < bestDistance) {
                best = candidate;
                bestDistance = distance;
            }
        }
    }
    return best;
}

bool isBlank(QStringView text)
{
    return text.trimmed().isEmpty();
}

// Shared by the const and non-const accessors.
template<typename Values> auto &valueOf(Values &values, MergeField field)
{
    switch (field) {
    case MergeField::FirstName:
        return values.firstName;
    case MergeField::LastName:
        return values.lastName;
    case MergeField::Name:
        return values.name;
    case MergeField::Phone:
        return values.phone;
    case MergeField::Group:
        return values.group;
    case MergeField::Date:
        break;
    }
    return values.date;
}

} // namespace

const QString &MergeValues::value(MergeField field) const
{
    return valueOf(*this, field);
}

void MergeValues::setValue(MergeField field, QString value)
{
    valueOf(*this, field) = std::move(value);
}

MessageTemplate::MessageTemplate(QStringView source)
    : m_source(source.toString())
{
    parse();
}

void MessageTemplate::parse()
{
    const QStringView s = m_source;
    const qsizetype n = s.size();
    qsizetype runStart = 0; // start of the pending plain-text run
    qsizetype i = 0;

    const auto flushRun = [&](qsizetype end) {
        if (end > runStart)
            appendLiteral(s.sliced(runStart, end - runStart), runStart);
    };

    while (i < n) {
        const QChar ch = s[i];
        if (ch != u'{' && ch != u'}') {
            ++i;
            continue;
        }
        flushRun(i);

        // {{ and }} are literal braces; a lone } is taken literally too.
        if (i + 1 < n && s[i + 1] == ch) {
            appendLiteral(s.sliced(i, 1), i);
            i += 2;
            runStart = i;
            continue;
        }
        if (ch == u'}') {
            appendLiteral(s.sliced(i, 1), i);
            runStart = ++i;
            continue;
        }

        // A field runs to the next }, and may not contain another { or a line break.
        qsizetype close = i + 1;
        while (close < n && s[close] != u'}' && s[close] != u'{' && s[close] != u'\n')
            ++close;
        if (close >= n || s[close] != u'}') {
            addProblem(Problem::Kind::UnclosedBrace, i, 1,
                       tr("This { is not closed. End the field with }, or type {{ for a plain {."));
            appendLiteral(s.sliced(i, 1), i);
            runStart = ++i;
            continue;
        }

        const QStringView whole = s.sliced(i, close - i + 1);
        const QStringView inside = s.sliced(i + 1, close - i - 1);
        const qsizetype bar = inside.indexOf(u'|');
        const QStringView name = (bar < 0 ? inside : inside.first(bar)).trimmed();
        const QStringView fallback = bar < 0 ? QStringView() : inside.sliced(bar + 1).trimmed();

        if (name.isEmpty()) {
            addProblem(Problem::Kind::EmptyField, i, whole.size(),
                       tr("This field has no name. Put one between the braces, such as %1, or type {{}} for plain "
                          "braces.")
                           .arg(placeholder(MergeField::FirstName, interfaceFieldNames())));
            appendLiteral(whole, i);
        } else if (const auto field = fieldFromName(name)) {
            Token token;
            token.kind = Token::Kind::Field;
            token.text = whole.toString();
            token.field = *field;
            token.fallback = fallback.toString();
            token.start = i;
            m_tokens.append(std::move(token));
        } else {
            QString message;
            if (const auto suggestion = suggestionFor(name)) {
                message = tr("Unknown field {%1}. Did you mean {%2}?").arg(name, *suggestion);
            } else {
                QStringList known;
                for (MergeField field : kFields)
                    known.append(placeholder(field, interfaceFieldNames()));
                message = tr("Unknown field {%1}. The fields are: %2.").arg(name, known.join(u", "_s));
            }
            addProblem(Problem::Kind::UnknownField, i, whole.size(), std::move(message));
            appendLiteral(whole, i);
        }
        i = close + 1;
        runStart = i;
    }
    flushRun(n);
}

void MessageTemplate::appendLiteral(QStringView text, qsizetype start)
{
    m_literalSize += text.size();
    if (!m_tokens.isEmpty() && m_tokens.constLast().kind == Token::Kind::Literal) {
        m_tokens.last().text.append(text);
        return;
    }
    Token token;
    token.kind = Token::Kind::Literal;
    token.text = text.toString();
    token.start = start;
    m_tokens.append(std::move(token));
}

void MessageTemplate::addProblem(Problem::Kind kind, qsizetype start, qsizetype length, QString message)
{
    m_problems.append(Problem{kind, start, length, std::move(message)});
}

bool MessageTemplate::isPersonalised() const
{
    return std::ranges::any_of(m_tokens, [](const Token &token) { return token.kind == Token::Kind::Field; });
}

QList<MergeField> MessageTemplate::usedFields() const
{
    QList<MergeField> fields;
    for (const Token &token : m_tokens) {
        if (token.kind == Token::Kind::Field && !fields.contains(token.field))
            fields.append(token.field);
    }
    return fields;
}

Status MessageTemplate::checkSendable() const
{
    if (!m_problems.isEmpty()) {
        return fail(ErrorCode::InvalidInput,
                    tr("The message has %n problem(s) to fix before sending. %1", nullptr, int(m_problems.size()))
                        .arg(m_problems.constFirst().message));
    }
    if (isBlank(m_source))
        return fail(ErrorCode::InvalidInput, tr("The message is empty."));
    return {};
}

QString MessageTemplate::render(const MergeValues &values) const
{
    QString out;
    out.reserve(m_literalSize + (m_tokens.size() / 2 + 1) * kExpectedValueSize);
    for (const Token &token : m_tokens) {
        if (token.kind == Token::Kind::Literal) {
            out.append(token.text);
            continue;
        }
        const QStringView value = QStringView(values.value(token.field)).trimmed();
        if (value.isEmpty())
            out.append(token.fallback);
        else
            out.append(value);
    }
    return out;
}

MessageTemplate::FieldNames MessageTemplate::interfaceFieldNames()
{
    return QLocale().language() == QLocale::Swahili ? FieldNames::Kiswahili : FieldNames::English;
}

QStringList MessageTemplate::knownFields(FieldNames names)
{
    QStringList list;
    list.reserve(qsizetype(kFields.size()));
    for (MergeField field : kFields)
        list.append(fieldName(field, names));
    return list;
}

QString MessageTemplate::fieldName(MergeField field, FieldNames names)
{
    if (names == FieldNames::Kiswahili) {
        switch (field) {
        case MergeField::FirstName:
            return u"jina_la_kwanza"_s;
        case MergeField::LastName:
            return u"jina_la_mwisho"_s;
        case MergeField::Name:
            return u"jina"_s;
        case MergeField::Phone:
            return u"simu"_s;
        case MergeField::Group:
            return u"kikundi"_s;
        case MergeField::Date:
            break;
        }
        return u"tarehe"_s;
    }
    switch (field) {
    case MergeField::FirstName:
        return u"first_name"_s;
    case MergeField::LastName:
        return u"last_name"_s;
    case MergeField::Name:
        return u"name"_s;
    case MergeField::Phone:
        return u"phone"_s;
    case MergeField::Group:
        return u"group"_s;
    case MergeField::Date:
        break;
    }
    return u"date"_s;
}

std::optional<MergeField> MessageTemplate::fieldFromName(QStringView name)
{
    const QStringView trimmed = name.trimmed();
    for (const FieldNames names : kFieldNames) {
        for (MergeField field : kFields) {
            if (trimmed.compare(fieldName(field, names), Qt::CaseInsensitive) == 0)
                return field;
        }
    }
    return std::nullopt;
}

QString MessageTemplate::fallbackWord(FieldNames names)
{
    // Not a translation of the interface: the word that goes with the names the person writes.
    return names == FieldNames::Kiswahili ? u"rafiki"_s : u"friend"_s;
}

QString MessageTemplate::fieldLabel(MergeField field)
{
    switch (field) {
    case MergeField::FirstName:
        return tr("First name");
    case MergeField::LastName:
        return tr("Last name");
    case MergeField::Name:
        return tr("Full name");
    case MergeField::Phone:
        return tr("Phone number");
    case MergeField::Group:
        return tr("Group");
    case MergeField::Date:
        break;
    }
    return tr("Date");
}

QString MessageTemplate::fieldLabel(QStringView name)
{
    const auto field = fieldFromName(name);
    return field ? fieldLabel(*field) : QString();
}

QString MessageTemplate::placeholder(MergeField field, FieldNames names)
{
    return u'{' + fieldName(field, names) + u'}';
}

} // namespace kengele
