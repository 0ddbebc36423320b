using nanoFramework.TestFramework;
using NetGuard.Cryptography;
using NetGuard.Testing;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>The cryptography a device runs: update hashing, signature checks, password hashing.</summary>
    [TestClass]
    public class CryptoBenchmarks
    {
        private const int Batches = 3;

        // RFC 8032 7.1 TEST 2 (also in nf-guard.Tests' Ed25519Tests).
        private const string PublicKey = "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c";
        private const string Signature =
            "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00";

        [TestMethod]
        public void Sha256()
        {
            Sha256 sha = new Sha256();
            byte[] digest = new byte[Cryptography.Sha256.HashSize];
            byte[] kilobyte = Filled(1024);
            byte[] large = Filled(65536);
            long[] small = new long[Batches];
            long[] big = new long[Batches];
            for (int b = 0; b < Batches; b++)
            {
                long start = BenchReport.NowTicks();
                for (int i = 0; i < 10; i++)
                {
                    sha.Append(kilobyte, 0, kilobyte.Length);
                    sha.Finish(digest, 0);
                }

                small[b] = BenchReport.NowTicks() - start;
                start = BenchReport.NowTicks();
                sha.Append(large, 0, large.Length);
                sha.Finish(digest, 0);
                big[b] = BenchReport.NowTicks() - start;
            }

            BenchReport.ReportMicroseconds("sha256-1k", small, 10);
            BenchReport.ReportMicroseconds("sha256-64k", big, 1);
        }

        [TestMethod]
        public void Ed25519Verify()
        {
            byte[] publicKey = TestBytes.Hex(PublicKey);
            byte[] signature = TestBytes.Hex(Signature);
            byte[] message = { 0x72 };
            long[] ticks = new long[Batches];
            for (int b = 0; b < Batches; b++)
            {
                long start = BenchReport.NowTicks();
                Assert.IsTrue(Ed25519.Verify(publicKey, message, signature));
                ticks[b] = BenchReport.NowTicks() - start;
            }

            BenchReport.ReportMicroseconds("ed25519-verify", ticks, 1);
        }

        [TestMethod]
        public void Pbkdf2()
        {
            byte[] password = TestBytes.Ascii("password");
            byte[] salt = TestBytes.Ascii("saltsaltsaltsalt");
            byte[] output = new byte[32];
            long[] ticks = new long[Batches];
            for (int b = 0; b < Batches; b++)
            {
                long start = BenchReport.NowTicks();
                Cryptography.Pbkdf2.DeriveKey(password, salt, 1000, output, 0, output.Length);
                ticks[b] = BenchReport.NowTicks() - start;
            }

            BenchReport.ReportMicroseconds("pbkdf2-1000", ticks, 1);
        }

        private static byte[] Filled(int length)
        {
            byte[] data = new byte[length];
            for (int i = 0; i < length; i++)
            {
                data[i] = (byte)(i * 31);
            }

            return data;
        }
    }
}
