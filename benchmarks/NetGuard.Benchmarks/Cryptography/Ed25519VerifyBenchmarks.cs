// Copyright (c) NetGuard contributors. MIT licence.

using System;
using BenchmarkDotNet.Attributes;
using NetGuard.Cryptography;
using BcEd25519 = Org.BouncyCastle.Math.EC.Rfc8032.Ed25519;

namespace NetGuard.Benchmarks.Cryptography
{
    /// <summary>Ed25519 verification of a valid signature on a 64-byte message: NetGuard vs BouncyCastle (baseline).
    /// Targets: at most 1.5x BouncyCastle's time, at most 1 KB allocated.</summary>
    [MemoryDiagnoser]
    public class Ed25519VerifyBenchmarks
    {
        private readonly byte[] _publicKey = new byte[32];
        private readonly byte[] _message = new byte[64];
        private readonly byte[] _signature = new byte[64];

        [GlobalSetup]
        public void Setup()
        {
            var random = new Random(12345);
            byte[] secretKey = new byte[32];
            random.NextBytes(secretKey);
            random.NextBytes(_message);
            BcEd25519.GeneratePublicKey(secretKey, 0, _publicKey, 0);
            BcEd25519.Sign(secretKey, 0, _message, 0, _message.Length, _signature, 0);
            if (!Ed25519.Verify(_publicKey, _message, _signature) || !BouncyCastle())
            {
                throw new InvalidOperationException("benchmark signature does not verify");
            }
        }

        [Benchmark(Baseline = true)]
        public bool BouncyCastle()
        {
            return BcEd25519.Verify(_signature, 0, _publicKey, 0, _message, 0, _message.Length);
        }

        [Benchmark]
        public bool NetGuard()
        {
            return Ed25519.Verify(_publicKey, _message, _signature);
        }
    }
}
