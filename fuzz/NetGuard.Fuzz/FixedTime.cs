using System;
using NetGuard.Updates;

namespace NetGuard.Fuzz;

/// <summary>Trusted time fixed by the target, or unknown.</summary>
internal sealed class FixedTime : ITrustedTime
{
    private readonly bool _known;
    private readonly long _now;

    public FixedTime(bool known, long now)
    {
        _known = known;
        _now = now;
    }

    public bool TryGetUnixSeconds(out long unixSeconds)
    {
        unixSeconds = _known ? _now : 0;
        return _known;
    }

    public void ObserveAuthenticated(long unixSeconds)
    {
        // The interface contract: a non-positive time is a caller (library) mistake.
        if (unixSeconds <= 0)
        {
            throw new ArgumentOutOfRangeException(nameof(unixSeconds), "library reported a non-positive authenticated time");
        }
    }
}
