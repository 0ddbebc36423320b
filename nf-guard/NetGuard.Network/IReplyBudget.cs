using NetGuard.Diagnostics;

namespace NetGuard.Network
{
    // Charges bytes that will leave on an accepted connection by another path than IConnection.Send (the device's
    // native TLS writes its records straight to the socket) to the connection's own and the global TCP reply budgets,
    // exactly as Send would, and reports a refusal the way Send does. Internal: only the library's TLS source uses it.
    internal interface IReplyBudget
    {
        // Accepted when byteCount more reply bytes fit both budgets now (they are taken); otherwise the guard's refusal
        // (RateLimited with a retry-after, TooLarge, or why the connection is no longer usable), reported and counted.
        Decision ChargeReply(int byteCount);

        // Reports that a write by that other path failed (reason: SocketError, ConnectionReset, TimedOut, ...): the
        // connection is marked failed and the refusal is counted and logged as a failed Send would be. Returns it.
        Decision WriteFailed(ReasonCode reason);
    }
}
