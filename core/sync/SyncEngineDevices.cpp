// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later
// SyncEngine's part for an administrator's computer: letting a new computer in (the safety code and
// the key grant), removing one (and rotating the key), and listing the church's computers. The
// sharing of changes itself (push, pull, parking, the join from the newcomer's side) is in
// SyncEngine.cpp.

#include "SyncEngine.h"

#include "JoinApprover.h"
#include "KeyGrant.h"
#include "RelayClient.h"
#include "ReplicaSqlFunctions.h"
#include "SafetyCode.h"
#include "SyncLog.h"
#include "security/Access.h"
#include "storage/Database.h"

#include <QPointer>
#include <QSqlQuery>

using namespace Qt::StringLiterals;

namespace kengele {

Result<QList<DeviceRecord>> SyncEngine::rosterWith(const DeviceRecord &extra) const
{
    Result<QList<DeviceRecord>> roster = m_roster.all();
    if (!roster)
        return roster;
    roster->removeIf([&extra](const DeviceRecord &r) { return r.id == extra.id; });
    roster->append(extra);
    return roster;
}

Status SyncEngine::mayAdminister() const
{
    if (Status allowed = Access::check(m_access, Permission::Administer); !allowed) {
        if (allowed.error().code == ErrorCode::Forbidden)
            return fail(ErrorCode::Forbidden, tr("Only an administrator may let a computer in or remove one."));
        return allowed;
    }
    return {};
}

void SyncEngine::approve(const QString &device, const QString &expectedCode, std::function<void(Result<SyncApproval>)> done)
{
    if (Status allowed = mayAdminister(); !allowed) {
        done(std::unexpected(allowed.error()));
        return;
    }
    QPointer<SyncEngine> self(this);
    prepare([self, device, expectedCode, done](Status prepared) {
        if (!self)
            return;
        if (!prepared) {
            done(std::unexpected(prepared.error()));
            return;
        }
        if (!self->m_ready) {
            done(fail(ErrorCode::Conflict, tr("This computer is not approved itself, so it cannot let another one in.")));
            return;
        }
        auto approver = std::make_shared<JoinApprover>(*self->m_identity, self->m_org, self->m_deviceId);
        const qint64 deadline = QDateTime::currentMSecsSinceEpoch() + qint64(self->m_options.approveWaitSeconds) * 1000;
        // Waits for the new computer's reveal, then compares codes and grants.
        auto finish = std::make_shared<std::function<void(const RelayJoinRequest &)>>();
        auto wait = std::make_shared<std::function<void(qint64)>>();
        *finish = [self, approver, device, expectedCode, done](const RelayJoinRequest &request) {
            if (Status revealed = approver->reveal(request.reveal); !revealed) {
                done(std::unexpected(revealed.error()));
                return;
            }
            SyncApproval out{device, approver->newcomerName(), approver->safetyCode(), false};
            if (expectedCode.trimmed().isEmpty()) {
                done(out);
                return;
            }
            if (!SafetyCode::same(expectedCode, approver->safetyCode())) {
                approver->reject();
                done(fail(ErrorCode::InvalidInput,
                          tr("The safety codes are not the same: the computer was not approved. Someone "
                             "may be interfering; check the code on the new computer again.")));
                return;
            }
            const DeviceRecord newcomer = approver->newcomerRecord();
            Result<QList<DeviceRecord>> roster = self->rosterWith(newcomer);
            if (!roster) {
                done(std::unexpected(roster.error()));
                return;
            }
            Result<QByteArray> grant = approver->approve(self->m_ring, *roster);
            if (!grant) {
                done(std::unexpected(grant.error()));
                return;
            }
            self->m_client.approveJoin(device, *grant, [self, newcomer, out, done](RelayResult<void> approved) mutable {
                if (!self)
                    return;
                if (!approved) {
                    done(std::unexpected(approved.error().toError()));
                    return;
                }
                if (Result<bool> merged = DeviceRoster::merge(self->m_database.connection(), newcomer, true, self->nowMs());
                    !merged) {
                    done(std::unexpected(merged.error()));
                    return;
                }
                out.approved = true;
                qCInfo(lcSync) << "computer approved:" << newcomer.id;
                self->pushNow([done, out](Status pushed) {
                    if (!pushed)
                        qCWarning(lcSync) << "the approval goes out with the next sync:" << pushed.error().message;
                    done(out);
                });
            });
        };
        *wait = [self, device, expectedCode, deadline, finish, wait, done](qint64 version) {
            const qint64 left = deadline - QDateTime::currentMSecsSinceEpoch();
            if (left <= 0 && expectedCode.trimmed().isEmpty()) {
                // Keys sent, no code yet: the new computer shows it at its next sync; run this again then.
                done(SyncApproval{device, QString(), QString(), false});
                return;
            }
            if (left <= 0) {
                done(fail(ErrorCode::Io,
                          tr("The new computer has not shown its safety code yet. Run the sync on it (it "
                             "must stay open), then try again.")));
                return;
            }
            // At least a second each time: a wait of 0 answers at once, and the last second would spin
            // against the relay's rate limit (it then answers 429, "the relay is busy").
            self->m_client.fetchJoinRequests(version, int(std::clamp<qint64>((left + 999) / 1000, 1, 25)),
                                             [self, device, finish, wait, done](RelayResult<RelayJoinRequests> requests) {
                                                 if (!self)
                                                     return;
                                                 if (!requests) {
                                                     done(std::unexpected(requests.error().toError()));
                                                     return;
                                                 }
                                                 for (const RelayJoinRequest &r : requests->requests) {
                                                     if (r.device == device && !r.reveal.isEmpty()) {
                                                         (*finish)(r);
                                                         return;
                                                     }
                                                 }
                                                 (*wait)(requests->version);
                                             });
        };
        self->m_client.fetchJoinRequests(
            -1, 0, [self, device, approver, finish, wait, done](RelayResult<RelayJoinRequests> requests) {
                if (!self)
                    return;
                if (!requests) {
                    done(std::unexpected(requests.error().toError()));
                    return;
                }
                const RelayJoinRequest *found = nullptr;
                for (const RelayJoinRequest &r : requests->requests) {
                    if (r.device == device)
                        found = &r;
                }
                if (!found) {
                    done(fail(ErrorCode::NotFound,
                              tr("No computer with that id is waiting to join. Run the sync on the new "
                                 "computer first.")));
                    return;
                }
                const RelayJoinRequest request = *found;
                const qint64 version = requests->version;
                if (!request.keys.isEmpty()) {
                    if (Status resumed = approver->resume(request.commitment, device, request.keys); !resumed) {
                        done(std::unexpected(resumed.error()));
                        return;
                    }
                    if (!request.reveal.isEmpty())
                        (*finish)(request);
                    else
                        (*wait)(version);
                    return;
                }
                Result<QByteArray> answer = approver->request(request.commitment, device);
                if (!answer) {
                    done(std::unexpected(answer.error()));
                    return;
                }
                self->m_client.sendJoinKeys(device, *answer, [self, version, wait, done](RelayResult<void> sent) {
                    if (!self)
                        return;
                    if (!sent) {
                        done(std::unexpected(sent.error().toError()));
                        return;
                    }
                    (*wait)(version);
                });
            });
    });
}

void SyncEngine::removeDevice(const QString &device, Done done)
{
    if (Status allowed = mayAdminister(); !allowed) {
        done(allowed);
        return;
    }
    QPointer<SyncEngine> self(this);
    prepare([self, device, done](Status prepared) {
        if (!self)
            return;
        if (!prepared || !self->m_ready) {
            done(prepared ? fail(ErrorCode::Conflict, tr("This computer is not approved itself.")) : prepared);
            return;
        }
        if (device == self->m_deviceId) {
            done(fail(ErrorCode::InvalidInput, tr("A computer cannot remove itself; remove it from another one.")));
            return;
        }
        self->m_client.removeDevice(device, [self, device, done](RelayResult<void> removed) {
            if (!self)
                return;
            if (!removed) {
                done(std::unexpected(removed.error().toError()));
                return;
            }
            // Everything it posted before the relay revoked it is in the feed now: read to the end, so
            // the feed position noted is past all of its genuine batches.
            self->pullUntilCaughtUp([self, device, done](Status pulled) {
                if (!self)
                    return;
                if (!pulled) {
                    done(pulled);
                    return;
                }
                const quint32 epoch = self->m_ring.rotate();
                if (Status saved = self->m_ring.save(self->m_secrets); !saved) {
                    done(saved);
                    return;
                }
                const QSqlDatabase db = self->m_database.connection();
                std::optional<DeviceRecord> record = DeviceRoster::find(db, device);
                if (record) {
                    record->state = DeviceRecord::State::Removed;
                    record->removedAtEpoch = epoch;
                    record->removedAtCursor = self->cursor();
                    if (Result<bool> merged = DeviceRoster::merge(db, *record, true, self->nowMs()); !merged) {
                        done(std::unexpected(merged.error()));
                        return;
                    }
                }
                Result<QList<DeviceRecord>> roster = self->m_roster.all();
                if (!roster) {
                    done(std::unexpected(roster.error()));
                    return;
                }
                Result<QList<AddressedGrant>> grants
                    = KeyGrant::forRotation(*self->m_identity, self->m_org, self->m_deviceId, self->m_ring, epoch, *roster);
                if (!grants) {
                    done(std::unexpected(grants.error()));
                    return;
                }
                QList<std::pair<QString, QByteArray>> addressed;
                for (const AddressedGrant &g : *grants)
                    addressed.append({g.recipient, g.blob});
                qCInfo(lcSync) << "computer removed:" << device << "new key epoch" << epoch;
                auto thenPush = [self, done](Status) {
                    if (self)
                        self->pushNow(done);
                };
                if (addressed.isEmpty()) {
                    thenPush({});
                    return;
                }
                self->m_client.postKeyGrants(epoch, addressed, [thenPush, done](RelayResult<int> posted) {
                    if (!posted) {
                        done(std::unexpected(posted.error().toError()));
                        return;
                    }
                    thenPush({});
                });
            });
        });
    });
}

void SyncEngine::listDevices(std::function<void(Result<QList<SyncDeviceEntry>>)> done)
{
    QPointer<SyncEngine> self(this);
    m_client.fetchDevices([self, done](RelayResult<QList<RelayDeviceInfo>> devices) {
        if (!self)
            return;
        if (!devices) {
            done(std::unexpected(devices.error().toError()));
            return;
        }
        QList<SyncDeviceEntry> out;
        for (const RelayDeviceInfo &d : *devices) {
            SyncDeviceEntry e;
            e.device = d.device;
            e.name = d.name;
            e.approved = d.approved && !d.revoked;
            e.pending = d.pending;
            e.removed = d.revoked;
            e.lastSeen = d.lastSeen;
            e.isThis = d.isThis;
            if (e.isThis) {
                e.user = self->m_database.replicaContext().user();
            } else {
                QSqlQuery who(self->m_database.connection());
                who.prepare(u"SELECT value FROM meta WHERE key = ?"_s);
                who.addBindValue(QString(u"sync.user."_s + d.device));
                if (who.exec() && who.next())
                    e.user = who.value(0).toString();
            }
            if (std::optional<DeviceRecord> record = self->m_roster.find(d.device)) {
                e.inRoster = record->state == DeviceRecord::State::Approved;
                e.removed = e.removed || record->state == DeviceRecord::State::Removed;
            }
            out.append(e);
        }
        done(out);
    });
}

} // namespace kengele
