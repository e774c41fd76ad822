#pragma once

#include "common/Result.h"

#include <QCoreApplication>
#include <QObject>
#include <QPointer>
#include <QThread>
#include <memory>

namespace kengele {

class DispatchService;
class GatewayFactoryHolder;
class MainWindow;
class Profile;
class SecretStore;

// Owns the open profile, the dispatcher that sends campaigns (on its own thread) and the main
// window; rebuilds the window when the language changes and reconnects the dispatcher when the
// gateway settings change.
class DesktopApp final : public QObject
{
    Q_OBJECT

public:
    DesktopApp();
    ~DesktopApp() override;

    // Opens the profile (creating the demo congregation on first start), shows the window and
    // starts sending what is due.
    Status start(const QString &profileDirectory);

private:
    void showWindow();
    // Reads the API key (off the GUI thread: the keychain may take a while), then (re)starts the
    // dispatcher with the gateway the settings name.
    void startDispatch();
    void runDispatch(quint64 generation, const QString &apiKey);
    void stopDispatch();

    std::unique_ptr<Profile> m_profile;
    std::unique_ptr<SecretStore> m_secrets;
    std::shared_ptr<GatewayFactoryHolder> m_factory;
    std::unique_ptr<DispatchService> m_dispatch;
    QList<QPointer<QThread>> m_keyReaders;
    quint64 m_generation = 0;
    QPointer<MainWindow> m_window;
};

} // namespace kengele
