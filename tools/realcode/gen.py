#!/usr/bin/env python3
"""Materialise one real-code corpus: sources at the recorded commits, a generated project per upstream project.

usage: gen.py <corpus manifest dir> <mirrors dir> <out dir>

Reads <manifest dir>/projects.tsv and edits.tsv (see README.md). For every listed project and every project it
references (ProjectReference, transitively), the upstream project's directory is extracted from the fetched mirror
(<mirrors>/<owner>+<name>/repo) and a generated `<name>.lg.csproj` is written beside the upstream one: net10.0,
TorchSharp 0.107.0 in place of any TorchSharp/libtorch package, the upstream package references, properties and
Compile Remove/Include items kept, intermediate and output folders outside the sources, and the analyzer from
$(LossGuardAnalyzerDir). Port edits are then applied (each must match exactly once). Writes <out>/projects.txt:
one generated top-level project per line, in manifest order.
"""
import os
import posixpath
import re
import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from xml.sax.saxutils import escape, quoteattr

TORCHSHARP = "0.107.0"
INHERITED = ("drop-ref", "drop-package", "package", "project-ref")  # options that also hold for the projects a listed one references
KEPT_PROPS = ["OutputType", "AssemblyName", "RootNamespace", "ImplicitUsings", "Nullable", "LangVersion",
              "AllowUnsafeBlocks", "DefineConstants", "UseWindowsForms", "UseWPF", "GenerateAssemblyInfo",
              "EnableDefaultCompileItems", "StartupObject"]
# TorchSharp itself (replaced by 0.107.0), its native and flash-attention packages; TorchAudio, TorchText: not served
DROPPED_PACKAGE = re.compile(r"^(TorchSharp(-.*|\.FlashAttention.*)?|libtorch.*|TorchAudio|TorchText)$", re.I)
COMPANION = re.compile(r"^TorchVision$", re.I)  # released with TorchSharp, same version


with open(os.path.join(os.path.dirname(os.path.abspath(__file__)), "unserved.txt"), encoding="utf-8") as _f:
    UNSERVED = [l.strip() for l in _f if l.strip() and not l.startswith("#")]


def git(mirror, *args, binary=False):
    out = subprocess.run(["git", "--git-dir", mirror] + list(args), check=True, capture_output=True).stdout
    return out if binary else out.decode("utf-8", "replace")


def show(mirror, commit, path):
    try:
        return git(mirror, "show", f"{commit}:{path}")
    except subprocess.CalledProcessError:
        return None


SOURCE = re.compile(r"\.(cs|csproj|props|targets|resx|settings)$", re.I)


def extract(mirror, commit, paths, dest):
    """Writes the sources (SOURCE) under paths at commit into dest; large data files are left out."""
    listing = git(mirror, "ls-tree", "-r", "-z", commit, "--", *paths).split("\0")
    blobs = []
    for entry in listing:
        if not entry:
            continue
        meta, _, path = entry.partition("\t")
        parts = path.split("/")
        if meta.split()[1] == "blob" and SOURCE.search(path) and "obj" not in parts and "bin" not in parts:
            blobs.append((meta.split()[2], path))
    proc = subprocess.run(["git", "--git-dir", mirror, "cat-file", "--batch"], check=True, capture_output=True,
                          input="".join(sha + "\n" for sha, _ in blobs).encode())
    data, pos = proc.stdout, 0
    for sha, path in blobs:
        end = data.index(b"\n", pos)
        header = data[pos:end].split()
        pos = end + 1
        if header[1] == b"missing":
            print(f"gen.py: {path} is not in the mirror", file=sys.stderr)
            continue
        size = int(header[2])
        target = os.path.join(dest, path)
        os.makedirs(os.path.dirname(target), exist_ok=True)
        with open(target, "wb") as f:
            f.write(data[pos:pos + size])
        pos += size + 1


def local(tag):
    return tag.split("}")[-1]


def parse(text):
    text = re.sub(r"^\ufeff", "", text)
    text = re.sub(r'\sxmlns="[^"]*"', "", text, count=1)
    return ET.fromstring(text)


def expand(value, props):
    """$(Name) of a property read so far (upstream versions often live in Directory.Build.props)."""
    return re.sub(r"\$\((\w+)\)", lambda m: props.get(m.group(1), m.group(0)), value)


def props_and_items(root, props, items):
    """Unconditional properties and items only: a condition is mostly a target framework or platform not built here."""
    for pg in root:
        if "Condition" in pg.attrib:
            continue
        if local(pg.tag) == "PropertyGroup":
            for p in pg:
                if "Condition" in p.attrib:
                    continue
                props[local(p.tag)] = expand((p.text or "").strip(), props)
        elif local(pg.tag) == "ItemGroup":
            for it in pg:
                if "Condition" in it.attrib:
                    continue
                items.append((local(it.tag), {k: expand(v, props) for k, v in it.attrib.items()},
                              {local(c.tag): expand((c.text or "").strip(), props) for c in it}))


def ancestors(path):
    d = posixpath.dirname(path)
    while True:
        yield d
        if d == "":
            return
        d = posixpath.dirname(d)


def read_project(mirror, commit, csproj):
    """Properties and items of an upstream project, with its Directory.Build.props and central versions."""
    props, items, central = {}, [], {}
    for d in reversed(list(ancestors(csproj))):
        text = show(mirror, commit, posixpath.join(d, "Directory.Build.props"))
        if text:
            props_and_items(parse(text), props, [])
    for d in ancestors(csproj):
        text = show(mirror, commit, posixpath.join(d, "Directory.Packages.props"))
        if text:
            for el in parse(text).iter():
                if local(el.tag) == "PackageVersion" and "Include" in el.attrib:
                    central[el.attrib["Include"]] = el.attrib.get("Version", "")
            break
    text = show(mirror, commit, csproj)
    if text is None:
        sys.exit(f"gen.py: {csproj} not found at {commit}")
    root = parse(text)
    props_and_items(root, props, items)
    return root.attrib.get("Sdk", ""), props, items, central


def read_tsv(path):
    rows = []
    if not os.path.exists(path):
        return rows
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if not line.strip() or line.startswith("#"):
                continue
            rows.append(line.split("\t"))
    return rows


def unescape(s):
    return s.replace("\\t", "\t").replace("\\n", "\n").replace("\\\\", "\\")


def options(text):
    opts = {}
    if text and text != "-":
        for part in text.split(";"):
            k, _, v = part.partition("=")
            opts.setdefault(k.strip(), []).append(v.strip())
    return opts


def generate(out, key, repo_dir, csproj, sdk, props, items, central, refs, opts):
    proj_dir = posixpath.dirname(csproj)
    tfm = props.get("TargetFramework") or props.get("TargetFrameworks", "")
    windows = "windows" in tfm or props.get("UseWindowsForms", "").lower() == "true" or props.get("UseWPF", "").lower() == "true"
    if not sdk:  # an old-style project: its Compile items are explicit
        props["EnableDefaultCompileItems"] = "false"
        props.setdefault("GenerateAssemblyInfo", "false")
    if sdk not in ("Microsoft.NET.Sdk.Web", "Microsoft.NET.Sdk.Worker", "Microsoft.NET.Sdk.Razor"):
        sdk = "Microsoft.NET.Sdk"
    lines = ["<Project>",
             "  <!-- Generated by tools/realcode/gen.py; not upstream code. -->",
             "  <PropertyGroup>",
             f"    <LossGuardCorpusDir>{out}</LossGuardCorpusDir>",
             f"    <BaseIntermediateOutputPath>{out}/obj/{key}/</BaseIntermediateOutputPath>",
             "    <ImportDirectoryBuildProps>false</ImportDirectoryBuildProps>",
             "    <ImportDirectoryBuildTargets>false</ImportDirectoryBuildTargets>",
             "    <ImportDirectoryPackagesProps>false</ImportDirectoryPackagesProps>",
             "  </PropertyGroup>",
             f'  <Import Project="Sdk.props" Sdk="{sdk}" />',
             "  <PropertyGroup>",
             f"    <TargetFramework>net10.0{'-windows' if windows else ''}</TargetFramework>"]
    if windows:
        lines.append("    <EnableWindowsTargeting>true</EnableWindowsTargeting>")
    versions = sorted((int(a), int(b)) for a, b in re.findall(r"net(\d+)\.(\d+)", tfm))
    if versions and versions[-1] < (10, 0):  # the upstream's newest target's own symbol (NET8_0), which net10.0 lacks
        lines.append(f"    <DefineConstants>$(DefineConstants);NET{versions[-1][0]}_{versions[-1][1]}</DefineConstants>")
    props.setdefault("AssemblyName", posixpath.basename(csproj)[:-len(".csproj")])
    for name in KEPT_PROPS:
        if name in props and props[name]:
            lines.append(f"    <{name}>{escape(props[name])}</{name}>")
    for kv in opts.get("prop", []):
        k, _, v = kv.partition(":")
        lines.append(f"    <{k}>{escape(v)}</{k}>")
    lines += [f"    <OutputPath>{out}/bin/{key}/</OutputPath>",
              "    <DefaultItemExcludes>$(DefaultItemExcludes);obj/**;bin/**</DefaultItemExcludes>",
              "    <TreatWarningsAsErrors>false</TreatWarningsAsErrors>",
              "    <WarningsAsErrors></WarningsAsErrors>",
              "    <EnableNETAnalyzers>false</EnableNETAnalyzers>",
              "    <GenerateDocumentationFile>false</GenerateDocumentationFile>",
              "    <ManagePackageVersionsCentrally>false</ManagePackageVersionsCentrally>",
              "    <NuGetAudit>false</NuGetAudit>",
              "    <SatelliteResourceLanguages>en</SatelliteResourceLanguages>",
              "  </PropertyGroup>",
              "  <ItemGroup>",
              f'    <PackageReference Include="TorchSharp" Version="{TORCHSHARP}" />']
    packages = {}
    for kind, attrib, children in items:
        inc = attrib.get("Include", "")
        if kind == "PackageReference" and inc and not DROPPED_PACKAGE.match(inc):
            ver = attrib.get("Version") or children.get("Version") or attrib.get("VersionOverride") or central.get(inc, "")
            packages[inc] = TORCHSHARP if COMPANION.match(inc) else ver
    for pkg in opts.get("package", []):  # <id>/<version> adds or replaces one; <id>/- drops it
        name, _, ver = pkg.partition("/")
        packages[name] = ver
    for name in opts.get("drop-package", []) + UNSERVED:
        packages.pop(name, None)
    for name, ver in packages.items():
        if ver and ver != "-":
            lines.append(f"    <PackageReference Include={quoteattr(name)} Version={quoteattr(ver)} />")
    for kind, attrib, children in items:
        inc = attrib.get("Include", "")
        if kind == "PackageReference":
            pass
        elif kind == "Compile" and opts.get("upstream-compile", ["true"])[0] != "false":
            for verb in ("Include", "Remove"):
                if verb in attrib and (verb == "Remove" or not sdk or "Link" in attrib or "Link" in children
                                       or attrib[verb].startswith("..")):
                    lines.append(f"    <Compile {verb}={quoteattr(attrib[verb])} />")
        elif kind == "Reference" and "HintPath" in children:
            pass  # a local binary: not available
        elif kind == "Using" and inc:  # global usings declared in the project file
            extra = "".join(f" {k}={quoteattr(v)}" for k, v in list(attrib.items()) + list(children.items())
                            if k in ("Static", "Alias"))
            lines.append(f"    <Using Include={quoteattr(inc)}{extra} />")
        elif kind == "FrameworkReference" and inc:
            lines.append(f"    <FrameworkReference Include={quoteattr(inc)} />")
    for glob in opts.get("exclude", []):
        rel = posixpath.relpath(glob, proj_dir or ".")
        lines.append(f"    <Compile Remove={quoteattr(rel)} />")
    for glob in opts.get("include", []):
        rel = posixpath.relpath(glob, proj_dir or ".")
        lines.append(f"    <Compile Include={quoteattr(rel)} />")
    for stub in opts.get("stub", []):  # our own stand-in source, from <manifest>/stubs
        lines.append(f"    <Compile Include={quoteattr(os.path.join(out, 'stubs', stub))} />")
    for ref in refs:
        rel = posixpath.relpath(ref[:-len(".csproj")] + ".lg.csproj", proj_dir or ".")
        lines.append(f"    <ProjectReference Include={quoteattr(rel)} />")
    lines += ['    <Analyzer Include="$(LossGuardAnalyzerDir)/LossGuard.Analyzers.dll" Condition="\'$(LossGuardAnalyzerDir)\' != \'\'" />',
              "  </ItemGroup>",
              f'  <Import Project="Sdk.targets" Sdk="{sdk}" />',
              "</Project>", ""]
    path = os.path.join(repo_dir, csproj[:-len(".csproj")] + ".lg.csproj")
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines))
    return path


def main():
    manifest, mirrors, out = sys.argv[1:4]
    out = os.path.abspath(out)
    rows = read_tsv(os.path.join(manifest, "projects.tsv"))
    edits = read_tsv(os.path.join(manifest, "edits.tsv"))
    plans = {}  # repo -> (commit, {csproj: (sdk, props, items, central, refs, opts)}, [tops])
    for row in rows:
        repo, commit, csproj = row[0], row[1], row[2]
        opts = options(row[3] if len(row) > 3 else "-")
        mirror = os.path.join(mirrors, repo.replace("/", "+"), "repo")
        commit_, projects, tops = plans.setdefault(repo, (commit, {}, []))
        if commit_ != commit:
            sys.exit(f"gen.py: {repo} listed at two commits")
        tops.append(csproj)
        todo = [(csproj, opts)]
        while todo:
            path, o = todo.pop()
            if path in projects:
                if o:
                    projects[path] = projects[path][:5] + (o,)
                continue
            sdk, props, items, central = read_project(mirror, commit, path)
            refs = [r for r in o.get("ref", [])]
            refs += [pair.split("|")[1] for pair in o.get("project-ref", []) if pair.split("|")[0] == path]
            todo.extend((r, {k: v for k, v in o.items() if k in INHERITED}) for r in refs)
            for kind, attrib, _ in items:
                if kind == "ProjectReference" and "Include" in attrib:
                    ref = posixpath.normpath(posixpath.join(posixpath.dirname(path), attrib["Include"].replace("\\", "/")))
                    if ref in o.get("drop-ref", []):
                        continue
                    refs.append(ref)
                    todo.append((ref, {k: v for k, v in o.items() if k in INHERITED}))
            projects[path] = (sdk, props, items, central, refs, o)
    with open(os.path.join(out, "projects.txt"), "w") as listing:
        for repo, (commit, projects, tops) in plans.items():
            mirror = os.path.join(mirrors, repo.replace("/", "+"), "repo")
            repo_dir = os.path.join(out, "src", repo.replace("/", "+"))
            os.makedirs(repo_dir, exist_ok=True)
            dirs = sorted({posixpath.dirname(p) or "." for p in projects})
            extra = [g for p in projects.values() for g in p[5].get("checkout", [])]
            extract(mirror, commit, dirs + extra, repo_dir)
            key_base = repo.replace("/", "+")
            for path, (sdk, props, items, central, refs, o) in projects.items():
                key = key_base + "/" + path[:-len(".csproj")]
                generated = generate(out, key, repo_dir, path, sdk, props, items, central, refs, o)
                if path in tops:
                    listing.write(os.path.relpath(generated, out) + "\n")
    stubs = os.path.join(manifest, "stubs")
    if os.path.isdir(stubs):
        shutil.copytree(stubs, os.path.join(out, "stubs"))
        for name in os.listdir(os.path.join(out, "stubs")):
            if name.endswith(".hex"):  # a public key written as hex (the upstream's own), as the binary file signing reads
                hexfile = os.path.join(out, "stubs", name)
                with open(hexfile) as f, open(hexfile[:-len(".hex")], "wb") as b:
                    b.write(bytes.fromhex(f.read().strip()))
    for edit in edits:
        repo, path, old, new = edit[0], edit[1], unescape(edit[2]), unescape(edit[3])
        file = os.path.join(out, "src", repo.replace("/", "+"), path)
        with open(file, encoding="utf-8-sig") as f:
            text = f.read()
        count = text.count(old)
        if count != 1:
            sys.exit(f"gen.py: edit of {repo}/{path} matches {count} times: {old!r}")
        with open(file, "w", encoding="utf-8") as f:
            f.write(text.replace(old, new))
    print(f"materialised {len(rows)} projects from {len(plans)} repositories in {out}")


if __name__ == "__main__":
    main()
