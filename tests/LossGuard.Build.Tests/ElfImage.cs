using System;
using System.Collections.Generic;
using System.IO;
using System.Text;

namespace LossGuard.Build.Tests;

/// <summary>
/// A minimal 64-bit little-endian ELF image with the tables the patch reads: a string table, dynamic symbols and their
/// version indices, one version requirement (GLIBCXX_3.4.32 from libstdc++.so.6, index 2, which symbol 1 carries), and
/// one relocation, which binds symbol 2.
/// </summary>
internal static class ElfImage
{
    private const int HeaderSize = 64;
    private const int SectionHeaderSize = 64;

    /// <param name="relocatedSymbolVersion">The version index of symbol 2, which the relocation binds (2: the marker's version).</param>
    public static byte[] Build(ushort relocatedSymbolVersion)
    {
        var strings = Encoding.ASCII.GetBytes("\0libstdc++.so.6\0GLIBCXX_3.4.32\0");
        const int fileName = 1;
        const int versionName = 16;

        var symbols = new byte[2 * 24];
        var versions = new byte[3 * 2];
        Write16(versions, 2, 2);
        Write16(versions, 4, relocatedSymbolVersion);

        var needs = new byte[32];
        Write16(needs, 0, 1);
        Write16(needs, 2, 1);
        Write32(needs, 4, fileName);
        Write32(needs, 8, 16);
        Write16(needs, 16 + 6, 2);
        Write32(needs, 16 + 8, versionName);

        var relocations = new byte[24];
        Write64(relocations, 8, (2UL << 32) | 7);

        // Sections: 0 null, 1 .dynstr, 2 .dynsym, 3 .gnu.version (for 3 symbols: 0, 1, 2), 4 .gnu.version_r, 5 .rela.plt.
        var sections = new List<(uint Type, byte[] Data, uint Link)>
        {
            (3, strings, 0),
            (11, symbols, 1),
            (0x6fffffff, versions, 2),
            (0x6ffffffe, needs, 1),
            (4, relocations, 2),
        };

        using var file = new MemoryStream();
        file.Write(new byte[HeaderSize]);
        var offsets = new List<long>();
        foreach (var (_, data, _) in sections)
        {
            offsets.Add(file.Position);
            file.Write(data);
        }

        var sectionTable = file.Position;
        file.Write(new byte[SectionHeaderSize]);
        for (var i = 0; i < sections.Count; i++)
        {
            var header = new byte[SectionHeaderSize];
            Write32(header, 4, sections[i].Type);
            Write64(header, 0x18, (ulong)offsets[i]);
            Write64(header, 0x20, (ulong)sections[i].Data.Length);
            Write32(header, 0x28, sections[i].Link);
            file.Write(header);
        }

        var image = file.ToArray();
        image[0] = 0x7f;
        image[1] = (byte)'E';
        image[2] = (byte)'L';
        image[3] = (byte)'F';
        image[4] = 2;
        image[5] = 1;
        Write64(image, 0x28, (ulong)sectionTable);
        Write16(image, 0x3a, SectionHeaderSize);
        Write16(image, 0x3c, (ushort)(sections.Count + 1));
        return image;
    }

    private static void Write16(byte[] target, int at, ushort value) => BitConverter.TryWriteBytes(target.AsSpan(at, 2), value);

    private static void Write32(byte[] target, int at, uint value) => BitConverter.TryWriteBytes(target.AsSpan(at, 4), value);

    private static void Write64(byte[] target, int at, ulong value) => BitConverter.TryWriteBytes(target.AsSpan(at, 8), value);
}
