// Signature from nanoframework/System.Threading (package nanoFramework.System.Threading, assembly System.Threading):
// nanoFramework.System.Threading/Threading/CancellationToken.cs, a readonly struct in System.Threading. Only what
// the samples need: the type itself (WifiNetworkHelper.Reconnect takes one, default(CancellationToken) = none).
namespace System.Threading
{
    public readonly struct CancellationToken
    {
        public static CancellationToken None { get { throw new NotImplementedException(); } }
    }
}
