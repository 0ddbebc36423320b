using NetGuard.Diagnostics;
using NetGuard.Updates;

namespace NetGuard.DeviceBenchmarks
{
    /// <summary>
    /// A staging area that stands in for the device's, which writes to flash: it keeps only the length, so the
    /// session's heap figures count what the update path holds in RAM and not the image. Reading back gives zeros.
    /// </summary>
    internal sealed class FlashStagingArea : IStagingArea
    {
        private long _expected;
        private long _written;
        private long _committed = -1;

        public Decision Begin(long length)
        {
            _expected = length;
            _written = 0;
            _committed = -1;
            return Decision.Accept();
        }

        public Decision Append(byte[] data, int offset, int count)
        {
            if (_written + count > _expected)
            {
                return Decision.Refuse(ReasonCode.LengthMismatch);
            }

            _written += count;
            return Decision.Accept();
        }

        public Decision Commit()
        {
            if (_written != _expected)
            {
                return Decision.Refuse(ReasonCode.Truncated);
            }

            _committed = _written;
            return Decision.Accept();
        }

        public void Abort()
        {
            _written = 0;
        }

        public int ReadStaged(long position, byte[] buffer, int offset, int count)
        {
            if (_committed < 0 || position >= _committed)
            {
                return 0;
            }

            int n = (int)(_committed - position < count ? _committed - position : count);
            System.Array.Clear(buffer, offset, n);
            return n;
        }

        public Decision Discard()
        {
            _committed = -1;
            return Decision.Accept();
        }
    }
}
