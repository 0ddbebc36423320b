using System;
using System.Text;
using NetGuard.Diagnostics;
using NetGuard.Http;
using NetGuard.Storage;
using NetGuard.Testing;
using NetGuard.Updates;

namespace NetGuard.Fuzz;

/// <summary>One fuzz target: feeds untrusted bytes to one parser. Must not throw.</summary>
internal delegate void FuzzTarget(byte[] input);

/// <summary>
/// The fuzz targets, one per parser of untrusted bytes, each through the library's public entry point. Each has a seed
/// corpus in fuzz/seeds/NAME (fuzz/make-seeds.sh). No target catches exceptions: anything that escapes the library is
/// a finding. A target also throws <see cref="FuzzInvariantException"/> when a documented contract breaks. Input
/// layouts (the host regression tests in nf-guard.HostTests/Fuzz decode them the same way):
/// <list type="bullet">
/// <item>http-request: byte 0 = largest receive piece (0 = unlimited), the rest = the bytes the client sends.</item>
/// <item>json: the document.</item>
/// <item>update-package: byte 0 = Append chunk size (0 = all at once), the rest = the package.</item>
/// <item>key-list: the signed key list (also read as a stored ring record).</item>
/// <item>dns-response: a UDP DNS message answering query id <see cref="DnsTransactionId"/> for <see cref="DnsQueryName"/>.</item>
/// <item>announcement: the bytes as a TXT value (Latin-1 text) and as the 108-byte binary form.</item>
/// <item>record-slot: byte 0 = flags (bit 0: slot file .0 exists, bit 1: slot file .1 exists), bytes 1-2 = length of
/// slot .0 (little-endian, clamped), then slot .0's bytes, then slot .1's bytes.</item>
/// </list>
/// </summary>
internal static class FuzzTargets
{
    /// <summary>The device model the update targets are configured for.</summary>
    public const string Model = "SmartSocket";

    /// <summary>Trusted time of the update-package target: 2027-01-15T08:00:00Z.</summary>
    public const long Now = 1_800_000_000;

    /// <summary>The DNS query id the dns-response target expects.</summary>
    public const int DnsTransactionId = 0x4E47;

    /// <summary>The DNS name the dns-response target queried.</summary>
    public const string DnsQueryName = "_netguard.smartsocket.example.com";

    /// <summary>The record the record-slot target reads.</summary>
    public const string RecordName = "fuzz-record";

    /// <summary>The record-slot target's largest record.</summary>
    public const int MaxRecordLength = 1024;

    /// <summary>The fuzz root key's public half (fuzz/keys/root/netguard.pub, a test-only key; id a849a6875eacf275).</summary>
    public static readonly byte[] RootPublicKey = Convert.FromHexString("3d42f747dcc3091696c5d4f8a82ab09bdb04e34e2af4b234d3dd4498203de2d0");

    private static readonly (string Name, FuzzTarget Run)[] Targets =
    {
        ("http-request", HttpRequest),
        ("json", Json),
        ("update-package", UpdatePackage),
        ("key-list", KeyList),
        ("dns-response", DnsResponse),
        ("announcement", Announcement),
        ("record-slot", RecordSlot),
    };

    public static string[] Names => Array.ConvertAll(Targets, t => t.Name);

    public static FuzzTarget? Find(string name) => Array.Find(Targets, t => t.Name == name).Run;

    /// <summary>A ring trusting only the fuzz root key, version 1.</summary>
    public static TrustedKeyRing Ring() => new(1, new[] { RootPublicKey }, Array.Empty<byte[]>());

    /// <summary><see cref="HttpOracle.Run"/>: byte 0 is the largest receive piece (0 = unlimited), the rest the client's bytes.</summary>
    public static void HttpRequest(byte[] input)
    {
        int maxChunk = input.Length == 0 || input[0] == 0 ? int.MaxValue : input[0];
        HttpOracle.Run(input.Length == 0 ? input : input.AsSpan(1).ToArray(), maxChunk);
    }

    /// <summary><see cref="JsonReader.Parse"/>, then every accessor of the parsed object (it decodes lazily).</summary>
    public static void Json(byte[] input)
    {
        ReasonCode reason = JsonReader.Parse(input, 0, input.Length, out JsonObject json);
        Check((reason == ReasonCode.Accepted) == (json != null), "json: result and reason disagree");
        if (json == null)
        {
            return;
        }

        byte[] copy = new byte[64];
        for (int i = 0; i < json.Count; i++)
        {
            string name = json.NameAt(i);
            Check(name != null, "json: null member name");
            Check(json.KindOf(name!) != JsonValueKind.None, "json: member not found by its own name");
            json.KindAt(i);
            json.TryGetString(name!, out string _);
            json.TryCopyString(name!, copy, 0, out int _);
            json.TryCopyString(name!, copy, 60, out int _);
            json.TryGetBoolean(name!, out bool _);
            json.TryGetInt64(name!, out long _);
        }
    }

    /// <summary><see cref="UpdateReceiver.Append"/> in chunks, then <see cref="UpdateReceiver.Complete"/>, trusting the fuzz root key.</summary>
    public static void UpdatePackage(byte[] input)
    {
        var settings = new UpdateSettings(Model, new FirmwareVersion(1, 0, 0), 1, 64 * 1024, 300);
        var controller = new UpdateController(settings, Ring(), MemoryRecords.Create(), new MemoryStagingArea(), new MemoryImageSlots().Installer, new FixedTime(true, Now));
        Decision done = AppendAndComplete(controller.BeginReceive(), input);
        Check(done.IsAccepted == controller.TryGetStaged(out StagedUpdate _), "update: staged state disagrees with Complete");
    }

    /// <summary>The update-package steps: <see cref="UpdateReceiver.Append"/> in chunks of input[0] bytes (0 = all at
    /// once; the first refusal sticks), <see cref="UpdateReceiver.Complete"/> twice (the second refused), then Abort.</summary>
    internal static Decision AppendAndComplete(UpdateReceiver receiver, byte[] input)
    {
        int chunk = input.Length == 0 || input[0] == 0 ? int.MaxValue : input[0];
        Decision first = Decision.Accept();
        for (int offset = 1, n; offset < input.Length; offset += n)
        {
            n = Math.Min(chunk, input.Length - offset);
            Decision step = receiver.Append(input, offset, n);
            if (first.IsAccepted && !step.IsAccepted)
            {
                first = step;
            }
        }

        Decision done = receiver.Complete();
        Check(first.IsAccepted || done.Reason == first.Reason, "update: Complete's reason differs from the sticky Append refusal");
        Check(!receiver.Complete().IsAccepted, "update: second Complete accepted");
        receiver.Abort();
        return done;
    }

    /// <summary><see cref="TrustedKeyRing.TryApplyKeyList"/> on a ring of the fuzz root key, and <see cref="TrustedKeyRing.TryLoad"/>.</summary>
    public static void KeyList(byte[] input)
    {
        TrustedKeyRing ring = Ring();
        bool applied = ring.TryApplyKeyList(input, 0, input.Length, out TrustedKeyRing next, out ReasonCode reason);
        Check(applied == (reason == ReasonCode.Accepted) && applied == (next != null), "key-list: result and reason disagree");
        if (applied)
        {
            Check(next!.Version > ring.Version, "key-list: accepted a list that is not newer");
            Check(TrustedKeyRing.TryLoad(next.ToRecord(), out TrustedKeyRing _), "key-list: accepted ring does not round-trip");
        }

        if (TrustedKeyRing.TryLoad(input, out TrustedKeyRing loaded))
        {
            Check(loaded != null && loaded.KeyCount >= 1, "key-list: loaded ring has no keys");
            loaded!.ToRecord();
        }
    }

    /// <summary><see cref="DnsTxtMessage.TryParseTxtResponse"/> for the fuzz query.</summary>
    public static void DnsResponse(byte[] input)
    {
        DnsTxtMessage.ReadTransactionId(input, 0, input.Length);
        bool parsed = DnsTxtMessage.TryParseTxtResponse(input, 0, input.Length, DnsTransactionId, DnsQueryName, out string[] values, out ReasonCode reason);
        Check(parsed == (reason == ReasonCode.Accepted) && parsed == (values != null), "dns: result and reason disagree");
        if (!parsed)
        {
            return;
        }

        Check(values!.Length >= 1 && values.Length <= DnsTxtMessage.MaxValues, "dns: value count out of range");
        foreach (string value in values)
        {
            Check(value != null && value.Length <= DnsTxtMessage.MaxValueLength, "dns: value too long");
            foreach (char c in value!)
            {
                Check(c >= 0x20 && c < 0x7F, "dns: value has a non-printable character");
            }
        }
    }

    /// <summary><see cref="UpdateAnnouncement.TryDecodeText"/> and <see cref="UpdateAnnouncement.TryParse"/>, then <see cref="UpdateAnnouncement.Verify"/>.</summary>
    public static void Announcement(byte[] input)
    {
        TrustedKeyRing ring = Ring();
        if (UpdateAnnouncement.TryDecodeText(Encoding.Latin1.GetString(input), out UpdateAnnouncement text, out ReasonCode _))
        {
            VerifyAll(text, ring);
        }

        if (UpdateAnnouncement.TryParse(input, 0, input.Length, out UpdateAnnouncement binary, out ReasonCode _))
        {
            VerifyAll(binary, ring);
        }
    }

    /// <summary><see cref="SlotRecordStore.TryRead"/> over slot files holding the input; a write afterwards must recover.</summary>
    public static void RecordSlot(byte[] input)
    {
        SlotRecordStore store = LoadRecordSlots(input);
        bool read = store.TryRead(RecordName, out byte[] data, out ReasonCode reason);
        Check(read == (reason == ReasonCode.Accepted) && read == (data != null), "slot: result and reason disagree");
        Check(read || reason == ReasonCode.NotFound || reason == ReasonCode.StorageCorrupt, "slot: undocumented refusal " + ReasonCodeNames.Name(reason));
        Check(!read || data!.Length <= MaxRecordLength, "slot: record longer than the maximum");

        // Whatever the slots held, a new write must replace it and read back (recovery after damage).
        byte[] fresh = { 0x4E, 0x47, (byte)input.Length };
        Decision written = store.Write(RecordName, fresh, 0, fresh.Length);
        Check(written.IsAccepted, "slot: write after reading damaged slots refused: " + ReasonCodeNames.Name(written.Reason));
        Check(store.TryRead(RecordName, out byte[] back, out ReasonCode _) && back.AsSpan().SequenceEqual(fresh), "slot: write after damaged slots does not read back");
    }

    /// <summary>The record-slot input layout decoded into the two slot files of <see cref="RecordName"/>.</summary>
    internal static SlotRecordStore LoadRecordSlots(byte[] input)
    {
        var files = new MemoryFileSystem();
        int flags = input.Length > 0 ? input[0] : 0;
        int firstLength = input.Length > 2 ? input[1] | (input[2] << 8) : 0;
        int start = Math.Min(3, input.Length);
        int rest = input.Length - start;
        firstLength = Math.Min(firstLength, rest);
        if ((flags & 1) != 0)
        {
            files.SetRaw(SlotRecordStore.SlotFileName(RecordName, 0), input.AsSpan(start, firstLength).ToArray());
        }

        if ((flags & 2) != 0)
        {
            files.SetRaw(SlotRecordStore.SlotFileName(RecordName, 1), input.AsSpan(start + firstLength, rest - firstLength).ToArray());
        }

        return new SlotRecordStore(files, MaxRecordLength);
    }

    private static void VerifyAll(UpdateAnnouncement announcement, TrustedKeyRing ring)
    {
        announcement.GetKeyId();
        announcement.Verify(ring, Model, new FixedTime(false, 0), 300);
        announcement.Verify(ring, Model, new FixedTime(true, Now), 300);
        long justIssued = announcement.IssuedAt < long.MaxValue - 60 ? announcement.IssuedAt + 60 : announcement.IssuedAt;
        announcement.Verify(ring, Model, new FixedTime(true, justIssued), 300);
    }

    private static void Check(bool condition, string message)
    {
        if (!condition)
        {
            throw new FuzzInvariantException(message);
        }
    }
}
