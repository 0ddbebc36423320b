using System.Reflection;
using System.Runtime.CompilerServices;

// Friends name the public key of nf-guard/key.snk: NetGuard's assemblies are strong-named.

[assembly: AssemblyTitle("NetGuard.Core")]
[assembly: AssemblyDescription("NetGuard primitives: reason codes, the egress rate limiter, policies, the record store, UTF-8 and the platform seams.")]

// Utf8.CheckRange: the library's own argument checks for byte ranges, not public API.
[assembly: InternalsVisibleTo("NetGuard.Http, PublicKey=002400000480000094000000060200000024000052534131000400000100010045debce8d8433dd8a410cb9b97efa920a7cf14a594ba2cd9d83765d9a229c77051d3f70931b677e0959e27e221e3bf225fcf93e7f45b550fddba3b3ecef210b929ce7add0700c4b4916af79886cfe9e8e439129d2120579032695f9a1c423191bd8e52b1f2e14aa7a74ee415607e1896c8289ca40b659d97e840460b3b54f3bb")]
