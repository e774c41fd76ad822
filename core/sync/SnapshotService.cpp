// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "SnapshotService.h"

#include "OrgKeyRing.h"
#include "RelayClient.h"
#include "SnapshotWriter.h"
#include "SyncLog.h"

using namespace Qt::StringLiterals;

namespace kengele {

struct SnapshotUploadState {
    SnapshotBlob blob;
    QList<QByteArray> parts;
    int next = 0; // index of the part to put
    qint64 snapshotId = 0;
    SnapshotService::Done<SnapshotUploaded> done;
};

struct SnapshotRestoreState {
    RelaySnapshotInfo info;
    QByteArray bytes;
    int next = 1; // the relay numbers parts from 1
    BatchCipher::DeviceLookup devices;
    SnapshotService::Progress progress;
    SnapshotProgress downloading;
    SnapshotService::Done<SnapshotRestored> done;
    SnapshotRestorer::AlsoInside alsoInside;
};

namespace {

SnapshotRefused relayRefused(const RelayError &error)
{
    qCWarning(lcSync) << "snapshot: the relay answered" << error.httpStatus << error.code;
    SnapshotRefused refused = SnapshotFormat::refused(SnapshotRefusal::Relay);
    if (!error.message.isEmpty())
        refused.message = error.message;
    return refused;
}

} // namespace

bool SnapshotPolicy::shouldUpload(const SnapshotPolicyInput &input)
{
    if (input.changesSinceSnapshot <= 0 || input.pendingOut > 0)
        return false;
    const int factor = input.preferred ? 1 : 2;
    if (input.changesSinceSnapshot >= ManyChanges * factor)
        return true;
    // The first snapshot waits for ManyChanges too: until then every change stays on the relay, so
    // a computer joining with data of its own can still merge it change by change.
    if (!input.lastSnapshotAt)
        return false;
    return input.now - *input.lastSnapshotAt >= WeekMs * factor;
}

SnapshotService::SnapshotService(Database &database, RelayClient &relay, const OrgKeyRing &keys, const DeviceIdentity &me,
                                 QString org, QString device)
    : m_database(database)
    , m_relay(relay)
    , m_keys(keys)
    , m_me(me)
    , m_org(std::move(org))
    , m_device(std::move(device))
{ }

void SnapshotService::upload(qint64 covers, qint64 nowMs, const QCborMap &engineState, Done<SnapshotUploaded> done)
{
    auto blob = SnapshotWriter(m_database, m_keys, m_me, m_org, m_device).write(covers, nowMs, engineState);
    if (!blob) {
        done(std::unexpected(SnapshotRefused{SnapshotRefusal::Storage, blob.error().message}));
        return;
    }
    auto state = std::make_shared<SnapshotUploadState>();
    state->parts = SnapshotFormat::split(blob->bytes, RelayClient::SnapshotPartLimit);
    state->blob = std::move(*blob);
    state->done = std::move(done);
    putPart(std::move(state));
}

void SnapshotService::putPart(std::shared_ptr<SnapshotUploadState> state)
{
    if (state->next >= state->parts.size()) {
        const SnapshotBlob &b = state->blob;
        state->done(SnapshotUploaded{b.header, state->snapshotId, b.bytes.size(), int(state->parts.size()), b.counts});
        return;
    }
    const int part = state->next + 1;
    const SnapshotHeader &h = state->blob.header;
    m_relay.putSnapshotPart(part, int(state->parts.size()), h.covers, h.epoch, state->parts.at(state->next),
                            [this, state](RelayResult<RelaySnapshotInfo> answer) {
                                if (!answer) {
                                    state->done(std::unexpected(relayRefused(answer.error())));
                                    return;
                                }
                                state->snapshotId = answer->id;
                                ++state->next;
                                putPart(state);
                            });
}

void SnapshotService::restore(BatchCipher::DeviceLookup devices, Progress progress, Done<SnapshotRestored> done,
                              SnapshotRestorer::AlsoInside alsoInside)
{
    auto state = std::make_shared<SnapshotRestoreState>();
    state->alsoInside = std::move(alsoInside);
    state->devices = std::move(devices);
    state->progress = std::move(progress);
    state->done = std::move(done);
    // Refuse before downloading anything when there is nowhere to put it.
    const auto empty = SnapshotRestorer(m_database).isEmpty();
    if (!empty || !*empty) {
        state->done(std::unexpected(empty ? SnapshotFormat::refused(SnapshotRefusal::ProfileNotEmpty) : empty.error()));
        return;
    }
    m_relay.fetchSnapshot([this, state](RelayResult<std::optional<RelaySnapshotInfo>> answer) {
        if (!answer) {
            state->done(std::unexpected(relayRefused(answer.error())));
            return;
        }
        if (!*answer || (*answer)->parts <= 0) {
            state->done(std::unexpected(SnapshotFormat::refused(SnapshotRefusal::NoSnapshot)));
            return;
        }
        state->info = **answer;
        if (state->info.bytes > 0)
            state->bytes.reserve(state->info.bytes);
        state->downloading.parts = state->info.parts;
        fetchPart(state);
    });
}

void SnapshotService::fetchPart(std::shared_ptr<SnapshotRestoreState> state)
{
    if (state->next > state->info.parts) {
        auto opened = SnapshotReader::open(state->bytes, m_org, m_keys, state->devices);
        state->bytes.clear();
        if (!opened) {
            state->done(std::unexpected(opened.error()));
            return;
        }
        if (opened->header.covers != state->info.covers || opened->header.epoch != quint32(state->info.epoch)) {
            qCWarning(lcSync) << "snapshot: the relay's labels differ from the signed header";
            state->done(std::unexpected(SnapshotFormat::refused(SnapshotRefusal::BadSignature)));
            return;
        }
        const int parts = state->info.parts;
        const Progress outer = state->progress;
        const auto restored = SnapshotRestorer(m_database)
                                  .restore(
                                      *opened,
                                      [parts, outer](const SnapshotProgress &p) {
                                          if (!outer)
                                              return;
                                          SnapshotProgress withParts = p;
                                          withParts.parts = parts;
                                          withParts.partsFetched = parts;
                                          outer(withParts);
                                      },
                                      state->alsoInside);
        state->done(restored);
        return;
    }
    m_relay.fetchSnapshotPart(state->info.id, state->next, [this, state](RelayResult<QByteArray> answer) {
        if (!answer) {
            state->done(std::unexpected(relayRefused(answer.error())));
            return;
        }
        state->bytes += *answer;
        state->downloading.partsFetched = state->next;
        if (state->progress)
            state->progress(state->downloading);
        ++state->next;
        fetchPart(state);
    });
}

} // namespace kengele
