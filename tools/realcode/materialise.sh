#!/usr/bin/env bash
# Materialise a real-code corpus from fetched mirrors: bash materialise.sh <corpus> [out-root] [mirrors]
#   <corpus>     a folder beside this script (main, ext14, ...) holding projects.tsv and edits.tsv
#   out-root     default /work/realcode; the corpus lands in <out-root>/<corpus> (replaced if present)
#   mirrors      default /work/.mirror (bare repositories as the fetch tool leaves them: <owner>+<name>/repo)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
corpus=${1:?usage: materialise.sh <corpus> [out-root] [mirrors]}
root=${2:-/work/realcode}
mirrors=${3:-/work/.mirror}
[ -f "$here/$corpus/projects.tsv" ] || { echo "no manifest $here/$corpus/projects.tsv" >&2; exit 2; }
missing=0
while IFS=$'\t' read -r repo commit _; do
  case "$repo" in ''|'#'*) continue;; esac
  if ! git --git-dir="$mirrors/${repo/\//+}/repo" cat-file -e "$commit^{commit}" 2>/dev/null; then
    echo "missing: $repo@$commit (fetch github:$repo first)" >&2; missing=1
  fi
done < "$here/$corpus/projects.tsv"
[ "$missing" = 0 ] || exit 1
out="$root/$corpus"
rm -rf "$out"; mkdir -p "$out"
python3 "$here/gen.py" "$here/$corpus" "$mirrors" "$out"
