using System.Reflection;

// The device benchmarks run under the nanoFramework launcher, which loads the assembly named NFUnitTest.
[assembly: AssemblyTitle("NFUnitTest")]
[assembly: AssemblyDescription("NetGuard benchmarks on the nanoFramework interpreter (build/nanoclr/run-bench.sh).")]
[assembly: AssemblyProduct("NetGuard")]
[assembly: AssemblyVersion("0.1.0.0")]
