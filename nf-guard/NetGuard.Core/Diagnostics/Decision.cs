namespace NetGuard.Diagnostics
{
    /// <summary>
    /// The outcome of a security decision: accepted, or refused with a <see cref="ReasonCode"/> and,
    /// where waiting helps, how long to wait. Immutable. Every acceptance is the same instance, so accepting
    /// allocates nothing; a refusal allocates one small object. (A struct would allocate on every return on
    /// nanoFramework, whose interpreter keeps value types on the heap.)
    /// </summary>
    public sealed class Decision
    {
        private static readonly Decision Accepted = new Decision(ReasonCode.Accepted, 0);

        private Decision(ReasonCode reason, long retryAfterTicks)
        {
            Reason = reason;
            RetryAfterTicks = retryAfterTicks;
        }

        /// <summary>An accepted decision (always the same instance).</summary>
        public static Decision Accept()
        {
            return Accepted;
        }

        /// <summary>
        /// A refusal with <paramref name="reason"/>. Throws <see cref="System.ArgumentOutOfRangeException"/>
        /// when <paramref name="reason"/> is <see cref="ReasonCode.Accepted"/> or the wait is negative:
        /// both are programming mistakes.
        /// </summary>
        /// <param name="reason">Why the request is refused.</param>
        /// <param name="retryAfterTicks">How long to wait before a retry can succeed, in 100 ns ticks; 0 when waiting does not help.</param>
        public static Decision Refuse(ReasonCode reason, long retryAfterTicks)
        {
            if (reason == ReasonCode.Accepted)
            {
                throw new System.ArgumentOutOfRangeException(nameof(reason), "A refusal needs a reason other than Accepted.");
            }

            if (retryAfterTicks < 0)
            {
                throw new System.ArgumentOutOfRangeException(nameof(retryAfterTicks), "The wait cannot be negative.");
            }

            return new Decision(reason, retryAfterTicks);
        }

        /// <summary>A refusal with <paramref name="reason"/> that waiting does not cure.</summary>
        /// <param name="reason">Why the request is refused; not <see cref="ReasonCode.Accepted"/>.</param>
        public static Decision Refuse(ReasonCode reason)
        {
            return Refuse(reason, 0);
        }

        /// <summary>Why the decision was made; <see cref="ReasonCode.Accepted"/> when it was allowed.</summary>
        public ReasonCode Reason { get; }

        /// <summary>For a refusal that waiting cures, the wait in 100 ns ticks; otherwise 0.</summary>
        public long RetryAfterTicks { get; }

        /// <summary>True when the request was allowed.</summary>
        public bool IsAccepted
        {
            get { return Reason == ReasonCode.Accepted; }
        }

        /// <summary>The reason's name, for logs and the admin API.</summary>
        public override string ToString()
        {
            return ReasonCodeNames.Name(Reason);
        }
    }
}
