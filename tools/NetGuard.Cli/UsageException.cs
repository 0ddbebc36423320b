using System;

namespace NetGuard.Cli;

/// <summary>A bad argument or refused file operation: the tool prints the message and exits with 2.</summary>
internal sealed class UsageException : Exception
{
    public UsageException(string message)
        : base(message)
    {
    }
}
