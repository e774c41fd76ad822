#pragma once

#include "campaigns/Campaign.h"

#include <QDialog>
#include <optional>

class QComboBox;
class QDateTimeEdit;
class QLabel;
class QLineEdit;
class QListWidget;
class QPushButton;
class QRadioButton;
class QTimer;
class QVBoxLayout;

namespace kengele {

class Profile;
class TemplateEditor;

// Writing a campaign: who gets it (groups and single people), the message (a template or free
// text, with the editor's counter), the sender ID, when and how urgently. Beside it, before anything
// is spent, what sending would do: how many people after leaving out opted-out numbers and
// duplicates, SMS parts per message and in all, the tokens it costs, the balance before and after,
// and the first messages as they will read. "Send" asks once more with the totals, then launches.
class ComposeCampaignDialog final : public QDialog
{
    Q_OBJECT

public:
    // How long the preview waits after the last change before it counts again.
    static constexpr int PreviewDelayMs = 250;
    static constexpr int MaxPreviewDelayMs = 1500;
    static constexpr int Samples = 3;

    explicit ComposeCampaignDialog(Profile &profile, QWidget *parent = nullptr);
    ~ComposeCampaignDialog() override;

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

    // Asks once more with the totals, then launches the campaign and closes.
    void send();
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
    QString accountName() const;

    Profile &m_profile;
    QString m_gateway;
    std::optional<CampaignPreview> m_preview;
    QString m_problemText;
    qint64 m_launchedId = 0;
    bool m_launching = false;
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
