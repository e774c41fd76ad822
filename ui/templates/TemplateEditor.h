// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "contacts/Contact.h"

#include <QDateTime>
#include <QWidget>

#include <optional>

class QComboBox;
class QLabel;
class QPlainTextEdit;
class QPushButton;
class QToolButton;

namespace kengele {

class Clock;
class Banner;
class ContactService;
class MergeFieldHighlighter;

// Writing an SMS: fields from a menu (named in the interface's language), broken fields flagged as
// you type, a live counter (plain letters or special characters, how many, SMS parts), a warning
// naming the character that makes the message cost more with an offer to replace look-alikes, and
// a preview for a chosen contact. The preview's {date}
// is the day the message goes: today by the clock, or the send time a campaign chose.
class TemplateEditor final : public QWidget
{
    Q_OBJECT

public:
    TemplateEditor(ContactService &contacts, const Clock &clock, QWidget *parent = nullptr);

    QString text() const;
    void setText(const QString &text);
    QPlainTextEdit *textEdit() const { return m_edit; }

    // For someone who may only look: the text cannot be changed, nor fields inserted.
    void setReadOnly(bool readOnly);

    void insertField(const QString &placeholder);
    void replaceLookalikes();
    // Chooses whose details the preview uses.
    void setPreviewContact(qint64 contactId);
    // Whom "Preview for" offers: exactly these people, in this order (a campaign: those who will get
    // it), or, nullopt, the first contacts and an example person with no name (the templates page).
    void setPreviewPeople(const std::optional<QList<qint64>> &contactIds);
    // When the message goes; invalid: now.
    void setSendTime(const QDateTime &sendTime);
    QString previewText() const;
    QString counterText() const;
    QString problemText() const;
    QString encodingWarningText() const;

Q_SIGNALS:
    void textChanged();

private:
    void updateInfo();
    void reloadPreviewContacts();
    void buildFieldMenu();

    ContactService &m_contacts;
    const Clock &m_clock;
    QDateTime m_sendTime;
    QPlainTextEdit *m_edit = nullptr;
    MergeFieldHighlighter *m_highlighter = nullptr;
    QToolButton *m_insertField = nullptr;
    QLabel *m_counter = nullptr;
    QLabel *m_problems = nullptr;
    Banner *m_encodingBox = nullptr;
    QPushButton *m_replace = nullptr;
    QComboBox *m_previewContact = nullptr;
    QLabel *m_preview = nullptr;
    QLabel *m_previewCounter = nullptr;
    QList<Contact> m_previewContacts;
    std::optional<QList<qint64>> m_previewPeople;
};

} // namespace kengele
