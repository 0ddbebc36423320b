using System.Reflection;

// Device build of the sample firmware (SmartSocket.Device.nfproj).
[assembly: AssemblyTitle("SmartSocket.Device")]
[assembly: AssemblyDescription("NetGuard sample firmware: smart socket (relay, button, status LED).")]
[assembly: AssemblyCompany("NetGuard contributors")]
[assembly: AssemblyProduct("NetGuard samples")]
[assembly: AssemblyCopyright("Copyright (c) NetGuard contributors. MIT licence.")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
