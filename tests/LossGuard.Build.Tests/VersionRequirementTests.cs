using System;
using System.IO;
using System.Linq;
using System.Text;
using LossGuard.Build;
using Xunit;

namespace LossGuard.Build.Tests;

/// <summary>
/// The patch that lets TorchSharp's native shim load where libstdc++ predates GLIBCXX_3.4.32: on the real shim, and on
/// small ELF images built here for the cases the shim does not show.
/// </summary>
public sealed class VersionRequirementTests
{
    private const string Marker = "GLIBCXX_3.4.32";

    [Fact]
    public void The_real_shims_marker_requirement_becomes_weak_by_one_byte_and_stays_so()
    {
        var original = File.ReadAllBytes(Shim.Path);
        var image = (byte[])original.Clone();
        Assert.Equal((ushort)0, VersionRequirement.FlagsOf(image, Marker));

        Assert.Equal(MarkOutcome.Marked, VersionRequirement.MarkWeak(image, Marker));

        Assert.Equal(VersionRequirement.WeakFlag, VersionRequirement.FlagsOf(image, Marker));
        Assert.Single(Enumerable.Range(0, image.Length), i => image[i] != original[i]);
        Assert.Equal((ushort)0, VersionRequirement.FlagsOf(image, "GLIBCXX_3.4.30"));
        Assert.Equal(MarkOutcome.AlreadyWeak, VersionRequirement.MarkWeak(image, Marker));
    }

    [Fact]
    public void A_requirement_that_a_relocation_binds_is_left_strong()
    {
        var image = ElfImage.Build(relocatedSymbolVersion: 2);
        var before = (byte[])image.Clone();

        Assert.Equal(MarkOutcome.UsedByRelocation, VersionRequirement.MarkWeak(image, Marker));
        Assert.Equal(before, image);
    }

    [Fact]
    public void A_requirement_no_relocation_binds_is_marked_weak()
    {
        var image = ElfImage.Build(relocatedSymbolVersion: 1);

        Assert.Equal(MarkOutcome.Marked, VersionRequirement.MarkWeak(image, Marker));
        Assert.Equal(VersionRequirement.WeakFlag, VersionRequirement.FlagsOf(image, Marker));
    }

    [Fact]
    public void A_library_without_the_requirement_or_not_an_elf_library_is_left_alone()
    {
        var image = ElfImage.Build(relocatedSymbolVersion: 1);
        var before = (byte[])image.Clone();
        Assert.Equal(MarkOutcome.NotRequired, VersionRequirement.MarkWeak(image, "GLIBCXX_9.9"));
        Assert.Equal(before, image);

        Assert.Equal(MarkOutcome.NotElf, VersionRequirement.MarkWeak(Encoding.ASCII.GetBytes("#!/bin/sh\necho not a library\n"), Marker));
        Assert.Equal(MarkOutcome.NotElf, VersionRequirement.MarkWeak(image.Take(200).ToArray(), Marker));
    }

    [Theory]
    [InlineData("\0GLIBCXX_3.4.30\0GLIBCXX_3.4.32\0", true)]
    [InlineData("GLIBCXX_3.4.32\0", true)]
    [InlineData("\0GLIBCXX_3.4.320\0", false)]
    [InlineData("\0XGLIBCXX_3.4.32\0", false)]
    [InlineData("\0GLIBCXX_3.4.30\0", false)]
    public void A_system_library_defines_the_version_when_its_string_table_names_it(string strings, bool defines)
    {
        Assert.Equal(defines, VersionRequirement.Defines(Encoding.ASCII.GetBytes(strings), Marker));
    }
}
