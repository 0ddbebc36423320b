using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using NetGuard.Network;

namespace NetGuard.HostTests.Network;

/// <summary>
/// The library's whole public surface, by reflection: no public or protected member takes or returns a
/// platform socket type (System.Net.Sockets.Socket, TcpClient, NetworkStream, ... or any System.Net
/// type at all: the guard speaks in uint addresses), no method is named Connect*, and every public
/// class in the network and platform folders is sealed or static, so nothing can be overridden.
/// </summary>
public sealed class PublicSurfaceTests
{
    private static readonly Assembly Library = typeof(NetworkGuard).Assembly;

    private const BindingFlags Visible = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance | BindingFlags.Static | BindingFlags.DeclaredOnly;

    private static bool IsVisible(MethodBase method) => method.IsPublic || method.IsFamily || method.IsFamilyOrAssembly;

    private static IEnumerable<MemberInfo> VisibleMembers(Type type)
    {
        foreach (MemberInfo member in type.GetMembers(Visible))
        {
            switch (member)
            {
                case MethodBase method when IsVisible(method):
                    yield return member;
                    break;
                case PropertyInfo property when property.GetAccessors(true).Any(IsVisible):
                    yield return member;
                    break;
                case FieldInfo field when field.IsPublic || field.IsFamily || field.IsFamilyOrAssembly:
                    yield return member;
                    break;
                case EventInfo:
                case Type { IsNestedPublic: true }:
                    yield return member;
                    break;
            }
        }
    }

    private static IEnumerable<Type> TypesOf(MemberInfo member)
    {
        switch (member)
        {
            case MethodInfo method:
                yield return method.ReturnType;
                foreach (ParameterInfo parameter in method.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
            case ConstructorInfo constructor:
                foreach (ParameterInfo parameter in constructor.GetParameters())
                {
                    yield return parameter.ParameterType;
                }

                break;
            case PropertyInfo property:
                yield return property.PropertyType;
                break;
            case FieldInfo field:
                yield return field.FieldType;
                break;
            case EventInfo e:
                yield return e.EventHandlerType!;
                break;
        }
    }

    private static Type Core(Type type)
    {
        while (type.HasElementType)
        {
            type = type.GetElementType()!;
        }

        return type;
    }

    private static bool IsPlatformNetworkType(Type type)
    {
        string ns = Core(type).Namespace ?? string.Empty;
        return ns == "System.Net" || ns.StartsWith("System.Net.", StringComparison.Ordinal) || Core(type) == typeof(System.IO.Stream);
    }

    [Fact]
    public void NoPublicMember_TakesOrReturnsAPlatformSocketType()
    {
        var offenders = new List<string>();
        foreach (Type type in Library.GetExportedTypes())
        {
            foreach (MemberInfo member in VisibleMembers(type))
            {
                foreach (Type used in TypesOf(member))
                {
                    if (IsPlatformNetworkType(used))
                    {
                        offenders.Add(type.FullName + "." + member.Name + " uses " + used.FullName);
                    }
                }
            }

            Assert.False(type.IsSubclassOf(typeof(System.Net.Sockets.Socket)), type.FullName);
        }

        Assert.Empty(offenders);
    }

    [Fact]
    public void NoPublicMethod_IsNamedConnect()
    {
        var offenders = Library.GetExportedTypes()
            .SelectMany(t => VisibleMembers(t).OfType<MethodBase>().Select(m => t.FullName + "." + m.Name))
            .Where(name => name.Substring(name.LastIndexOf('.') + 1).StartsWith("Connect", StringComparison.OrdinalIgnoreCase))
            .ToList();

        Assert.Empty(offenders);
    }

    [Fact]
    public void SocketLayerSeam_OffersNoConnectAndNoOutboundTcpOperation()
    {
        Type[] seam = { typeof(ISocketLayer), typeof(IStreamListenerSocket), typeof(IStreamSocket), typeof(IDatagramSocket), typeof(IConnection), typeof(IDatagramChannel) };
        foreach (Type type in seam)
        {
            foreach (MethodInfo method in type.GetMethods())
            {
                Assert.DoesNotContain("connect", method.Name, StringComparison.OrdinalIgnoreCase);
            }
        }

        Assert.Equal(new[] { "OpenDatagram", "OpenStreamListener" }, typeof(ISocketLayer).GetMethods().Select(m => m.Name).OrderBy(n => n, StringComparer.Ordinal).ToArray());
    }

    [Fact]
    public void PublicClassesInNetworkPlatformPolicyAndDiagnostics_AreSealedOrStatic()
    {
        string[] folders = { "NetGuard.Network", "NetGuard.Platform", "NetGuard.Platform.Host", "NetGuard.Policy", "NetGuard.Diagnostics" };
        var open = Library.GetExportedTypes()
            .Where(t => t.IsClass && !t.IsSubclassOf(typeof(Delegate)) && folders.Contains(t.Namespace))
            .Where(t => !t.IsSealed)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(open);
    }

    [Fact]
    public void SocketLayerImplementations_AreNotPublic()
    {
        var publicLayers = Library.GetTypes()
            .Where(t => t.IsClass && t.GetInterfaces().Any(i => i == typeof(ISocketLayer) || i == typeof(IStreamSocket) || i == typeof(IDatagramSocket) || i == typeof(IStreamListenerSocket)))
            .Where(t => t.IsVisible)
            .Select(t => t.FullName)
            .ToList();

        Assert.Empty(publicLayers);
    }

    [Fact]
    public void NoPublicMember_ReturnsTheSocketLayerOrAPlatformSocketWrapper()
    {
        Type[] hidden = { typeof(ISocketLayer), typeof(IStreamListenerSocket), typeof(IStreamSocket), typeof(IDatagramSocket) };
        var offenders = new List<string>();
        foreach (Type type in Library.GetExportedTypes())
        {
            foreach (MemberInfo member in VisibleMembers(type))
            {
                Type? returned = member switch
                {
                    MethodInfo m => m.ReturnType,
                    PropertyInfo p => p.PropertyType,
                    FieldInfo f => f.FieldType,
                    _ => null,
                };
                bool outParameter = member is MethodInfo method && method.GetParameters().Any(p => p.IsOut && hidden.Contains(Core(p.ParameterType)));
                if ((returned != null && hidden.Contains(Core(returned))) || outParameter)
                {
                    // The seam's own interfaces hand each other out; nothing else may.
                    if (!hidden.Contains(type))
                    {
                        offenders.Add(type.FullName + "." + member.Name);
                    }
                }
            }
        }

        Assert.Empty(offenders);
    }
}
