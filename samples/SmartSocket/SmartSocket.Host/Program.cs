using NetGuard.Samples.Host;

namespace NetGuard.Samples.SmartSocket.Host;

/// <summary>Entry point of the SmartSocket host simulation (see --help).</summary>
public static class Program
{
    /// <summary>Runs until Ctrl+C, SIGTERM or the console command "quit".</summary>
    public static int Main(string[] args) => HostRunner.Run(args, new HostSample
    {
        Program = "SmartSocket.Host",
        Model = "SmartSocket",
        DataFolder = "smartsocket",
        BoardCommands = ConsoleRelayBoard.Commands,
        Attach = device =>
        {
            var board = new ConsoleRelayBoard();
            var app = new SmartSocketApp(device, board);
            return new HostApplication(board.Command, app.SelfTest);
        },
    });
}
