using System.Reflection;

[assembly: AssemblyTitle("NetGuard.Testing")]
[assembly: AssemblyDescription("Test doubles for NetGuard (clock, file system, sockets, update storage); never shipped.")]
