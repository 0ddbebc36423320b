using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Reflection;
using System.Reflection.Emit;
using NetGuard.Diagnostics;
using NetGuard.Network;
using NetGuard.Platform;
using NetGuard.Policy;
using NetGuard.RateLimiting;
using NetGuard.Testing;

namespace NetGuard.HostTests.Network;

/// <summary>
/// Every way a firmware author might try to get an outbound TCP connection or an unlimited packet
/// stream through NetGuard, each refused with its reason. The compile-time ban
/// (<see cref="FirmwareBanTests"/>) keeps firmware from naming the platform socket types, so these are
/// the doors that remain: the guard's own API.
/// Outside the threat model: reflection over non-public members (reading the guard's private socket
/// layer and calling it) is deliberate sabotage by the firmware author, not a mistake; nanoFramework
/// has no access checks to stop it. Creating a second guard gives a second set of UDP budgets (its
/// listeners still cannot bind a port the first one holds): the firmware owns its process, so one
/// guard per device is a rule for the integrator, stated in the README. Native traffic (SNTP, TLS
/// inside SslStream, lwIP's DNS) does not pass through managed code at all; the ban keeps firmware from
/// starting it, a native lwIP hook and the MUD file are the stronger tiers (design section 2).
/// </summary>
public sealed class BypassTests
{
    private static readonly uint Resolver = LoopbackKit.Loopback;

    private static (NetworkGuard Guard, NetSocketLayer Layer, ManualClock Clock, int TcpPort) Arrange()
    {
        int port = LoopbackKit.FreeTcpPort();
        var clock = new ManualClock(0);
        var (guard, layer) = LoopbackKit.Guard(LoopbackKit.Policy(port, 2, RateLimit.PerSeconds(10, 1, 1), LoopbackKit.FreeUdpPort()), clock);
        return (guard, layer, clock, port);
    }

    private static GuardedDatagramChannel Channel(NetworkGuard guard)
    {
        Assert.True(guard.OpenUdp(0, out GuardedDatagramChannel channel).IsAccepted);
        return channel;
    }

    [Fact]
    public void AskingTheGuardForAnOutboundTcpConnection_OutboundTcpForbidden()
    {
        var (guard, layer, _, _) = Arrange();

        Decision decision = guard.RequestOutbound(EgressTransport.TcpConnect, 0x5DB8D822, 443);

        Assert.Equal(ReasonCode.OutboundTcpForbidden, decision.Reason);
        Assert.Equal(0, layer.OpenSockets);
        Assert.Equal(1, guard.Counters.GetByReason(ReasonCode.OutboundTcpForbidden));
    }

    [Fact]
    public void NoLibraryCode_CallsSocketConnectOrCreatesAClientType()
    {
        // Scan the IL of every method in the library (public or not) for calls to anything that dials out.
        Assembly library = typeof(NetworkGuard).Assembly;
        var offenders = new List<string>();
        foreach (Type type in library.GetTypes())
        {
            foreach (MethodBase method in type.GetMethods(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly).Cast<MethodBase>()
                .Concat(type.GetConstructors(BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static)))
            {
                foreach (MethodBase called in CalledMethods(method))
                {
                    Type? owner = called.DeclaringType;
                    bool dialsOut = (owner == typeof(Socket) && called.Name.Contains("Connect", StringComparison.Ordinal))
                        || owner == typeof(TcpClient) || owner == typeof(UdpClient) || owner == typeof(NetworkStream)
                        || owner?.FullName == "System.Net.Http.HttpClient" || owner == typeof(Dns);
                    if (dialsOut)
                    {
                        offenders.Add(type.FullName + "." + method.Name + " -> " + owner!.FullName + "." + called.Name);
                    }
                }
            }
        }

        Assert.Empty(offenders);

        // The scan itself works: it sees the socket layer's Bind call.
        MethodBase bind = typeof(NetSocketLayer).GetMethod("Bind", BindingFlags.NonPublic | BindingFlags.Instance)!;
        Assert.Contains(CalledMethods(bind), m => m.DeclaringType == typeof(Socket) && m.Name == nameof(Socket.Bind));
    }

    [Fact]
    public void DeclaringTelnet_PortForbidden()
    {
        var builder = new GuardPolicyBuilder(EgressPolicy.CreateDefault(new uint[0], Resolver));

        var e23 = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddTcpListener("telnet", 23, 1, RateLimit.PerSeconds(1, 1, 1)));
        var e2323 = Assert.Throws<ArgumentOutOfRangeException>(() => builder.AddUdpListener("telnet", 2323));

        Assert.StartsWith("PortForbidden", e23.Message, StringComparison.Ordinal);
        Assert.StartsWith("PortForbidden", e2323.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ListeningOnTelnetOrAnUndeclaredPort_Refused()
    {
        var (guard, layer, _, _) = Arrange();

        Assert.Equal(ReasonCode.PortForbidden, guard.ListenTcp(23, out _).Reason);
        Assert.Equal(ReasonCode.PortForbidden, guard.ListenTcp(2323, out _).Reason);
        Assert.Equal(ReasonCode.PortNotDeclared, guard.ListenTcp(LoopbackKit.FreeTcpPort(), out _).Reason);
        Assert.Equal(ReasonCode.PortNotDeclared, guard.OpenUdp(LoopbackKit.FreeUdpPort(), out _).Reason);
        Assert.Equal(0, layer.OpenSockets);
    }

    [Fact]
    public void ListeningTwiceOnTheDeclaredPortForMoreConnections_InvalidState()
    {
        var (guard, layer, _, port) = Arrange();
        Assert.True(guard.ListenTcp(port, out _).IsAccepted);

        Assert.Equal(ReasonCode.InvalidState, guard.ListenTcp(port, out _).Reason);
        Assert.Equal(1, layer.OpenSockets);
        guard.Close();
    }

    [Fact]
    public void SecondGuardOnTheSamePort_CannotBindIt()
    {
        var (guard, _, _, port) = Arrange();
        Assert.True(guard.ListenTcp(port, out _).IsAccepted);
        var (second, secondLayer) = LoopbackKit.Guard(guard.Policy, new ManualClock(0));

        Assert.Equal(ReasonCode.BindFailed, second.ListenTcp(port, out _).Reason);
        Assert.Equal(0, secondLayer.OpenSockets);
        guard.Close();
    }

    [Theory]
    [InlineData(80)]
    [InlineData(443)]
    [InlineData(23)]
    [InlineData(1883)]
    public void SendingToATcpServicePortOverUdp_NoProtocolClass(int port)
    {
        var (guard, _, _, _) = Arrange();

        Assert.Equal(ReasonCode.NoProtocolClass, Channel(guard).SendTo(new byte[16], 0, 16, 0x5DB8D822, port).Reason);
        guard.Close();
    }

    [Fact]
    public void IcmpAndRawPackets_TransportNotAllowed()
    {
        var (guard, _, _, _) = Arrange();

        Assert.Equal(ReasonCode.TransportNotAllowed, guard.RequestOutbound(EgressTransport.Icmp, 0x08080808, 0).Reason);
        Assert.Equal(ReasonCode.TransportNotAllowed, guard.RequestOutbound(EgressTransport.Raw, 0x08080808, 0).Reason);
    }

    [Fact]
    public void BroadcastOrMulticastToAnUndeclaredPortOrGroup_Refused()
    {
        var (guard, _, _, _) = Arrange();
        GuardedDatagramChannel channel = Channel(guard);

        Assert.Equal(ReasonCode.NoProtocolClass, channel.SendTo(new byte[8], 0, 8, Ipv4.Broadcast, 9).Reason);
        Assert.Equal(ReasonCode.NoProtocolClass, channel.SendTo(new byte[8], 0, 8, 0xC0A801FF, 9).Reason);
        Assert.Equal(ReasonCode.NoProtocolClass, channel.SendTo(new byte[8], 0, 8, Ipv4.SsdpGroup, 1900).Reason);
        Assert.Equal(ReasonCode.DestinationNotAllowed, channel.SendTo(new byte[8], 0, 8, 0xEF000001, 5353).Reason);
        Assert.Equal(ReasonCode.DestinationNotAllowed, channel.SendTo(new byte[8], 0, 8, Ipv4.Broadcast, 53).Reason);
        guard.Close();
    }

    [Fact]
    public void HugeDatagram_TooLarge()
    {
        var (guard, _, _, _) = Arrange();

        Assert.Equal(ReasonCode.TooLarge, Channel(guard).SendTo(new byte[65507], 0, 65507, Ipv4.MdnsGroup, 5353).Reason);
        guard.Close();
    }

    [Fact]
    public void ManySmallDatagrams_RateLimitedAfterTheBurst()
    {
        var (guard, _, _, _) = Arrange();
        GuardedDatagramChannel channel = Channel(guard);

        int admitted = 0;
        Decision last = Decision.Accept();
        for (int i = 0; i < 1000; i++)
        {
            last = channel.SendTo(new byte[1], 0, 1, Resolver, 53);
            admitted += last.IsAccepted ? 1 : 0;
        }

        Assert.Equal(EgressDefaults.DnsBurst, admitted);
        Assert.Equal(ReasonCode.RateLimited, last.Reason);
        Assert.Equal(1000 - EgressDefaults.DnsBurst, guard.Counters.GetByReason(ReasonCode.RateLimited));
        guard.Close();
    }

    [Fact]
    public void OpeningMoreChannels_DoesNotMultiplyTheBudget()
    {
        var (guard, _, _, _) = Arrange();
        var channels = Enumerable.Range(0, 4).Select(_ => Channel(guard)).ToArray();

        int admitted = 0;
        for (int i = 0; i < 40; i++)
        {
            admitted += channels[i % 4].SendTo(new byte[1], 0, 1, Resolver, 53).IsAccepted ? 1 : 0;
        }

        Assert.Equal(EgressDefaults.DnsBurst, admitted);
        guard.Close();
    }

    [Fact]
    public void DisguisingTrafficAsUpdateChecks_LimitedToTheResolverAndTheUpdateBudget()
    {
        var (guard, _, _, _) = Arrange();
        GuardedDatagramChannel channel = Channel(guard);

        Assert.Equal(ReasonCode.DestinationNotAllowed, channel.SendUpdateCheck(new byte[8], 0, 8, 0x08080808, 53).Reason);
        Assert.Equal(ReasonCode.NoProtocolClass, channel.SendUpdateCheck(new byte[8], 0, 8, Resolver, 443).Reason);
        Assert.True(channel.SendUpdateCheck(new byte[8], 0, 8, Resolver, 53).IsAccepted);
        Assert.True(channel.SendUpdateCheck(new byte[8], 0, 8, Resolver, 53).IsAccepted);
        Assert.Equal(ReasonCode.RateLimited, channel.SendUpdateCheck(new byte[8], 0, 8, Resolver, 53).Reason);
        guard.Close();
    }

    [Fact]
    public void SendingOnAClosedConnection_Closed()
    {
        var (guard, _, _, port) = Arrange();
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);
        connection.Close();

        Assert.Equal(ReasonCode.Closed, connection.Send(new byte[4], 0, 4).Reason);
        Assert.True(LoopbackKit.SeesClose(client));
        guard.Close();
    }

    [Fact]
    public void SendingAfterThePeerReset_ConnectionReset()
    {
        var (guard, layer, _, port) = Arrange();
        guard.ListenTcp(port, out GuardedListener listener);
        Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);
        client.LingerState = new LingerOption(true, 0);
        client.Close();

        // The reset may surface on the first send or the next one (the kernel learns of it from the RST).
        Decision decision = Decision.Accept();
        for (int i = 0; i < 50 && decision.IsAccepted; i++)
        {
            decision = connection.Send(new byte[64], 0, 64);
            if (decision.IsAccepted)
            {
                connection.Receive(new byte[1], 0, 1, 20, out _);
            }
        }

        Assert.Contains(decision.Reason, new[] { ReasonCode.ConnectionReset, ReasonCode.Closed });
        Assert.Equal(1, layer.OpenSockets);
        Assert.False(connection.Send(new byte[4], 0, 4).IsAccepted);
        guard.Close();
    }

    [Fact]
    public void UnlimitedTcpReplies_RateLimitedPerConnectionAndTooLargeInOnePiece()
    {
        var (guard, _, _, port) = Arrange();
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket client = LoopbackKit.Connect(port);
        client.ReceiveBufferSize = 1 << 20;
        LoopbackKit.Accept(listener, out IConnection connection);

        Assert.Equal(ReasonCode.TooLarge, connection.Send(new byte[1 << 20], 0, 1 << 20).Reason);
        int accepted = 0;
        Decision last = Decision.Accept();
        for (int i = 0; i < 100 && last.IsAccepted; i++)
        {
            last = connection.Send(new byte[1024], 0, 1024);
            accepted += last.IsAccepted ? 1 : 0;
        }

        Assert.Equal(EgressDefaults.TcpReplyConnectionBurstBytes / 1024, accepted);
        Assert.Equal(ReasonCode.RateLimited, last.Reason);
        guard.Close();
    }

    [Fact]
    public void AcceptedConnection_IsAnInternalSealedTypeWithNoWayToItsSocket()
    {
        var (guard, _, _, port) = Arrange();
        guard.ListenTcp(port, out GuardedListener listener);
        using Socket client = LoopbackKit.Connect(port);
        LoopbackKit.Accept(listener, out IConnection connection);

        Type runtime = connection.GetType();

        Assert.False(runtime.IsVisible);
        Assert.True(runtime.IsSealed);
        Assert.DoesNotContain(runtime.GetProperties(BindingFlags.Public | BindingFlags.Instance), p => typeof(Socket).IsAssignableFrom(p.PropertyType) || p.PropertyType == typeof(IStreamSocket));
        guard.Close();
    }

    [Fact]
    public void CallerMistakes_ThrowRatherThanSendAnything()
    {
        var (guard, layer, _, _) = Arrange();
        GuardedDatagramChannel channel = Channel(guard);

        Assert.Throws<ArgumentOutOfRangeException>(() => channel.SendTo(new byte[4], 0, -1, Resolver, 53));
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.SendTo(new byte[4], 2, 4, Resolver, 53));
        Assert.Throws<ArgumentNullException>(() => channel.SendTo(null!, 0, 0, Resolver, 53));
        Assert.Throws<ArgumentOutOfRangeException>(() => channel.SendTo(new byte[4], 0, 4, Resolver, 70000));
        Assert.Throws<ArgumentOutOfRangeException>(() => guard.RequestOutbound(EgressTransport.Udp, Resolver, 53));
        Assert.Equal(0, guard.GetEgressCounters().TotalAdmitted);
        guard.Close();
        Assert.Equal(0, layer.OpenSockets);
    }

    // The methods a method body calls or constructs, read from its IL (call, callvirt, newobj, ldftn).
    private static IEnumerable<MethodBase> CalledMethods(MethodBase method)
    {
        byte[]? il = method.GetMethodBody()?.GetILAsByteArray();
        if (il == null)
        {
            yield break;
        }

        for (int i = 0; i + 4 < il.Length; i++)
        {
            bool call = il[i] == OpCodes.Call.Value || il[i] == OpCodes.Callvirt.Value || il[i] == OpCodes.Newobj.Value;
            bool ldftn = il[i] == 0xFE && (il[i + 1] == 0x06 || il[i + 1] == 0x07) && i + 5 < il.Length;
            if (!call && !ldftn)
            {
                continue;
            }

            int at = ldftn ? i + 2 : i + 1;
            int token = BitConverter.ToInt32(il, at);
            if ((token >> 24) != 0x0A && (token >> 24) != 0x06 && (token >> 24) != 0x2B)
            {
                continue;
            }

            MethodBase? resolved = null;
            try
            {
                resolved = method.Module.ResolveMethod(token, method.DeclaringType?.GetGenericArguments(), method.IsGenericMethod ? method.GetGenericArguments() : null);
            }
            catch (ArgumentException)
            {
                // Not a method token at this offset: the byte was an operand, not an opcode.
            }

            if (resolved != null)
            {
                yield return resolved;
            }
        }
    }
}
