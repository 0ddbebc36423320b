using NetGuard.Diagnostics;
using NetGuard.Network;

namespace NetGuard.Http
{
    // Makes the TLS session for one accepted connection without blocking (the handshake runs later, on a worker thread,
    // in ITlsSession.Authenticate). Internal, for the same reason as ITlsSession.
    internal interface ITlsSessionFactory
    {
        // True with the session and, where the TLS records bypass IConnection.Send (device: native TLS), the budget the
        // plaintext of every write is charged to first; budget null where every record already passes the guard (host).
        // False with the reason when this connection cannot carry TLS (the caller closes it).
        bool TryOpen(IConnection plain, out ITlsSession session, out IReplyBudget budget, out ReasonCode reason);
    }
}
