using System.Reflection;

// Every portable test assembly: the nanoFramework launcher loads the assembly named NFUnitTest.
[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("NetGuard portable unit tests (nanoFramework.TestFramework).")]
[assembly: AssemblyProduct("NetGuard")]
[assembly: AssemblyVersion("0.1.0.0")]
