using System;
using NetGuard.Cryptography;
using NetGuard.Diagnostics;

namespace NetGuard.Updates
{
    /// <summary>
    /// The vendor keys the device trusts for updates and announcements, with a version number and a list of revoked
    /// key ids. Key 0 is the root: it alone signs the next key list (<see cref="TryApplyKeyList"/>); every listed key
    /// that is not revoked may sign packages and announcements. A key id is the first 8 bytes of SHA-256 of the
    /// 32-byte Ed25519 public key. Immutable. The wire layout (docs/update-format.md, "Key list"):
    /// "NGKL", format 1, key count (1..8), revoked count (0..32), 0, version u32, keys, revoked ids, signer key id,
    /// Ed25519 signature over everything before it.
    /// </summary>
    public sealed class TrustedKeyRing
    {
        // The key-list magic "NGKL"; private so no caller can change the shared array.
        private static readonly byte[] Magic = { 0x4E, 0x47, 0x4B, 0x4C };

        /// <summary>Most keys a list may hold.</summary>
        public const int MaxKeys = 8;

        /// <summary>Most revoked key ids a ring keeps.</summary>
        public const int MaxRevoked = 32;

        private const int FixedSize = 12;
        private readonly byte[][] _keys;
        private readonly byte[][] _keyIds;
        private readonly byte[][] _revoked;

        /// <summary>
        /// Creates a ring. Throws <see cref="ArgumentNullException"/> or <see cref="ArgumentOutOfRangeException"/> for
        /// no keys, more than 8, a key not 32 bytes, more than 32 revoked ids, an id not 8 bytes, or a revoked root.
        /// </summary>
        /// <param name="version">The list version; a replacement must be higher.</param>
        /// <param name="publicKeys">Ed25519 public keys, root first; copied.</param>
        /// <param name="revokedKeyIds">8-byte ids of revoked keys (may be empty); copied.</param>
        public TrustedKeyRing(uint version, byte[][] publicKeys, byte[][] revokedKeyIds)
        {
            ArgumentNullException.ThrowIfNull(publicKeys, nameof(publicKeys));
            ArgumentNullException.ThrowIfNull(revokedKeyIds, nameof(revokedKeyIds));

            if (publicKeys.Length == 0 || publicKeys.Length > MaxKeys)
            {
                throw new ArgumentOutOfRangeException(nameof(publicKeys));
            }

            if (revokedKeyIds.Length > MaxRevoked)
            {
                throw new ArgumentOutOfRangeException(nameof(revokedKeyIds));
            }

            _keys = new byte[publicKeys.Length][];
            _keyIds = new byte[publicKeys.Length][];
            for (int i = 0; i < publicKeys.Length; i++)
            {
                if (publicKeys[i] == null || publicKeys[i].Length != UpdatePackageFormat.PublicKeySize)
                {
                    throw new ArgumentOutOfRangeException(nameof(publicKeys));
                }

                _keys[i] = (byte[])publicKeys[i].Clone();
                _keyIds[i] = ComputeKeyId(publicKeys[i]);
            }

            _revoked = new byte[revokedKeyIds.Length][];
            for (int i = 0; i < revokedKeyIds.Length; i++)
            {
                if (revokedKeyIds[i] == null || revokedKeyIds[i].Length != UpdatePackageFormat.KeyIdSize)
                {
                    throw new ArgumentOutOfRangeException(nameof(revokedKeyIds));
                }

                _revoked[i] = (byte[])revokedKeyIds[i].Clone();
            }

            if (IsRevoked(_keyIds[0], 0))
            {
                throw new ArgumentOutOfRangeException(nameof(revokedKeyIds), "The root key cannot be revoked in its own ring.");
            }

            Version = version;
        }

        /// <summary>The list version.</summary>
        public uint Version { get; }

        /// <summary>Number of keys (revoked ones included).</summary>
        public int KeyCount
        {
            get { return _keys.Length; }
        }

        /// <summary>Number of revoked key ids.</summary>
        public int RevokedCount
        {
            get { return _revoked.Length; }
        }

        /// <summary>A copy of key <paramref name="index"/> (0 is the root).</summary>
        /// <param name="index">0 to <see cref="KeyCount"/> - 1.</param>
        /// <returns>The 32-byte public key.</returns>
        public byte[] GetKey(int index)
        {
            if (index < 0 || index >= _keys.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return (byte[])_keys[index].Clone();
        }

        /// <summary>A copy of revoked id <paramref name="index"/>.</summary>
        /// <param name="index">0 to <see cref="RevokedCount"/> - 1.</param>
        /// <returns>The 8-byte key id.</returns>
        public byte[] GetRevokedKeyId(int index)
        {
            if (index < 0 || index >= _revoked.Length)
            {
                throw new ArgumentOutOfRangeException(nameof(index));
            }

            return (byte[])_revoked[index].Clone();
        }

        /// <summary>The key id of a public key: the first 8 bytes of its SHA-256.</summary>
        /// <param name="publicKey">A 32-byte Ed25519 public key.</param>
        /// <returns>A new 8-byte array.</returns>
        public static byte[] ComputeKeyId(byte[] publicKey)
        {
            ArgumentNullException.ThrowIfNull(publicKey, nameof(publicKey));

            if (publicKey.Length != UpdatePackageFormat.PublicKeySize)
            {
                throw new ArgumentOutOfRangeException(nameof(publicKey));
            }

            byte[] digest = Sha256.Hash(publicKey);
            byte[] id = new byte[UpdatePackageFormat.KeyIdSize];
            Array.Copy(digest, 0, id, 0, id.Length);
            return id;
        }

        /// <summary>
        /// Finds the key with the 8-byte id at <paramref name="offset"/>: <see cref="ReasonCode.KeyRevoked"/> when the
        /// id is revoked, <see cref="ReasonCode.KeyUnknown"/> when no key has it, else Accepted with the key.
        /// </summary>
        /// <param name="keyId">Array holding the id.</param>
        /// <param name="offset">First id byte.</param>
        /// <param name="publicKey">The key (the ring's own array: do not modify), or null.</param>
        /// <returns>The outcome.</returns>
        public ReasonCode FindKey(byte[] keyId, int offset, out byte[] publicKey)
        {
            ByteRange.Check(keyId, offset, UpdatePackageFormat.KeyIdSize);
            publicKey = null;
            if (IsRevoked(keyId, offset))
            {
                return ReasonCode.KeyRevoked;
            }

            for (int i = 0; i < _keyIds.Length; i++)
            {
                if (LittleEndian.BytesEqualVar(_keyIds[i], 0, keyId, offset, UpdatePackageFormat.KeyIdSize))
                {
                    publicKey = _keys[i];
                    return ReasonCode.Accepted;
                }
            }

            return ReasonCode.KeyUnknown;
        }

        /// <summary>
        /// Checks a signature made by the key with id <paramref name="keyId"/>: KeyRevoked, KeyUnknown,
        /// SignatureInvalid or Accepted.
        /// </summary>
        /// <param name="keyId">Array holding the signer's 8-byte id.</param>
        /// <param name="keyIdOffset">First id byte.</param>
        /// <param name="message">The signed bytes.</param>
        /// <param name="messageOffset">First signed byte.</param>
        /// <param name="messageCount">Number of signed bytes.</param>
        /// <param name="signature">Array holding the 64-byte signature.</param>
        /// <param name="signatureOffset">First signature byte.</param>
        /// <returns>The outcome.</returns>
        public ReasonCode VerifySignature(byte[] keyId, int keyIdOffset, byte[] message, int messageOffset, int messageCount, byte[] signature, int signatureOffset)
        {
            ByteRange.Check(message, messageOffset, messageCount);
            ByteRange.Check(signature, signatureOffset, UpdatePackageFormat.SignatureSize);
            byte[] key;
            ReasonCode found = FindKey(keyId, keyIdOffset, out key);
            if (found != ReasonCode.Accepted)
            {
                return found;
            }

            if (!Ed25519.Verify(key, 0, message, messageOffset, messageCount, signature, signatureOffset))
            {
                return ReasonCode.SignatureInvalid;
            }

            return ReasonCode.Accepted;
        }

        /// <summary>
        /// Accepts a signed key list that replaces this ring: it must parse (Malformed, Truncated, TooLarge,
        /// UnsupportedVersion), be signed by this ring's root key (KeyUnknown when another key signed it, KeyRevoked,
        /// SignatureInvalid), and carry a higher version (NotNewer). Revocations accumulate: the new ring revokes
        /// everything this one did plus the list's own (TooLarge past 32); a list whose root is revoked is Malformed.
        /// </summary>
        /// <param name="data">The bytes.</param>
        /// <param name="offset">First byte.</param>
        /// <param name="count">Length; exactly one key list.</param>
        /// <param name="next">The new ring, or null.</param>
        /// <param name="reason">Accepted, or why the list was refused.</param>
        /// <returns>True when <paramref name="next"/> holds the new ring.</returns>
        public bool TryApplyKeyList(byte[] data, int offset, int count, out TrustedKeyRing next, out ReasonCode reason)
        {
            ByteRange.Check(data, offset, count);
            next = null;
            byte[][] keys;
            byte[][] revoked;
            uint version;
            int signedLength;
            if (!TryParseLayout(data, offset, count, out version, out keys, out revoked, out signedLength, out reason))
            {
                return false;
            }

            reason = ReasonCode.KeyUnknown;
            int signerOffset = offset + signedLength - UpdatePackageFormat.KeyIdSize;
            if (IsRevoked(data, signerOffset))
            {
                reason = ReasonCode.KeyRevoked;
                return false;
            }

            if (!LittleEndian.BytesEqualVar(_keyIds[0], 0, data, signerOffset, UpdatePackageFormat.KeyIdSize))
            {
                return false;
            }

            reason = ReasonCode.SignatureInvalid;
            if (!Ed25519.Verify(_keys[0], 0, data, offset, signedLength, data, offset + signedLength))
            {
                return false;
            }

            reason = ReasonCode.NotNewer;
            if (version <= Version)
            {
                return false;
            }

            // Union of old and new revocations: a key once revoked stays revoked.
            byte[][] merged = new byte[_revoked.Length + revoked.Length][];
            int mergedCount = 0;
            for (int i = 0; i < _revoked.Length; i++)
            {
                merged[mergedCount++] = _revoked[i];
            }

            for (int i = 0; i < revoked.Length; i++)
            {
                if (!IsRevoked(revoked[i], 0))
                {
                    merged[mergedCount++] = revoked[i];
                }
            }

            reason = ReasonCode.TooLarge;
            if (mergedCount > MaxRevoked)
            {
                return false;
            }

            byte[][] final = new byte[mergedCount][];
            Array.Copy(merged, final, mergedCount);
            byte[] newRootId = ComputeKeyId(keys[0]);
            for (int i = 0; i < mergedCount; i++)
            {
                if (LittleEndian.BytesEqualVar(final[i], 0, newRootId, 0, UpdatePackageFormat.KeyIdSize))
                {
                    reason = ReasonCode.Malformed;
                    return false;
                }
            }

            next = new TrustedKeyRing(version, keys, final);
            reason = ReasonCode.Accepted;
            return true;
        }

        /// <summary>
        /// The key-list bytes to sign for this ring, naming <paramref name="signerKeyId"/> as the signer (the current
        /// root's id). Append the 64-byte signature to get the list <see cref="TryApplyKeyList"/> reads.
        /// </summary>
        /// <param name="signerKeyId">8-byte id of the signing root key.</param>
        /// <returns>A new array.</returns>
        public byte[] ToSignedPortion(byte[] signerKeyId)
        {
            ArgumentNullException.ThrowIfNull(signerKeyId, nameof(signerKeyId));

            if (signerKeyId.Length != UpdatePackageFormat.KeyIdSize)
            {
                throw new ArgumentOutOfRangeException(nameof(signerKeyId));
            }

            int length = FixedSize + (_keys.Length * UpdatePackageFormat.PublicKeySize) + (_revoked.Length * UpdatePackageFormat.KeyIdSize) + UpdatePackageFormat.KeyIdSize;
            byte[] buffer = new byte[length];
            Array.Copy(Magic, 0, buffer, 0, 4);
            buffer[4] = 1;
            buffer[5] = (byte)_keys.Length;
            buffer[6] = (byte)_revoked.Length;
            buffer[7] = 0;
            LittleEndian.WriteUInt32(buffer, 8, Version);
            int p = FixedSize;
            for (int i = 0; i < _keys.Length; i++)
            {
                Array.Copy(_keys[i], 0, buffer, p, UpdatePackageFormat.PublicKeySize);
                p += UpdatePackageFormat.PublicKeySize;
            }

            for (int i = 0; i < _revoked.Length; i++)
            {
                Array.Copy(_revoked[i], 0, buffer, p, UpdatePackageFormat.KeyIdSize);
                p += UpdatePackageFormat.KeyIdSize;
            }

            Array.Copy(signerKeyId, 0, buffer, p, UpdatePackageFormat.KeyIdSize);
            return buffer;
        }

        /// <summary>
        /// The ring in key-list layout with its own root as signer and an all-zero signature: for the device's own
        /// record store (trusted storage), read back with <see cref="TryLoad"/>.
        /// </summary>
        /// <returns>A new array.</returns>
        public byte[] ToRecord()
        {
            byte[] signed = ToSignedPortion(_keyIds[0]);
            byte[] record = new byte[signed.Length + UpdatePackageFormat.SignatureSize];
            Array.Copy(signed, 0, record, 0, signed.Length);
            return record;
        }

        /// <summary>Reads a ring written by <see cref="ToRecord"/> without checking a signature; false for bad bytes.</summary>
        /// <param name="data">The record bytes.</param>
        /// <param name="ring">The ring, or null.</param>
        /// <returns>True when the record holds a valid ring.</returns>
        public static bool TryLoad(byte[] data, out TrustedKeyRing ring)
        {
            ring = null;
            if (data == null)
            {
                return false;
            }

            byte[][] keys;
            byte[][] revoked;
            uint version;
            int signedLength;
            ReasonCode reason;
            if (!TryParseLayout(data, 0, data.Length, out version, out keys, out revoked, out signedLength, out reason))
            {
                return false;
            }

            byte[] rootId = ComputeKeyId(keys[0]);
            for (int i = 0; i < revoked.Length; i++)
            {
                if (LittleEndian.BytesEqualVar(revoked[i], 0, rootId, 0, UpdatePackageFormat.KeyIdSize))
                {
                    return false;
                }
            }

            ring = new TrustedKeyRing(version, keys, revoked);
            return true;
        }

        private static bool TryParseLayout(byte[] data, int offset, int count, out uint version, out byte[][] keys, out byte[][] revoked, out int signedLength, out ReasonCode reason)
        {
            version = 0;
            keys = null;
            revoked = null;
            signedLength = 0;
            reason = ReasonCode.Truncated;
            if (count < FixedSize)
            {
                return false;
            }

            reason = ReasonCode.Malformed;
            if (!LittleEndian.BytesEqualVar(data, offset, Magic, 0, 4) || data[offset + 7] != 0)
            {
                return false;
            }

            reason = ReasonCode.UnsupportedVersion;
            if (data[offset + 4] != 1)
            {
                return false;
            }

            int keyCount = data[offset + 5];
            int revokedCount = data[offset + 6];
            reason = ReasonCode.Malformed;
            if (keyCount == 0)
            {
                return false;
            }

            reason = ReasonCode.TooLarge;
            if (keyCount > MaxKeys || revokedCount > MaxRevoked)
            {
                return false;
            }

            signedLength = FixedSize + (keyCount * UpdatePackageFormat.PublicKeySize) + (revokedCount * UpdatePackageFormat.KeyIdSize) + UpdatePackageFormat.KeyIdSize;
            int total = signedLength + UpdatePackageFormat.SignatureSize;
            reason = count < total ? ReasonCode.Truncated : ReasonCode.LengthMismatch;
            if (count != total)
            {
                return false;
            }

            version = LittleEndian.ReadUInt32(data, offset + 8);
            keys = new byte[keyCount][];
            int p = offset + FixedSize;
            for (int i = 0; i < keyCount; i++)
            {
                keys[i] = new byte[UpdatePackageFormat.PublicKeySize];
                Array.Copy(data, p, keys[i], 0, UpdatePackageFormat.PublicKeySize);
                p += UpdatePackageFormat.PublicKeySize;
            }

            revoked = new byte[revokedCount][];
            for (int i = 0; i < revokedCount; i++)
            {
                revoked[i] = new byte[UpdatePackageFormat.KeyIdSize];
                Array.Copy(data, p, revoked[i], 0, UpdatePackageFormat.KeyIdSize);
                p += UpdatePackageFormat.KeyIdSize;
            }

            reason = ReasonCode.Accepted;
            return true;
        }

        private bool IsRevoked(byte[] keyId, int offset)
        {
            for (int i = 0; i < _revoked.Length; i++)
            {
                if (LittleEndian.BytesEqualVar(_revoked[i], 0, keyId, offset, UpdatePackageFormat.KeyIdSize))
                {
                    return true;
                }
            }

            return false;
        }
    }
}
