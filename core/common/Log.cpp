// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "Log.h"

Q_LOGGING_CATEGORY(lcStorage, "kengele.storage")
Q_LOGGING_CATEGORY(lcContacts, "kengele.contacts")
Q_LOGGING_CATEGORY(lcImport, "kengele.import")
Q_LOGGING_CATEGORY(lcMessaging, "kengele.messaging")
Q_LOGGING_CATEGORY(lcSecurity, "kengele.security")
Q_LOGGING_CATEGORY(lcUi, "kengele.ui")
Q_LOGGING_CATEGORY(lcGateway, "kengele.gateway")
Q_LOGGING_CATEGORY(lcTokens, "kengele.tokens")
Q_LOGGING_CATEGORY(lcCampaigns, "kengele.campaigns")
