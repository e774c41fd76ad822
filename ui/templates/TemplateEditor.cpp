// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "TemplateEditor.h"

#include "MergeFieldHighlighter.h"
#include "common/Clock.h"
#include "contacts/ContactMergeValues.h"
#include "contacts/ContactService.h"
#include "messaging/GsmLookalikes.h"
#include "messaging/MessageTemplate.h"
#include "messaging/SegmentCounter.h"
#include "widgets/Banner.h"
#include "widgets/Colours.h"
#include "widgets/MessageBubble.h"

#include <QComboBox>
#include <QHBoxLayout>
#include <QLabel>
#include <QMenu>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QToolButton>
#include <QVBoxLayout>

namespace kengele {

namespace {
constexpr int PreviewContacts = 300;
constexpr int MaxExplainedCharacters = 3;
} // namespace

TemplateEditor::TemplateEditor(ContactService &contacts, const Clock &clock, QWidget *parent)
    : QWidget(parent)
    , m_contacts(contacts)
    , m_clock(clock)
{
    m_edit = new QPlainTextEdit(this);
    m_edit->setObjectName(QStringLiteral("messageEdit"));
    m_edit->setAccessibleName(tr("Message"));
    m_edit->setPlaceholderText(tr("Write the message here. Use “Insert field” to greet each person by name."));
    m_edit->setTabChangesFocus(true);
    m_highlighter = new MergeFieldHighlighter(m_edit->document(), m_edit->palette());

    m_insertField = new QToolButton(this);
    m_insertField->setObjectName(QStringLiteral("insertFieldButton"));
    m_insertField->setText(tr("Insert field"));
    m_insertField->setPopupMode(QToolButton::InstantPopup);
    m_insertField->setToolButtonStyle(Qt::ToolButtonTextOnly);
    buildFieldMenu();

    m_counter = new QLabel(this);
    m_counter->setObjectName(QStringLiteral("counterLabel"));
    m_counter->setToolTip(tr("One SMS part holds 160 plain letters, or 70 when the message uses special characters. "
                             "Longer messages are sent in parts of 153 (or 67), and each part costs one token "
                             "per person. ^ { } [ ] ~ | € \\ count as two characters."));

    m_problems = new QLabel(this);
    m_problems->setObjectName(QStringLiteral("problemsLabel"));
    m_problems->setWordWrap(true);
    Colours::setTone(m_problems, Colours::Tone::Error);

    // The warning and its button in one banner.
    m_encodingBox = new Banner(Banner::Kind::Warning, this);
    m_encodingBox->setObjectName(QStringLiteral("encodingBox"));
    m_encodingBox->setWordWrap(true);
    m_replace = new QPushButton(tr("Replace look-alikes"));
    m_replace->setObjectName(QStringLiteral("replaceLookalikesButton"));
    m_replace->setToolTip(
        tr("Change curly quotes, long dashes and similar characters to plain ones, so more text fits in each SMS."));
    connect(m_replace, &QPushButton::clicked, this, &TemplateEditor::replaceLookalikes);
    m_encodingBox->setButton(m_replace);

    m_previewContact = new QComboBox(this);
    m_previewContact->setObjectName(QStringLiteral("previewContactCombo"));
    m_previewContact->setMinimumContentsLength(20);
    m_previewContact->setSizeAdjustPolicy(QComboBox::AdjustToMinimumContentsLengthWithIcon);
    connect(m_previewContact, &QComboBox::currentIndexChanged, this, &TemplateEditor::updateInfo);
    m_preview = new MessageBubble(this);
    m_preview->setObjectName(QStringLiteral("previewLabel"));
    m_preview->setMinimumHeight(60);
    m_preview->setAlignment(Qt::AlignLeft | Qt::AlignTop);
    m_previewCounter = new QLabel(this);
    m_previewCounter->setObjectName(QStringLiteral("previewCounterLabel"));

    auto *toolbar = new QHBoxLayout;
    toolbar->addWidget(m_insertField);
    toolbar->addStretch();
    toolbar->addWidget(m_counter);

    auto *previewHeader = new QHBoxLayout;
    previewHeader->addWidget(new QLabel(tr("<b>Preview for</b>"), this));
    previewHeader->addWidget(m_previewContact, 1);
    previewHeader->addStretch();

    auto *layout = new QVBoxLayout(this);
    layout->setContentsMargins(0, 0, 0, 0);
    layout->addLayout(toolbar);
    layout->addWidget(m_edit, 1);
    layout->addWidget(m_problems);
    layout->addWidget(m_encodingBox);
    layout->addLayout(previewHeader);
    layout->addWidget(m_preview);
    layout->addWidget(m_previewCounter);

    connect(m_edit, &QPlainTextEdit::textChanged, this, [this] {
        updateInfo();
        Q_EMIT textChanged();
    });
    connect(&m_contacts, &ContactService::contactsChanged, this, &TemplateEditor::reloadPreviewContacts);
    reloadPreviewContacts();
    updateInfo();
}

void TemplateEditor::buildFieldMenu()
{
    auto *menu = new QMenu(m_insertField);
    menu->setObjectName(QStringLiteral("insertFieldMenu"));
    // The names of the interface's language (both work everywhere), so a Kiswahili message reads
    // {jina_la_kwanza|rafiki} rather than a mix of languages.
    const MessageTemplate::FieldNames names = MessageTemplate::interfaceFieldNames();
    for (const QString &name : MessageTemplate::knownFields(names)) {
        const QString placeholder = u'{' + name + u'}';
        QAction *action = menu->addAction(tr("%1  %2").arg(MessageTemplate::fieldLabel(name), placeholder));
        action->setData(placeholder);
        connect(action, &QAction::triggered, this, [this, placeholder] { insertField(placeholder); });
    }
    menu->addSeparator();
    const QString word = MessageTemplate::fallbackWord(names);
    const QString withFallback = u'{' + MessageTemplate::fieldName(MergeField::FirstName, names) + u'|' + word + u'}';
    QAction *fallback = menu->addAction(tr("First name, or “%1” when unknown  %2").arg(word, withFallback));
    fallback->setData(withFallback);
    connect(fallback, &QAction::triggered, this, [this, withFallback] { insertField(withFallback); });
    m_insertField->setMenu(menu);
}

QString TemplateEditor::text() const
{
    return m_edit->toPlainText();
}

void TemplateEditor::setReadOnly(bool readOnly)
{
    m_edit->setReadOnly(readOnly);
    m_insertField->setEnabled(!readOnly);
    m_replace->setEnabled(!readOnly);
}

void TemplateEditor::setText(const QString &text)
{
    if (text != m_edit->toPlainText())
        m_edit->setPlainText(text);
    updateInfo();
}

void TemplateEditor::insertField(const QString &placeholder)
{
    m_edit->insertPlainText(placeholder);
    m_edit->setFocus();
}

void TemplateEditor::replaceLookalikes()
{
    const QString replaced = GsmLookalikes::replaced(text());
    if (replaced == text())
        return;
    // One undoable edit that keeps the cursor near where it was.
    QTextCursor cursor = m_edit->textCursor();
    const int position = cursor.position();
    cursor.beginEditBlock();
    cursor.select(QTextCursor::Document);
    cursor.insertText(replaced);
    cursor.endEditBlock();
    cursor.setPosition(qMin(position, int(replaced.size())));
    m_edit->setTextCursor(cursor);
}

void TemplateEditor::setPreviewContact(qint64 contactId)
{
    for (int i = 0; i < m_previewContacts.size(); ++i) {
        if (m_previewContacts.at(i).id == contactId) {
            m_previewContact->setCurrentIndex(i);
            return;
        }
    }
    // Not among the first few: fetch it and put it first.
    if (const Result<Contact> contact = m_contacts.get(contactId); contact) {
        m_previewContacts.prepend(*contact);
        m_previewContact->insertItem(0, tr("%1 (%2)").arg(contact->name(), contact->phone), contact->id);
        m_previewContact->setCurrentIndex(0);
    }
}

void TemplateEditor::setPreviewPeople(const std::optional<QList<qint64>> &contactIds)
{
    if (contactIds == m_previewPeople)
        return;
    m_previewPeople = contactIds;
    reloadPreviewContacts();
}

void TemplateEditor::setSendTime(const QDateTime &sendTime)
{
    if (sendTime == m_sendTime && sendTime.isValid() == m_sendTime.isValid())
        return;
    m_sendTime = sendTime;
    updateInfo();
}

void TemplateEditor::reloadPreviewContacts()
{
    // -1 marks the nameless example person; nothing chosen yet means the first contact.
    const qint64 current = m_previewContact->count() > 0 ? m_previewContact->currentData().toLongLong() : 0;
    m_previewContacts.clear();
    if (m_previewPeople) {
        // Only people who will get the message: someone left out is no example of it.
        for (const qint64 id : std::as_const(*m_previewPeople)) {
            if (const Result<Contact> contact = m_contacts.get(id); contact)
                m_previewContacts.append(*contact);
        }
    } else {
        ContactQuery query;
        const Result<QList<Contact>> contacts = m_contacts.fetch(query, 0, PreviewContacts);
        if (contacts)
            m_previewContacts = *contacts;
        // A person with no name shows how the fallback reads, so offer one.
        Contact anonymous;
        anonymous.phone = QStringLiteral("+254700000000");
        m_previewContacts.append(anonymous);
    }
    QSignalBlocker blocker(m_previewContact);
    m_previewContact->clear();
    for (const Contact &contact : std::as_const(m_previewContacts)) {
        if (contact.id == 0)
            m_previewContact->addItem(tr("Someone whose name is not known"), qint64(-1));
        else
            m_previewContact->addItem(tr("%1 (%2)").arg(contact.name(), contact.phone), contact.id);
    }
    const int index = m_previewContact->findData(current);
    m_previewContact->setCurrentIndex(index < 0 ? 0 : index);
    m_previewContact->setEnabled(!m_previewContacts.isEmpty());
    blocker.unblock();
    updateInfo();
}

QString TemplateEditor::previewText() const
{
    return m_preview->text();
}

QString TemplateEditor::counterText() const
{
    return m_counter->text();
}

QString TemplateEditor::problemText() const
{
    return m_problems->text();
}

QString TemplateEditor::encodingWarningText() const
{
    return m_encodingBox->isHidden() ? QString() : m_encodingBox->text();
}

void TemplateEditor::updateInfo()
{
    const QString source = text();
    const SegmentInfo info = SegmentCounter::count(source);
    if (info.segments == 0) {
        m_counter->setText(tr("Empty message"));
    } else if (info.segments == 1) {
        const int limit = info.isUnicode() ? SegmentCounter::Ucs2SinglePart : SegmentCounter::Gsm7SinglePart;
        m_counter->setText(
            (info.isUnicode() ? tr("Special characters: %1 of %2 · 1 SMS part") : tr("Plain letters: %1 of %2 · 1 SMS part"))
                .arg(info.units)
                .arg(limit));
    } else {
        // Two parts or more: always the plural.
        m_counter->setText(
            (info.isUnicode() ? tr("Special characters: %1 · %2 SMS parts") : tr("Plain letters: %1 · %2 SMS parts"))
                .arg(info.units)
                .arg(info.segments)
            + tr(" (%n more fit in the last part)", nullptr, int(info.remainingInSegment)));
    }
    Colours::setTone(m_counter, info.segments > 3 ? Colours::Tone::Error : Colours::Tone::Normal, info.segments > 3);

    const MessageTemplate parsed(source);
    QStringList problems;
    for (const MessageTemplate::Problem &problem : parsed.problems())
        problems << problem.message;
    m_problems->setText(problems.join(u'\n'));
    m_problems->setVisible(!problems.isEmpty());

    if (info.isUnicode()) {
        const QList<GsmLookalikes::NonGsmCharacter> characters = GsmLookalikes::nonGsmCharacters(source);
        QStringList lines;
        bool anyReplaceable = false;
        for (const auto &character : characters) {
            anyReplaceable = anyReplaceable || character.hasReplacement;
            if (lines.size() < MaxExplainedCharacters)
                lines << GsmLookalikes::explanation(character).toHtmlEscaped();
        }
        if (characters.size() > MaxExplainedCharacters)
            lines << tr("…and %n more", nullptr, int(characters.size() - MaxExplainedCharacters));
        m_encodingBox->setText(tr("<b>This message uses special characters</b>, so only 70 characters fit in one SMS "
                                  "part instead of 160, and it may cost more.")
                               + QStringLiteral("<br>") + lines.join(QStringLiteral("<br>")));
        m_replace->setVisible(anyReplaceable);
        m_encodingBox->show();
    } else {
        m_encodingBox->hide();
    }

    // Preview for the chosen person, with its own count: names change the length.
    const int index = m_previewContact->currentIndex();
    if (index >= 0 && index < m_previewContacts.size() && !source.isEmpty()) {
        const Contact &contact = m_previewContacts.at(index);
        const QDate day = (m_sendTime.isValid() ? m_sendTime : m_clock.nowUtc()).toLocalTime().date();
        const QString rendered = parsed.render(mergeValuesFor(contact, contact.groups.value(0), day));
        const SegmentInfo renderedInfo = SegmentCounter::count(rendered);
        m_preview->setText(rendered);
        if (renderedInfo.segments == 1)
            m_previewCounter->setText(tr("This person's message: %1 characters, 1 SMS part").arg(renderedInfo.units));
        else
            m_previewCounter->setText(
                tr("This person's message: %1 characters, %2 SMS parts").arg(renderedInfo.units).arg(renderedInfo.segments));
    } else {
        if (source.isEmpty())
            m_preview->setText(tr("The message will appear here as each person receives it."));
        else if (m_previewContacts.isEmpty())
            m_preview->setText(tr("Choose who gets it to see the message as they will read it."));
        else
            m_preview->setText(QString());
        m_previewCounter->clear();
    }
}

} // namespace kengele
