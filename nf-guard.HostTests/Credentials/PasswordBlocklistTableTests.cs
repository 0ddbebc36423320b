using System.Collections.Generic;
using System.IO;
using System.Linq;
using NetGuard.Credentials;
using NetGuard.Diagnostics;
using Xunit.Abstractions;

namespace NetGuard.HostTests.Credentials;

/// <summary>
/// The committed Bloom table matches its data files (nf-guard/NetGuard.Credentials/Blocklist/), every listed word is
/// refused, and the false-positive rate is measured.
/// </summary>
public sealed class PasswordBlocklistTableTests
{
    private static readonly string[] Context = { "SmartSocket", "Quorvane", "admin", "K7QM2XPA9DHF" };
    private readonly ITestOutputHelper _output;

    public PasswordBlocklistTableTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void DataFiles_HaveSourceHeaders_AndExpectedSizes()
    {
        string[] common = File.ReadAllLines(RepositoryLayout.PathOf("nf-guard/NetGuard.Credentials/Blocklist/10k-most-common.txt"));
        string[] mirai = File.ReadAllLines(RepositoryLayout.PathOf("nf-guard/NetGuard.Credentials/Blocklist/mirai-credentials.txt"));

        Assert.StartsWith("# Source: ", common[0]);
        Assert.StartsWith("# Source: ", mirai[0]);
        Assert.Equal(10000, common.Count(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal)));
        Assert.Equal(62, MiraiPairs().Count);
        Assert.Contains(("root", "xc3511"), MiraiPairs());
        Assert.Contains(("admin", "7ujMko0admin"), MiraiPairs());
    }

    [Fact]
    public void CommittedTable_IsTheFilterOfTheDataFiles()
    {
        byte[] rebuilt = new byte[PasswordBloomFilter.ByteCount];
        SortedSet<string> words = Words();
        foreach (string word in words)
        {
            PasswordBloomFilter.Add(rebuilt, word);
        }

        Assert.Equal(rebuilt, CommittedFilter());
        Assert.Equal(PasswordBlocklistTable.WordCount, words.Count);
    }

    [Fact]
    public void EveryListedWord_IsRefusedAsANewPassword()
    {
        int tooShort = 0;
        int common = 0;
        foreach (string word in AllListedStrings())
        {
            Assert.True(PasswordPolicy.IsBlocklisted(word), word);
            Decision decision = PasswordPolicy.Check(word, 12, 128, Context);
            Assert.False(decision.IsAccepted, word);
            if (decision.Reason == ReasonCode.PasswordTooShort)
            {
                tooShort++;
            }
            else
            {
                Assert.Equal(ReasonCode.PasswordCommon, decision.Reason);
                common++;
            }

            // A word with letters at both ends, padded with digits, is still refused: "dragon" + "2024...".
            string lower = PasswordText.ToLowerAscii(word);
            if (PasswordText.StripPadding(lower) == lower)
            {
                string padded = word + "202420242024";
                Assert.False(PasswordPolicy.Check(padded, 12, 128, Context).IsAccepted, padded);
            }
        }

        _output.WriteLine($"listed words refused: {tooShort} as too short, {common} as common");
    }

    [Fact]
    public void MiraiCredentials_AreAllRefused_EvenAsUserPlusPassword()
    {
        foreach ((string user, string password) in MiraiPairs())
        {
            if (password.Length > 0)
            {
                Assert.True(PasswordPolicy.IsBlocklisted(password), password);
            }

            Assert.True(PasswordPolicy.IsBlocklisted(user), user);
        }
    }

    [Fact]
    public void FalsePositiveRate_IsAsStated()
    {
        HashSet<string> listed = new(Words(), StringComparer.Ordinal);
        Random random = new(20261124);
        const string alphabet = "abcdefghijklmnopqrstuvwxyz0123456789";
        int trials = 0;
        int falsePositives = 0;
        while (trials < 1_000_000)
        {
            int length = random.Next(6, 17);
            char[] chars = new char[length];
            for (int i = 0; i < length; i++)
            {
                chars[i] = alphabet[random.Next(alphabet.Length)];
            }

            string candidate = new(chars);
            if (listed.Contains(candidate))
            {
                continue;
            }

            trials++;
            if (PasswordBlocklist.Contains(candidate))
            {
                falsePositives++;
            }
        }

        double rate = falsePositives / (double)trials;
        double k = PasswordBloomFilter.HashCount;
        double expected = Math.Pow(1 - Math.Exp(-k * listed.Count / PasswordBloomFilter.BitCount), k);
        _output.WriteLine($"blocklist: {listed.Count} words in {PasswordBloomFilter.ByteCount} bytes ({PasswordBloomFilter.BitCount / (double)listed.Count:F1} bits/word, k={PasswordBloomFilter.HashCount})");
        _output.WriteLine($"false positives: {falsePositives} of {trials} = {rate:P3} (theory {expected:P3})");
        Assert.InRange(rate, expected * 0.7, expected * 1.3);
        Assert.True(rate < 0.005);
    }

    [Fact]
    public void NearMisses_AreAccepted()
    {
        foreach (string password in new[] { "unbelievably", "7ujMko0vizxw", "tangerine-otter-42", "correct horse battery staple" })
        {
            Assert.True(PasswordPolicy.Check(password, 12, 128, Context).IsAccepted, password);
        }
    }

    private static SortedSet<string> Words()
    {
        SortedSet<string> words = new(StringComparer.Ordinal);
        foreach (string word in CommonWords())
        {
            words.Add(PasswordText.ToLowerAscii(word));
        }

        foreach ((string user, string password) in MiraiPairs())
        {
            words.Add(PasswordText.ToLowerAscii(user));
            if (password.Length > 0)
            {
                words.Add(PasswordText.ToLowerAscii(password));
            }
        }

        return words;
    }

    private static IEnumerable<string> AllListedStrings()
    {
        foreach (string word in CommonWords())
        {
            yield return word;
        }

        foreach ((string user, string password) in MiraiPairs())
        {
            yield return user;
            if (password.Length > 0)
            {
                yield return password;
            }
        }
    }

    private static IEnumerable<string> CommonWords() =>
        File.ReadAllLines(RepositoryLayout.PathOf("nf-guard/NetGuard.Credentials/Blocklist/10k-most-common.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal));

    private static List<(string User, string Password)> MiraiPairs() =>
        File.ReadAllLines(RepositoryLayout.PathOf("nf-guard/NetGuard.Credentials/Blocklist/mirai-credentials.txt"))
            .Where(l => l.Length > 0 && !l.StartsWith("# ", StringComparison.Ordinal))
            .Select(l => l.Split('\t'))
            .Select(p => (p[0], p[1]))
            .ToList();

    [Fact]
    public void ChunkedLookup_AgreesWithTheWholeFilter_OnListedAndRandomWords()
    {
        // The device looks words up chunk by chunk; the generator and the FPR test above use the whole filter.
        byte[] filter = CommittedFilter();
        var random = new Random(20261206);
        foreach (string word in Words().Take(2000))
        {
            Assert.True(PasswordBlocklist.Contains(word), word);
        }

        for (int i = 0; i < 20000; i++)
        {
            string candidate = "w" + random.Next().ToString("x", System.Globalization.CultureInfo.InvariantCulture);
            Assert.Equal(PasswordBloomFilter.MightContain(filter, candidate), PasswordBlocklist.Contains(candidate));
        }
    }

    [Fact]
    public void Chunks_AreTheFilterInOrder_AndOutOfRangeIsACallerMistake()
    {
        Assert.Equal(PasswordBloomFilter.ByteCount, PasswordBlocklistTable.ChunkCount * PasswordBlocklistTable.ChunkBytes);
        Assert.All(Enumerable.Range(0, PasswordBlocklistTable.ChunkCount), i => Assert.Equal(PasswordBlocklistTable.ChunkBytes, PasswordBlocklistTable.CreateChunk(i).Length));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordBlocklistTable.CreateChunk(-1));
        Assert.Throws<ArgumentOutOfRangeException>(() => PasswordBlocklistTable.CreateChunk(PasswordBlocklistTable.ChunkCount));
    }

    private static byte[] CommittedFilter()
    {
        byte[] filter = new byte[PasswordBloomFilter.ByteCount];
        for (int i = 0; i < PasswordBlocklistTable.ChunkCount; i++)
        {
            Array.Copy(PasswordBlocklistTable.CreateChunk(i), 0, filter, i * PasswordBlocklistTable.ChunkBytes, PasswordBlocklistTable.ChunkBytes);
        }

        return filter;
    }
}
