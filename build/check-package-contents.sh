#!/usr/bin/env bash
# What the packed packages carry besides the assemblies: rule pages, readmes, help links, metadata, symbols. One line per check,
# "ok   ..." or "FAIL ..."; exits 1 when one failed.
#   usage: check-package-contents.sh FEED REPOSITORY_URL   (the URL the packages were packed with)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
feed=$1 repo_url=$2
help_base="$repo_url/blob/main/docs/rules/"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
failures=0
check() { # description, command...
  local what=$1; shift
  if "$@" >"$work/out" 2>&1; then echo "ok   $what"; else echo "FAIL $what"; sed 's/^/     /' "$work/out"; echo; failures=$((failures + 1)); fi
}

for package in LossGuard.Analyzers LossGuard.Runtime; do
  mkdir -p "$work/$package" && unzip -q -o "$feed/$package".[0-9]*.nupkg -d "$work/$package"
done
analyzers="$work/LossGuard.Analyzers"

same_rule_pages() { # the package's docs/rules are the repository's rule pages, LG0001-LG0011
  local page ok=0
  for page in "$root"/docs/rules/LG*.md; do cmp "$page" "$1/docs/rules/$(basename "$page")" || ok=1; done
  [ "$(ls "$1/docs/rules" | wc -l)" -eq "$(ls "$root"/docs/rules/LG*.md | wc -l)" ] && [ -f "$1/docs/rules/LG0011.md" ] && return $ok
}
readme_links_every_rule() {
  local id
  for id in $(seq -f 'LG%04g' 1 11); do grep -qF "($help_base$id.md)" "$1/README.md" || { echo "no link to $id"; return 1; }; done
  ! grep -n '{{' "$1/README.md"
}
help_links_compiled_in() { # grep reads to the end (no -q): strings must not die of SIGPIPE under pipefail
  strings -e l "$1/analyzers/dotnet/cs/LossGuard.Analyzers.dll" | grep -xF "$help_base" >/dev/null
}

check "LossGuard.Analyzers ships the rule pages under docs/rules" same_rule_pages "$analyzers"
check "LossGuard.Runtime ships them beside its copy of the analyzers" same_rule_pages "$work/LossGuard.Runtime"
check "the analyzers' readme links every rule page at $help_base" readme_links_every_rule "$analyzers"
check "the analyzer assembly's help links start with $help_base" help_links_compiled_in "$analyzers"

metadata() { # package: repository (from the build), project URL, icon, release notes, readme
  local nuspec="$work/$1/$1.nuspec"
  grep -qE "<repository type=\"git\" url=\"$repo_url\" commit=\"[0-9a-f]{40}\" */>" "$nuspec" &&
    grep -qF "<projectUrl>$repo_url</projectUrl>" "$nuspec" &&
    grep -qF '<icon>icon.png</icon>' "$nuspec" && file "$work/$1/icon.png" | grep -q 'PNG image data, 128 x 128' &&
    grep -qE '<releaseNotes>[^<]{40,}</releaseNotes>' "$nuspec" &&
    grep -qF '<readme>README.md</readme>' "$nuspec" || { cat "$nuspec"; return 1; }
}
readme_for_nuget_readers() { # no repository paths a reader of the package cannot open, links into the repository
  ! grep -nE '(^|[ `(])(runtime|tests|build|samples)/' "$1/README.md" && grep -qF "$repo_url/blob/main/docs/runtime.md" "$1/README.md"
}
for package in LossGuard.Analyzers LossGuard.Runtime; do
  check "$package: repository $repo_url (git, with the commit), project URL, icon, release notes, readme" metadata "$package"
done
check "LossGuard.Runtime's readme has no repository paths and links the full report" readme_for_nuget_readers "$work/LossGuard.Runtime"

symbols() { # the snupkg's PDBs: no local paths, Source Link to the repository at the commit (build/PdbCheck)
  local snupkg
  snupkg=$(ls "$feed"/LossGuard.Runtime.[0-9]*.snupkg) &&
    dotnet run --project "$root/build/PdbCheck" -c Release -- "${snupkg%.snupkg}.nupkg" "$snupkg" "$root" "$repo_url"
}
check "LossGuard.Runtime's symbol package: PDBs of the packed assemblies, no path under $root, Source Link to $repo_url" symbols
only_the_runtime_has_symbols() { [ "$(ls "$feed"/*.snupkg)" = "$(ls "$feed"/LossGuard.Runtime.[0-9]*.snupkg)" ]; }
check "only LossGuard.Runtime has a symbol package (the analyzers' PDBs are not shipped)" only_the_runtime_has_symbols

[ "$failures" -eq 0 ]
