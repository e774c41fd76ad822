#pragma once

#include <QMainWindow>

class QLabel;
class QListWidget;
class QStackedWidget;

namespace kengele {

class ContactsPage;
class GroupsPage;
class Profile;
class TemplatesPage;

// The window: a sidebar of pages (Contacts, Groups, Templates) and the page itself.
// Pages appear here only once they work; later ones (Campaigns, Prayer, ...) join the sidebar.
class MainWindow final : public QMainWindow
{
    Q_OBJECT

public:
    enum Page { ContactsPageIndex, GroupsPageIndex, TemplatesPageIndex };

    explicit MainWindow(Profile &profile, QWidget *parent = nullptr);

    void showPage(Page page);
    ContactsPage *contactsPage() const { return m_contactsPage; }
    GroupsPage *groupsPage() const { return m_groupsPage; }
    TemplatesPage *templatesPage() const { return m_templatesPage; }

Q_SIGNALS:
    // The person chose another interface language; the application rebuilds the window.
    void languageChangeRequested();

protected:
    void closeEvent(QCloseEvent *event) override;

private:
    void buildMenus();
    void updateStatus();
    void openSettings();
    void removeDemoCongregation();
    void showAbout();

    Profile &m_profile;
    QListWidget *m_sidebar = nullptr;
    QStackedWidget *m_pages = nullptr;
    ContactsPage *m_contactsPage = nullptr;
    GroupsPage *m_groupsPage = nullptr;
    TemplatesPage *m_templatesPage = nullptr;
    QLabel *m_status = nullptr;
};

} // namespace kengele
