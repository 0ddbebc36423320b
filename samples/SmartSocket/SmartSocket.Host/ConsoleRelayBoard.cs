using System.Diagnostics;
using System.Threading;
using NetGuard.Samples.Host;

namespace NetGuard.Samples.SmartSocket.Host;

/// <summary>
/// The simulated smart-socket board: relay and LED changes go to the console, the button is pressed from console
/// commands. A blinking LED is reported once rather than twice a second.
/// </summary>
internal sealed class ConsoleRelayBoard : IRelayBoard
{
    public const string Commands =
        "  press         short press of the button (toggles the relay)\n" +
        "  long-press    hold the button 10.5 s (factory reset)\n" +
        "  hold          press and keep holding the button\n" +
        "  release       release a held button\n";

    private readonly object _gate = new();
    private readonly Stopwatch _time = Stopwatch.StartNew();
    private long _lastLedChangeMs = -10000;
    private bool _blinking;

    public event ButtonChangedHandler ButtonChanged;

    public void SetRelay(bool on) => HostRunner.Log("relay: " + (on ? "ON (outlet powered)" : "OFF"));

    public void SetLed(bool on)
    {
        lock (_gate)
        {
            long now = _time.ElapsedMilliseconds;
            bool fast = now - _lastLedChangeMs < 2000;
            _lastLedChangeMs = now;
            if (fast)
            {
                if (!_blinking)
                {
                    _blinking = true;
                    HostRunner.Log("led: blinking (setup required)");
                }

                return;
            }

            _blinking = false;
        }

        HostRunner.Log("led: " + (on ? "on" : "off"));
    }

    /// <summary>Runs a console command for the board; false when the line is not one.</summary>
    public bool Command(string line)
    {
        switch (line)
        {
            case "press":
                Press(100);
                return true;
            case "long-press":
                HostRunner.Log("button: holding for 10.5 s...");
                Press(10500);
                return true;
            case "hold":
                HostRunner.Log("button: held");
                ButtonChanged?.Invoke(true);
                return true;
            case "release":
                HostRunner.Log("button: released");
                ButtonChanged?.Invoke(false);
                return true;
            default:
                return false;
        }
    }

    private void Press(int milliseconds)
    {
        ButtonChanged?.Invoke(true);
        Thread.Sleep(milliseconds);
        ButtonChanged?.Invoke(false);
    }
}
