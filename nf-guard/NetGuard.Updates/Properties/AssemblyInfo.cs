using System.Reflection;

[assembly: AssemblyTitle("NetGuard.Updates")]
[assembly: AssemblyDescription("Signed updates: package verification, anti-rollback, staging and DNS update announcements.")]
