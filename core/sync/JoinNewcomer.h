// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#pragma once

#include "JoinMessages.h"
#include "KeyGrant.h"
#include "common/Result.h"

#include <QCoreApplication>

namespace kengele {

class DeviceIdentity;

// The joining computer's side of a join (docs/architecture.md, "Joining a computer, and its keys"):
//   request()  → message 1 (commitment to its keys and a secret nonce), to the relay;
//   answer(2)  → message 3 (reveals the keys and the nonce); safetyCode() is then shown;
//   grant(4)   → the organisation's keys, checked against the approver key the code was computed
//                with.
// One attempt per object: any refused message ends it (state Failed); start again with a new one.
// In memory only: a restart of the program starts the join again.
class JoinNewcomer final
{
    Q_DECLARE_TR_FUNCTIONS(JoinNewcomer)

public:
    enum class State { Ready, WaitingForAnswer, ComparingCodes, Joined, Failed };

    // `me` must outlive this object. `org` and `myId` are what the relay gave at enrolment.
    JoinNewcomer(const DeviceIdentity &me, QString org, QString myId, QString name);

    Result<QByteArray> request();
    Result<QByteArray> answer(QByteArrayView answerBytes);
    Result<KeyGrantContents> grant(QByteArrayView grantBytes);
    // Picks up a join whose reveal this computer already sent (an earlier run of the program kept
    // the three messages, all public by then): checks they are this computer's own and consistent,
    // recomputes the code, and waits for the grant as after answer().
    Status resume(QByteArrayView requestBytes, QByteArrayView answerBytes, QByteArrayView revealBytes);
    // Picks up a join whose request an earlier run sent, before the answer came: the request (public)
    // and its nonce, which stays secret until the reveal (the caller keeps it in the keychain).
    Status resumeRequest(QByteArrayView requestBytes, QByteArrayView nonce);
    // The nonce committed to, for the keychain (empty before request()).
    QByteArray nonce() const { return m_nonce; }

    State state() const { return m_state; }
    QString safetyCode() const { return m_code; }
    QString approverId() const { return m_answer.approverId; }
    DevicePublicKeys approverKeys() const { return m_answer.approver; }

private:
    Error failed(const QString &why);

    const DeviceIdentity &m_me;
    State m_state = State::Ready;
    join::Request m_request;
    QByteArray m_requestHash;
    QByteArray m_nonce;
    join::Answer m_answer;
    QByteArray m_transcript;
    QString m_code;
};

} // namespace kengele
