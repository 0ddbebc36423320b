using System.Text;
using NetGuard.Fuzz;

namespace NetGuard.HostTests.Http;

/// <summary>
/// Seeded mutation fuzzing of the server core in-process (no sockets): valid requests with bytes flipped,
/// inserted, deleted or duplicated, delimiters spliced in, and pure noise; each delivered whole and
/// byte by byte. Every input must end in a well-formed response (or silence), a closed connection and an
/// idle worker; see <see cref="HttpOracle.Run"/>.
/// </summary>
public class HttpFuzzTests
{
    private static readonly string[] Seeds =
    {
        "GET / HTTP/1.1\r\nHost: d\r\n\r\n",
        "GET /api/status?x=1 HTTP/1.0\r\n\r\n",
        "POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: 36\r\n\r\n{\"password\":\"p\\u00e9\\ud83d\\ude00word\"}",
        "POST /api/update HTTP/1.1\r\nHost: d\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n0123456789",
        "POST /api/login HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n",
        "PUT /api/status HTTP/1.1\r\nHost: d\r\nContent-Length: 2\r\nAuthorization: Bearer abc\r\n\r\n{}",
    };

    private static readonly byte[] Specials = Encoding.ASCII.GetBytes("\r\n :\t0123456789{}\"\\/?#%\0\x7f\xff,-+");

    [Fact]
    public void FuzzRequest_SeededMutations_KeepEveryInvariant()
    {
        var random = new Random(20161021); // the day of the Dyn attack
        for (int round = 0; round < 20000; round++)
        {
            byte[] input = round % 10 == 9 ? Noise(random) : Mutate(Encoding.ASCII.GetBytes(Seeds[random.Next(Seeds.Length)]), random);
            try
            {
                HttpOracle.Run(input);
                HttpOracle.Run(input, 1 + random.Next(3));
            }
            catch (Exception ex)
            {
                Assert.Fail("round " + round + ", input " + Convert.ToBase64String(input) + ": " + ex);
            }
        }
    }

    [Fact]
    public void FuzzRequest_Seeds_AreAnsweredWithoutRefusalWhereValid()
    {
        foreach (string seed in Seeds)
        {
            HttpOracle.Run(Encoding.ASCII.GetBytes(seed));
        }
    }

    private static byte[] Noise(Random random)
    {
        byte[] data = new byte[random.Next(0, 6000)];
        random.NextBytes(data);
        return data;
    }

    private static byte[] Mutate(byte[] seed, Random random)
    {
        var data = new System.Collections.Generic.List<byte>(seed);
        int edits = 1 + random.Next(4);
        for (int i = 0; i < edits; i++)
        {
            int at = data.Count == 0 ? 0 : random.Next(data.Count);
            switch (random.Next(7))
            {
                case 0 when data.Count > 0:
                    data[at] ^= (byte)(1 << random.Next(8));
                    break;
                case 1:
                    data.Insert(at, Specials[random.Next(Specials.Length)]);
                    break;
                case 2 when data.Count > 0:
                    data.RemoveAt(at);
                    break;
                case 3 when data.Count > 0:
                    data.RemoveRange(at, data.Count - at); // truncate
                    break;
                case 4:
                    int length = Math.Min(data.Count - at, random.Next(1, 64));
                    byte[] slice = data.GetRange(at, length).ToArray();
                    int copies = random.Next(1, 80);
                    for (int c = 0; c < copies; c++)
                    {
                        data.InsertRange(at, slice);
                    }

                    break;
                case 5:
                    data.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "Content-Length: 99999999999999999999\r\n" : "X-A: " + new string('a', random.Next(5000)) + "\r\n"));
                    break;
                default:
                    data.InsertRange(at, Encoding.ASCII.GetBytes(random.Next(2) == 0 ? "\n" : "\r"));
                    break;
            }
        }

        return data.ToArray();
    }
}
