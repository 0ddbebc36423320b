using System.Reflection;

// Device build (nf-guard.nfproj) and the nanoFramework gate. The host build generates its own.
[assembly: AssemblyTitle("NetGuard")]
[assembly: AssemblyDescription("Egress guard, owner credentials and signed updates for .NET nanoFramework devices.")]
[assembly: AssemblyCompany("NetGuard contributors")]
[assembly: AssemblyProduct("NetGuard")]
[assembly: AssemblyCopyright("Copyright (c) NetGuard contributors. MIT licence.")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
