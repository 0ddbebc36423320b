// Signatures from nanoframework/nanoFramework.Runtime.Native (Power.cs and RebootOption.cs at commit
// a7c24bd4983163ba1a3febbedc23d13cb17cdf36): class Power, static void RebootDevice(RebootOption rebootOption =
// NormalReboot) reboots the device after the OnRebootEvent handlers; enum RebootOption (NormalReboot 0,
// EnterNanoBooter 1, ClrOnly 2, EnterProprietaryBooter 8). Only the members NetGuard uses; every body throws.
namespace nanoFramework.Runtime.Native
{
    public enum RebootOption
    {
        NormalReboot = 0,
        EnterNanoBooter = 1,
        ClrOnly = 2,
        EnterProprietaryBooter = 8,
    }

    public class Power
    {
        public static void RebootDevice(RebootOption rebootOption = RebootOption.NormalReboot) { throw new System.NotImplementedException(); }
    }
}
