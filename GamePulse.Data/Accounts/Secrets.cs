using System.Security.Cryptography;
using System.Text;

namespace GamePulse.Data.Accounts;

/// <summary>Hashing for the secrets of the sign-in flow: only SHA-256 digests of tokens, codes and browser ids are stored.</summary>
public static class Secrets
{
    public static byte[] Hash(string value) => SHA256.HashData(Encoding.UTF8.GetBytes(value));

    /// <summary>A short, non-reversible label for an email address in logs and rate-limit buckets ("a1b2c3d4e5f6").</summary>
    public static string Fingerprint(string value) => Convert.ToHexStringLower(Hash(value))[..12];
}
