using System.Diagnostics;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.Security;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Text;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.HostTests.Network;
using NetGuard.Fuzz;
using NetGuard.Http;
using NetGuard.Network;
using NetGuard.Platform.Host;
using NetGuard.RateLimiting;
using NetGuard.Updates;

namespace NetGuard.HostTests.Http;

/// <summary>
/// HTTPS for the admin server (issue 9): the HTTP server over <see cref="TlsConnectionSource"/> over the guarded
/// listener on 127.0.0.1, with a self-signed certificate made in the test. A client that trusts exactly that
/// certificate is served with the security headers; plain HTTP, garbage and a silent client get no HTTP answer, are
/// counted as failed handshakes and do not stop the server; the TLS bytes are admitted TCP replies in the guard's
/// counters. Loopback only, each test bounded to a few seconds.
/// </summary>
public sealed class TlsConnectionSourceTests : IDisposable
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(15);

    private readonly X509Certificate2 _certificate;
    private readonly NetworkGuard _guard;
    private readonly TlsConnectionSource _tls;
    private readonly HttpServer _server;
    private readonly int _port;

    public TlsConnectionSourceTests()
    {
        _certificate = SelfSigned("CN=127.0.0.1");
        _port = LoopbackKit.FreeTcpPort();
        var clock = new StopwatchClock();
        _guard = HostNetworkGuard.CreateLoopback(LoopbackKit.Policy(_port, 4, RateLimit.PerSeconds(64, 32, 1), LoopbackKit.FreeUdpPort()), clock);
        Assert.True(_guard.ListenTcp(_port, out GuardedListener listener).IsAccepted);
        _tls = new TlsConnectionSource(new GuardedListenerSource(listener), _certificate, 1500);
        _server = new HttpServer(_tls, HttpOracle.Router(), clock, new HttpServerOptions { MaxConnections = 4 });
        _server.Start();
    }

    public void Dispose()
    {
        _server.Stop();
        _guard.Close();
        _certificate.Dispose();
    }

    [Fact]
    public async Task ClientTrustingTheCertificate_GetsStatusWithSecurityHeaders()
    {
        using HttpClient client = Client(_certificate.Thumbprint);

        using HttpResponseMessage response = await client.GetAsync("/api/status").WaitAsync(Bound);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("{\"setupRequired\":true,\"model\":\"test-model\",\"firmwareVersion\":\"1.0.0\"}", await response.Content.ReadAsStringAsync());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.Equal("no-store", response.Headers.CacheControl!.ToString());
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("no-referrer", response.Headers.GetValues("Referrer-Policy").Single());
        Assert.Equal(HttpResponse.ContentSecurityPolicy, response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(_tls.HandshakesCompleted >= 1);
        Assert.Equal(0, _tls.HandshakesFailed);
    }

    [Fact]
    public async Task ClientExpectingAnotherCertificate_IsNotServed()
    {
        // Reject twin: the same server, a client that pins a different certificate refuses the handshake.
        using X509Certificate2 other = SelfSigned("CN=someone-else");
        using HttpClient client = Client(other.Thumbprint);

        await Assert.ThrowsAsync<HttpRequestException>(() => client.GetAsync("/api/status").WaitAsync(Bound));

        // With TLS 1.3 the server's side of the handshake completes before the client checks the certificate
        // and hangs up; with TLS 1.2 the client's alert fails it. Either way the one attempt has ended.
        Assert.True(await Eventually(() => _tls.HandshakesCompleted + _tls.HandshakesFailed == 1));
    }

    [Fact]
    public async Task PlainHttpToTlsPort_GetsNoHttpAnswer_AndServerKeepsServingTls()
    {
        using (Socket plain = LoopbackKit.Connect(_port))
        {
            plain.Send(Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: d\r\n\r\n"));
            byte[] answer = ReadUntilClosed(plain);

            // No "HTTP/1.1 ..." status line: at most a TLS alert record (content type 21) before the close.
            Assert.False(Encoding.ASCII.GetString(answer).Contains("HTTP/", StringComparison.Ordinal));
            Assert.True(answer.Length == 0 || answer[0] == 21, "only a TLS alert may come back");
        }

        Assert.True(await Eventually(() => _tls.HandshakesFailed == 1));
        Assert.Equal(ReasonCode.Malformed, _tls.LastHandshakeFailure);

        using HttpClient client = Client(_certificate.Thumbprint);
        using HttpResponseMessage response = await client.GetAsync("/api/status").WaitAsync(Bound);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task GarbageInsteadOfClientHello_IsClosedAndCounted()
    {
        byte[] garbage = new byte[300];
        new Random(9).NextBytes(garbage);
        // A record header that looks like a TLS 1.2 handshake record of exactly the bytes that follow
        // (RFC 8446 5.1: type 22, version 3.3, length), so the server reads all of it and must judge the
        // random handshake message itself rather than wait for more.
        garbage[0] = 0x16;
        garbage[1] = 0x03;
        garbage[2] = 0x03;
        garbage[3] = (byte)((garbage.Length - 5) >> 8);
        garbage[4] = (byte)(garbage.Length - 5);

        using (Socket client = LoopbackKit.Connect(_port))
        {
            client.Send(garbage);
            ReadUntilClosed(client);
        }

        Assert.True(await Eventually(() => _tls.HandshakesFailed == 1));
        Assert.Equal(ReasonCode.Malformed, _tls.LastHandshakeFailure);
        Assert.Equal(0, _tls.HandshakesCompleted);
    }

    [Fact]
    public async Task SilentClient_IsClosedAtTheHandshakeTimeout()
    {
        var elapsed = Stopwatch.StartNew();
        using (Socket client = LoopbackKit.Connect(_port))
        {
            Assert.True(LoopbackKit.SeesClose(client));
        }

        Assert.InRange(elapsed.Elapsed, TimeSpan.FromMilliseconds(1000), TimeSpan.FromSeconds(5));
        Assert.True(await Eventually(() => _tls.HandshakesFailed == 1));
        Assert.Equal(ReasonCode.TimedOut, _tls.LastHandshakeFailure);
    }

    [Fact]
    public async Task TlsBytes_AreAdmittedTcpReplies()
    {
        EgressCounters before = _guard.GetEgressCounters();
        int row = before.IndexOfRow(EgressCounters.TcpReplyRowName);
        long admittedBefore = before.GetAdmitted(row);

        using HttpClient client = Client(_certificate.Thumbprint);
        using HttpResponseMessage page = await client.GetAsync("/").WaitAsync(Bound);
        string html = await page.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal(AdminPageText.Html, html);
        long admitted = _guard.GetEgressCounters().GetAdmitted(row) - admittedBefore;

        // Certificate, handshake and the encrypted page all went out as guarded TCP replies; the counter unit is
        // whatever the limiter counts (sends or bytes), and there are at least several of either.
        Assert.True(admitted >= 2, $"admitted TCP replies grew by {admitted}");
    }

    [Fact]
    public async Task AdminDevice_WithWrapper_ServesHttpsOnly()
    {
        string data = Path.Combine(Path.GetTempPath(), "netguard-tls-" + Guid.NewGuid().ToString("N"));
        int port = LoopbackKit.FreeTcpPort();
        TlsConnectionSource? tls = null;
        AdminDevice device = NewDevice(data, port, source => tls = new TlsConnectionSource(source, _certificate, 1500));
        try
        {
            Assert.True(device.Start().IsAccepted);
            using HttpClient client = Client(_certificate.Thumbprint, port);

            using HttpResponseMessage response = await client.GetAsync("/api/status").WaitAsync(Bound);
            using Socket plain = LoopbackKit.Connect(port);
            plain.Send(Encoding.ASCII.GetBytes("GET /api/status HTTP/1.1\r\nHost: d\r\n\r\n"));
            byte[] answer = ReadUntilClosed(plain);

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.Contains("\"setupRequired\":true", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
            Assert.DoesNotContain("HTTP/", Encoding.ASCII.GetString(answer), StringComparison.Ordinal);
            Assert.NotNull(tls);
            Assert.True(tls!.HandshakesCompleted >= 1);
        }
        finally
        {
            device.Stop();
            Directory.Delete(data, recursive: true);
        }
    }

    [Fact]
    public void AdminDevice_WrapperReturningNull_RefusesToStartRatherThanServePlainHttp()
    {
        string data = Path.Combine(Path.GetTempPath(), "netguard-tls-" + Guid.NewGuid().ToString("N"));
        AdminDevice device = NewDevice(data, LoopbackKit.FreeTcpPort(), source => null!);
        try
        {
            Assert.Throws<InvalidOperationException>(() => device.Start());
        }
        finally
        {
            device.Stop();
            Directory.Delete(data, recursive: true);
        }
    }

    private static AdminDevice NewDevice(string data, int port, ConnectionSourceWrapper wrapper)
    {
        var clock = new StopwatchClock();
        var options = new AdminDeviceOptions
        {
            Model = "SmartSocket",
            AdminPort = port,
            MaxAdminConnections = 2,
            DnsResolver = HostNetworkGuard.Loopback,
            TrustedKeys = new[] { RandomNumberGenerator.GetBytes(32) },
            AccountPolicy = OwnerAccountPolicy.CreateDefault().WithIterations(2),
            ConnectionSourceWrapper = wrapper,
        };
        return new AdminDevice(
            options,
            new DirectoryFileSystem(Path.Combine(data, "records")),
            new ChunkedStagingArea(new DirectoryFileSystem(Path.Combine(data, "staging")), AdminApi.MaxPackageBytes(options.MaxImageLength)),
            DirectoryImageInstaller.Create(Path.Combine(data, "installed"), 1 << 20),
            clock,
            new SystemEntropySource(),
            policy => HostNetworkGuard.CreateLoopback(policy, clock));
    }

    private HttpClient Client(string thumbprint) => Client(thumbprint, _port);

    private static HttpClient Client(string thumbprint, int port)
    {
        var handler = new SocketsHttpHandler
        {
            ConnectTimeout = TimeSpan.FromSeconds(5),
            AutomaticDecompression = DecompressionMethods.GZip,
            SslOptions = new SslClientAuthenticationOptions
            {
                // Trust exactly the expected certificate (pinning by thumbprint), nothing else.
                RemoteCertificateValidationCallback = (sender, certificate, chain, errors) =>
                    certificate != null && string.Equals(certificate.GetCertHashString(), thumbprint, StringComparison.OrdinalIgnoreCase),
            },
        };
        return new HttpClient(handler) { BaseAddress = new Uri($"https://127.0.0.1:{port}/"), Timeout = Bound };
    }

    [Fact]
    public void Construction_RefusesEachBadArgument_ByName_AndAcceptsAGoodSet()
    {
        // Any IConnectionSource will do as the inner one: construction accepts nothing.
        IConnectionSource source = _tls;
        using X509Certificate2 publicOnly = X509CertificateLoader.LoadCertificate(_certificate.RawData);
        Assert.False(publicOnly.HasPrivateKey);

        Assert.Equal("inner", Assert.Throws<ArgumentNullException>(() => new TlsConnectionSource(null!, _certificate)).ParamName);
        Assert.Equal("certificate", Assert.Throws<ArgumentNullException>(() => new TlsConnectionSource(source, null!)).ParamName);
        Assert.Equal("certificate", Assert.Throws<ArgumentException>(() => new TlsConnectionSource(source, publicOnly)).ParamName);
        Assert.Equal("handshakeTimeoutMilliseconds", Assert.Throws<ArgumentOutOfRangeException>(() => new TlsConnectionSource(source, _certificate, 0)).ParamName);

        var accepted = new TlsConnectionSource(source, _certificate, 1);
        Assert.Equal(0, accepted.HandshakesCompleted);
        Assert.Equal(0, accepted.HandshakesFailed);
        Assert.Equal(ReasonCode.Accepted, accepted.LastHandshakeFailure);
    }

    // A self-signed server certificate with its private key, round-tripped through PKCS#12 so that SslStream on
    // Linux (OpenSSL) has a usable key, as a certificate loaded with --cert would.
    private static X509Certificate2 SelfSigned(string subject)
    {
        using ECDsa key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        var request = new CertificateRequest(subject, key, HashAlgorithmName.SHA256);
        request.CertificateExtensions.Add(new X509BasicConstraintsExtension(false, false, 0, true));
        request.CertificateExtensions.Add(new X509KeyUsageExtension(X509KeyUsageFlags.DigitalSignature, true));
        request.CertificateExtensions.Add(new X509EnhancedKeyUsageExtension(new OidCollection { new Oid("1.3.6.1.5.5.7.3.1") }, false));
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        DateTimeOffset now = DateTimeOffset.UtcNow;
        using X509Certificate2 made = request.CreateSelfSigned(now.AddMinutes(-5), now.AddDays(1));
        return X509CertificateLoader.LoadPkcs12(made.Export(X509ContentType.Pkcs12), null);
    }

    // Reads whatever the server sends until it closes (or resets) the connection, at most 5 s and 64 KB.
    private static byte[] ReadUntilClosed(Socket socket)
    {
        var received = new System.IO.MemoryStream();
        byte[] buffer = new byte[4096];
        while (received.Length < 65536)
        {
            int n;
            try
            {
                n = socket.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.ConnectionReset or SocketError.ConnectionAborted)
            {
                break;
            }

            if (n == 0)
            {
                break;
            }

            received.Write(buffer, 0, n);
        }

        return received.ToArray();
    }

    private static Task<bool> Eventually(Func<bool> condition) => Wait.Until(condition);
}
