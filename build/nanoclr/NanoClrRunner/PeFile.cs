using System;
using System.Buffers.Binary;
using System.IO;

namespace NetGuard.Build.NanoClr;

/// <summary>
/// The table sizes of a nanoFramework .pe file. Layout: CLR_RECORD_ASSEMBLY in nf-interpreter
/// src/CLR/Include/nanoCLR_Types.h (a3e8139): marker[8], headerCRC, assemblyCRC, flags, nativeMethodsChecksum,
/// patchEntryOffset (5 x uint32), version (4 x uint16), assemblyName, stringTableVersion (2 x uint16), then
/// startOfTables[16] (uint32, at offset 40), numOfPatchedMethods (uint32), paddingOfTables[16] (bytes, at offset 108).
/// A table's size is the next table's start minus its own start minus its padding.
/// </summary>
internal sealed class PeFile
{
    /// <summary>The MetadataProcessor addresses byte code and strings with 16-bit offsets: at most 64 KiB each.</summary>
    public const int TableLimit = 65536;

    private const int TablesOffset = 40;
    private const int PaddingOffset = TablesOffset + (16 * 4) + 4;
    private const int Strings = 11;
    private const int Signatures = 12;
    private const int ByteCode = 13;

    private PeFile(int length, int[] sizes, uint nativeChecksum)
    {
        Length = length;
        StringTable = sizes[Strings];
        SignatureTable = sizes[Signatures];
        ByteCodeTable = sizes[ByteCode];
        NativeMethodsChecksum = nativeChecksum;
    }

    /// <summary>The whole file, in bytes (what the deploy partition holds).</summary>
    public int Length { get; }

    /// <summary>The string table, in bytes.</summary>
    public int StringTable { get; }

    /// <summary>The signature table (field initial data included), in bytes.</summary>
    public int SignatureTable { get; }

    /// <summary>The byte code table, in bytes.</summary>
    public int ByteCodeTable { get; }

    /// <summary>The checksum of the assembly's native methods (0 when it has none).</summary>
    public uint NativeMethodsChecksum { get; }

    /// <summary>Reads the sizes from <paramref name="path"/>; throws <see cref="InvalidDataException"/> for a file that is not a .pe.</summary>
    public static PeFile Read(string path)
    {
        byte[] data = File.ReadAllBytes(path);
        if (data.Length < PaddingOffset + 16 || !data.AsSpan(0, 5).SequenceEqual("NFMRK"u8))
        {
            throw new InvalidDataException(path + " is not a nanoFramework .pe file");
        }

        var sizes = new int[15];
        for (int table = 0; table < sizes.Length; table++)
        {
            uint start = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(TablesOffset + (4 * table)));
            uint next = BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(TablesOffset + (4 * (table + 1))));
            sizes[table] = checked((int)(next - start) - data[PaddingOffset + table]);
        }

        return new PeFile(data.Length, sizes, BinaryPrimitives.ReadUInt32LittleEndian(data.AsSpan(20)));
    }
}
