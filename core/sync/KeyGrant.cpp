// SPDX-FileCopyrightText: 2026 Kengele contributors
// SPDX-License-Identifier: GPL-3.0-or-later

#include "KeyGrant.h"

#include "DeviceIdentity.h"
#include "OrgWire.h"
#include "SyncLog.h"
#include "security/SecretBytes.h"

#include <QtEndian>

#include <sodium.h>

namespace kengele {

namespace {

constexpr char SignatureDomain[] = "Kengele grant 1";
static_assert(sizeof SignatureDomain == 16);
constexpr qsizetype MaxIdChars = 200;
constexpr qsizetype MaxNameChars = 200;
constexpr qsizetype MaxContextBytes = 64;

struct Parsed {
    KeyGrantHeader header;
    QByteArrayView sealed;
    QByteArrayView signature;
    QByteArrayView signedPart; // everything before the signature
};

std::optional<Parsed> parse(QByteArrayView blob)
{
    if (blob.size() > KeyGrant::MaxBytes || blob.size() < 2 + crypto_sign_BYTES)
        return std::nullopt;
    orgwire::Reader in(blob.first(blob.size() - crypto_sign_BYTES));
    Parsed out;
    if (in.u8() != KeyGrant::Version)
        return std::nullopt;
    const quint8 kind = in.u8();
    if (kind != quint8(KeyGrantKind::Join) && kind != quint8(KeyGrantKind::Rotation))
        return std::nullopt;
    out.header.kind = KeyGrantKind(kind);
    out.header.org = in.text16(MaxIdChars);
    out.header.granter = in.text16(MaxIdChars);
    out.header.recipient = in.text16(MaxIdChars);
    const QByteArrayView context = in.bytes16();
    if (context.size() > MaxContextBytes)
        return std::nullopt;
    out.header.context = context.toByteArray();
    out.sealed = in.bytes32(KeyGrant::MaxBytes);
    if (!in.atEnd() || out.sealed.size() < qsizetype(crypto_box_SEALBYTES))
        return std::nullopt;
    out.signedPart = blob.first(blob.size() - crypto_sign_BYTES);
    out.signature = blob.last(crypto_sign_BYTES);
    return out;
}

// What is signed: the domain, the header, the recipient's box key, the sealed payload.
QByteArray signedMessage(const KeyGrantHeader &header, const QByteArray &recipientBox, QByteArrayView sealed)
{
    orgwire::Writer out(16 + 128 + recipientBox.size() + sealed.size());
    out.raw(QByteArrayView(SignatureDomain, sizeof SignatureDomain))
        .u8(KeyGrant::Version)
        .u8(quint8(header.kind))
        .text16(header.org)
        .text16(header.granter)
        .text16(header.recipient)
        .bytes16(header.context)
        .raw(recipientBox)
        .bytes32(sealed);
    return out.bytes();
}

QByteArray serializePayload(const OrgKeyRing &ring, const QList<DeviceRecord> &roster)
{
    const SecretBytes keys = ring.serialize();
    // Reserved to the byte: growing would leave a copy of the keys in freed memory.
    qsizetype size = 1 + 4 + keys.size() + 2;
    for (const DeviceRecord &device : roster)
        size += 2 + device.id.left(MaxIdChars).toUtf8().size() + 2 + device.name.left(MaxNameChars).toUtf8().size()
            + device.keys.box.size() + device.keys.sign.size() + 1 + 4 + 8;
    orgwire::Writer out(size);
    out.u8(KeyGrant::Version).bytes32(keys.view()).u16(quint16(roster.size()));
    for (const DeviceRecord &device : roster)
        out.text16(device.id.left(MaxIdChars))
            .text16(device.name.left(MaxNameChars))
            .raw(device.keys.box)
            .raw(device.keys.sign)
            .u8(quint8(device.state))
            .u32(device.removedAtEpoch)
            .u64(quint64(device.removedAtCursor));
    return out.bytes();
}

std::optional<KeyGrantContents> parsePayload(QByteArrayView payload)
{
    orgwire::Reader in(payload);
    if (in.u8() != KeyGrant::Version)
        return std::nullopt;
    const QByteArrayView keys = in.bytes32(KeyGrant::MaxBytes);
    if (!in.ok())
        return std::nullopt;
    Result<OrgKeyRing> ring = OrgKeyRing::deserialize(keys);
    if (!ring)
        return std::nullopt;
    KeyGrantContents contents{std::move(*ring), {}};
    const quint16 count = in.u16();
    if (count > KeyGrant::MaxRoster)
        return std::nullopt;
    for (quint16 i = 0; i < count && in.ok(); ++i) {
        DeviceRecord device;
        device.id = in.text16(MaxIdChars);
        device.name = in.text16(MaxNameChars);
        device.keys.box = in.raw(crypto_box_PUBLICKEYBYTES).toByteArray();
        device.keys.sign = in.raw(crypto_sign_PUBLICKEYBYTES).toByteArray();
        const quint8 state = in.u8();
        if (state > quint8(DeviceRecord::State::Removed))
            return std::nullopt;
        device.state = DeviceRecord::State(state);
        device.removedAtEpoch = in.u32();
        device.removedAtCursor = qint64(in.u64());
        contents.roster.append(device);
    }
    if (!in.atEnd())
        return std::nullopt;
    return contents;
}

Error refused(const QString &why)
{
    qCWarning(lcSync) << "key grant refused";
    return {ErrorCode::InvalidInput, why};
}

} // namespace

Result<QByteArray> KeyGrant::make(const DeviceIdentity &granter, const Address &address, const OrgKeyRing &ring,
                                  const QList<DeviceRecord> &roster)
{
    if (sodium_init() < 0 || !granter.isValid() || ring.isEmpty())
        return fail(ErrorCode::Keychain, tr("This computer does not hold the congregation's shared key."));
    if (!address.recipient.isValid() || address.org.isEmpty() || address.granterId.isEmpty() || address.recipientId.isEmpty()
        || address.org.size() > MaxIdChars || address.granterId.size() > MaxIdChars || address.recipientId.size() > MaxIdChars
        || address.context.size() > MaxContextBytes || roster.size() > MaxRoster)
        return fail(ErrorCode::InvalidInput, tr("The computer to give the key to is not known well enough."));
    for (const DeviceRecord &device : roster)
        if (!device.keys.isValid() || device.id.isEmpty())
            return fail(ErrorCode::InvalidInput, tr("The list of the congregation's computers is incomplete."));

    QByteArray payload = serializePayload(ring, roster);
    QByteArray sealed(payload.size() + crypto_box_SEALBYTES, '\0');
    const int done = crypto_box_seal(reinterpret_cast<unsigned char *>(sealed.data()),
                                     reinterpret_cast<const unsigned char *>(payload.constData()), quint64(payload.size()),
                                     reinterpret_cast<const unsigned char *>(address.recipient.box.constData()));
    wipe(payload);
    if (done != 0)
        return fail(ErrorCode::InvalidInput, tr("The computer to give the key to is not known well enough."));

    const KeyGrantHeader header{address.kind, address.org, address.granterId, address.recipientId, address.context};
    const QByteArray signature = granter.sign(signedMessage(header, address.recipient.box, sealed));
    orgwire::Writer out(sealed.size() + 256);
    out.u8(Version)
        .u8(quint8(address.kind))
        .text16(address.org)
        .text16(address.granterId)
        .text16(address.recipientId)
        .bytes16(address.context)
        .bytes32(sealed)
        .raw(signature);
    if (out.bytes().size() > MaxBytes)
        return fail(ErrorCode::InvalidInput, tr("The computer to give the key to is not known well enough."));
    return out.bytes();
}

Result<KeyGrantHeader> KeyGrant::peek(QByteArrayView blob)
{
    const std::optional<Parsed> parsed = parse(blob);
    if (!parsed)
        return std::unexpected(refused(tr("The key sent by another computer is damaged.")));
    return parsed->header;
}

Result<KeyGrantContents> KeyGrant::open(QByteArrayView blob, const DeviceIdentity &me, const Expect &expect)
{
    const std::optional<Parsed> parsed = parse(blob);
    if (!parsed || sodium_init() < 0)
        return std::unexpected(refused(tr("The key sent by another computer is damaged.")));
    const KeyGrantHeader &header = parsed->header;
    if (header.kind != expect.kind || header.org != expect.org || header.recipient != expect.recipientId
        || header.granter != expect.granterId || header.context != expect.context)
        return std::unexpected(refused(tr("The key sent by another computer was not meant for this computer.")));
    const QByteArray message = signedMessage(header, me.publicKeys().box, parsed->sealed);
    if (expect.granterSignKey.size() != crypto_sign_PUBLICKEYBYTES
        || crypto_sign_verify_detached(reinterpret_cast<const unsigned char *>(parsed->signature.data()),
                                       reinterpret_cast<const unsigned char *>(message.constData()), quint64(message.size()),
                                       reinterpret_cast<const unsigned char *>(expect.granterSignKey.constData()))
            != 0)
        return std::unexpected(refused(tr("The key sent was not signed by the computer that approved this one. It was "
                                          "not used.")));
    const std::optional<SecretBytes> payload = me.openSealed(parsed->sealed);
    if (!payload)
        return std::unexpected(refused(tr("The key sent by another computer could not be unlocked on this computer.")));
    std::optional<KeyGrantContents> contents = parsePayload(payload->view());
    if (!contents)
        return std::unexpected(refused(tr("The key sent by another computer is damaged.")));
    return std::move(*contents);
}

Result<QList<AddressedGrant>> KeyGrant::forRotation(const DeviceIdentity &me, const QString &org, const QString &myId,
                                                    const OrgKeyRing &ring, quint32 epoch, const QList<DeviceRecord> &roster)
{
    const OrgKeyRing one = ring.onlyEpoch(epoch);
    if (one.isEmpty())
        return fail(ErrorCode::Keychain, tr("This computer does not hold the congregation's new key."));
    QByteArray context(4, '\0');
    qToBigEndian(epoch, context.data());
    QList<AddressedGrant> grants;
    for (const DeviceRecord &device : roster) {
        if (device.state != DeviceRecord::State::Approved || device.id == myId)
            continue;
        Result<QByteArray> grant
            = make(me, Address{KeyGrantKind::Rotation, org, myId, device.id, device.keys, context}, one, roster);
        if (!grant)
            return std::unexpected(grant.error());
        grants.append({device.id, *grant});
    }
    return grants;
}

Result<KeyGrantContents> KeyGrant::openRotation(QByteArrayView blob, const DeviceIdentity &me, const QString &org,
                                                const QString &myId, const DeviceLookup &devices)
{
    Result<KeyGrantHeader> header = peek(blob);
    if (!header)
        return std::unexpected(header.error());
    const std::optional<DeviceRecord> granter = devices ? devices(header->granter) : std::nullopt;
    if (!granter || granter->id != header->granter || granter->state != DeviceRecord::State::Approved)
        return std::unexpected(refused(tr("A new key was sent by a computer that is not approved. It was not used.")));
    if (header->context.size() != 4)
        return std::unexpected(refused(tr("The key sent by another computer is damaged.")));
    const quint32 epoch = qFromBigEndian<quint32>(header->context.constData());
    Result<KeyGrantContents> contents
        = open(blob, me, Expect{KeyGrantKind::Rotation, org, myId, granter->id, granter->keys.sign, header->context});
    if (!contents)
        return contents;
    if (contents->ring.epochs() != QList<quint32>{epoch})
        return std::unexpected(refused(tr("The key sent by another computer is damaged.")));
    return contents;
}

} // namespace kengele
