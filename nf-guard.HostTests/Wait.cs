using System.Diagnostics;
using System.Threading.Tasks;

namespace NetGuard.HostTests;

/// <summary>Polling for a condition another thread makes true, bounded in time.</summary>
internal static class Wait
{
    /// <summary>True as soon as <paramref name="condition"/> holds; false when it did not within 5 seconds.</summary>
    public static async Task<bool> Until(Func<bool> condition)
    {
        var until = Stopwatch.StartNew();
        while (!condition())
        {
            if (until.Elapsed > TimeSpan.FromSeconds(5))
            {
                return false;
            }

            await Task.Delay(20);
        }

        return true;
    }
}
