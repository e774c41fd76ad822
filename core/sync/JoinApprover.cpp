// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "JoinApprover.h"

#include "DeviceIdentity.h"
#include "SafetyCode.h"
#include "SyncLog.h"

#include <sodium.h>

namespace kengele {

JoinApprover::JoinApprover(const DeviceIdentity &me, QString org, QString myId)
    : m_me(me)
    , m_org(std::move(org))
    , m_myId(std::move(myId))
{ }

Error JoinApprover::failed(const QString &why)
{
    m_state = State::Failed;
    qCWarning(lcSync) << "join (approving another computer) stopped";
    return {ErrorCode::InvalidInput, why};
}

Result<QByteArray> JoinApprover::request(QByteArrayView requestBytes, const QString &senderId)
{
    if (m_state != State::Ready)
        return std::unexpected(failed(tr("This request to join was already answered.")));
    if (sodium_init() < 0 || !m_me.isValid())
        return std::unexpected(failed(tr("This computer does not hold its own keys.")));
    const std::optional<join::Request> request = join::decodeRequest(requestBytes);
    if (!request)
        return std::unexpected(failed(tr("The request to join is damaged.")));
    if (request->org != m_org)
        return std::unexpected(failed(tr("The request to join is for another congregation.")));
    if (request->newcomerId != senderId || senderId == m_myId)
        return std::unexpected(failed(tr("The request to join did not come from the computer it names.")));
    m_request = *request;
    m_answer.requestHash = join::requestHash(requestBytes);
    m_answer.org = m_org;
    m_answer.approverId = m_myId;
    m_answer.approver = m_me.publicKeys();
    m_answer.nonce = QByteArray(join::NonceBytes, '\0');
    randombytes_buf(m_answer.nonce.data(), size_t(m_answer.nonce.size()));
    m_state = State::WaitingForReveal;
    return join::encode(m_answer);
}

Status JoinApprover::resume(QByteArrayView requestBytes, const QString &senderId, QByteArrayView answerBytes)
{
    if (m_state != State::Ready)
        return std::unexpected(failed(tr("This request to join was already answered.")));
    if (sodium_init() < 0 || !m_me.isValid())
        return std::unexpected(failed(tr("This computer does not hold its own keys.")));
    const std::optional<join::Request> request = join::decodeRequest(requestBytes);
    const std::optional<join::Answer> answer = join::decodeAnswer(answerBytes);
    if (!request || !answer)
        return std::unexpected(failed(tr("The request to join is damaged.")));
    if (request->org != m_org || request->newcomerId != senderId || senderId == m_myId)
        return std::unexpected(failed(tr("The request to join did not come from the computer it names.")));
    if (answer->requestHash != join::requestHash(requestBytes) || answer->org != m_org || answer->approverId != m_myId
        || !(answer->approver == m_me.publicKeys()) || answer->nonce.size() != join::NonceBytes)
        return std::unexpected(failed(tr("This request to join was answered by another computer.")));
    m_request = *request;
    m_answer = *answer;
    m_state = State::WaitingForReveal;
    return {};
}

Status JoinApprover::reveal(QByteArrayView revealBytes)
{
    if (m_state != State::WaitingForReveal)
        return std::unexpected(failed(tr("Keys came from the new computer that were not asked for.")));
    const std::optional<join::Reveal> reveal = join::decodeReveal(revealBytes);
    if (!reveal || reveal->requestHash != m_answer.requestHash)
        return std::unexpected(failed(tr("The new computer's keys are damaged.")));
    const QByteArray expected
        = join::commitment(m_request.org, m_request.newcomerId, m_request.name, reveal->newcomer, reveal->nonce);
    if (expected.size() != m_request.commitment.size()
        || sodium_memcmp(expected.constData(), m_request.commitment.constData(), size_t(expected.size())) != 0)
        return std::unexpected(failed(tr("The new computer's keys are not the ones it promised. Someone may be "
                                         "interfering: do not approve it, and start again.")));
    m_reveal = *reveal;
    m_transcript = join::transcript(m_request, m_reveal, m_answer);
    m_code = SafetyCode::fromTranscript(m_transcript);
    m_state = State::ComparingCodes;
    return {};
}

Result<QByteArray> JoinApprover::approve(const OrgKeyRing &ring, const QList<DeviceRecord> &roster)
{
    if (m_state != State::ComparingCodes)
        return std::unexpected(failed(tr("The new computer can only be approved once the safety codes are shown.")));
    Result<QByteArray> grant = KeyGrant::make(
        m_me, KeyGrant::Address{KeyGrantKind::Join, m_org, m_myId, m_request.newcomerId, m_reveal.newcomer, m_transcript}, ring,
        roster);
    if (!grant)
        return std::unexpected(failed(grant.error().message));
    m_state = State::Approved;
    return grant;
}

void JoinApprover::reject()
{
    m_state = State::Failed;
}

DeviceRecord JoinApprover::newcomerRecord() const
{
    DeviceRecord record;
    record.id = m_request.newcomerId;
    record.name = m_request.name;
    record.keys = m_reveal.newcomer;
    record.state = DeviceRecord::State::Approved;
    return record;
}

} // namespace kengele
