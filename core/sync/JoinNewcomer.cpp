// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JoinNewcomer.h"

#include "DeviceIdentity.h"
#include "SafetyCode.h"
#include "SyncLog.h"

#include <sodium.h>

namespace kengele {

JoinNewcomer::JoinNewcomer(const DeviceIdentity &me, QString org, QString myId, QString name)
    : m_me(me)
{
    m_request.org = std::move(org);
    m_request.newcomerId = std::move(myId);
    m_request.name = name.left(join::MaxNameChars);
}

Error JoinNewcomer::failed(const QString &why)
{
    m_state = State::Failed;
    qCWarning(lcSync) << "join (this computer joining) stopped";
    return {ErrorCode::InvalidInput, why};
}

Result<QByteArray> JoinNewcomer::request()
{
    if (m_state != State::Ready)
        return std::unexpected(failed(tr("This request to join was already sent. Start again.")));
    if (sodium_init() < 0 || !m_me.isValid() || m_request.org.isEmpty() || m_request.newcomerId.isEmpty()
        || m_request.org.size() > join::MaxIdChars || m_request.newcomerId.size() > join::MaxIdChars)
        return std::unexpected(failed(tr("This computer is not connected to the relay yet.")));
    m_nonce = QByteArray(join::NonceBytes, '\0');
    randombytes_buf(m_nonce.data(), size_t(m_nonce.size()));
    m_request.commitment = join::commitment(m_request.org, m_request.newcomerId, m_request.name, m_me.publicKeys(), m_nonce);
    const QByteArray bytes = join::encode(m_request);
    m_requestHash = join::requestHash(bytes);
    m_state = State::WaitingForAnswer;
    return bytes;
}

Result<QByteArray> JoinNewcomer::answer(QByteArrayView answerBytes)
{
    if (m_state != State::WaitingForAnswer)
        return std::unexpected(failed(tr("An answer came that this computer did not ask for. Start again.")));
    const std::optional<join::Answer> answer = join::decodeAnswer(answerBytes);
    if (!answer)
        return std::unexpected(failed(tr("The answer from the other computer is damaged. Start again.")));
    if (answer->requestHash != m_requestHash || answer->org != m_request.org)
        return std::unexpected(failed(tr("The answer from the other computer is for another request. Start again.")));
    if (answer->approverId == m_request.newcomerId)
        return std::unexpected(failed(tr("The answer from the other computer is damaged. Start again.")));
    m_answer = *answer;
    const join::Reveal reveal{m_requestHash, m_me.publicKeys(), m_nonce};
    m_transcript = join::transcript(m_request, reveal, m_answer);
    m_code = SafetyCode::fromTranscript(m_transcript);
    m_state = State::ComparingCodes;
    return join::encode(reveal);
}

Status JoinNewcomer::resumeRequest(QByteArrayView requestBytes, QByteArrayView nonce)
{
    if (m_state != State::Ready)
        return std::unexpected(failed(tr("This request to join was already sent. Start again.")));
    if (sodium_init() < 0 || !m_me.isValid())
        return std::unexpected(failed(tr("This computer is not connected to the relay yet.")));
    const std::optional<join::Request> request = join::decodeRequest(requestBytes);
    if (!request || nonce.size() != join::NonceBytes || request->org != m_request.org
        || request->newcomerId != m_request.newcomerId
        || join::commitment(request->org, request->newcomerId, request->name, m_me.publicKeys(), nonce) != request->commitment)
        return std::unexpected(failed(tr("The join kept from before is not this computer's. Start again.")));
    m_request = *request;
    m_requestHash = join::requestHash(requestBytes);
    m_nonce = nonce.toByteArray();
    m_state = State::WaitingForAnswer;
    return {};
}

Status JoinNewcomer::resume(QByteArrayView requestBytes, QByteArrayView answerBytes, QByteArrayView revealBytes)
{
    if (m_state != State::Ready)
        return std::unexpected(failed(tr("This request to join was already sent. Start again.")));
    if (sodium_init() < 0 || !m_me.isValid())
        return std::unexpected(failed(tr("This computer is not connected to the relay yet.")));
    const std::optional<join::Request> request = join::decodeRequest(requestBytes);
    const std::optional<join::Answer> answer = join::decodeAnswer(answerBytes);
    const std::optional<join::Reveal> reveal = join::decodeReveal(revealBytes);
    if (!request || !answer || !reveal)
        return std::unexpected(failed(tr("The join kept from before is damaged. Start again.")));
    const QByteArray requestHash = join::requestHash(requestBytes);
    if (request->org != m_request.org || request->newcomerId != m_request.newcomerId || !(reveal->newcomer == m_me.publicKeys())
        || reveal->requestHash != requestHash || answer->requestHash != requestHash || answer->org != m_request.org
        || answer->approverId == m_request.newcomerId
        || join::commitment(request->org, request->newcomerId, request->name, reveal->newcomer, reveal->nonce)
            != request->commitment)
        return std::unexpected(failed(tr("The join kept from before is not this computer's. Start again.")));
    m_request = *request;
    m_requestHash = requestHash;
    m_nonce = reveal->nonce;
    m_answer = *answer;
    m_transcript = join::transcript(m_request, *reveal, m_answer);
    m_code = SafetyCode::fromTranscript(m_transcript);
    m_state = State::ComparingCodes;
    return {};
}

Result<KeyGrantContents> JoinNewcomer::grant(QByteArrayView grantBytes)
{
    if (m_state != State::ComparingCodes)
        return std::unexpected(failed(tr("Keys came that this computer did not ask for. Start again.")));
    // Checked against the approver's key from message 2: the one the safety code was computed with.
    Result<KeyGrantContents> contents
        = KeyGrant::open(grantBytes, m_me,
                         KeyGrant::Expect{KeyGrantKind::Join, m_request.org, m_request.newcomerId, m_answer.approverId,
                                          m_answer.approver.sign, m_transcript});
    if (!contents)
        return std::unexpected(failed(contents.error().message));
    m_state = State::Joined;
    return contents;
}

} // namespace kengele
