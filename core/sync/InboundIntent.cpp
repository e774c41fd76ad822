// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "InboundIntent.h"

#include <QRegularExpression>
#include <QStringList>

namespace kengele {

namespace {

// The first word without the punctuation people put after a keyword.
QString bareWord(QString word)
{
    while (!word.isEmpty() && (word.back().isPunct() || word.back().isSymbol()))
        word.chop(1);
    return word.toUpper();
}

} // namespace

InboundIntent InboundIntent::classify(const QString &text)
{
    InboundIntent intent;
    intent.text = text;
    const QString trimmed = text.trimmed();
    static const QRegularExpression space(QStringLiteral("\\s+"));
    const QStringList words = trimmed.split(space, Qt::SkipEmptyParts);
    if (words.isEmpty())
        return intent;
    const QString first = bareWord(words.first());
    if (first == QStringLiteral("STOP") || first == QStringLiteral("UNSUBSCRIBE") || first == QStringLiteral("ACHA")) {
        intent.kind = Kind::OptOut;
        intent.keyword = first;
        if (first == QStringLiteral("STOP") && words.size() > 1 && bareWord(words.at(1)) == QStringLiteral("ALL"))
            intent.keyword = QStringLiteral("STOP ALL");
        return intent;
    }
    if (first == QStringLiteral("PRAY") || first == QStringLiteral("OMBI")) {
        intent.kind = Kind::Prayer;
        intent.keyword = first;
        // The rest of the message as written (line breaks kept), without the keyword.
        const qsizetype start = trimmed.indexOf(words.first()) + words.first().size();
        intent.text = trimmed.mid(start).trimmed();
        return intent;
    }
    return intent;
}

} // namespace kengele
