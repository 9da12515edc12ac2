#!/usr/bin/env bash
# Builds the misuse gallery (the README's main command) and checks that each gallery file shows its diagnostic
# on the misuse and none on the fixed form, and runs it; builds the TorchSharp sample (its findings) and runs it
# (its training).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
log=$(mktemp)
trap 'rm -f "$log"' EXIT
dotnet build "$root/samples/LossGuard.Samples.Gallery" --no-incremental >"$log" 2>&1 || { cat "$log"; exit 1; }

failures=0
passed=0
for file in "$root"/samples/LossGuard.Samples.Gallery/*/LG*.cs; do
  id=$(basename "$file" | cut -d_ -f1)
  name=$(basename "$file")
  found=$(grep -E "$name\([0-9]+,[0-9]+\): warning LG" "$log" | sort -u | grep -oE "warning LG[0-9]+" | sort -u | tr '\n' ' ')
  if [ "$found" = "warning $id " ]; then
    passed=$((passed + 1))
  else
    echo "FAIL $name: expected only $id, the build reported: ${found:-nothing}"
    failures=$((failures + 1))
  fi
done
# Every rule about code (docs/rules; not the LG09xx settings diagnostics) has a gallery file, as the gallery's README says.
without_file=""
for page in "$root"/docs/rules/LG0[0-8]*.md; do
  id=$(basename "$page" .md)
  compgen -G "$root/samples/LossGuard.Samples.Gallery/*/${id}_*.cs" >/dev/null || without_file="$without_file $id"
done
if [ -z "$without_file" ]; then
  passed=$((passed + 1))
else
  echo "FAIL rules without a gallery file:$without_file"
  failures=$((failures + 1))
fi
# Run with TorchSharp, the gallery must print a line for every rule whose file runs (all but TensorFlow's), and
# every fixed form must stay finite on the large logits that break the misuses.
gallery="$root/samples/LossGuard.Samples.Gallery"
if dotnet run --project "$gallery" -p:LossGuardRunTorchSharp=true >"$log" 2>&1; then
  missing=""
  for file in "$gallery"/{Runtime,TensorPrimitives,TorchSharp}/LG*.cs; do
    id=$(basename "$file" | cut -d_ -f1)
    grep -q "^$id " "$log" || missing="$missing $id"
  done
  broken=$(grep -E "fixed (\[[^]]*)?[-+]?(NaN|inf)" "$log" || true)
  if [ -z "$missing" ] && [ -z "$broken" ]; then
    echo "gallery runs: $(grep -c '^LG' "$log") lines, every fixed form finite"
    passed=$((passed + 1))
  else
    echo "FAIL gallery run: no line for${missing:- (none)}; non-finite fixed forms: ${broken:-none}"
    failures=$((failures + 1))
  fi
else
  echo "FAIL gallery run: $(tail -n 5 "$log")"
  failures=$((failures + 1))
fi
# The TorchSharp sample must report exactly the findings it lists (file and rule), no more and no fewer.
torch="$root/samples/LossGuard.Samples.TorchSharp"
dotnet build "$torch" --no-incremental >"$log" 2>&1 || { cat "$log"; exit 1; }
reported=$(grep -oE "[A-Za-z]+\.cs\([0-9]+,[0-9]+\): warning LG[0-9]+" "$log" | sed -E 's/\([0-9]+,[0-9]+\): warning / /' | sort -u)
expected=$(sort -u "$torch/expected-diagnostics.txt")
if [ "$reported" = "$expected" ]; then
  passed=$((passed + 1))
else
  echo "FAIL TorchSharp sample: expected [$expected], the build reported [$reported]"
  failures=$((failures + 1))
fi

# Run, the TorchSharp sample trains the loop as written and the fixed loop: the fixed one must end with the lower
# cross-entropy and the higher test accuracy, and the chart must be written.
chart="$(mktemp -d)/torchsharp-training.png"
if dotnet run --no-build --project "$torch" -- "$chart" >"$log" 2>&1; then
  verdict=$(awk '/ after [0-9]+ epochs: / {
      name = $1; loss[name] = $6 + 0; sub(/.*test accuracy /, ""); accuracy[name] = $1 + 0 }
    END {
      b = "NLLLoss(softmax)"; f = "CrossEntropyLoss"
      if (!(b in loss) || !(f in loss)) { print "FAIL the runs'"'"' results are missing"; exit }
      ok = loss[f] < loss[b] && accuracy[f] > accuracy[b] ? "ok" : "FAIL"
      printf "%s cross-entropy %s (fixed) vs %s (as written), test accuracy %s%% vs %s%%\n", ok, loss[f], loss[b], accuracy[f], accuracy[b] }' "$log")
else
  verdict="FAIL the sample did not run: $(tail -n 5 "$log")"
fi
if [[ $verdict == ok* ]] && [ -s "$chart" ]; then
  echo "TorchSharp sample trains: ${verdict#ok }"
  passed=$((passed + 1))
else
  echo "FAIL TorchSharp sample run: ${verdict#ok } (chart: $([ -s "$chart" ] && echo written || echo missing))"
  failures=$((failures + 1))
fi
rm -rf "$(dirname "$chart")"

echo "sample checks: $passed passed, $failures failed"
[ "$failures" -eq 0 ] && [ "$passed" -gt 0 ]
