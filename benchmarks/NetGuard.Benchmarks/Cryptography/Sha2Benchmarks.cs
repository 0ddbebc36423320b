// Copyright (c) NetGuard contributors. MIT licence.

using System;
using BenchmarkDotNet.Attributes;
using NetGuard.Cryptography;
using Org.BouncyCastle.Crypto;
using Org.BouncyCastle.Crypto.Digests;

namespace NetGuard.Benchmarks.Cryptography
{
    /// <summary>SHA-256 and SHA-512 over 1 MB: NetGuard (managed) vs BouncyCastle (baseline) vs .NET (native, the
    /// ceiling). Instances are reused, so the Allocated column shows the per-message cost (target: 0 B).</summary>
    [MemoryDiagnoser]
    public class Sha2Benchmarks
    {
        private readonly byte[] _data = new byte[1024 * 1024];
        private byte[] _digest = Array.Empty<byte>();
        private IDigest _bouncyCastle = new Sha256Digest();
        private Action<byte[], int, int> _append = (d, o, c) => { };
        private Action<byte[], int> _finish = (d, o) => { };

        [Params("SHA-256", "SHA-512")]
        public string Algorithm { get; set; } = "SHA-256";

        [GlobalSetup]
        public void Setup()
        {
            new Random(12345).NextBytes(_data);
            if (Algorithm == "SHA-256")
            {
                var netGuard = new Sha256();
                (_append, _finish, _bouncyCastle, _digest) = (netGuard.Append, netGuard.Finish, new Sha256Digest(), new byte[32]);
            }
            else
            {
                var netGuard = new Sha512();
                (_append, _finish, _bouncyCastle, _digest) = (netGuard.Append, netGuard.Finish, new Sha512Digest(), new byte[64]);
            }
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
            _append(_data, 0, _data.Length);
            _finish(_digest, 0);
            return _digest;
        }

        [Benchmark]
        public byte[] DotNet()
        {
            if (Algorithm == "SHA-256")
            {
                System.Security.Cryptography.SHA256.HashData(_data, _digest);
            }
            else
            {
                System.Security.Cryptography.SHA512.HashData(_data, _digest);
            }

            return _digest;
        }
    }
}
