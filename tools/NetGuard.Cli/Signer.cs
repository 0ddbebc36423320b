using Org.BouncyCastle.Crypto.Parameters;
using Org.BouncyCastle.Crypto.Signers;
using Org.BouncyCastle.Security;

namespace NetGuard.Cli;

/// <summary>Ed25519 (RFC 8032) key generation and signing through BouncyCastle.</summary>
internal static class Signer
{
    /// <summary>A new random 32-byte private seed.</summary>
    public static byte[] NewSeed()
    {
        var seed = new byte[32];
        new SecureRandom().NextBytes(seed);
        return seed;
    }

    /// <summary>The public key of a seed.</summary>
    public static byte[] PublicKey(byte[] seed) => new Ed25519PrivateKeyParameters(seed, 0).GeneratePublicKey().GetEncoded();

    /// <summary>Signs <paramref name="message"/> with the seed.</summary>
    public static byte[] Sign(byte[] seed, byte[] message)
    {
        var signer = new Ed25519Signer();
        signer.Init(true, new Ed25519PrivateKeyParameters(seed, 0));
        signer.BlockUpdate(message, 0, message.Length);
        return signer.GenerateSignature();
    }
}
