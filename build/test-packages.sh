#!/usr/bin/env bash
# Package consumption check: pack into a temporary feed, restore throwaway consumers against it (no project
# references) and build them with -warnaserror, as a user's CI would.
#   - runtime package alone, double softmax  -> the build fails with exactly one LG0001 at Program.cs line 7
#   - both packages, double softmax          -> the build fails with exactly one LG0001 (nothing reported twice)
#   - runtime package alone, corrected code  -> builds clean and runs
#   - the packages' contents and metadata (build/check-package-contents.sh)
#   - in an editor: csharp-ls publishes the LG0001 of the "both" consumer and withdraws it after the fix
#     (build/test-editor.sh)
# The packages are packed with a repository URL other than the default, so every place that must follow
# -p:LossGuardRepositoryUrl (help links, readme links, repository metadata, Source Link) is seen to follow it; no
# -p:ContinuousIntegrationBuild either: the pack itself must map the paths in the PDBs (build/SourceLink.props).
set -euo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export NUGET_PACKAGES="$work/packages" DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

repo_url=https://github.com/lossguard/lossguard-under-test
dotnet pack "$root/Analyzers.sln" -c Release -o "$work/feed" -v quiet "-p:LossGuardRepositoryUrl=$repo_url" >/dev/null
version=$(ls "$work/feed" | sed -n 's/^LossGuard\.Runtime\.\(.*\)\.nupkg$/\1/p')

consumer() { # name, package references, program
  local dir="$work/$1"
  mkdir -p "$dir"
  cat >"$dir/nuget.config" <<XML
<configuration><packageSources><add key="lossguard-under-test" value="$work/feed" /></packageSources></configuration>
XML
  cat >"$dir/Consumer.csproj" <<XML
<Project Sdk="Microsoft.NET.Sdk">
  <PropertyGroup><OutputType>Exe</OutputType><TargetFramework>net10.0</TargetFramework><Nullable>enable</Nullable></PropertyGroup>
  <ItemGroup>$2</ItemGroup>
</Project>
XML
  printf '%s\n' "$3" >"$dir/Program.cs"
}

runtime_ref="<PackageReference Include=\"LossGuard.Runtime\" Version=\"$version\" />"
analyzers_ref="<PackageReference Include=\"LossGuard.Analyzers\" Version=\"$version\" PrivateAssets=\"all\" />"
double_softmax='using System;
using LossGuard;

float[] logits = { 2f, 1f, 0.1f, 0.5f, 2.5f, 0.3f };
int[] labels = { 0, 1 };
float[] probabilities = Activations.Softmax(logits, classes: 3);
float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(probabilities, labels, classes: 3);
Console.WriteLine(loss);'
fixed_code='using System;
using LossGuard;

float[] logits = { 2f, 1f, 0.1f, 0.5f, 2.5f, 0.3f };
int[] labels = { 0, 1 };
float[] probabilities = Activations.Softmax(logits, classes: 3);
float loss = Losses.SparseSoftmaxCrossEntropyWithLogits(logits, labels, classes: 3);
Console.WriteLine($"loss {loss:F4}, first probability {probabilities[0]:F4}");'

consumer runtime-only "$runtime_ref" "$double_softmax"
consumer both "$runtime_ref $analyzers_ref" "$double_softmax"
consumer fixed "$runtime_ref" "$fixed_code"

failures=0
expect_one_lg0001() {
  local log="$work/$1.log"
  local sarif="$work/$1.sarif"
  if dotnet build "$work/$1" -warnaserror "-p:ErrorLog=$sarif%2Cversion=2.1" >"$log" 2>&1; then
    echo "FAIL $1: the build passed; it must fail with LG0001"; failures=$((failures + 1)); return
  fi
  # The console log repeats each error in its summary; the SARIF log has one result per reported diagnostic.
  local results located
  results=$(grep -c '"ruleId": "LG' "$sarif" || true)
  located=$(grep -c "Program.cs(7,57): error LG0001" "$log" || true)
  if [ "$results" -ne 1 ] || [ "$located" -eq 0 ] || ! grep -q '"ruleId": "LG0001"' "$sarif" ||
     ! grep -qF "\"helpUri\": \"$repo_url/blob/main/docs/rules/LG0001.md\"" "$sarif"; then
    echo "FAIL $1: expected exactly one 'Program.cs(7,57): error LG0001', got:"; grep "error" "$log" || cat "$log"
    failures=$((failures + 1)); return
  fi
  echo "ok   $1 (help link $repo_url/blob/main/docs/rules/LG0001.md): $(grep -o 'Program.cs(7,57): error LG0001[^[]*' "$log" | head -n 1)"
}
expect_one_lg0001 runtime-only
expect_one_lg0001 both

if dotnet build "$work/fixed" -warnaserror >"$work/fixed.log" 2>&1 && output=$(dotnet run --project "$work/fixed" --no-build); then
  echo "ok   fixed: builds clean with -warnaserror and runs: $output"
else
  echo "FAIL fixed: the corrected consumer must build clean"; grep -E "error|warning" "$work/fixed.log" || cat "$work/fixed.log"
  failures=$((failures + 1))
fi

contents=$(bash "$root/build/check-package-contents.sh" "$work/feed" "$repo_url"; bash "$root/build/test-editor.sh" "$work/both") || true
echo "$contents"
failures=$((failures + $(grep -c '^FAIL' <<<"$contents" || true)))
total=$((3 + $(grep -cE '^(ok|FAIL) ' <<<"$contents" || true)))

echo "package checks: $((total - failures)) passed, $failures failed"
[ "$failures" -eq 0 ]
