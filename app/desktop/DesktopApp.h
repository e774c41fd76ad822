#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>

#include <memory>

namespace kengele {

class MainWindow;
class Profile;

// Owns the open profile and the main window; rebuilds the window when the language changes.
class DesktopApp final : public QObject
{
    Q_OBJECT

public:
    DesktopApp();
    ~DesktopApp() override;

    // Opens the profile (creating the demo congregation on first start) and shows the window.
    Status start(const QString &profileDirectory);

private:
    void showWindow();

    std::unique_ptr<Profile> m_profile;
    QPointer<MainWindow> m_window;
};

} // namespace kengele
