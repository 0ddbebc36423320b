using System;
using nanoFramework.TestFramework;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using NetGuard.Platform;
using NetGuard.RateLimiting;
using NetGuard.Testing;
using NetGuard.Text;
using NetGuard.Updates;

namespace NetGuard.Http.Tests
{
    [TestClass]
    public class AdminApiTests
    {
        // Every route that is refused before setup: method, path, body (null for none).
        private static readonly string[] GatedRoutes = new string[]
        {
            "POST", "/api/login", "{\"password\":\"x\"}",
            "POST", "/api/password", "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}",
            "GET", "/api/guard", null,
            "POST", "/api/update", "{}",
            "GET", "/api/update", null,
            "POST", "/api/factory-reset", "{}",
            "GET", "/api/relay", null,
            "PUT", "/api/relay", "{\"on\":true}",
        };

        // Routes that need a session after setup.
        private static readonly string[] SessionRoutes = new string[]
        {
            "POST", "/api/password", "{\"currentPassword\":\"x\",\"newPassword\":\"y\"}",
            "GET", "/api/guard", null,
            "POST", "/api/update", "{}",
            "GET", "/api/update", null,
            "POST", "/api/factory-reset", "{}",
            "GET", "/api/relay", null,
            "PUT", "/api/relay", "{\"on\":true}",
        };

        [TestMethod]
        public void Status_BeforeSetup_SaysSetupRequiredWithModelAndVersionOnly()
        {
            AdminRig rig = new AdminRig();
            FakeConnection c = rig.Send("GET", "/api/status", null, null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("{\"setupRequired\":true,\"model\":\"SmartSocket\",\"firmwareVersion\":\"1.0.0\"}", HttpTestKit.Body(c));
        }

        [TestMethod]
        public void Status_AfterSetup_SaysSetupDone()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            Assert.AreEqual("{\"setupRequired\":false,\"model\":\"SmartSocket\",\"firmwareVersion\":\"1.0.0\"}", HttpTestKit.Body(rig.Send("GET", "/api/status", null, null)));
        }

        [TestMethod]
        public void AdminPage_IsServedBeforeSetup()
        {
            AdminRig rig = new AdminRig();
            FakeConnection c = rig.Send("GET", "/", null, null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual(HttpResponse.HtmlContentType, HttpTestKit.Header(c, "Content-Type"));
        }

        [TestMethod]
        public void EveryGatedRoute_BeforeSetup_Is403SetupRequired()
        {
            AdminRig rig = new AdminRig();
            for (int i = 0; i < GatedRoutes.Length; i += 3)
            {
                HttpTestKit.AssertRefused(rig.Send(GatedRoutes[i], GatedRoutes[i + 1], null, GatedRoutes[i + 2]), 403, ReasonCode.SetupRequired);
            }

            Assert.AreEqual(0, rig.Sample.Calls);
            Assert.AreEqual(0, rig.Eraser.Calls);
        }

        [TestMethod]
        public void EveryGatedRoute_BeforeSetup_IgnoresEvenAWellFormedToken()
        {
            AdminRig rig = new AdminRig();
            for (int i = 0; i < GatedRoutes.Length; i += 3)
            {
                HttpTestKit.AssertRefused(rig.Send(GatedRoutes[i], GatedRoutes[i + 1], "0123456789abcdef0123456789abcdef", GatedRoutes[i + 2]), 403, ReasonCode.SetupRequired);
            }
        }

        [TestMethod]
        public void SessionRoutes_AfterSetup_WithoutToken_Are401Unauthorized()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            for (int i = 0; i < SessionRoutes.Length; i += 3)
            {
                FakeConnection c = rig.Send(SessionRoutes[i], SessionRoutes[i + 1], null, SessionRoutes[i + 2]);
                HttpTestKit.AssertRefused(c, 401, ReasonCode.Unauthorized);
                Assert.AreEqual("Bearer realm=\"NetGuard\"", HttpTestKit.Header(c, "WWW-Authenticate"));
            }

            Assert.AreEqual(0, rig.Sample.Calls);
            Assert.IsFalse(rig.Account.IsSetupRequired, "no reset happened");
        }

        [TestMethod]
        public void SessionRoutes_AfterSetup_WithUnknownToken_Are401()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            rig.Login();
            for (int i = 0; i < SessionRoutes.Length; i += 3)
            {
                FakeConnection c = rig.Send(SessionRoutes[i], SessionRoutes[i + 1], "0123456789abcdef0123456789abcdef", SessionRoutes[i + 2]);
                Assert.AreEqual(401, HttpTestKit.Status(c));
            }

            Assert.AreEqual(0, rig.Sample.Calls);
        }

        [TestMethod]
        public void SampleRoute_WithToken_ReachesTheHandler()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            FakeConnection c = rig.Send("GET", "/api/relay", token, null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("{\"on\":true}", HttpTestKit.Body(c));
            Assert.AreEqual(1, rig.Sample.Calls);
        }

        [TestMethod]
        public void SampleRoute_AfterSessionExpiry_Is401SessionExpired()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            rig.Clock.AdvanceSeconds(13 * 3600);
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/relay", token, null), 401, ReasonCode.SessionExpired);
            Assert.AreEqual(0, rig.Sample.Calls);
        }

        [TestMethod]
        public void Setup_WithTheCode_Is200AndASecondSetupIs409()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            Assert.IsFalse(rig.Account.IsSetupRequired);
            FakeConnection again = rig.Send("POST", "/api/setup", null, "{\"setupCode\":\"" + rig.SetupCode + "\",\"newPassword\":\"" + CredentialTestSupport.OtherGoodPassword + "\"}");
            HttpTestKit.AssertRefused(again, 409, ReasonCode.SetupAlreadyDone);
        }

        [TestMethod]
        public void Setup_WrongCode_Is403AndKeepsSetupRequired()
        {
            AssertSetupRefused("AAAA-AAAA-AAAA", CredentialTestSupport.GoodPassword, 403, ReasonCode.SetupCodeInvalid);
        }

        [TestMethod]
        public void Setup_WeakPassword_Is400()
        {
            AssertSetupRefused(null, "short", 400, ReasonCode.PasswordTooShort);
        }

        [TestMethod]
        public void Setup_WithoutJsonContentType_Is415()
        {
            AdminRig rig = new AdminRig();
            FakeConnection c = rig.SendRaw("POST", "/api/setup", null, "text/plain", Utf8.GetBytes("{\"setupCode\":\"" + rig.SetupCode + "\",\"newPassword\":\"" + CredentialTestSupport.GoodPassword + "\"}"));
            HttpTestKit.AssertRefused(c, 415, ReasonCode.UnsupportedMediaType);
            Assert.IsTrue(rig.Account.IsSetupRequired);
        }

        [TestMethod]
        public void Setup_MissingPassword_Is400Malformed()
        {
            AdminRig rig = new AdminRig();
            HttpTestKit.AssertRefused(rig.Send("POST", "/api/setup", null, "{\"setupCode\":\"" + rig.SetupCode + "\"}"), 400, ReasonCode.Malformed);
        }

        [TestMethod]
        public void Login_RightPassword_GivesAWorkingToken()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            Assert.AreEqual(SessionTable.TokenLength, token.Length);
            Assert.AreEqual(200, HttpTestKit.Status(rig.Send("GET", "/api/guard", token, null)));
        }

        [TestMethod]
        public void Login_WrongPassword_Is401AndThenThrottledWithRetryAfter()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            // The default policy allows 5 free attempts; the sixth answer is the back-off.
            for (int i = 0; i < 5; i++)
            {
                HttpTestKit.AssertRefused(rig.Send("POST", "/api/login", null, "{\"password\":\"not-the-password-1\"}"), 401, ReasonCode.PasswordInvalid);
            }

            FakeConnection throttled = rig.Send("POST", "/api/login", null, "{\"password\":\"" + CredentialTestSupport.GoodPassword + "\"}");
            HttpTestKit.AssertRefused(throttled, 429, ReasonCode.Throttled);
            Assert.IsNotNull(HttpTestKit.Header(throttled, "Retry-After"));
        }

        [TestMethod]
        public void Password_Change_NeedsTheCurrentPassword()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            HttpTestKit.AssertRefused(rig.Send("POST", "/api/password", token, "{\"currentPassword\":\"wrong-password-12\",\"newPassword\":\"" + CredentialTestSupport.OtherGoodPassword + "\"}"), 401, ReasonCode.PasswordInvalid);
            FakeConnection ok = rig.Send("POST", "/api/password", token, "{\"currentPassword\":\"" + CredentialTestSupport.GoodPassword + "\",\"newPassword\":\"" + CredentialTestSupport.OtherGoodPassword + "\"}");
            Assert.AreEqual(200, HttpTestKit.Status(ok));
            HttpTestKit.AssertRefused(rig.Send("POST", "/api/login", null, "{\"password\":\"" + CredentialTestSupport.GoodPassword + "\"}"), 401, ReasonCode.PasswordInvalid);
        }

        [TestMethod]
        public void Guard_ReportsCountersAndRecentRefusals()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            rig.Guard.RequestOutbound(EgressTransport.TcpConnect, 0xC0000201, 80);
            FakeConnection c = rig.Send("GET", "/api/guard", token, null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            string body = HttpTestKit.Body(c);
            Assert.IsTrue(body.IndexOf("\"reason.OutboundTcpForbidden\":1") > 0, body);
            Assert.IsTrue(body.IndexOf("\"recentRefusals\":[{\"reason\":\"OutboundTcpForbidden\"") > 0, body);
            Assert.IsTrue(body.IndexOf("\"remoteAddress\":\"192.0.2.1\"") > 0, body);
            int chart = body.IndexOf("\"refusalsPerMinute\":[");
            Assert.IsTrue(chart > 0, body);
            int end = body.IndexOf("]", chart);
            string[] minutes = body.Substring(chart + 21, end - chart - 21).Split(',');
            Assert.AreEqual(60, minutes.Length, "one number a minute for the last hour");
            Assert.AreEqual("1", minutes[59], "the refusal above, this minute");
            Assert.AreEqual("0", minutes[0]);
        }

        [TestMethod]
        public void UpdateStatus_WithoutChecker_IsNoFreshAnnouncement_WithCounterAndLastInstall()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            FakeConnection c = rig.Send("GET", "/api/update", rig.Login(), null);
            Assert.AreEqual(200, HttpTestKit.Status(c));
            Assert.AreEqual("{\"state\":\"NoFreshAnnouncement\",\"latestVersion\":\"\",\"checkedAt\":\"\",\"securityCounter\":1,\"lastInstall\":\"None\"}", HttpTestKit.Body(c));
        }

        [TestMethod]
        public void Update_Garbage_WithToken_Is400AndStagesNothing()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            byte[] garbage = new byte[3000];
            for (int i = 0; i < garbage.Length; i++)
            {
                garbage[i] = (byte)(i * 7);
            }

            FakeConnection c = rig.SendRaw("POST", "/api/update", token, "application/octet-stream", garbage);
            Assert.AreEqual(400, HttpTestKit.Status(c));
            StagedUpdate staged;
            Assert.IsFalse(rig.Updates.TryGetStaged(out staged));
        }

        [TestMethod]
        public void Update_UnsignedPackage_WithToken_IsRefusedAsUnsigned()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            // Signed by a key the device does not trust (and not signed at all): refused before any image byte is staged.
            byte[] package = ManifestTestData.UnsignedPackage(ManifestTestData.Manifest(0).ToBytes(), 100);
            FakeConnection c = rig.SendRaw("POST", "/api/update", token, "application/octet-stream", package);
            HttpTestKit.AssertRefused(c, 400, ReasonCode.KeyUnknown);
            StagedUpdate staged;
            Assert.IsFalse(rig.Updates.TryGetStaged(out staged));
        }

        [TestMethod]
        public void Update_DeclaredLengthAboveTheLimit_Is413()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            string head = "POST /api/update HTTP/1.1\r\nHost: d\r\nAuthorization: Bearer " + token + "\r\nContent-Type: application/octet-stream\r\nContent-Length: "
                + (AdminApi.MaxPackageBytes(UpdateSettings.DefaultMaxImageLength) + 1).ToString() + "\r\n\r\n";
            FakeConnection c = new FakeConnection(rig.Clock).Add(head);
            new HttpConnectionProcessor(rig.Api.Router, rig.Clock, new HttpServerOptions()).Process(c);
            HttpTestKit.AssertRefused(c, 413, ReasonCode.TooLarge);
        }

        [TestMethod]
        public void FactoryReset_WithToken_ErasesCredentialAndUserData()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            string token = rig.Login();
            string code = rig.SetupCode;
            Assert.AreEqual(200, HttpTestKit.Status(rig.Send("POST", "/api/factory-reset", token, "{}")));
            Assert.IsTrue(rig.Account.IsSetupRequired);
            Assert.AreEqual(1, rig.Eraser.Calls);
            Assert.AreEqual(code, rig.SetupCode, "the setup code (the label) survives");
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/relay", token, null), 403, ReasonCode.SetupRequired);
        }

        [TestMethod]
        public void FactoryReset_Local_NeedsNoTokenAndErasesUserData()
        {
            AdminRig rig = new AdminRig();
            rig.Setup();
            Assert.IsTrue(rig.Api.FactoryReset(rig.Clock.NowTicks).IsAccepted);
            Assert.IsTrue(rig.Account.IsSetupRequired);
            Assert.AreEqual(1, rig.Eraser.Calls);
        }

        [TestMethod]
        public void UnknownPath_Is404AndWrongMethod_Is405()
        {
            AdminRig rig = new AdminRig();
            HttpTestKit.AssertRefused(rig.Send("GET", "/api/nothing", null, null), 404, ReasonCode.NotFound);
            FakeConnection c = rig.Send("PUT", "/api/status", null, "{}");
            HttpTestKit.AssertRefused(c, 405, ReasonCode.MethodNotAllowed);
        }

        [TestMethod]
        public void Constructor_NullArguments_Throw()
        {
            AdminRig rig = new AdminRig();
            Assert.ThrowsException(typeof(ArgumentNullException), () => new AdminApi(null, rig.Updates, rig.Guard, rig.Clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new AdminApi(rig.Account, null, rig.Guard, rig.Clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new AdminApi(rig.Account, rig.Updates, null, rig.Clock));
            Assert.ThrowsException(typeof(ArgumentNullException), () => new AdminApi(rig.Account, rig.Updates, rig.Guard, null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Api.MapAuthenticated(HttpMethod.Get, "/x", null));
            Assert.ThrowsException(typeof(ArgumentNullException), () => rig.Api.AddUserData(null));
        }

        // Sends a setup with the code (the rig's own when null) and password, and expects the refusal, with setup still required.
        private static void AssertSetupRefused(string setupCode, string newPassword, int status, ReasonCode reason)
        {
            AdminRig rig = new AdminRig();
            string code = setupCode ?? rig.SetupCode;
            FakeConnection c = rig.Send("POST", "/api/setup", null, "{\"setupCode\":\"" + code + "\",\"newPassword\":\"" + newPassword + "\"}");
            HttpTestKit.AssertRefused(c, status, reason);
            Assert.IsTrue(rig.Account.IsSetupRequired);
        }
    }
}
