using NetGuard.Samples.Host;

namespace NetGuard.Samples.Camera.Host;

/// <summary>Entry point of the Camera host simulation (see --help).</summary>
public static class Program
{
    /// <summary>Runs until Ctrl+C, SIGTERM or the console command "quit".</summary>
    public static int Main(string[] args) => HostRunner.Run(args, new HostSample
    {
        Program = "Camera.Host",
        Model = "Camera",
        DataFolder = "camera",
        Attach = device =>
        {
            var app = new CameraApp(device, new TestPatternFrameSource());
            return new HostApplication(_ => false, app.SelfTest);
        },
    });
}
