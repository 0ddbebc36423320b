using System.Reflection;

// Device build of the sample firmware (Camera.Device.nfproj).
[assembly: AssemblyTitle("Camera.Device")]
[assembly: AssemblyDescription("NetGuard sample firmware: camera (test-pattern snapshots).")]
[assembly: AssemblyCompany("NetGuard contributors")]
[assembly: AssemblyProduct("NetGuard samples")]
[assembly: AssemblyCopyright("Copyright (c) NetGuard contributors. MIT licence.")]
[assembly: AssemblyVersion("1.0.0.0")]
[assembly: AssemblyFileVersion("1.0.0.0")]
