// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "FuzzTargets.h"
#include "sync/BatchCipher.h"
#include "sync/DeviceIdentity.h"
#include "sync/JoinApprover.h"
#include "sync/JoinMessages.h"
#include "sync/JoinNewcomer.h"
#include "sync/KeyGrant.h"
#include "sync/OrgKeyRing.h"

#include <QDir>
#include <QFile>

namespace kengele::fuzz {

namespace {

const QString Org = QStringLiteral("org_fuzz");
const QString Office = QStringLiteral("dev_office");
const QString Laptop = QStringLiteral("dev_laptop");

// Keys made once per process: nothing random that reaches the parsers can be signed or sealed with
// them, so every input must be refused by the checks that need them.
struct Keys {
    OrgKeyRing ring = OrgKeyRing::createFirst();
    DeviceIdentity office = DeviceIdentity::generate();
    DeviceIdentity laptop = DeviceIdentity::generate();
    QList<DeviceRecord> roster{{Office, Office, office.publicKeys(), DeviceRecord::State::Approved, 0, 0},
                               {Laptop, Laptop, laptop.publicKeys(), DeviceRecord::State::Approved, 0, 0}};
    BatchCipher cipher{Org, ring};

    std::optional<DeviceRecord> find(const QString &id) const
    {
        for (const DeviceRecord &device : roster)
            if (device.id == id)
                return device;
        return std::nullopt;
    }
};

Keys &keys()
{
    static Keys k;
    return k;
}

} // namespace

void orgCrypto(QByteArrayView bytes)
{
    if (bytes.isEmpty())
        return;
    Keys &k = keys();
    const auto lookup = [&k](const QString &id) {
        return k.find(id);
    };
    const QByteArrayView input = bytes.sliced(1);
    switch (quint8(bytes[0]) % 6) {
    case 0: { // a batch from the relay, labelled as the office's
        const auto opened = k.cipher.open(BatchLabel{Org, Office, 1, 1, 1}, input, lookup, {});
        require(!opened.has_value(), "bytes nobody signed opened as a batch");
        break;
    }
    case 1: { // a join request reaching the office, then the same bytes as its reveal
        JoinApprover office(k.office, Org, Office);
        if (const Result<QByteArray> answer = office.request(input, Laptop)) {
            require(join::decodeAnswer(*answer).has_value(), "the office's answer does not read back");
            require(!office.reveal(input).has_value(), "a request was taken as a reveal");
        }
        break;
    }
    case 2: { // an answer reaching the laptop, then the same bytes as its grant
        JoinNewcomer laptop(k.laptop, Org, Laptop, QStringLiteral("Laptop"));
        require(laptop.request().has_value(), "the laptop could not ask to join");
        if (const Result<QByteArray> reveal = laptop.answer(input)) {
            require(join::decodeReveal(*reveal).has_value(), "the laptop's reveal does not read back");
            require(laptop.safetyCode().size() == 9, "no safety code after the answer");
        }
        require(!laptop.grant(input).has_value(), "unsigned bytes taken as a grant");
        break;
    }
    case 3: { // a grant reaching the laptop
        if (const Result<KeyGrantHeader> header = KeyGrant::peek(input)) {
            const KeyGrant::Expect expect{header->kind, Org, Laptop, Office, k.office.publicKeys().sign, header->context};
            require(!KeyGrant::open(input, k.laptop, expect).has_value(), "a grant nobody signed was opened");
        }
        require(!KeyGrant::openRotation(input, k.laptop, Org, Laptop, lookup).has_value(), "a rotation nobody signed was used");
        break;
    }
    case 4: { // a key ring as the keychain or a grant holds it
        if (const Result<OrgKeyRing> ring = OrgKeyRing::deserialize(input))
            require(ring->serialize().view() == input, "a key ring does not write back the same");
        break;
    }
    case 5: { // each join message read back as it was written
        if (const auto request = join::decodeRequest(input))
            require(join::encode(*request) == input, "a join request does not write back the same");
        if (const auto answer = join::decodeAnswer(input))
            require(join::encode(*answer) == input, "a join answer does not write back the same");
        if (const auto reveal = join::decodeReveal(input))
            require(join::encode(*reveal) == input, "a join reveal does not write back the same");
        break;
    }
    }
}

bool writeOrgCryptoSeeds(const QString &dir)
{
    // Well-formed messages from other keys: the fuzzer starts from the real layouts.
    const DeviceIdentity office = DeviceIdentity::generate();
    const DeviceIdentity laptop = DeviceIdentity::generate();
    OrgKeyRing ring = OrgKeyRing::createFirst();
    ring.rotate();
    JoinNewcomer newcomer(laptop, Org, Laptop, QStringLiteral("Office laptop"));
    JoinApprover approver(office, Org, Office);
    const QByteArray request = *newcomer.request();
    const QByteArray answer = *approver.request(request, Laptop);
    const QByteArray reveal = *newcomer.answer(answer);
    if (!approver.reveal(reveal))
        return false;
    const QByteArray grant = *approver.approve(ring, {approver.newcomerRecord()});
    const QByteArray batch = BatchCipher(Org, ring).seal(office, Office, 1, "a few changes")->blob;
    const QList<std::pair<const char *, QByteArray>> seeds = {
        {"batch", '\0' + batch},
        {"join_request", '\1' + request},
        {"join_answer", '\2' + answer},
        {"join_grant", '\3' + grant},
        {"key_ring", '\4' + ring.serialize().view().toByteArray()},
        {"join_reveal", '\5' + reveal},
    };
    QDir().mkpath(dir);
    for (const auto &[name, bytes] : seeds) {
        QFile file(QDir(dir).filePath(QString::fromLatin1(name)));
        if (!file.open(QIODevice::WriteOnly) || file.write(bytes) != bytes.size())
            return false;
    }
    return true;
}

} // namespace kengele::fuzz
