using System;
using NetGuard.Credentials;
using NetGuard.Platform;
using NetGuard.Storage;

namespace NetGuard.Testing
{
    /// <summary>A seeded, reproducible entropy source for tests (xorshift64*; never use outside tests).</summary>
    public sealed class SeededEntropy : IEntropySource
    {
        private ulong _state;

        public SeededEntropy(ulong seed)
        {
            _state = seed == 0 ? 0x9E3779B97F4A7C15UL : seed;
        }

        public void GetBytes(byte[] buffer, int offset, int count)
        {
            for (int i = 0; i < count; i++)
            {
                _state ^= _state >> 12;
                _state ^= _state << 25;
                _state ^= _state >> 27;
                buffer[offset + i] = (byte)((_state * 0x2545F4914F6CDD1DUL) >> 56);
            }
        }
    }

    /// <summary>Builds accounts with small PBKDF2 counts over an in-memory store.</summary>
    public static class CredentialTestSupport
    {
        public const string Model = "SmartSocket";
        public const string Vendor = "Quorvane";
        public const string GoodPassword = "tangerine-otter-42";
        public const string OtherGoodPassword = "violet harbour lantern";
        public const long Second = TimeSpan.TicksPerSecond;
        public const long Start = 1000 * TimeSpan.TicksPerSecond;

        public static OwnerAccountPolicy Policy()
        {
            return OwnerAccountPolicy.CreateDefault().WithIterations(2);
        }

        public static DeviceIdentity Identity()
        {
            return new DeviceIdentity(Model, Vendor, null);
        }

        public static SlotRecordStore NewStore()
        {
            return new SlotRecordStore(new MemoryFileSystem(), 256);
        }

        public static OwnerAccount Open(SlotRecordStore store)
        {
            return new OwnerAccount(store, new SeededEntropy(42), Identity(), Policy());
        }

        /// <summary>A new account over a fresh store, already set up with <see cref="GoodPassword"/>.</summary>
        public static OwnerAccount ActiveAccount(SlotRecordStore store)
        {
            OwnerAccount account = Open(store);
            string code = account.ReadSetupCodeForLabel();
            if (!account.CompleteSetup(code, GoodPassword, Start).IsAccepted)
            {
                throw new InvalidOperationException("setup failed");
            }

            return account;
        }

        public static string LoginOk(OwnerAccount account, string password, long now)
        {
            string token;
            if (!account.Login(password, now, out token).IsAccepted)
            {
                throw new InvalidOperationException("login failed");
            }

            return token;
        }
    }
}
