// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "MergeFieldHighlighter.h"

#include "messaging/GsmCharset.h"
#include "messaging/MessageTemplate.h"
#include "widgets/Colours.h"

#include <QStringView>

namespace kengele {

MergeFieldHighlighter::MergeFieldHighlighter(QTextDocument *document, const QPalette &palette)
    : QSyntaxHighlighter(document)
{
    m_field.setForeground(Colours::text(Colours::Tone::Field, palette, QPalette::Base));
    m_field.setFontWeight(QFont::DemiBold);
    const QColor problem = Colours::text(Colours::Tone::Error, palette, QPalette::Base);
    m_problem.setUnderlineStyle(QTextCharFormat::WaveUnderline);
    m_problem.setUnderlineColor(problem);
    m_problem.setForeground(problem);
    m_nonGsm.setBackground(Colours::marker(Colours::Panel::Warning, palette));
}

void MergeFieldHighlighter::highlightBlock(const QString &text)
{
    // Characters that switch the whole message to UCS-2.
    for (qsizetype i = 0; i < text.size(); ++i) {
        char32_t codePoint = text.at(i).unicode();
        qsizetype length = 1;
        if (text.at(i).isHighSurrogate() && i + 1 < text.size() && text.at(i + 1).isLowSurrogate()) {
            codePoint = QChar::surrogateToUcs4(text.at(i), text.at(i + 1));
            length = 2;
        }
        if (!GsmCharset::contains(codePoint))
            setFormat(int(i), int(length), m_nonGsm);
        i += length - 1;
    }
    const MessageTemplate parsed(text);
    for (const MessageTemplate::Token &token : parsed.tokens()) {
        if (token.kind == MessageTemplate::Token::Kind::Field)
            setFormat(int(token.start), int(token.text.size()), m_field);
    }
    for (const MessageTemplate::Problem &problem : parsed.problems())
        setFormat(int(problem.start), int(problem.length), m_problem);
}

} // namespace kengele
