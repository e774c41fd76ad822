// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "campaigns/Campaign.h"

#include <QDialog>
#include <optional>

class QCheckBox;
class QComboBox;
class QDateEdit;
class QDateTimeEdit;
class QFormLayout;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTimer;
class QVBoxLayout;

namespace kengele {

struct Contact;
class Profile;
class TemplateEditor;

// Writing a campaign: who gets it (groups and single people), the message (a template or free
// text, with the editor's counter), the sender ID, when and how urgently. Beside it, before anything
// is spent, what sending would do: how many people after leaving out opted-out numbers and
// duplicates, SMS parts per message and in all, the tokens it costs, the balance before and after,
// and the first messages as they will read. "Send" asks once more with the totals, then launches.
// A campaign may repeat (every day, every week on chosen days, every month) until a last day; then
// the check says how many times and when the first one goes, and the figures are for each time.
// The same dialog changes a campaign that has not gone yet (editCampaign): "Save changes" asks with
// what changes, then replaces it.
class ComposeCampaignDialog final : public QDialog
{
    Q_OBJECT

public:
    // How long the preview waits after the last change before it counts again.
    static constexpr int PreviewDelayMs = 250;
    static constexpr int MaxPreviewDelayMs = 1500;
    static constexpr int Samples = 3;

    // The choices of the "Repeat" list, in its order.
    enum RepeatChoice { RepeatNever = 0, RepeatDaily, RepeatWeekly, RepeatMonthly };

    explicit ComposeCampaignDialog(Profile &profile, QWidget *parent = nullptr);
    ~ComposeCampaignDialog() override;

    // Fills the form from a stored campaign to change it; "Save changes…" then updates it instead of
    // launching a new one. False (and the reason shown) when it cannot be read or changed any more.
    bool editCampaign(qint64 campaignId);
    qint64 editedCampaignId() const { return m_editingId; }

    // What the form says now, as the campaign service takes it.
    CampaignDraft draft() const;
    // Counts again now (otherwise it happens shortly after each change).
    void updatePreview();
    // The last preview that worked, and the reason sending is not possible now (empty: it is).
    const std::optional<CampaignPreview> &preview() const { return m_preview; }
    QString problem() const { return m_problemText; }

    // Ticks these groups (e.g. "send to this group" from elsewhere).
    void setGroups(const QList<qint64> &groupIds);
    void addContact(qint64 contactId);
    TemplateEditor *editor() const { return m_editor; }

    // Asks once more with the totals, then launches (or, editing, updates) the campaign and closes.
    void send();
    // The campaign launched or changed.
    qint64 launchedCampaignId() const { return m_launchedId; }

private:
    void buildRecipients(QWidget *pane);
    void buildMessage(QWidget *pane);
    void buildPreview(QWidget *pane);
    void schedulePreview();
    void searchContacts();
    void addChosenResult();
    void removeChosenContact();
    void chooseTemplate();
    void showProblem(const QString &text);
    void showSamples(const QStringList &samples);
    void updateQuietHoursHint();
    void updateSendButton();
    void updateRepeatControls();
    void startChanged();
    void addContactItem(const Contact &contact);
    void setAccountName(const QString &name);
    QDateTime startLocal() const;
    Recurrence recurrence() const;
    bool isRepeating() const;
    // Tokens this campaign has set aside now (editing a scheduled one: they come back on saving).
    int reservedNow() const;
    QStringList changesFromOriginal(const CampaignDraft &d) const;
    QString accountName() const;

    Profile &m_profile;
    QString m_gateway;
    std::optional<CampaignPreview> m_preview;
    QString m_problemText;
    qint64 m_launchedId = 0;
    bool m_launching = false;
    qint64 m_editingId = 0;
    Campaign m_original;
    CampaignDraft m_originalDraft;
    bool m_daysTouched = false;
    bool m_untilTouched = false;
    QDate m_lastStartDate;
    bool m_settingUntil = false;
    QString m_blocked; // editing: why it cannot be changed any more
    qint64 m_templateId = 0;
    QString m_templateBody;
    QString m_templateName;

    QTimer *m_previewTimer = nullptr;
    QTimer *m_searchTimer = nullptr;
    QLabel *m_simulationBanner = nullptr;
    QLineEdit *m_name = nullptr;
    QListWidget *m_groups = nullptr;
    QLineEdit *m_contactSearch = nullptr;
    QListWidget *m_contactResults = nullptr;
    QPushButton *m_addContact = nullptr;
    QListWidget *m_chosen = nullptr;
    QPushButton *m_removeContact = nullptr;
    QComboBox *m_template = nullptr;
    TemplateEditor *m_editor = nullptr;
    QLineEdit *m_senderId = nullptr;
    QRadioButton *m_sendNow = nullptr;
    QRadioButton *m_sendLater = nullptr;
    QDateTimeEdit *m_when = nullptr;
    QFormLayout *m_whenForm = nullptr;
    QComboBox *m_repeat = nullptr;
    QWidget *m_repeatDetail = nullptr;
    QWidget *m_daysBox = nullptr;
    QList<QCheckBox *> m_days; // Monday first (index = Qt::DayOfWeek - 1)
    QLabel *m_monthDay = nullptr;
    QLabel *m_untilLabel = nullptr;
    QDateEdit *m_until = nullptr;
    QLabel *m_repeatSummary = nullptr;
    QComboBox *m_priority = nullptr;
    QComboBox *m_account = nullptr;
    QLabel *m_recipients = nullptr;
    QLabel *m_leftOut = nullptr;
    QLabel *m_partsEach = nullptr;
    QLabel *m_partsTotal = nullptr;
    QLabel *m_tokens = nullptr;
    QLabel *m_balance = nullptr;
    QLabel *m_balanceAfter = nullptr;
    QLabel *m_encoding = nullptr;
    QLabel *m_problem = nullptr;
    QLabel *m_warnings = nullptr;
    QLabel *m_quietHours = nullptr;
    QWidget *m_samplesBox = nullptr;
    QVBoxLayout *m_samplesLayout = nullptr;
    QPushButton *m_send = nullptr;
};

} // namespace kengele
