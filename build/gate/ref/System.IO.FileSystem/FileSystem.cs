// Signatures from nanoframework/System.IO.FileSystem (package nanoFramework.System.IO.FileSystem 1.1.93,
// assembly System.IO.FileSystem, RootNamespace System.IO; files System.IO.FileSystem/File.cs and
// Directory.cs at commit 434b26c6db29708367e4df3f4ea82095ef843372). Only the members NetGuard uses; every
// body throws. This assembly exists so the gate can compile device code; it is never run or shipped.
namespace System.IO
{
    public static class File
    {
        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }

        public static byte[] ReadAllBytes(string path)
        {
            throw new NotImplementedException();
        }

        public static void WriteAllBytes(string path, byte[] bytes)
        {
            throw new NotImplementedException();
        }

        public static void Delete(string path)
        {
            throw new NotImplementedException();
        }
    }

    public static class Directory
    {
        public static DirectoryInfo CreateDirectory(string path)
        {
            throw new NotImplementedException();
        }

        public static bool Exists(string path)
        {
            throw new NotImplementedException();
        }
    }

    public sealed class DirectoryInfo
    {
        private DirectoryInfo()
        {
        }
    }
}
