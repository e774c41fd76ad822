// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "JoinMessages.h"
#include "KeyGrant.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace kengele {

class DeviceIdentity;

// The approving computer's side of a join (docs/architecture.md, "Joining a computer, and its keys"):
//   request(1, sender) → message 2 (its own public keys and a fresh nonce);
//   reveal(3)          → checks the reveal against the commitment; safetyCode() is then shown;
//   approve(ring)      → message 4, a KeyGrant of every epoch, once the person says the codes match.
// One attempt per object: any refused message, or reject(), ends it (state Failed).
class JoinApprover final
{
    Q_DECLARE_TR_FUNCTIONS(JoinApprover)

public:
    enum class State { Ready, WaitingForReveal, ComparingCodes, Approved, Failed };

    // `me` must outlive this object.
    JoinApprover(const DeviceIdentity &me, QString org, QString myId);

    // `senderId` is the device the relay says posted the request; it must be the one named inside.
    Result<QByteArray> request(QByteArrayView requestBytes, const QString &senderId);
    // Picks up a join this computer already answered (message 2 sent by an earlier run, as the relay
    // keeps it): checks the answer is this computer's own for that request, then waits for the
    // reveal as after request(). Public messages only: nothing secret is needed to resume.
    Status resume(QByteArrayView requestBytes, const QString &senderId, QByteArrayView answerBytes);
    Status reveal(QByteArrayView revealBytes);
    // `roster` is the organisation's computers as this one knows them, the newcomer included
    // (newcomerRecord()).
    Result<QByteArray> approve(const OrgKeyRing &ring, const QList<DeviceRecord> &roster);
    void reject();

    State state() const { return m_state; }
    QString safetyCode() const { return m_code; }
    QString newcomerId() const { return m_request.newcomerId; }
    QString newcomerName() const { return m_request.name; }
    // The newcomer as an approved computer, for the device table (valid from ComparingCodes on).
    DeviceRecord newcomerRecord() const;

private:
    Error failed(const QString &why);

    const DeviceIdentity &m_me;
    QString m_org;
    QString m_myId;
    State m_state = State::Ready;
    join::Request m_request;
    join::Answer m_answer;
    join::Reveal m_reveal;
    QByteArray m_transcript;
    QString m_code;
};

} // namespace kengele
