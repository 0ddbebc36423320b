using System.Reflection;

[assembly: AssemblyTitle("NetGuard.Device")]
[assembly: AssemblyDescription("nanoFramework adapters: System.Net sockets, TLS, the I: drive, the tick clock and the hardware RNG.")]
