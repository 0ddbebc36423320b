using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Text;

namespace NetGuard.HostTests.Http;

/// <summary>
/// Cross-checks the hand-written UTF-8 and JSON code against .NET's System.Text.Json and Encoding.UTF8
/// on seeded random input: what our writer emits, .NET reads back identically, and what .NET emits, our
/// reader reads back identically; our strict UTF-8 decoder agrees with .NET's throwing decoder. The one intended
/// difference: a string holding U+0000 is not read as a string (nanoCLR ends strings there), so the device and the host
/// never see different text.
/// </summary>
public class JsonCrossCheckTests
{
    private static string RandomText(Random random)
    {
        var builder = new StringBuilder();
        int length = random.Next(0, 40);
        for (int i = 0; i < length; i++)
        {
            switch (random.Next(6))
            {
                case 0: builder.Append((char)random.Next(0, 0x20)); break;
                case 1: builder.Append("\"\\/<>&'\u2028\u2029\u007f"[random.Next(10)]); break;
                case 2: builder.Append((char)random.Next(0x80, 0xD800)); break;
                case 3: builder.Append(char.ConvertFromUtf32(random.Next(0x10000, 0x110000))); break;
                case 4: builder.Append((char)random.Next(0xE000, 0x10000)); break;
                default: builder.Append((char)random.Next(0x20, 0x7F)); break;
            }
        }

        return builder.ToString();
    }

    [Fact]
    public void Writer_OutputIsReadBackByTheReaderAndBySystemTextJson()
    {
        var random = new Random(1900);
        var writer = new JsonWriter(64, 1 << 16);
        for (int round = 0; round < 5000; round++)
        {
            string text = RandomText(random);
            long number = random.NextInt64(long.MinValue, long.MaxValue);
            writer.Reset();
            writer.BeginObject();
            writer.WriteString("s", text);
            writer.WriteNumber("n", number);
            writer.WriteBoolean("b", round % 2 == 0);
            writer.EndObject();

            Assert.Equal(ReasonCode.Accepted, JsonReader.Parse(writer.Buffer, 0, writer.Length, out JsonObject ours));
            Assert.Equal(!text.Contains('\0', StringComparison.Ordinal), ours.TryGetString("s", out string back));
            Assert.Equal(text.Contains('\0', StringComparison.Ordinal) ? null : text, back);
            Assert.True(ours.TryGetInt64("n", out long n));
            Assert.Equal(number, n);

            using var theirs = System.Text.Json.JsonDocument.Parse(writer.ToArray());
            Assert.Equal(text, theirs.RootElement.GetProperty("s").GetString());
            Assert.Equal(number, theirs.RootElement.GetProperty("n").GetInt64());
            string raw = Encoding.UTF8.GetString(writer.Buffer, 0, writer.Length);
            Assert.DoesNotContain("<", raw, StringComparison.Ordinal);
            Assert.DoesNotContain(">", raw, StringComparison.Ordinal);
            Assert.DoesNotContain("&", raw, StringComparison.Ordinal);
        }
    }

    [Fact]
    public void Reader_ReadsWhatSystemTextJsonWrites()
    {
        var random = new Random(1901);
        var options = new System.Text.Json.JsonSerializerOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
        for (int round = 0; round < 5000; round++)
        {
            string text = RandomText(random);
            byte[] json = System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(new { password = text, on = true }, round % 2 == 0 ? options : null);

            Assert.Equal(ReasonCode.Accepted, JsonReader.Parse(json, 0, json.Length, out JsonObject ours));
            Assert.Equal(!text.Contains('\0', StringComparison.Ordinal), ours.TryGetString("password", out string back));
            Assert.Equal(text.Contains('\0', StringComparison.Ordinal) ? null : text, back);
        }
    }

    [Fact]
    public void Utf8_AgreesWithStrictDotNetDecoderOnRandomBytes()
    {
        var random = new Random(1902);
        var strict = new UTF8Encoding(false, throwOnInvalidBytes: true);
        for (int round = 0; round < 20000; round++)
        {
            byte[] data = new byte[random.Next(0, 8)];
            for (int i = 0; i < data.Length; i++)
            {
                // Bias towards lead and continuation bytes, where the edge cases are.
                data[i] = (byte)(random.Next(3) == 0 ? random.Next(0x80, 0x100) : random.Next(0xC0, 0xF8) & (random.Next(2) == 0 ? 0xFF : 0xBF));
            }

            bool dotnet;
            string? expected = null;
            try
            {
                expected = strict.GetString(data);
                dotnet = true;
            }
            catch (DecoderFallbackException)
            {
                dotnet = false;
            }

            Assert.Equal(dotnet, Utf8.TryDecode(data, 0, data.Length, out string ours));
            if (dotnet)
            {
                Assert.Equal(expected, ours);
                Assert.Equal(data, Utf8.GetBytes(ours));
            }
        }
    }

    [Fact]
    public void Utf8_EncodesLikeDotNetIncludingLoneSurrogates()
    {
        var random = new Random(1903);
        for (int round = 0; round < 5000; round++)
        {
            var builder = new StringBuilder();
            int length = random.Next(0, 20);
            for (int i = 0; i < length; i++)
            {
                builder.Append((char)random.Next(0, 0x10000));
            }

            string text = builder.ToString();
            Assert.Equal(Encoding.UTF8.GetBytes(text), Utf8.GetBytes(text));
            Assert.Equal(Encoding.UTF8.GetByteCount(text), Utf8.GetByteCount(text));
        }
    }
}
