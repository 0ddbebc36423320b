#!/usr/bin/env python3
"""Writes NetGuard's device projects from build/assemblies.txt and the source tree:

  - <folder>/<name>.nfproj and <folder>/packages.config per assembly, in the nanoFramework org's project shape
    (explicit <Compile Include> per file, packages.config references, strong-named libraries);
  - build/gate/<name>/<name>.csproj: the same assembly compiled by `dotnet build NetGuard.sln` against the real
    mscorlib and the project's signature-only references (the compatibility gate, which is also the device build
    that build/nanoclr/run-tests.sh converts to .pe);
  - NetGuard.Device.sln and NetGuard.nuspec (the shipped libraries).

  python3 build/nfproj.py          rewrite what is out of date
  python3 build/nfproj.py --check  exit 1 if anything is out of date

Package versions: shared/nanoframework.md (stable versions of 2025-2026). A file added to an assembly's folder
appears in its .nfproj at the next run; the host test DeviceProjectShapeTests fails until then.
"""
import os
import sys
import uuid

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
TYPE_GUID = "{11A8DD76-328B-46DF-9F39-F559912D0360}"
TYPE_GUIDS = TYPE_GUID + ";{FAE04EC0-301F-11D3-BF4B-00C04F79EFBC}"
TOKEN = "c07d481e9758c731"
GUID_NAMESPACE = uuid.UUID("5f0e6c3a-8d1b-4f7e-9a2c-6b4d3e1f0a97")

# assembly name -> (NuGet package id, version, packages it depends on by assembly name)
PACKAGES = {
    "mscorlib": ("nanoFramework.CoreLibrary", "1.17.11", []),
    "nanoFramework.Runtime.Native": ("nanoFramework.Runtime.Native", "1.7.11", []),
    "nanoFramework.Runtime.Events": ("nanoFramework.Runtime.Events", "1.11.37", []),
    "nanoFramework.System.Text": ("nanoFramework.System.Text", "1.3.42", []),
    "System.IO.Streams": ("nanoFramework.System.IO.Streams", "1.1.96", ["nanoFramework.System.Text"]),
    "System.IO.FileSystem": ("nanoFramework.System.IO.FileSystem", "1.1.93", ["System.IO.Streams", "nanoFramework.Runtime.Events"]),
    "System.Threading": ("nanoFramework.System.Threading", "1.1.52", []),
    "System.Net": ("nanoFramework.System.Net", "1.11.60", ["nanoFramework.Runtime.Events", "nanoFramework.System.Text", "System.Threading", "System.IO.Streams"]),
    "System.Device.Gpio": ("nanoFramework.System.Device.Gpio", "1.1.57", ["nanoFramework.Runtime.Events"]),
    "System.Device.Wifi": ("nanoFramework.System.Device.Wifi", "1.5.133", ["System.Net", "nanoFramework.Runtime.Events"]),
    "nanoFramework.System.Security.Cryptography": ("nanoFramework.System.Security.Cryptography", "1.0.38", []),
    "nanoFramework.TestFramework": ("nanoFramework.TestFramework", "3.0.80", []),
}
# Signature-only reference assemblies of the gate (build/gate/ref/<name>); the rest come from NuGet or are not used directly.
GATE_REFS = ["nanoFramework.Runtime.Native", "nanoFramework.Runtime.Events", "System.IO.Streams", "System.IO.FileSystem",
             "System.Threading", "System.Net", "System.Device.Gpio", "System.Device.Wifi", "nanoFramework.System.Security.Cryptography",
             "nanoFramework.TestFramework"]
SHARED_LIBRARY_INFO = "nf-guard/SharedAssemblyInfo.cs"
SHARED_TEST_INFO = "nf-guard.Tests/TestAssemblyInfo.cs"
RUNSETTINGS = "nf-guard.Tests/nano.runsettings"
HARDWARE_RUNSETTINGS = "nf-guard.Tests/nano.hardware.runsettings"


TEST_KINDS = ("test", "hwtest", "bench")


class Assembly:
    def __init__(self, kind, name, folder, references, links):
        self.kind, self.name, self.folder = kind, name, folder
        self.references = references.split(",")
        self.links = [] if links == "-" else links.split(",")
        self.guid = "{%s}" % str(uuid.uuid5(GUID_NAMESPACE, name)).upper()

    @property
    def netguard_references(self):
        return [r for r in self.references if r not in PACKAGES]

    @property
    def package_references(self):
        """The nanoFramework assemblies referenced, with the packages they depend on, in PACKAGES order."""
        wanted = set()

        def add(name):
            if name not in wanted:
                wanted.add(name)
                for dependency in PACKAGES[name][2]:
                    add(dependency)

        for r in self.references:
            if r in PACKAGES:
                add(r)
        return [p for p in PACKAGES if p in wanted]

    @property
    def assembly_name(self):
        return "NFUnitTest" if self.kind in TEST_KINDS else self.name

    @property
    def project_file(self):
        return "%s/%s.nfproj" % (self.folder, self.name)


def read_table():
    result = []
    with open(os.path.join(ROOT, "build/assemblies.txt")) as handle:
        for line in handle:
            line = line.strip()
            if line and not line.startswith("#"):
                kind, name, folder, references, links = line.split()
                result.append(Assembly(kind, name, folder, references, links))
    names = [a.name for a in result]
    for i, a in enumerate(result):
        for r in a.netguard_references:
            if r not in names[:i]:
                sys.exit("build/assemblies.txt: %s references %s, which is not listed above it" % (a.name, r))
    return result


def sources(folder):
    """Every .cs file below folder (bin/ and obj/ left out), as paths relative to it, sorted case-insensitively."""
    result = []
    base = os.path.join(ROOT, folder)
    for directory, dirs, files in os.walk(base):
        dirs[:] = sorted(d for d in dirs if d not in ("bin", "obj"))
        for name in files:
            if name.endswith(".cs"):
                result.append(os.path.relpath(os.path.join(directory, name), base).replace(os.sep, "/"))
    return sorted(result, key=lambda p: p.lower())


def rel(path, start_folder):
    return os.path.relpath(os.path.join(ROOT, path), os.path.join(ROOT, start_folder)).replace(os.sep, "/")


def win(path):
    return path.replace("/", "\\")


def shared_info(a):
    if a.kind in ("lib", "support"):
        return SHARED_LIBRARY_INFO
    if a.kind in ("test", "hwtest"):
        return SHARED_TEST_INFO
    return None


def linked_sources(a):
    """(include path relative to the project folder, link name) for sources compiled in from other folders."""
    result = []
    info = shared_info(a)
    if info:
        result.append((rel(info, a.folder), "Properties/" + os.path.basename(info)))
    for link in a.links:
        if link.endswith(".cs"):
            folder, name = link.rsplit("/", 1)
            result.append((rel(link, a.folder), folder.split("/")[-1] + "/" + name))
            continue
        for f in sources(link):
            result.append((rel(link + "/" + f, a.folder), link.split("/")[-1] + "/" + f))
    return result


def nfproj(a, table):
    by_name = {x.name: x for x in table}
    packages_dir = rel("packages", a.folder)
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<Project ToolsVersion="15.0" DefaultTargets="Build" xmlns="http://schemas.microsoft.com/developer/msbuild/2003">',
        '  <!-- Generated by build/nfproj.py from build/assemblies.txt and the source tree; edit those, not this file. -->',
        '  <PropertyGroup Label="Globals">',
        '    <NanoFrameworkProjectSystemPath>$(MSBuildExtensionsPath)\\nanoFramework\\v1.0\\</NanoFrameworkProjectSystemPath>',
        '  </PropertyGroup>',
        '  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.Default.props\')" />',
    ]
    if a.kind in TEST_KINDS:
        lines += ['  <ItemGroup>', '    <ProjectCapability Include="TestContainer" />', '  </ItemGroup>']
    lines += [
        '  <PropertyGroup>',
        '    <Configuration Condition=" \'$(Configuration)\' == \'\' ">Debug</Configuration>',
        '    <Platform Condition=" \'$(Platform)\' == \'\' ">AnyCPU</Platform>',
        '    <ProjectTypeGuids>%s</ProjectTypeGuids>' % TYPE_GUIDS,
        '    <ProjectGuid>%s</ProjectGuid>' % a.guid,
        '    <OutputType>%s</OutputType>' % ("Exe" if a.kind == "app" else "Library"),
        '    <AppDesignerFolder>Properties</AppDesignerFolder>',
        '    <FileAlignment>512</FileAlignment>',
        '    <RootNamespace>%s</RootNamespace>' % a.name,
        '    <AssemblyName>%s</AssemblyName>' % a.assembly_name,
        '    <TargetFrameworkVersion>v1.0</TargetFrameworkVersion>',
        '    <LangVersion>9.0</LangVersion>',
        '    <RestorePackagesWithLockFile>true</RestorePackagesWithLockFile>',
    ]
    if a.kind == "lib":
        lines += [
            '    <DocumentationFile>bin\\$(Configuration)\\%s.xml</DocumentationFile>' % a.name,
            '    <SignAssembly>true</SignAssembly>',
            '    <AssemblyOriginatorKeyFile>%s</AssemblyOriginatorKeyFile>' % win(rel("nf-guard/key.snk", a.folder)),
            '    <DelaySign>false</DelaySign>',
        ]
    if a.kind in TEST_KINDS:
        settings = HARDWARE_RUNSETTINGS if a.kind == "hwtest" else RUNSETTINGS
        lines += [
            '    <IsCodedUITest>False</IsCodedUITest>',
            '    <IsTestProject>true</IsTestProject>',
            '    <TestProjectType>UnitTest</TestProjectType>',
            '    <RunSettingsFilePath>%s</RunSettingsFilePath>' % win("$(MSBuildProjectDirectory)/" + rel(settings, a.folder)),
        ]
    lines += [
        '  </PropertyGroup>',
        '  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.props" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.props\')" />',
        '  <ItemGroup>',
    ]
    lines += ['    <Compile Include="%s" />' % win(f) for f in sources(a.folder)]
    for include, link in linked_sources(a):
        lines += ['    <Compile Include="%s">' % win(include), '      <Link>%s</Link>' % win(link), '    </Compile>']
    lines += ['  </ItemGroup>', '  <ItemGroup>']
    for name in a.package_references:
        package, version, _ = PACKAGES[name]
        lines += [
            '    <Reference Include="%s, Version=%s.0, Culture=neutral, PublicKeyToken=%s">' % (name, version, TOKEN),
            '      <HintPath>%s\\%s.%s\\lib\\%s.dll</HintPath>' % (win(packages_dir), package, version, name),
            '    </Reference>',
        ]
    if a.kind in TEST_KINDS:
        # The device test launcher ships in the TestFramework package as an .exe the test project references.
        version = PACKAGES["nanoFramework.TestFramework"][1]
        lines += [
            '    <Reference Include="nanoFramework.UnitTestLauncher">',
            '      <HintPath>%s\\nanoFramework.TestFramework.%s\\lib\\nanoFramework.UnitTestLauncher.exe</HintPath>' % (win(packages_dir), version),
            '    </Reference>',
        ]
    lines += ['  </ItemGroup>']
    if a.netguard_references:
        lines += ['  <ItemGroup>']
        lines += ['    <ProjectReference Include="%s" />' % win(rel(by_name[r].project_file, a.folder)) for r in a.netguard_references]
        lines += ['  </ItemGroup>']
    lines += ['  <ItemGroup>', '    <None Include="packages.config" />']
    if a.kind == "lib":
        lines += ['    <None Include="%s" />' % win(rel("nf-guard/key.snk", a.folder))]
    lines += [
        '  </ItemGroup>',
        '  <Import Project="$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets" Condition="Exists(\'$(NanoFrameworkProjectSystemPath)NFProjectSystem.CSharp.targets\')" />',
        '  <ProjectExtensions>',
        '    <ProjectCapabilities>',
        '      <ProjectConfigurationsDeclaredAsItems />',
        '    </ProjectCapabilities>',
        '  </ProjectExtensions>',
        '</Project>',
        '',
    ]
    return "\r\n".join(lines)


def packages_config(a):
    lines = ['<?xml version="1.0" encoding="utf-8"?>', '<packages>']
    lines += ['  <package id="%s" version="%s" targetFramework="netnano1.0" />' % PACKAGES[p][:2] for p in a.package_references]
    lines += ['</packages>', '']
    return "\r\n".join(lines)


def gate_project(a):
    """SDK-style project compiling the same sources against the real mscorlib and the signature-only references."""
    excludes = "$(RepoRoot)%s/obj/**;$(RepoRoot)%s/bin/**" % (a.folder, a.folder)
    if a.kind == "support":
        excludes += ";$(RepoRoot)%s/*.csproj" % a.folder
    lines = [
        '<Project Sdk="Microsoft.NET.Sdk">',
        '  <!-- Generated by build/nfproj.py from build/assemblies.txt: the device build of %s (%s). -->' % (a.name, a.kind),
        '  <PropertyGroup>',
        '    <AssemblyName>%s</AssemblyName>' % a.assembly_name,
        '    <DeviceAssemblyKind>%s</DeviceAssemblyKind>' % a.kind,
        '  </PropertyGroup>',
        '  <Import Project="../GateCode.props" />',
        '  <ItemGroup>',
        '    <Compile Include="$(RepoRoot)%s/**/*.cs" Exclude="%s" />' % (a.folder, excludes),
    ]
    info = shared_info(a)
    if info:
        lines += ['    <Compile Include="$(RepoRoot)%s" />' % info]
    lines += ['    <Compile Include="$(RepoRoot)%s" />' % (f if f.endswith(".cs") else f + "/**/*.cs") for f in a.links]
    lines += ['    <ProjectReference Include="../%s/%s.csproj" />' % (r, r) for r in a.netguard_references]
    lines += ['    <ProjectReference Include="../ref/%s/%s.csproj" />' % (r, r) for r in a.references if r in GATE_REFS]
    lines += ['  </ItemGroup>', '</Project>', '']
    return "\n".join(lines)


def solution(table):
    lines = [
        '',
        'Microsoft Visual Studio Solution File, Format Version 12.00',
        '# Visual Studio Version 17',
        'VisualStudioVersion = 17.0.31903.59',
        'MinimumVisualStudioVersion = 10.0.40219.1',
    ]
    for a in table:
        lines += ['Project("%s") = "%s", "%s", "%s"' % (TYPE_GUID, a.name, win(a.project_file), a.guid), 'EndProject']
    lines += [
        'Global',
        '\tGlobalSection(SolutionConfigurationPlatforms) = preSolution',
        '\t\tDebug|Any CPU = Debug|Any CPU',
        '\t\tRelease|Any CPU = Release|Any CPU',
        '\tEndGlobalSection',
        '\tGlobalSection(ProjectConfigurationPlatforms) = postSolution',
    ]
    for a in table:
        for configuration in ("Debug", "Release"):
            for step in ("ActiveCfg", "Build.0", "Deploy.0"):
                lines.append('\t\t%s.%s|Any CPU.%s = %s|Any CPU' % (a.guid, configuration, step, configuration))
    lines += [
        '\tEndGlobalSection',
        '\tGlobalSection(SolutionProperties) = preSolution',
        '\t\tHideSolutionNode = FALSE',
        '\tEndGlobalSection',
        'EndGlobal',
        '',
    ]
    return "\r\n".join(lines)


def nuspec(table):
    libraries = [a for a in table if a.kind == "lib"]
    dependencies = []
    for a in libraries:
        for p in a.package_references:
            if PACKAGES[p][0] not in [d[0] for d in dependencies]:
                dependencies.append(PACKAGES[p][:2])
    lines = [
        '<?xml version="1.0" encoding="utf-8"?>',
        '<!-- Generated by build/nfproj.py from build/assemblies.txt: every shipped device assembly, flat in lib\\. -->',
        '<package xmlns="http://schemas.microsoft.com/packaging/2010/07/nuspec.xsd">',
        '  <metadata>',
        '    <id>NetGuard</id>',
        '    <version>$version$</version>',
        '    <title>NetGuard for .NET nanoFramework</title>',
        '    <authors>NetGuard contributors</authors>',
        '    <license type="expression">MIT</license>',
        '    <requireLicenseAcceptance>false</requireLicenseAcceptance>',
        '    <readme>docs\\README.md</readme>',
        '    <description>Keeps an ESP32 running .NET nanoFramework from becoming the next botnet: no outbound TCP, a rate limit per protocol class, a forced owner password at first boot, and signed updates only.</description>',
        '    <tags>nanoFramework C# csharp netmf netnf security iot esp32 firewall rate-limit</tags>',
        '    <dependencies>',
    ]
    lines += ['      <dependency id="%s" version="%s" />' % d for d in dependencies]
    lines += [
        '      <dependency id="Microsoft.CodeAnalysis.BannedApiAnalyzers" version="5.6.0" />',
        '    </dependencies>',
        '  </metadata>',
        '  <files>',
    ]
    for a in libraries:
        for extension in ("dll", "pdb", "pdbx", "pe", "xml"):
            lines.append('    <file src="%s\\bin\\Release\\%s.%s" target="lib" />' % (win(a.folder), a.name, extension))
    lines += [
        '    <file src="nf-guard\\BannedSymbols.txt" target="build\\BannedSymbols.txt" />',
        '    <file src="nf-guard\\NetGuard.props" target="build\\NetGuard.props" />',
        '    <file src="README.md" target="docs\\" />',
        '    <file src="LICENSE" target="" />',
        '  </files>',
        '</package>',
        '',
    ]
    return "\n".join(lines)


def solution_filter(table):
    """The device build: every gate project (with the signature-only references) and the device test runner."""
    projects = ["build/gate/%s/%s.csproj" % (a.name, a.name) for a in table]
    projects += ["build/gate/ref/%s/%s.csproj" % (r, r) for r in GATE_REFS]
    projects += ["build/nanoclr/NanoClrRunner/NanoClrRunner.csproj"]
    lines = ['{', '  "solution": {', '    "path": "../../NetGuard.sln",', '    "projects": [']
    lines += ['      "%s"%s' % (win(p).replace("\\", "\\\\"), "," if i + 1 < len(projects) else "") for i, p in enumerate(projects)]
    lines += ['    ]', '  }', '}', '']
    return "\n".join(lines)


def outputs():
    table = read_table()
    result = {}
    for a in table:
        result[a.project_file] = nfproj(a, table)
        result[a.folder + "/packages.config"] = packages_config(a)
        result["build/gate/%s/%s.csproj" % (a.name, a.name)] = gate_project(a)
    result["NetGuard.Device.sln"] = solution(table)
    result["NetGuard.nuspec"] = nuspec(table)
    result["build/gate/DeviceBuild.slnf"] = solution_filter(table)
    return result


def main():
    check = "--check" in sys.argv[1:]
    stale = []
    for path_in_repo, text in outputs().items():
        path = os.path.join(ROOT, path_in_repo)
        current = open(path, newline="").read() if os.path.exists(path) else None
        if current != text:
            stale.append(path_in_repo)
            if not check:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                with open(path, "w", newline="") as handle:
                    handle.write(text)
    if check and stale:
        print("out of date (run python3 build/nfproj.py): " + ", ".join(stale))
        return 1
    if not check:
        print("written: " + (", ".join(stale) if stale else "nothing changed"))
    return 0


if __name__ == "__main__":
    sys.exit(main())
