using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using NetGuard.Storage;
using NetGuard.Testing;
using NetGuard.Updates;

namespace NetGuard.Fuzz;

/// <summary>
/// Writes the seed corpora: a few small valid and near-valid inputs per target, in each target's input layout
/// (see <see cref="FuzzTargets"/>). Signed objects come from the netguard CLI (fuzz/make-seeds.sh puts them in the
/// SIGNED folder: package-*.bin, keylist-*.bin, announce-*.txt); everything else is built here.
/// </summary>
internal static class SeedWriter
{
    public static void Write(string seedRoot, string signedDir)
    {
        Http(Path.Combine(seedRoot, "http-request"));
        Json(Path.Combine(seedRoot, "json"));
        Packages(Path.Combine(seedRoot, "update-package"), signedDir);
        KeyLists(Path.Combine(seedRoot, "key-list"), signedDir);
        string[] announcements = Announcements(Path.Combine(seedRoot, "announcement"), signedDir);
        Dns(Path.Combine(seedRoot, "dns-response"), announcements[0]);
        Slots(Path.Combine(seedRoot, "record-slot"));
    }

    private static void Http(string dir)
    {
        const string body = "{\"user\":\"owner\",\"password\":\"correct horse\"}";
        var requests = new (string Name, byte Chunk, string Text)[]
        {
            ("get-root", 0, "GET / HTTP/1.1\r\nHost: 192.168.1.2\r\n\r\n"),
            ("get-status-chunked-reads", 3, "GET /api/status?x=1 HTTP/1.1\r\nHost: d\r\nAuthorization: Bearer abc.def\r\n\r\n"),
            ("post-login", 0, "POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: " + body.Length + "\r\n\r\n" + body),
            ("post-login-bytewise", 1, "POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: 2\r\n\r\n{}"),
            ("post-upload", 0, "POST /api/update HTTP/1.1\r\nHost: d\r\nContent-Type: application/octet-stream\r\nExpect: 100-continue\r\nContent-Length: 10\r\n\r\n0123456789"),
            ("near-transfer-encoding", 0, "POST /api/update HTTP/1.1\r\nHost: d\r\nTransfer-Encoding: chunked\r\nContent-Length: 3\r\n\r\nabc"),
            ("near-short-body", 7, "POST /api/login HTTP/1.1\r\nHost: d\r\nContent-Type: application/json\r\nContent-Length: 40\r\n\r\n{\"a\":"),
            ("near-http10-unknown", 0, "DELETE /nope HTTP/1.0\r\n\r\n"),
            ("near-bad-header", 0, "GET / HTTP/1.1\r\nHost : d\r\n folded\r\n\r\n"),
        };
        foreach (var r in requests)
        {
            byte[] text = Encoding.Latin1.GetBytes(r.Text);
            Put(dir, r.Name, Prefix(r.Chunk, text));
        }
    }

    private static void Json(string dir)
    {
        string[] docs =
        {
            "{}",
            "{\"user\":\"owner\",\"password\":\"p\\u00e9ss\\n\",\"remember\":true,\"age\":-42}",
            "{\"a\":null,\"b\":false,\"c\":12345678901234,\"d\":\"\\ud83d\\ude00\"}",
            "{\"nested\":{\"x\":[1,2,{\"y\":\"z\"}]},\"e\":1.5e3}",
            "{\"a\":1,}",
            "{\"a\":\"\\ud800\"}",
            "{\"a\":01}",
            "[1,2]",
        };
        for (int i = 0; i < docs.Length; i++)
        {
            Put(dir, "doc-" + i, Encoding.UTF8.GetBytes(docs[i]));
        }
    }

    private static void Packages(string dir, string signedDir)
    {
        foreach (string file in Directory.GetFiles(signedDir, "package-*.bin"))
        {
            string name = Path.GetFileNameWithoutExtension(file);
            byte[] package = File.ReadAllBytes(file);
            Put(dir, name + "-whole", Prefix(0, package));
            Put(dir, name + "-chunks13", Prefix(13, package));
        }

        byte[] first = File.ReadAllBytes(Path.Combine(signedDir, "package-small.bin"));
        Put(dir, "near-truncated", Prefix(0, first.AsSpan(0, first.Length - 1).ToArray()));
        Put(dir, "near-trailing-byte", Prefix(0, Concat(first, new byte[] { 0 })));
        byte[] flipped = (byte[])first.Clone();
        flipped[flipped.Length - 17] ^= 0x01; // inside the image: digest mismatch
        Put(dir, "near-image-flipped", Prefix(5, flipped));
        byte[] header = (byte[])first.Clone();
        header[6] ^= 0x40; // inside the fixed header
        Put(dir, "near-header-flipped", Prefix(0, header));
    }

    private static void KeyLists(string dir, string signedDir)
    {
        foreach (string file in Directory.GetFiles(signedDir, "keylist-*.bin"))
        {
            Put(dir, Path.GetFileNameWithoutExtension(file), File.ReadAllBytes(file));
        }

        byte[] list = File.ReadAllBytes(Path.Combine(signedDir, "keylist-v2.bin"));
        byte[] flipped = (byte[])list.Clone();
        flipped[flipped.Length - 1] ^= 0x80;
        Put(dir, "near-signature-flipped", flipped);
        Put(dir, "near-truncated", list.AsSpan(0, list.Length - 10).ToArray());
        Put(dir, "ring-record", FuzzTargets.Ring().ToRecord());
    }

    private static string[] Announcements(string dir, string signedDir)
    {
        var texts = new List<string>();
        foreach (string file in Directory.GetFiles(signedDir, "announce-*.txt"))
        {
            string text = File.ReadAllText(file).Trim();
            texts.Add(text);
            string name = Path.GetFileNameWithoutExtension(file);
            Put(dir, name + "-text", Encoding.ASCII.GetBytes(text));
            Put(dir, name + "-binary", Convert.FromBase64String(text));
        }

        texts.Sort(StringComparer.Ordinal);
        string sample = texts[0];
        Put(dir, "near-not-base64", Encoding.ASCII.GetBytes("*" + sample.Substring(1)));
        Put(dir, "near-short", Encoding.ASCII.GetBytes(sample.Substring(0, sample.Length - 4)));
        byte[] binary = Convert.FromBase64String(sample);
        binary[3] ^= 0x02; // format byte
        Put(dir, "near-format", binary);
        return texts.ToArray();
    }

    private static void Dns(string dir, string announcement)
    {
        Put(dir, "one-answer", Response(0x8180, new[] { new[] { announcement } }, pointerName: true));
        Put(dir, "two-answers-split-strings", Response(0x8180, new[] { new[] { announcement.Substring(0, 50), announcement.Substring(50) }, new[] { "v=other" } }, pointerName: false));
        Put(dir, "near-nxdomain", Response(0x8183, Array.Empty<string[]>(), pointerName: true));
        Put(dir, "near-truncated-flag", Response(0x8380, new[] { new[] { "x" } }, pointerName: true));
        byte[] loop = Response(0x8180, new[] { new[] { "abc" } }, pointerName: true);
        int answerStart = loop.Length - (2 + 10 + 4);
        loop[answerStart] = 0xC0;
        loop[answerStart + 1] = (byte)answerStart; // points at itself
        Put(dir, "near-pointer-loop", loop);
    }

    /// <summary>A response to the fuzz query: header, the question, then one TXT record per answer.</summary>
    private static byte[] Response(int flags, string[][] answers, bool pointerName)
    {
        byte[] query = new byte[512];
        int length = DnsTxtMessage.BuildQuery(FuzzTargets.DnsTransactionId, FuzzTargets.DnsQueryName, query, 0);
        var message = new List<byte>(query.AsSpan(0, length).ToArray());
        message[2] = (byte)(flags >> 8);
        message[3] = (byte)flags;
        message[7] = (byte)answers.Length; // ANCOUNT
        byte[] questionName = query.AsSpan(DnsTxtMessage.HeaderSize, length - DnsTxtMessage.HeaderSize - 4).ToArray();
        foreach (string[] strings in answers)
        {
            if (pointerName)
            {
                message.Add(0xC0);
                message.Add(DnsTxtMessage.HeaderSize); // RFC 1035 4.1.4: pointer to the question's name
            }
            else
            {
                message.AddRange(questionName);
            }

            var data = new List<byte>();
            foreach (string s in strings)
            {
                data.Add((byte)s.Length); // RFC 1035 3.3.14: TXT-DATA is one or more <character-string>s
                data.AddRange(Encoding.ASCII.GetBytes(s));
            }

            message.AddRange(new byte[] { 0, 16, 0, 1, 0, 0, 0x0E, 0x10, (byte)(data.Count >> 8), (byte)data.Count });
            message.AddRange(data);
        }

        return message.ToArray();
    }

    private static void Slots(string dir)
    {
        string slot0 = SlotRecordStore.SlotFileName(FuzzTargets.RecordName, 0);
        string slot1 = SlotRecordStore.SlotFileName(FuzzTargets.RecordName, 1);
        var files = new MemoryFileSystem();
        var store = new SlotRecordStore(files, FuzzTargets.MaxRecordLength);
        store.Write(FuzzTargets.RecordName, Encoding.ASCII.GetBytes("first"), 0, 5);
        Put(dir, "one-slot", SlotInput(files.GetRaw(slot0), files.GetRaw(slot1)));
        store.Write(FuzzTargets.RecordName, Encoding.ASCII.GetBytes("second record"), 0, 13);
        byte[] a = files.GetRaw(slot0);
        byte[] b = files.GetRaw(slot1);
        Put(dir, "two-slots", SlotInput(a, b));
        store.Write(FuzzTargets.RecordName, new byte[40], 0, 40);
        Put(dir, "two-slots-third-write", SlotInput(files.GetRaw(slot0), files.GetRaw(slot1)));
        byte[] badCrc = (byte[])b.Clone();
        badCrc[badCrc.Length - 1] ^= 0x01;
        Put(dir, "near-newest-crc-bad", SlotInput(a, badCrc));
        Put(dir, "near-newest-cut", SlotInput(a, b.AsSpan(0, b.Length - 3).ToArray()));
        Put(dir, "near-empty-files", SlotInput(Array.Empty<byte>(), Array.Empty<byte>()));
    }

    /// <summary>The record-slot layout: flags, length of slot .0, slot .0, slot .1 (null = file absent).</summary>
    public static byte[] SlotInput(byte[]? first, byte[]? second)
    {
        first ??= Array.Empty<byte>();
        int flags = (first.Length > 0 ? 1 : 0) | (second != null ? 2 : 0);
        if (first.Length == 0 && second != null && second.Length == 0)
        {
            flags = 3;
        }

        return Concat(new byte[] { (byte)flags, (byte)first.Length, (byte)(first.Length >> 8) }, first, second ?? Array.Empty<byte>());
    }

    private static byte[] Prefix(byte first, byte[] rest) => Concat(new[] { first }, rest);

    private static byte[] Concat(params byte[][] parts)
    {
        var all = new List<byte>();
        foreach (byte[] part in parts)
        {
            all.AddRange(part);
        }

        return all.ToArray();
    }

    private static void Put(string dir, string name, byte[] data)
    {
        Directory.CreateDirectory(dir);
        File.WriteAllBytes(Path.Combine(dir, name), data);
    }
}
