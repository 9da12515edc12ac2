#!/usr/bin/env bash
# Run an analyzer over a materialised corpus: bash run.sh <corpus> <analyzer-dir> [out-file] [out-root]
# Builds each listed project one at a time with <analyzer-dir>/LossGuard.Analyzers.dll (ONLY=<regex>: only the
# projects whose path matches, e.g. after a manifest fix), keeps one log per project in <out-root>/<corpus>/logs,
# then writes from all the logs the sorted LG*/AD0001 diagnostics (repository-relative path:line:column rule) to
# out-file (default <out-root>/<corpus>/findings.txt), the build outcome per project to <out-file>.builds, and
# diffs the findings against <corpus>/expected.txt beside this script. Exit status 0 even when they differ.
set -uo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:?usage: run.sh <corpus> <analyzer-dir> [out-file] [out-root]}
analyzer=$(cd "${2:?analyzer dir}" && pwd)
root=${4:-/work/realcode}
dir="$root/$corpus"
out=${3:-$dir/findings.txt}
only=${ONLY:-}
[ -f "$dir/projects.txt" ] || { echo "not materialised: run materialise.sh $corpus first" >&2; exit 2; }
[ -f "$analyzer/LossGuard.Analyzers.dll" ] || { echo "no LossGuard.Analyzers.dll in $analyzer" >&2; exit 2; }
mkdir -p "$dir/logs"
logof() { echo "$dir/logs/$(echo "$1" | tr '/' '_').log"; }
while read -r proj; do
  [ -n "$proj" ] || continue
  if [ -n "$only" ] && ! [[ "$proj" =~ $only ]]; then continue; fi
  log=$(logof "$proj")
  { echo "# analyzer: $analyzer"
    dotnet build "$dir/$proj" --no-incremental -nologo -clp:NoSummary -m:1 -p:LossGuardAnalyzerDir="$analyzer"
  } > "$log" 2>&1 && status=built || status=FAILED
  echo "$status" > "$log.status"
  printf '%s\t%s\n' "$status" "$proj"
done < "$dir/projects.txt"
: > "$out.raw"; : > "$out.builds"; stale=0
while read -r proj; do
  [ -n "$proj" ] || continue
  log=$(logof "$proj")
  if ! head -1 "$log" 2>/dev/null | grep -qxF "# analyzer: $analyzer"; then
    echo "no log of $proj with this analyzer: run it (ONLY=...)" >&2; stale=1; continue
  fi
  printf '%s\t%s\n' "$(cat "$log.status")" "$proj" >> "$out.builds"
  grep -oE '^ *[^ #].*\([0-9]+,[0-9]+\): (warning|error|info) (LG[0-9]+|AD0001)' "$log" >> "$out.raw" || true
done < "$dir/projects.txt"
sed -E 's/^ *//; s#^'"$dir"'/src/##; s#^'"$dir"'/##; s#\(([0-9]+),([0-9]+)\): (warning|error|info) # :\1:\2 #; s# :#:#' "$out.raw" \
  | sort -u > "$out"
rm -f "$out.raw"
echo "$(grep -c . "$out") finding lines in $out; $(grep -c '^built' "$out.builds") built, $(grep -c '^FAILED' "$out.builds") failed (a failed project with errors only in method bodies is still analysed, one with declaration errors is not: README; see logs/)"
[ "$stale" = 0 ] || echo "INCOMPLETE: some projects have no log from this analyzer" >&2
if [ -f "$here/$corpus/expected.txt" ]; then
  if diff <(grep -v '^#' "$here/$corpus/expected.txt" | grep .) "$out" > "$out.diff"; then
    echo "same as $corpus/expected.txt"
  else
    echo "differs from $corpus/expected.txt ('<' expected only, '>' found only):"; cat "$out.diff"
  fi
fi
