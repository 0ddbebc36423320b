using System;
using NGC = nanoFramework.Runtime.Native.GC;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// Bytes the interpreter allocates per call of an operation. nanoCLR has no allocation counter and collects only
    /// when an allocation does not fit, so the meter fills the heap until about <see cref="SpareBytes"/> stay free,
    /// runs the operation, and watches a weakly referenced object: it dies at each collection. The free space after
    /// the fill divided by the calls between two collections is what one call allocates. No collection in all the
    /// calls means less than the free space divided by the calls (reported as 0 with that bound).
    /// </summary>
    internal static class AllocationMeter
    {
        /// <summary>Free heap left while measuring: small enough that a few bytes per call cause collections.</summary>
        public const int SpareBytes = 48 * 1024;

        // Filler blocks: nanoCLR's POSIX host crashes on very large arrays; 16 KiB blocks fill any free fragment.
        private const int FillBlock = 16 * 1024;

        /// <summary>The measurement: bytes per call (0 when no collection happened) and the bound it is below.</summary>
        public static double BytesPerCall(IBenchOperation operation, int calls, out double bound)
        {
            long free = NGC.Run(false);
            object[] fill = new object[(int)(free / FillBlock) + 1];
            int blocks = 0;
            // Stop well short of the end: an allocation that does not fit makes nanoCLR compact, which crashes the POSIX host.
            while (free > SpareBytes + (2 * FillBlock) && blocks < fill.Length)
            {
                fill[blocks++] = new byte[FillBlock];
                free -= FillBlock + 256;
            }

            long spare = NGC.Run(false);
            WeakReference sentinel = new WeakReference(new object());
            int collections = 0;
            int first = 0;
            int last = 0;
            for (int i = 1; i <= calls; i++)
            {
                operation.Run();
                if (!sentinel.IsAlive)
                {
                    collections++;
                    if (collections == 1)
                    {
                        first = i;
                    }

                    last = i;
                    sentinel = new WeakReference(new object());
                }
            }

            fill = null;
            NGC.Run(false);
            bound = (double)spare / calls;
            if (collections == 0)
            {
                return 0;
            }

            return collections == 1 ? (double)spare / first : (double)spare * (collections - 1) / (last - first);
        }
    }
}
