using NetGuard.Diagnostics;
using NetGuard.Storage;

namespace NetGuard.Samples.SmartSocket
{
    /// <summary>
    /// The socket's relay with its state kept in the record store, so the outlet comes back as the owner
    /// left it after a power cut. A state that cannot be read starts the relay off (fail safe for a mains
    /// switch). Thread-safe.
    /// </summary>
    public sealed class RelayController
    {
        /// <summary>The record holding the relay state (one byte: 0 off, 1 on).</summary>
        public const string RecordName = "relay";

        private readonly IRelayBoard _board;
        private readonly IRecordStore _store;
        private readonly object _gate = new object();
        private readonly byte[] _record = new byte[1];
        private bool _on;

        /// <summary>Creates the controller and restores the saved state onto the board.</summary>
        /// <param name="board">The hardware.</param>
        /// <param name="store">Where the state is kept.</param>
        public RelayController(IRelayBoard board, IRecordStore store)
        {
            if (board == null)
            {
                throw new System.ArgumentNullException(nameof(board));
            }

            if (store == null)
            {
                throw new System.ArgumentNullException(nameof(store));
            }

            _board = board;
            _store = store;
            _on = ReadSaved(store);
            _board.SetRelay(_on);
        }

        /// <summary>True when the relay is closed.</summary>
        public bool IsOn
        {
            get
            {
                lock (_gate)
                {
                    return _on;
                }
            }
        }

        /// <summary>
        /// Switches the relay and saves the state. If the state cannot be saved the relay still switches
        /// (the owner asked for it) and the refusal says the state will not survive a restart.
        /// </summary>
        /// <param name="on">True to close the relay.</param>
        /// <returns>Accepted, or StorageWriteFailed.</returns>
        public Decision Set(bool on)
        {
            lock (_gate)
            {
                return SetLocked(on);
            }
        }

        /// <summary>Flips the relay (the button's short press).</summary>
        /// <returns>Accepted, or StorageWriteFailed.</returns>
        public Decision Toggle()
        {
            lock (_gate)
            {
                return SetLocked(!_on);
            }
        }

        /// <summary>Forgets the saved state and opens the relay (factory reset).</summary>
        /// <returns>Accepted, or StorageWriteFailed.</returns>
        public Decision Reset()
        {
            lock (_gate)
            {
                _on = false;
                _board.SetRelay(false);
                return _store.Delete(RecordName);
            }
        }

        /// <summary>
        /// The socket's part of an update's self-test: drives the relay pin to the state in force again (a driver that
        /// throws fails the test) and checks that the saved state reads back as that state, so an update that cannot
        /// keep the owner's relay setting is rolled back.
        /// </summary>
        /// <returns>True when the relay and its saved state agree.</returns>
        public bool CheckBoard()
        {
            lock (_gate)
            {
                _board.SetRelay(_on);
                byte[] data;
                ReasonCode reason;
                if (!_store.TryRead(RecordName, out data, out reason))
                {
                    // Never switched: nothing saved means off.
                    return reason == ReasonCode.NotFound && !_on;
                }

                return data.Length == 1 && data[0] == (_on ? (byte)1 : (byte)0);
            }
        }

        private Decision SetLocked(bool on)
        {
            _on = on;
            _board.SetRelay(on);
            _record[0] = on ? (byte)1 : (byte)0;
            return _store.Write(RecordName, _record, 0, 1);
        }

        private static bool ReadSaved(IRecordStore store)
        {
            byte[] data;
            ReasonCode reason;
            if (!store.TryRead(RecordName, out data, out reason))
            {
                return false;
            }

            return data.Length == 1 && data[0] == 1;
        }
    }
}
