// Copyright (c) NetGuard contributors. MIT licence.

using BenchmarkDotNet.Attributes;
using NetGuard.Cryptography;

namespace NetGuard.Benchmarks.Cryptography
{
    /// <summary>PBKDF2-HMAC-SHA256, 1000 iterations, 32-byte key: NetGuard (managed) vs .NET (native, baseline).</summary>
    [MemoryDiagnoser]
    public class Pbkdf2Benchmarks
    {
        private const int Iterations = 1000;
        private readonly byte[] _password = { 0x70, 0x61, 0x73, 0x73, 0x77, 0x6f, 0x72, 0x64 }; // "password"
        private readonly byte[] _salt = { 0x73, 0x61, 0x6c, 0x74, 0x73, 0x61, 0x6c, 0x74, 0x73, 0x61, 0x6c, 0x74, 0x73, 0x61, 0x6c, 0x74 };
        private readonly byte[] _output = new byte[32];

        [Benchmark(Baseline = true)]
        public byte[] DotNet()
        {
            System.Security.Cryptography.Rfc2898DeriveBytes.Pbkdf2(_password, _salt, _output, Iterations,
                System.Security.Cryptography.HashAlgorithmName.SHA256);
            return _output;
        }

        [Benchmark]
        public byte[] NetGuard()
        {
            Pbkdf2.DeriveKey(_password, _salt, Iterations, _output, 0, _output.Length);
            return _output;
        }
    }
}
