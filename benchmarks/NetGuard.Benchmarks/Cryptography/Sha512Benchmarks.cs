// Copyright (c) NetGuard contributors. MIT licence.

using System;
using BenchmarkDotNet.Attributes;
using NetGuard.Cryptography;
using Org.BouncyCastle.Crypto.Digests;

namespace NetGuard.Benchmarks.Cryptography
{
    /// <summary>SHA-512 over 1 MB: NetGuard (managed) vs BouncyCastle (baseline) vs .NET (native, the ceiling).
    /// Instances are reused, so the Allocated column shows the per-message cost (target: 0 B).</summary>
    [MemoryDiagnoser]
    public class Sha512Benchmarks
    {
        private readonly byte[] _data = new byte[1024 * 1024];
        private readonly byte[] _digest = new byte[64];
        private readonly Sha512 _netGuard = new Sha512();
        private readonly Sha512Digest _bouncyCastle = new Sha512Digest();

        [GlobalSetup]
        public void Setup()
        {
            new Random(12345).NextBytes(_data);
        }

        [Benchmark(Baseline = true)]
        public byte[] BouncyCastle()
        {
            _bouncyCastle.BlockUpdate(_data, 0, _data.Length);
            _bouncyCastle.DoFinal(_digest, 0);
            return _digest;
        }

        [Benchmark]
        public byte[] NetGuard()
        {
            _netGuard.Append(_data, 0, _data.Length);
            _netGuard.Finish(_digest, 0);
            return _digest;
        }

        [Benchmark]
        public byte[] DotNet()
        {
            System.Security.Cryptography.SHA512.HashData(_data, _digest);
            return _digest;
        }
    }
}
