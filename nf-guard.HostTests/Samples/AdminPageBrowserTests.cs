// Real-browser test of the admin page (Selenium.WebDriver 4.52.0 + Debian's chromium and chromium-driver,
// headless) against the real SmartSocket host process: setup with the code from setup-code.txt, login, relay,
// guard counters, a signed update, logout/login, factory reset, and a screenshot artifact.
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using OpenQA.Selenium.Support.UI;
using Xunit.Abstractions;

namespace NetGuard.HostTests.Samples;

public sealed class AdminPageBrowserTests : IDisposable
{
    private const string Password = "amber quarry whistle 5521";
    private readonly ITestOutputHelper _output;
    private readonly string _dir = Directory.CreateTempSubdirectory("netguard-browser-").FullName;

    public AdminPageBrowserTests(ITestOutputHelper output) { _output = output; }

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private ChromeDriver StartBrowser()
    {
        ChromeDriverService service = ChromeDriverService.CreateDefaultService("/usr/bin", "chromedriver");
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = "/usr/bin/chromium" };
        options.AddArguments(
            "--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
            "--disable-background-networking", "--disable-component-update", "--no-first-run",
            "--user-data-dir=" + Path.Combine(_dir, "profile"), "--window-size=1000,1800");
        options.SetLoggingPreference(LogType.Browser, LogLevel.All);
        return new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
    }

    private static void WaitFor(IWebDriver d, Func<bool> condition, string what)
    {
        try
        {
            new WebDriverWait(d, TimeSpan.FromSeconds(20)).Until(_ => condition());
        }
        catch (WebDriverTimeoutException)
        {
            throw new Xunit.Sdk.XunitException("timed out waiting for " + what + "; message: " + d.FindElement(By.Id("message")).Text);
        }
    }

    private static bool Visible(IWebDriver d, string id) => d.FindElement(By.Id(id)).Displayed;

    private static string Text(IWebDriver d, string id) => d.FindElement(By.Id(id)).Text;

    private static void Type(IWebDriver d, string id, string text)
    {
        IWebElement e = d.FindElement(By.Id(id));
        e.Clear();
        e.SendKeys(text);
    }

    [Fact]
    public void AdminPage_OnTheSmartSocketHost_DrivesSetupRelayGuardAndUpdate()
    {
        // A signed package for the update form.
        var cliOut = new StringWriter();
        Assert.Equal(0, NetGuard.Cli.Program.Run(new[] { "keygen", "--out", Path.Combine(_dir, "keys") }, cliOut, cliOut));
        File.WriteAllBytes(Path.Combine(_dir, "image.bin"), new byte[2048]);
        Assert.Equal(0, NetGuard.Cli.Program.Run(new[] { "sign", "--key", Path.Combine(_dir, "keys", "netguard.key"), "--image", Path.Combine(_dir, "image.bin"), "--model", "SmartSocket", "--version", "1.2.0", "--counter", "3", "--out", Path.Combine(_dir, "update.ngup") }, cliOut, cliOut));

        string data = Path.Combine(_dir, "data");
        using SampleHostProcess host = SampleHostProcess.Start("SmartSocket.Host", data, "--trust", Path.Combine(_dir, "keys", "netguard.pub"));
        host.Command("probe-egress");
        host.WaitForLine("probe-egress: UDP", TimeSpan.FromSeconds(10));
        string setupCode = File.ReadAllText(Path.Combine(data, "setup-code.txt")).Trim();

        using ChromeDriver d = StartBrowser();
        try
        {
            d.Navigate().GoToUrl(host.BaseUrl);
            WaitFor(d, () => Visible(d, "setup-section"), "setup form");
            Assert.False(Visible(d, "main-section"));
            Assert.Equal("SmartSocket", Text(d, "status-model"));
            Assert.Equal("1.0.0", Text(d, "status-firmware"));

            Type(d, "setup-code", "AAAA-AAAA-AAAA");
            Type(d, "setup-password", Password);
            d.FindElement(By.Id("setup-submit")).Click();
            WaitFor(d, () => Text(d, "message").Contains("setup code is wrong"), "wrong code message");
            Type(d, "setup-code", setupCode);
            Type(d, "setup-password", "short");
            d.FindElement(By.Id("setup-submit")).Click();
            WaitFor(d, () => Text(d, "message").Contains("too short"), "too short message");
            Type(d, "setup-password", Password);
            d.FindElement(By.Id("setup-submit")).Click();
            WaitFor(d, () => Visible(d, "main-section"), "main section after setup and login");

            WaitFor(d, () => Visible(d, "relay-section") && Text(d, "relay-state") == "off", "relay off");
            Assert.False(Visible(d, "snapshot-section"));
            d.FindElement(By.Id("relay-toggle")).Click();
            WaitFor(d, () => Text(d, "relay-state") == "on", "relay on");
            host.WaitForLine("relay: ON", TimeSpan.FromSeconds(10));

            // Real counters: the egress probe above, and five idle connections from another address on a listener
            // that holds four: the oldest is displaced.
            var idle = new List<System.Net.Sockets.Socket>();
            try
            {
                for (int i = 0; i < 5; i++)
                {
                    var socket = new System.Net.Sockets.Socket(System.Net.Sockets.AddressFamily.InterNetwork, System.Net.Sockets.SocketType.Stream, System.Net.Sockets.ProtocolType.Tcp);
                    socket.Bind(new System.Net.IPEndPoint(System.Net.IPAddress.Parse("127.0.0.2"), 0));
                    socket.Connect(new Uri(host.BaseUrl).Host, new Uri(host.BaseUrl).Port);
                    idle.Add(socket);
                    Thread.Sleep(50);
                }

                idle[0].ReceiveTimeout = 5000;
                try
                {
                    Assert.Equal(0, idle[0].Receive(new byte[16]));
                }
                catch (System.Net.Sockets.SocketException e) when (e.SocketErrorCode == System.Net.Sockets.SocketError.ConnectionReset)
                {
                    // Closed with a reset: displaced all the same.
                }
            }
            finally
            {
                idle.ForEach(socket => socket.Dispose());
            }

            d.FindElement(By.Id("guard-refresh")).Click();
            WaitFor(d, () => Text(d, "guard-why").Contains("Outgoing connection attempt (never allowed)"), "reason table");
            Assert.Contains("Idle or slow connection closed to let another in", Text(d, "guard-why"));
            Assert.Contains("Undeclared traffic", Text(d, "guard-what"));
            Assert.Contains("Connections to port", Text(d, "guard-what"));
            Assert.Contains("192.0.2.1:80", Text(d, "guard-recent"));
            Assert.Contains("192.0.2.1", Text(d, "guard-who"));
            Assert.Contains("127.0.0.2", Text(d, "guard-who"));
            Assert.Contains("127.0.0.2:", Text(d, "guard-recent"));
            Assert.Matches(@"^\d+ refused since the device started, \d+ in the last hour\.$", Text(d, "guard-summary"));
            var bars = d.FindElements(By.CssSelector("#guard-chart svg rect.bar"));
            Assert.NotEmpty(bars);
            Assert.Contains("0 min ago", bars[^1].FindElement(By.TagName("title")).GetAttribute("textContent"));
            Assert.Contains("highest:", Text(d, "guard-chart"));
            WaitFor(d, () => Text(d, "update-state") == "NoFreshAnnouncement", "update state");

            d.FindElement(By.Id("update-file")).SendKeys(Path.Combine(_dir, "update.ngup"));
            d.FindElement(By.Id("update-submit")).Click();
            WaitFor(d, () => Text(d, "update-result").Contains("verified and staged"), "update staged");

            Directory.CreateDirectory(RepositoryLayout.PathOf("artifacts/screenshots"));
            string screenshot = RepositoryLayout.PathOf("artifacts/screenshots/admin-page.png");
            d.GetScreenshot().SaveAsFile(screenshot);
            Assert.True(new FileInfo(screenshot).Length > 1000);
            _output.WriteLine("screenshot: " + screenshot);

            d.FindElement(By.Id("logout")).Click();
            WaitFor(d, () => Visible(d, "login-section"), "login form");
            Type(d, "login-password", "not the password");
            d.FindElement(By.Id("login-submit")).Click();
            WaitFor(d, () => Text(d, "message").Contains("password is wrong"), "wrong password");
            Type(d, "login-password", Password);
            d.FindElement(By.Id("login-submit")).Click();
            WaitFor(d, () => Visible(d, "main-section"), "main after login");
            WaitFor(d, () => Text(d, "relay-state") == "on", "relay still on");

            d.FindElement(By.Id("reset-confirm")).Click();
            d.FindElement(By.Id("reset-submit")).Click();
            WaitFor(d, () => Visible(d, "setup-section"), "setup form after factory reset");

            var logs = d.Manage().Logs.GetLog(LogType.Browser).Select(l => l.Level + " " + l.Message).ToList();
            foreach (string l in logs)
            {
                _output.WriteLine(l);
            }

            Assert.DoesNotContain(logs, l => l.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase) || l.Contains("Refused to", StringComparison.Ordinal));
        }
        finally
        {
            d.Quit();
        }
    }
}
