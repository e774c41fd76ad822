// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QList>
#include <QString>
#include <QStringList>
#include <QStringView>

#include <optional>

namespace kengele {

// The fields a template may use, written {first_name}, {last_name}, {name}, {phone}, {group} and
// {date}, or by their Kiswahili names {jina_la_kwanza}, {jina_la_mwisho}, {jina}, {simu}, {kikundi}
// and {tarehe}: a template written in either language works in both.
enum class MergeField { FirstName, LastName, Name, Phone, Group, Date };

// One recipient's values for the merge fields. The caller formats them (the full name, the phone
// number as it should appear, the date in the office's format).
struct MergeValues {
    QString firstName;
    QString lastName;
    QString name;
    QString phone;
    QString group;
    QString date;

    const QString &value(MergeField field) const;
    void setValue(MergeField field, QString value);
};

// A message text with merge fields, parsed once and rendered for every recipient.
//
// Syntax: {field} inserts a value; {field|fallback} inserts the fallback when the value is empty
// (or only spaces), e.g. "Habari {jina_la_kwanza|rafiki}"; {{ and }} are literal braces. Field names
// (English or Kiswahili) ignore case and surrounding spaces. Problems (unknown field, { without }, empty {}) are reported
// with their position for the editor; such text is rendered as written, and checkSendable() fails.
class MessageTemplate final
{
    Q_DECLARE_TR_FUNCTIONS(kengele::MessageTemplate)

public:
    struct Token {
        enum class Kind { Literal, Field };
        Kind kind = Kind::Literal;
        QString text; // Literal: the text to send (braces unescaped). Field: its source, "{first_name|friend}"
        MergeField field = MergeField::FirstName; // Field only
        QString fallback; // Field only; empty when none was given
        qsizetype start = 0; // where the token starts in the source (UTF-16 index)
    };

    struct Problem {
        enum class Kind { UnknownField, UnclosedBrace, EmptyField };
        Kind kind = Kind::UnknownField;
        qsizetype start = 0; // UTF-16 index in the source
        qsizetype length = 0; // UTF-16 units, braces included
        QString message; // translated, for showing under the editor
    };

    MessageTemplate() = default;
    explicit MessageTemplate(QStringView source);

    const QString &source() const { return m_source; }
    const QList<Token> &tokens() const { return m_tokens; }
    const QList<Problem> &problems() const { return m_problems; }
    bool hasProblems() const { return !m_problems.isEmpty(); }

    // True when the text differs between recipients (it uses at least one merge field).
    bool isPersonalised() const;
    // The distinct fields used, in order of first use.
    QList<MergeField> usedFields() const;

    // Refuses a template with problems, or one with nothing to send.
    Status checkSendable() const;

    // The text for one recipient. No parsing or regular expressions here: one pass over the tokens.
    QString render(const MergeValues &values) const;

    // Which names the fields are written with; both are understood everywhere.
    enum class FieldNames { English, Kiswahili };
    // Kiswahili when the interface is (QLocale's default, which Language::install sets).
    static FieldNames interfaceFieldNames();

    // Field names without braces, in menu order: first_name, last_name, name, phone, group, date
    // (jina_la_kwanza, jina_la_mwisho, jina, simu, kikundi, tarehe).
    static QStringList knownFields(FieldNames names = FieldNames::English);
    static QString fieldName(MergeField field, FieldNames names = FieldNames::English);
    static std::optional<MergeField> fieldFromName(QStringView name); // either language; ignores case and spaces
    // The word for "someone whose name is not known" offered with a field: "friend", "rafiki".
    static QString fallbackWord(FieldNames names);
    // Translated label for an Insert-field menu ("First name"); empty for an unknown name.
    static QString fieldLabel(MergeField field);
    static QString fieldLabel(QStringView name);
    // The text to insert for a field: "{first_name}", "{jina_la_kwanza}".
    static QString placeholder(MergeField field, FieldNames names = FieldNames::English);

private:
    void parse();
    void appendLiteral(QStringView text, qsizetype start);
    void addProblem(Problem::Kind kind, qsizetype start, qsizetype length, QString message);

    QString m_source;
    QList<Token> m_tokens;
    QList<Problem> m_problems;
    qsizetype m_literalSize = 0;
};

} // namespace kengele
