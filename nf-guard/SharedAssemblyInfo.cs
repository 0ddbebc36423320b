using System.Reflection;

// Attributes every NetGuard device assembly shares; each project's Properties/AssemblyInfo.cs adds its title.
// The host build (NetGuard.csproj) generates its own from Directory.Build.props.
[assembly: AssemblyCompany("NetGuard contributors")]
[assembly: AssemblyProduct("NetGuard")]
[assembly: AssemblyCopyright("Copyright (c) NetGuard contributors. MIT licence.")]
[assembly: AssemblyVersion("0.1.0.0")]
[assembly: AssemblyFileVersion("0.1.0.0")]
