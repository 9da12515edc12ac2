#!/usr/bin/env bash
# Run an analyzer over a materialised corpus: bash run.sh <corpus> <analyzer-dir> [out-file] [out-root]
# Builds each listed project one at a time with <analyzer-dir>/LossGuard.Analyzers.dll, writes the sorted
# LG*/AD0001 diagnostics (repository-relative path:line:column rule) to out-file (default
# <out-root>/<corpus>/findings.txt), the build outcome per project to <out-file>.builds, and diffs the findings
# against <corpus>/expected.txt beside this script. Exit status 0 even when they differ; the diff says it.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:?usage: run.sh <corpus> <analyzer-dir> [out-file] [out-root]}
analyzer=$(cd "${2:?analyzer dir}" && pwd)
root=${4:-/work/realcode}
dir="$root/$corpus"
out=${3:-$dir/findings.txt}
[ -f "$dir/projects.txt" ] || { echo "not materialised: run materialise.sh $corpus first" >&2; exit 2; }
[ -f "$analyzer/LossGuard.Analyzers.dll" ] || { echo "no LossGuard.Analyzers.dll in $analyzer" >&2; exit 2; }
mkdir -p "$dir/logs"; : > "$out.raw"; : > "$out.builds"
while read -r proj; do
  [ -n "$proj" ] || continue
  log="$dir/logs/$(echo "$proj" | tr '/' '_').log"
  if dotnet build "$dir/$proj" --no-incremental -nologo -clp:NoSummary -m:1 \
      -p:LossGuardAnalyzerDir="$analyzer" > "$log" 2>&1; then status=built; else status=FAILED; fi
  printf '%s\t%s\n' "$status" "$proj" | tee -a "$out.builds"
  grep -oE '^ *[^ ].*\([0-9]+,[0-9]+\): (warning|error|info) (LG[0-9]+|AD0001)' "$log" >> "$out.raw" || true
done < "$dir/projects.txt"
sed -E 's/^ *//; s#^'"$dir"'/src/##; s#\(([0-9]+),([0-9]+)\): (warning|error|info) # :\1:\2 #; s# :#:#' "$out.raw" \
  | sort -u > "$out"
rm -f "$out.raw"
echo "$(grep -c . "$out") finding lines in $out; $(grep -c '^built' "$out.builds") built, $(grep -c '^FAILED' "$out.builds") failed"
if [ -f "$here/$corpus/expected.txt" ]; then
  if diff <(grep -v '^#' "$here/$corpus/expected.txt" | grep .) "$out" > "$out.diff"; then
    echo "same as $corpus/expected.txt"
  else
    echo "differs from $corpus/expected.txt ('<' expected only, '>' found only):"; cat "$out.diff"
  fi
fi
