// Signature from nanoframework/System.Device.Wifi (package nanoFramework.System.Device.Wifi, assembly
// System.Device.Wifi): System.Device.Wifi/NetworkHelper/WifiNetworkHelper.cs, namespace nanoFramework.Networking,
// static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default):
// connects with the Wi-Fi configuration already stored on the device. Only the member the samples use.
using System;
using System.Threading;

namespace nanoFramework.Networking
{
    public static class WifiNetworkHelper
    {
        public static bool Reconnect(bool requiresDateTime = false, int wifiAdapterId = 0, CancellationToken token = default) { throw new NotImplementedException(); }
    }
}
