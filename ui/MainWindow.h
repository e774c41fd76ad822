#pragma once

#include <QMainWindow>
#include <QPointer>
#include <memory>

class QLabel;
class QTimer;
class QListWidget;
class QStackedWidget;

namespace kengele {

class CampaignsPage;
class ContactsPage;
class DispatchService;
class GroupsPage;
class Profile;
class SecretStore;
class TemplatesPage;

// The window: a sidebar of pages (Contacts, Groups, Templates, Campaigns) and the page itself, and
// a status bar with the token balance and, while the simulator is the gateway, "Simulation".
// Pages appear here only once they work; later ones (Prayer, ...) join the sidebar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { ContactsPageIndex, GroupsPageIndex, TemplatesPageIndex, CampaignsPageIndex };

    explicit MainWindow(Profile &profile, QWidget *parent = nullptr);
    ~MainWindow() override;

    // The application's dispatcher (it outlives windows); nullptr while it is not running.
    void setDispatchService(DispatchService *dispatch);
    // Where the settings keep the API key; without one, the OS keychain of this profile.
    void setSecretStore(SecretStore *secrets);

    void showPage(Page page);
    ContactsPage *contactsPage() const { return m_contactsPage; }
    GroupsPage *groupsPage() const { return m_groupsPage; }
    TemplatesPage *templatesPage() const { return m_templatesPage; }
    CampaignsPage *campaignsPage() const { return m_campaignsPage; }

    void openSettings();

Q_SIGNALS:
    // The person chose another interface language; the application rebuilds the window.
    void languageChangeRequested();
    // The gateway settings or the API key changed: the dispatcher must reconnect.
    void gatewaySettingsChanged();
    // Only the sending rate changed.
    void sendingRateChanged(double ratePerSecond);

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void updateTokenStatus();
    void updateGatewayStatus();
    SecretStore &secrets();
    void removeDemoCongregation();
    void showAbout();

    Profile &m_profile;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    ContactsPage *m_contactsPage = nullptr;
    GroupsPage *m_groupsPage = nullptr;
    TemplatesPage *m_templatesPage = nullptr;
    CampaignsPage *m_campaignsPage = nullptr;
    QLabel *m_status = nullptr;
    QLabel *m_simulation = nullptr;
    QLabel *m_tokens = nullptr;
    QTimer *m_tokenTimer = nullptr;
    SecretStore *m_secrets = nullptr;
    std::unique_ptr<SecretStore> m_ownSecrets;
};

} // namespace kengele
