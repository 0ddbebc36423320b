using System.Reflection;

[assembly: AssemblyTitle("NetGuard.Credentials")]
[assembly: AssemblyDescription("The owner account: per-device setup code, password policy, hashing, login throttling and sessions.")]
