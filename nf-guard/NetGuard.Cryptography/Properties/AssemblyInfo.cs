using System.Reflection;

[assembly: AssemblyTitle("NetGuard.Cryptography")]
[assembly: AssemblyDescription("Managed SHA-256, SHA-512, HMAC-SHA256, PBKDF2 and strict Ed25519 verification for nanoFramework.")]
