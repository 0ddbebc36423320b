using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Policy;
using NetGuard.Samples.SmartSocket;
using NetGuard.Testing;
using NetGuard.Http.Tests;
using NetGuard.Text;

namespace NetGuard.Samples.Tests
{
    /// <summary>The simulated smart-socket board: records what the app drives and presses the button on request.</summary>
    internal sealed class FakeRelayBoard : IRelayBoard
    {
        public bool Relay;
        public bool Led;
        public int RelayWrites;
        public int LedWrites;

        public event ButtonChangedHandler ButtonChanged;

        public void SetRelay(bool on)
        {
            Relay = on;
            RelayWrites++;
        }

        public void SetLed(bool on)
        {
            Led = on;
            LedWrites++;
        }

        public void Button(bool pressed)
        {
            ButtonChangedHandler handler = ButtonChanged;
            if (handler != null)
            {
                handler(pressed);
            }
        }
    }

    /// <summary>Builds <see cref="AdminDevice"/> over in-memory parts and a fake socket layer (never started: no threads).</summary>
    internal sealed class SampleRig
    {
        public readonly ManualClock Clock;
        public readonly AdminDevice Device;

        public SampleRig(MemoryFileSystem files, ManualClock clock, string model)
        {
            Clock = clock;
            AdminDeviceOptions options = new AdminDeviceOptions();
            options.Model = model;
            options.TrustedKeys = new byte[][] { new byte[32] };
            options.DnsResolver = NetworkTestKit.Resolver;
            options.AdminPort = 80;
            options.AccountPolicy = CredentialTestSupport.Policy();
            Device = new AdminDevice(options, files, new MemoryStagingArea(), new MemoryImageSlots().Installer, clock, new SeededEntropySource(7), new NetworkGuardFactory(MakeGuard));
        }

        public FakeConnection Send(string method, string path, string token, string json)
        {
            return AdminRequest.Send(Device.Api.Router, Clock, method, path, token, "application/json", json == null ? null : Utf8.GetBytes(json));
        }

        public string SetupAndLogin()
        {
            string code = Device.ReadSetupCodeForLabel();
            nanoFramework.TestFramework.Assert.IsTrue(Device.Account.CompleteSetup(code, CredentialTestSupport.GoodPassword, Clock.NowTicks).IsAccepted, "setup");
            return CredentialTestSupport.LoginOk(Device.Account, CredentialTestSupport.GoodPassword, Clock.NowTicks);
        }

        private NetworkGuard MakeGuard(GuardPolicy policy)
        {
            return new NetworkGuard(policy, new FakeSocketLayer(), Clock);
        }
    }
}
