using NetGuard.Http;
using NGC = nanoFramework.Runtime.Native.GC;

namespace NetGuard.Platform.Device
{
    /// <summary>What the board the firmware runs on can afford, read from its managed heap at start.</summary>
    public static class DeviceBoard
    {
        /// <summary>Free managed heap at or above which the board is taken to have PSRAM (a plain ESP32 has about 90 KB).</summary>
        public const long PsramHeapBytes = 512 * 1024;

        /// <summary>Admin workers for a board with PSRAM.</summary>
        public const int PsramAdminConnections = 4;

        /// <summary>
        /// The admin server's worker count for this board: <see cref="AdminDeviceOptions.DefaultAdminConnections"/> (2)
        /// on a plain ESP32, <see cref="PsramAdminConnections"/> when the free managed heap shows PSRAM. Runs a garbage
        /// collection to read the heap; call it once at start.
        /// </summary>
        /// <returns>The worker count.</returns>
        public static int RecommendedAdminConnections()
        {
            return NGC.Run(false) >= PsramHeapBytes ? PsramAdminConnections : AdminDeviceOptions.DefaultAdminConnections;
        }
    }
}
