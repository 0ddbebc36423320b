using NetGuard.Network;
using NetGuard.Policy;

namespace NetGuard.Http
{
    /// <summary>
    /// Makes the platform's <see cref="NetworkGuard"/> for a policy: <c>DeviceNetworkGuard.Create</c> on the device,
    /// <c>HostNetworkGuard.CreateLoopback</c> in the host simulation. Keeps <see cref="AdminDevice"/> portable.
    /// </summary>
    /// <param name="policy">The policy the guard enforces.</param>
    /// <returns>The guard.</returns>
    public delegate NetworkGuard NetworkGuardFactory(GuardPolicy policy);
}
