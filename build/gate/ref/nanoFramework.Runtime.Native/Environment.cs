// Signature from nanoframework/nanoFramework.Runtime.Native (package nanoFramework.Runtime.Native 1.7):
// namespace System, static partial class Environment, extern long TickCount64 (milliseconds since boot).
namespace System
{
    public static class Environment
    {
        public static long TickCount64
        {
            get { throw new NotImplementedException(); }
        }
    }
}
