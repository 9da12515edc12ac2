#nullable disable
using System;
using System.IO;
using System.Linq;
using System.Text;
using Microsoft.Build.Framework;
using Microsoft.Build.Utilities;

namespace LossGuard.Build
{
    /// <summary>
    /// MSBuild task: marks one symbol-version requirement of native libraries in a build's output weak, so that the
    /// dynamic loader of an older distribution loads them. TorchSharp's libLibTorchSharp.so asks for GLIBCXX_3.4.32
    /// for a single marker symbol that GCC 13's iostream emits and no relocation binds; Debian 12's libstdc++ stops at
    /// GLIBCXX_3.4.30. Each library is patched in a copy that replaces it (a hard link into the NuGet cache is left
    /// alone); nothing is done where the machine's libstdc++ has the version, or where a relocation needs it.
    /// </summary>
    public sealed class MarkVersionRequirementWeak : Task
    {
        /// <summary>The libraries to patch (copies in the build output).</summary>
        [Required]
        public ITaskItem[] Libraries { get; set; }

        /// <summary>The version requirement to mark weak.</summary>
        [Required]
        public string Version { get; set; }

        /// <summary>Where the machine's library that defines the version may be; the first that exists is read.</summary>
        public string[] SystemLibraries { get; set; }

        public override bool Execute()
        {
            var system = (SystemLibraries ?? Array.Empty<string>()).FirstOrDefault(File.Exists);
            if (system != null && VersionRequirement.Defines(File.ReadAllBytes(system), Version))
            {
                Log.LogMessage(MessageImportance.Low, "LossGuard: {0} defines {1}; native libraries left as they are.", system, Version);
                return true;
            }

            foreach (var library in Libraries)
            {
                var path = library.GetMetadata("FullPath");
                try
                {
                    Mark(path, system);
                }
                catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
                {
                    Log.LogWarning("LossGuard: could not patch {0}: {1}", path, exception.Message);
                }
            }

            return !Log.HasLoggedErrors;
        }

        private void Mark(string path, string system)
        {
            var image = File.ReadAllBytes(path);
            var outcome = VersionRequirement.MarkWeak(image, Version);
            switch (outcome)
            {
                case MarkOutcome.Marked:
                    Replace(path, image);
                    Log.LogMessage(MessageImportance.High, "LossGuard: marked the {0} requirement of {1} weak ({2} lacks it).", Version, path, system ?? "this machine's libstdc++");
                    break;
                case MarkOutcome.UsedByRelocation:
                    Log.LogWarning("LossGuard: {0} binds a symbol of {1}; left as it is, and it may not load on this machine.", path, Version);
                    break;
                case MarkOutcome.NotElf:
                    Log.LogWarning("LossGuard: {0} is not a 64-bit little-endian ELF library; left as it is.", path);
                    break;
                default:
                    Log.LogMessage(MessageImportance.Low, "LossGuard: {0}: {1}.", path, outcome);
                    break;
            }
        }

        /// <summary>Writes the patched image to a new file that takes the old one's place, with its permissions.</summary>
        private static void Replace(string path, byte[] image)
        {
            var patched = path + "." + Guid.NewGuid().ToString("N") + ".lossguard";
            File.Copy(path, patched, overwrite: true);
            File.WriteAllBytes(patched, image);
            File.Delete(path);
            File.Move(patched, path);
        }
    }

    public enum MarkOutcome
    {
        /// <summary>The requirement was strong and is now weak (the image changed).</summary>
        Marked,

        /// <summary>The requirement was weak already.</summary>
        AlreadyWeak,

        /// <summary>The library does not ask for the version.</summary>
        NotRequired,

        /// <summary>A relocation binds a symbol of the version: the library needs it, and is left as it is.</summary>
        UsedByRelocation,

        /// <summary>Not a 64-bit little-endian ELF file, or one whose tables do not fit in it.</summary>
        NotElf,
    }

    /// <summary>
    /// Reads and changes the symbol-version requirements (<c>.gnu.version_r</c>) of a 64-bit little-endian ELF shared
    /// library, following the ELF and LSB layouts: Elf64_Shdr, Elf64_Verneed and Elf64_Vernaux, Elf64_Rela/Rel, and
    /// the Elf64_Half version index of each dynamic symbol (<c>.gnu.version</c>).
    /// </summary>
    public static class VersionRequirement
    {
        public const ushort WeakFlag = 0x2;

        private const uint SectionRela = 4;
        private const uint SectionRel = 9;
        private const uint SectionVersionNeeds = 0x6ffffffe;
        private const uint SectionVersionSymbols = 0x6fffffff;

        /// <summary>Marks the requirement on <paramref name="version"/> weak in <paramref name="image"/>, unless a relocation binds a symbol of it.</summary>
        public static MarkOutcome MarkWeak(byte[] image, string version)
        {
            try
            {
                var elf = new Image(image);
                if (!elf.IsElf64LittleEndian)
                {
                    return MarkOutcome.NotElf;
                }

                if (Find(elf, version) is not { } requirement)
                {
                    return MarkOutcome.NotRequired;
                }

                if (BoundByRelocation(elf, requirement.Index))
                {
                    return MarkOutcome.UsedByRelocation;
                }

                var flags = elf.U16(requirement.FlagsOffset);
                if ((flags & WeakFlag) != 0)
                {
                    return MarkOutcome.AlreadyWeak;
                }

                elf.SetU16(requirement.FlagsOffset, (ushort)(flags | WeakFlag));
                return MarkOutcome.Marked;
            }
            catch (Exception exception) when (exception is IndexOutOfRangeException or OverflowException or ArgumentException)
            {
                return MarkOutcome.NotElf;
            }
        }

        /// <summary>The flags of the requirement on <paramref name="version"/>; <c>null</c> when there is none.</summary>
        public static ushort? FlagsOf(byte[] image, string version)
        {
            var elf = new Image(image);
            return elf.IsElf64LittleEndian && Find(elf, version) is { } requirement ? elf.U16(requirement.FlagsOffset) : (ushort?)null;
        }

        /// <summary>Whether a library's string tables name <paramref name="version"/> (a library that defines a version names it).</summary>
        public static bool Defines(byte[] library, string version)
        {
            var name = Encoding.ASCII.GetBytes(version + "\0");
            for (var at = IndexOf(library, name, 0); at >= 0; at = IndexOf(library, name, at + 1))
            {
                if (at == 0 || library[at - 1] == 0)
                {
                    return true;
                }
            }

            return false;
        }

        private static int IndexOf(byte[] haystack, byte[] needle, int from)
        {
            for (var at = Array.IndexOf(haystack, needle[0], from); at >= 0 && at <= haystack.Length - needle.Length; at = Array.IndexOf(haystack, needle[0], at + 1))
            {
                var match = true;
                for (var i = 1; i < needle.Length && match; i++)
                {
                    match = haystack[at + i] == needle[i];
                }

                if (match)
                {
                    return at;
                }
            }

            return -1;
        }

        private sealed class Requirement
        {
            public Requirement(int flagsOffset, ushort index)
            {
                FlagsOffset = flagsOffset;
                Index = index;
            }

            /// <summary>Where the Vernaux entry's vna_flags are in the file.</summary>
            public int FlagsOffset { get; }

            /// <summary>The version index (vna_other) that symbols requiring it carry in .gnu.version.</summary>
            public ushort Index { get; }
        }

        private static Requirement Find(Image elf, string version)
        {
            foreach (var section in elf.Sections().Where(section => section.Type == SectionVersionNeeds))
            {
                var strings = elf.Section((int)section.Link);
                var need = section.Offset;
                for (var needs = 0; needs < 4096; needs++)
                {
                    var count = elf.U16(need + 2);
                    var aux = need + (int)elf.U32(need + 8);
                    for (var i = 0; i < count; i++)
                    {
                        if (elf.String(strings.Offset + (int)elf.U32(aux + 8)) == version)
                        {
                            return new Requirement(aux + 4, elf.U16(aux + 6));
                        }

                        aux += (int)elf.U32(aux + 12);
                    }

                    var next = elf.U32(need + 12);
                    if (next == 0)
                    {
                        break;
                    }

                    need += (int)next;
                }
            }

            return null;
        }

        /// <summary>Whether a relocation refers to a dynamic symbol whose version index is <paramref name="index"/>.</summary>
        private static bool BoundByRelocation(Image elf, ushort index)
        {
            var sections = elf.Sections().ToList();
            var versions = sections.FirstOrDefault(section => section.Type == SectionVersionSymbols);
            if (versions == null)
            {
                return false;
            }

            foreach (var relocations in sections.Where(section => section.Type is SectionRela or SectionRel && section.Link == versions.Link))
            {
                var size = relocations.Type == SectionRela ? 24 : 16;
                var end = checked(relocations.Offset + relocations.Size);
                for (var entry = relocations.Offset; entry + size <= end; entry += size)
                {
                    var symbol = (int)(elf.U64(entry + 8) >> 32);
                    if (symbol != 0 && (elf.U16(versions.Offset + (2 * symbol)) & 0x7fff) == index)
                    {
                        return true;
                    }
                }
            }

            return false;
        }

        private sealed class Section
        {
            public uint Type { get; set; }

            public int Offset { get; set; }

            public int Size { get; set; }

            public uint Link { get; set; }
        }

        /// <summary>Little-endian reads of the file; an offset outside it throws <see cref="IndexOutOfRangeException"/>.</summary>
        private sealed class Image
        {
            private readonly byte[] bytes;

            public Image(byte[] bytes) => this.bytes = bytes;

            public bool IsElf64LittleEndian =>
                bytes.Length >= 64 && bytes[0] == 0x7f && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F' && bytes[4] == 2 && bytes[5] == 1;

            public ushort U16(int at) => (ushort)(bytes[at] | (bytes[at + 1] << 8));

            public uint U32(int at) => (uint)(U16(at) | (U16(at + 2) << 16));

            public ulong U64(int at) => U32(at) | ((ulong)U32(at + 4) << 32);

            public void SetU16(int at, ushort value)
            {
                bytes[at] = (byte)value;
                bytes[at + 1] = (byte)(value >> 8);
            }

            public string String(int at)
            {
                var end = Array.IndexOf(bytes, (byte)0, at);
                return Encoding.ASCII.GetString(bytes, at, (end < 0 ? bytes.Length : end) - at);
            }

            public Section Section(int index)
            {
                var header = checked((int)U64(0x28) + (index * U16(0x3a)));
                return new Section
                {
                    Type = U32(header + 4),
                    Offset = checked((int)U64(header + 0x18)),
                    Size = checked((int)U64(header + 0x20)),
                    Link = U32(header + 0x28),
                };
            }

            public System.Collections.Generic.IEnumerable<Section> Sections()
            {
                var count = U16(0x3c);
                for (var i = 0; i < count; i++)
                {
                    yield return Section(i);
                }
            }
        }
    }
}
