using System;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Reflection.Metadata;
using System.Reflection.Metadata.Ecma335;
using System.Reflection.PortableExecutable;
using System.Text;
using System.Text.RegularExpressions;

// usage: PdbCheck PACKAGE.nupkg PACKAGE.snupkg LOCAL_ROOT REPOSITORY_URL
// For each assembly of the package: its PDB is in the symbol package (same id), names its documents by mapped
// paths (/_/...) and never by LOCAL_ROOT, and carries Source Link data mapping /_/ to the repository at a commit.
// Prints "ok   ..." or "FAIL ..." per assembly; exits 1 when one failed.
if (args.Length != 4)
{
    Console.Error.WriteLine("usage: PdbCheck PACKAGE.nupkg PACKAGE.snupkg LOCAL_ROOT REPOSITORY_URL");
    return 2;
}

string localRoot = args[2].TrimEnd('/');
var repository = new Uri(args[3]);
string rawPrefix = "https://raw.githubusercontent.com" + repository.AbsolutePath.TrimEnd('/') + "/";
var sourceLinkKind = new Guid("CC110556-A091-4D38-9FEC-25AB9A351A6A");

using ZipArchive package = ZipFile.OpenRead(args[0]);
using ZipArchive symbols = ZipFile.OpenRead(args[1]);
var assemblies = package.Entries.Where(e => e.FullName.StartsWith("lib/", StringComparison.Ordinal) && e.FullName.EndsWith(".dll", StringComparison.Ordinal)).ToList();
int failures = assemblies.Count == 0 ? 1 : 0;
if (assemblies.Count == 0)
{
    Console.WriteLine("FAIL the package has no lib/ assemblies");
}

foreach (ZipArchiveEntry assembly in assemblies)
{
    string? problem = Check(assembly);
    Console.WriteLine(problem is null ? $"ok   {assembly.FullName}: PDB in the symbol package, paths mapped to /_/, Source Link to {rawPrefix}<commit>/" : $"FAIL {assembly.FullName}: {problem}");
    failures += problem is null ? 0 : 1;
}

return failures == 0 ? 0 : 1;

string? Check(ZipArchiveEntry assembly)
{
    using var pe = new PEReader(Copy(assembly));
    DebugDirectoryEntry codeView = pe.ReadDebugDirectory().FirstOrDefault(e => e.Type == DebugDirectoryEntryType.CodeView);
    if (codeView.DataSize == 0)
    {
        return "no CodeView debug entry";
    }

    CodeViewDebugDirectoryData data = pe.ReadCodeViewDebugDirectoryData(codeView);
    if (!data.Path.StartsWith("/_/", StringComparison.Ordinal) || data.Path.Contains(localRoot, StringComparison.Ordinal))
    {
        return $"the assembly names its PDB by a local path: {data.Path}";
    }

    string pdbName = Path.ChangeExtension(assembly.FullName, ".pdb");
    ZipArchiveEntry? pdbEntry = symbols.GetEntry(pdbName);
    if (pdbEntry is null)
    {
        return $"the symbol package has no {pdbName}";
    }

    using var provider = MetadataReaderProvider.FromPortablePdbStream(Copy(pdbEntry));
    MetadataReader pdb = provider.GetMetadataReader();
    if (!new BlobContentId(pdb.DebugMetadataHeader!.Id).Guid.Equals(data.Guid))
    {
        return "the symbol package's PDB is from another build";
    }

    var documents = pdb.Documents.Select(h => pdb.GetString(pdb.GetDocument(h).Name)).ToList();
    string? local = documents.FirstOrDefault(d => d.Contains(localRoot, StringComparison.Ordinal) || !d.StartsWith("/_/", StringComparison.Ordinal));
    if (documents.Count == 0 || local is not null)
    {
        return $"{documents.Count} documents, one by an unmapped path: {local}";
    }

    string? sourceLink = pdb.GetCustomDebugInformation(EntityHandle.ModuleDefinition)
        .Select(pdb.GetCustomDebugInformation)
        .Where(c => pdb.GetGuid(c.Kind) == sourceLinkKind)
        .Select(c => Encoding.UTF8.GetString(pdb.GetBlobBytes(c.Value)))
        .FirstOrDefault();
    string expected = Regex.Escape("\"/_/*\":\"" + rawPrefix) + "[0-9a-f]{40}/\\*\"";
    return sourceLink is null ? "no Source Link data"
        : Regex.IsMatch(sourceLink, expected) ? null
        : $"Source Link does not map /_/ to {rawPrefix}<commit>/: {sourceLink}";
}

static MemoryStream Copy(ZipArchiveEntry entry)
{
    var copy = new MemoryStream();
    using (Stream stream = entry.Open())
    {
        stream.CopyTo(copy);
    }

    copy.Position = 0;
    return copy;
}
