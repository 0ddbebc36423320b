using System.IO;
using System.Text;
using System.Text.RegularExpressions;
using NetGuard.Http;

namespace NetGuard.HostTests.Http;

/// <summary>
/// The admin page: the compressed chunks the device serves match AdminPage.html (regenerate them with
/// <c>python3 build/admin-page.py</c>), it stays small and self-contained, and carries the element ids
/// the browser tests use.
/// </summary>
public class AdminPageTests
{
    private static string HtmlPath => RepositoryLayout.PathOf("nf-guard/NetGuard.Http/AdminPage.html");

    private static string Normalize(string text) => text.Replace("\r\n", "\n", StringComparison.Ordinal);

    [Fact]
    public void Chunks_MatchHtmlFile()
    {
        string html = Normalize(File.ReadAllText(HtmlPath, Encoding.UTF8));

        Assert.True(html == AdminPageText.Html, "AdminPage.cs is out of date: run python3 build/admin-page.py");
        Assert.Equal(AdminPage.GzipLength, AdminPageText.Gzip().Length);
        Assert.Equal(AdminPage.HtmlLength, Encoding.UTF8.GetByteCount(AdminPageText.Html));
        Assert.All(Enumerable.Range(0, AdminPage.ChunkCount - 1), i => Assert.Equal(AdminPage.ChunkBytes, AdminPage.CreateChunk(i).Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdminPage.CreateChunk(AdminPage.ChunkCount));
        Assert.Throws<ArgumentOutOfRangeException>(() => AdminPage.CreateChunk(-1));
    }

    [Fact]
    public void Page_IsAtMost32KiB_AndSentCompressed()
    {
        int size = Encoding.UTF8.GetByteCount(AdminPageText.Html);

        Assert.InRange(size, 1000, 32 * 1024);
        Assert.InRange(AdminPage.GzipLength, 500, size / 2);
    }

    [Fact]
    public void Page_LoadsNothingExternal()
    {
        string html = AdminPageText.Html;

        Assert.DoesNotMatch(new Regex(@"(src|href|action|srcset)\s*=\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"url\(\s*[""']?\s*(https?:)?//", RegexOptions.IgnoreCase), html);
        Assert.DoesNotMatch(new Regex(@"@import|<link|<iframe|<object|<embed", RegexOptions.IgnoreCase), html);
        // The SVG namespace name is an identifier, never fetched; any other absolute URL would be a resource.
        const string SvgNamespace = "'http://www.w3.org/2000/svg'";
        Assert.Single(Regex.Matches(html, Regex.Escape(SvgNamespace)));
        Assert.DoesNotContain("http://", html.Replace(SvgNamespace, string.Empty, StringComparison.Ordinal), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Page_UsesNoDynamicCodeOrHtmlInjection()
    {
        string html = AdminPageText.Html;

        Assert.DoesNotMatch(new Regex(@"\beval\s*\(|new\s+Function\s*\(|setTimeout\s*\(\s*['""]|innerHTML|outerHTML|insertAdjacentHTML|document\.write"), html);
    }

    [Fact]
    public void Page_KeepsTokenInSessionStorageAndSendsItAsBearer()
    {
        string html = AdminPageText.Html;

        Assert.Contains("sessionStorage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("localStorage", html, StringComparison.Ordinal);
        Assert.DoesNotContain("document.cookie", html, StringComparison.Ordinal);
        Assert.Contains("'Bearer ' + t", html, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("setup-code")]
    [InlineData("setup-password")]
    [InlineData("setup-submit")]
    [InlineData("login-password")]
    [InlineData("login-submit")]
    [InlineData("relay-toggle")]
    [InlineData("relay-state")]
    [InlineData("snapshot-image")]
    [InlineData("guard-counters")]
    [InlineData("guard-summary")]
    [InlineData("guard-chart")]
    [InlineData("guard-why")]
    [InlineData("guard-what")]
    [InlineData("guard-who")]
    [InlineData("guard-recent")]
    [InlineData("update-file")]
    [InlineData("update-submit")]
    [InlineData("update-result")]
    [InlineData("update-state")]
    [InlineData("password-current")]
    [InlineData("password-new")]
    [InlineData("password-submit")]
    [InlineData("reset-confirm")]
    [InlineData("reset-submit")]
    [InlineData("insecure-warning")]
    [InlineData("message")]
    public void Page_HasStableElementId(string id)
    {
        Assert.Single(Regex.Matches(AdminPageText.Html, "id=\"" + Regex.Escape(id) + "\""));
    }

    [Theory]
    [InlineData("/api/status")]
    [InlineData("/api/setup")]
    [InlineData("/api/login")]
    [InlineData("/api/password")]
    [InlineData("/api/guard")]
    [InlineData("/api/update")]
    [InlineData("/api/factory-reset")]
    [InlineData("/api/relay")]
    [InlineData("/api/snapshot")]
    public void Page_UsesContractRoute(string route)
    {
        Assert.Contains("'" + route + "'", AdminPageText.Html, StringComparison.Ordinal);
    }
}
