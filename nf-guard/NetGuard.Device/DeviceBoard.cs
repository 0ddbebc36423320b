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
        /// Largest update image on a plain ESP32: 32 KiB. The loader holds the whole image in one array for
        /// <c>Assembly.Load</c>, and the loaded assembly's own tables take about as much again, at start when the heap is
        /// still unfragmented; two 32 KiB blocks fit in about 90 KB beside the composition (about 27 KB), and an
        /// application assembly such as the samples' is 9 to 13 KB.
        /// </summary>
        public const int PlainMaxImageLength = 32 * 1024;

        /// <summary>Largest update image on a board with PSRAM: 512 KiB.</summary>
        public const int PsramMaxImageLength = 512 * 1024;

        /// <summary>
        /// The largest update image this board can load (<see cref="PlainMaxImageLength"/> or
        /// <see cref="PsramMaxImageLength"/>, by the free heap as for <see cref="RecommendedAdminConnections"/>). Runs a
        /// garbage collection to read the heap; call it once at start.
        /// </summary>
        /// <returns>The limit in bytes, for <see cref="AdminDeviceOptions.MaxImageLength"/>.</returns>
        public static int RecommendedMaxImageLength()
        {
            return NGC.Run(false) >= PsramHeapBytes ? PsramMaxImageLength : PlainMaxImageLength;
        }

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
