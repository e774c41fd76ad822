#include "DesktopApp.h"

#include "MainWindow.h"
#include "common/Language.h"
#include "common/Clock.h"
#include "common/Log.h"
#include "demo/DemoCongregation.h"
#include "profile/Profile.h"
#include "profile/Settings.h"

#include <QTimer>

namespace kengele {

DesktopApp::DesktopApp() = default;

DesktopApp::~DesktopApp()
{
    delete m_window;
}

Status DesktopApp::start(const QString &profileDirectory)
{
    auto opened = Profile::open(profileDirectory, Clock::system());
    if (!opened)
        return std::unexpected(opened.error());
    m_profile = std::move(*opened);
    if (m_profile->isNew()) {
        if (Status seeded = DemoCongregation::populate(*m_profile); !seeded)
            return seeded;
        qCInfo(lcUi) << "created a new profile with the demo congregation";
    }
    Language::install(m_profile->settings().language());
    showWindow();
    return {};
}

void DesktopApp::showWindow()
{
    QByteArray geometry;
    if (m_window) {
        geometry = m_window->saveGeometry();
        m_window->deleteLater();
    }
    m_window = new MainWindow(*m_profile);
    m_window->setAttribute(Qt::WA_DeleteOnClose);
    if (!geometry.isEmpty())
        m_window->restoreGeometry(geometry);
    connect(m_window, &MainWindow::languageChangeRequested, this, [this] {
        Language::install(m_profile->settings().language());
        // Rebuild after the settings dialog has returned.
        QTimer::singleShot(0, this, &DesktopApp::showWindow);
    });
    m_window->show();
}

} // namespace kengele
