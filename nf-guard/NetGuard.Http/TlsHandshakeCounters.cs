using NetGuard.Diagnostics;

namespace NetGuard.Http
{
    // Handshake outcomes of one TLS source: completed, failed, and why the latest failure happened. Thread-safe.
    internal sealed class TlsHandshakeCounters
    {
        private readonly object _gate = new object();
        private int _completed;
        private int _failed;
        private ReasonCode _lastFailure = ReasonCode.Accepted;

        public int Completed
        {
            get
            {
                lock (_gate)
                {
                    return _completed;
                }
            }
        }

        public int Failed
        {
            get
            {
                lock (_gate)
                {
                    return _failed;
                }
            }
        }

        public ReasonCode LastFailure
        {
            get
            {
                lock (_gate)
                {
                    return _lastFailure;
                }
            }
        }

        // Counts one handshake that ended with outcome (Accepted: completed).
        public void Ended(ReasonCode outcome)
        {
            lock (_gate)
            {
                if (outcome == ReasonCode.Accepted)
                {
                    _completed++;
                    return;
                }

                _failed++;
                _lastFailure = outcome;
            }
        }
    }
}
