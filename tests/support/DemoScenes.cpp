// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "DemoScenes.h"

#include "TestSupport.h"
#include "contacts/ContactService.h"
#include "inbox/InboxService.h"
#include "profile/Profile.h"
#include "settings/Settings.h"
#include "sync/RelayEventApplier.h"
#include "sync/RelayLinkStore.h"

#include <QJsonObject>

namespace kengele::test {

QString receiveDemoInbox(TempProfile &profile)
{
    profile.clock().set(QDateTime(QDate(2026, 3, 15), QTime(17, 30), Qt::UTC));
    if (!RelayLinkStore(profile->database(), profile.clock())
             .saveEnrolment(RelayEnrolment{QStringLiteral("dev_7f3k2"), QStringLiteral("t"), QStringLiteral("org_stpeters"),
                                           QStringLiteral("St. Peter's Parish, Nakuru")}))
        return QStringLiteral("the relay link was not saved");
    profile->settings().setRelayUrl(QStringLiteral("https://relay.kengele.org"));
    const auto members = profile->contacts().fetch({}, 0, 3);
    if (!members || members->size() != 3)
        return QStringLiteral("the demo congregation has fewer than three people");
    RelayEventApplier applier(profile->database(), profile->contacts(), profile->tokens(), profile.clock());
    const QList<std::pair<QString, QString>> texts = {
        {members->at(0).phone, QStringLiteral("Asante pastor kwa ibada ya leo. Mungu akubariki!")},
        {QStringLiteral("+254798112233"),
         QStringLiteral("Habari, I visited on Sunday and would like to join the choir. When do you practise?")},
        {members->at(1).phone, QStringLiteral("PRAY for my mother, she is in hospital in Nakuru since Friday.")},
        {members->at(2).phone, QStringLiteral("STOP")},
        {members->at(0).phone, QStringLiteral("Is the youth camp still on Saturday? My two children want to come.")},
    };
    QList<RelayEvent> events;
    qint64 seq = 0;
    for (const auto &[from, text] : texts) {
        ++seq;
        events.append(RelayEvent{seq, QStringLiteral("at.inbound"),
                                 QDateTime(QDate(2026, 3, 15), QTime(15, 0), Qt::UTC).addSecs(seq * 1500),
                                 QJsonObject{{QStringLiteral("id"), QStringLiteral("ATXid_%1").arg(seq)},
                                             {QStringLiteral("from"), from},
                                             {QStringLiteral("text"), text}}});
    }
    if (const auto applied = applier.apply(QStringLiteral("org_stpeters"), events, seq); !applied)
        return applied.error().message;
    profile->inbox().notifyNewMessages();
    return {};
}

} // namespace kengele::test
