using System;

namespace NetGuard.Fuzz;

/// <summary>A documented contract of the library broke on a fuzz input.</summary>
internal sealed class FuzzInvariantException : Exception
{
    public FuzzInvariantException(string message)
        : base(message)
    {
    }
}
