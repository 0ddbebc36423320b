// Signature from nanoframework/nanoFramework.Runtime.Native (package nanoFramework.Runtime.Native 1.7, GC.cs):
// namespace nanoFramework.Runtime.Native, static class GC, extern uint Run(bool compactHeap): runs the collector and
// returns the free heap in bytes; extern void EnableGCMessages(bool enable): the runtime prints a line per collection.
namespace nanoFramework.Runtime.Native
{
    public static class GC
    {
        public static uint Run(bool compactHeap) { throw new System.NotImplementedException(); }

        public static void EnableGCMessages(bool enable) { throw new System.NotImplementedException(); }
    }
}
