using System.Security.Cryptography.X509Certificates;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Network;

namespace NetGuard.Platform.Device
{
    // Makes a DeviceTlsSession for a connection a guarded listener accepted on this device. Reaches the socket through
    // internal members only (GuardedConnection.StreamSocket, NetStreamSocket.Socket); any other IConnection (a test
    // double, a source that is not the guarded listener) is refused rather than served without TLS. Device build only.
    internal sealed class DeviceTlsSessionFactory : ITlsSessionFactory
    {
        private readonly X509Certificate2 _certificate;

        public DeviceTlsSessionFactory(X509Certificate2 certificate)
        {
            _certificate = certificate;
        }

        public bool TryOpen(IConnection plain, out ITlsSession session, out IReplyBudget budget, out ReasonCode reason)
        {
            session = null;
            budget = null;
            GuardedConnection guarded = plain as GuardedConnection;
            if (guarded == null)
            {
                reason = ReasonCode.InvalidState;
                return false;
            }

            NetStreamSocket socket = guarded.StreamSocket as NetStreamSocket;
            if (socket == null)
            {
                reason = ReasonCode.InvalidState;
                return false;
            }

            session = new DeviceTlsSession(socket.Socket, guarded, _certificate);
            budget = guarded;
            reason = ReasonCode.Accepted;
            return true;
        }
    }
}
