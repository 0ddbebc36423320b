using System.IO.Compression;
using System.Text;
using NetGuard.Http;

namespace NetGuard.HostTests.Http;

/// <summary>The admin page as text: the device's compressed chunks (<see cref="AdminPage"/>) joined and inflated.</summary>
internal static class AdminPageText
{
    private static readonly Lazy<string> Page = new(Inflate);

    public static string Html => Page.Value;

    /// <summary>The compressed page, chunks in order.</summary>
    public static byte[] Gzip()
    {
        var all = new MemoryStream();
        for (int i = 0; i < AdminPage.ChunkCount; i++)
        {
            all.Write(AdminPage.CreateChunk(i));
        }

        return all.ToArray();
    }

    private static string Inflate()
    {
        using var gzip = new GZipStream(new MemoryStream(Gzip()), CompressionMode.Decompress);
        using var reader = new StreamReader(gzip, new UTF8Encoding(false, throwOnInvalidBytes: true));
        return reader.ReadToEnd();
    }
}
