using System;
using System.Collections.Generic;
using System.IO;
using System.Reflection;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;

namespace NetGuard.Build.NanoClr;

/// <summary>
/// What a test assembly should report, read from its metadata without loading it: per [TestClass] type, every
/// method carrying [Setup], [TestMethod], [DataRow] or [Cleanup], and how many results it owes (one per
/// [DataRow], else one). nanoFramework's launcher prints one line per result as
/// <c>Test passed|failed|skipped,&lt;Namespace.Type.Method&gt;.&lt;attribute index&gt;,...</c> and stops silently when
/// reading a method's attributes throws, so whatever the inventory expects and the run did not print did not run.
/// </summary>
internal static class TestInventory
{
    /// <summary>Expected result count per "Namespace.Type.Method", in metadata order.</summary>
    public static IReadOnlyDictionary<string, int> Read(string assemblyPath)
    {
        var expected = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach ((MetadataReader md, string name, MethodDefinition method) in TestClassMethods(assemblyPath))
        {
            int rows = 0;
            int others = 0;
            foreach (CustomAttributeHandle handle in method.GetCustomAttributes())
            {
                switch (AttributeName(md, md.GetCustomAttribute(handle)))
                {
                    case "DataRowAttribute":
                        rows++;
                        break;
                    case "TestMethodAttribute":
                    case "SetupAttribute":
                    case "CleanupAttribute":
                        others++;
                        break;
                }
            }

            int results = rows > 0 ? rows : Math.Min(others, 1);
            if (results > 0)
            {
                expected[name] = results;
            }
        }

        return expected;
    }

    /// <summary>Methods the launcher cannot call: it lists only public methods and calls them on a null instance.</summary>
    public static IEnumerable<string> Unreachable(string assemblyPath)
    {
        foreach ((MetadataReader md, string name, MethodDefinition method) in TestClassMethods(assemblyPath))
        {
            CustomAttributeHandleCollection attributes = method.GetCustomAttributes();
            bool isTest = HasAttribute(md, attributes, "TestMethodAttribute") || HasAttribute(md, attributes, "DataRowAttribute")
                || HasAttribute(md, attributes, "SetupAttribute") || HasAttribute(md, attributes, "CleanupAttribute");
            if (isTest && (method.Attributes & MethodAttributes.MemberAccessMask) != MethodAttributes.Public)
            {
                yield return name + " is not public";
            }
        }
    }

    // Every method of every [TestClass] type, named "Namespace.Type.Method", in metadata order.
    private static IEnumerable<(MetadataReader Metadata, string Name, MethodDefinition Method)> TestClassMethods(string assemblyPath)
    {
        using var stream = File.OpenRead(assemblyPath);
        using var pe = new PEReader(stream);
        MetadataReader md = pe.GetMetadataReader();
        foreach (TypeDefinitionHandle typeHandle in md.TypeDefinitions)
        {
            TypeDefinition type = md.GetTypeDefinition(typeHandle);
            if (!HasAttribute(md, type.GetCustomAttributes(), "TestClassAttribute"))
            {
                continue;
            }

            string typeName = md.GetString(type.Namespace) + "." + md.GetString(type.Name);
            foreach (MethodDefinitionHandle methodHandle in type.GetMethods())
            {
                MethodDefinition method = md.GetMethodDefinition(methodHandle);
                yield return (md, typeName + "." + md.GetString(method.Name), method);
            }
        }
    }

    private static bool HasAttribute(MetadataReader md, CustomAttributeHandleCollection attributes, string name)
    {
        foreach (CustomAttributeHandle handle in attributes)
        {
            if (AttributeName(md, md.GetCustomAttribute(handle)) == name)
            {
                return true;
            }
        }

        return false;
    }

    private static string AttributeName(MetadataReader md, CustomAttribute attribute)
    {
        EntityHandle type = attribute.Constructor.Kind switch
        {
            HandleKind.MemberReference => md.GetMemberReference((MemberReferenceHandle)attribute.Constructor).Parent,
            HandleKind.MethodDefinition => md.GetMethodDefinition((MethodDefinitionHandle)attribute.Constructor).GetDeclaringType(),
            _ => default,
        };
        return type.Kind switch
        {
            HandleKind.TypeReference => md.GetString(md.GetTypeReference((TypeReferenceHandle)type).Name),
            HandleKind.TypeDefinition => md.GetString(md.GetTypeDefinition((TypeDefinitionHandle)type).Name),
            _ => string.Empty,
        };
    }
}
