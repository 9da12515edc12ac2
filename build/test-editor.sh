#!/usr/bin/env bash
# Editor check: csharp-ls (the tool manifest .config/dotnet-tools.json, restored here) driven over the
# language-server protocol on a restored consumer of the packed packages (build/EditorCheck): the double softmax's
# LG0001 must be published for the opened Program.cs and withdrawn after the edit that passes the logits, and must
# not come back for the misuse typed again once csharp.analyzersEnabled is turned off.
# Prints "ok   ..." or "FAIL ..." lines; exits 1 when one failed.
#   usage: test-editor.sh CONSUMER_DIRECTORY   (its Program.cs is test-packages.sh's double softmax)
set -uo pipefail
root=$(cd "$(dirname "$0")/.." && pwd)
consumer=$1
# Tools resolve through a cache of their own: the user's cache may still name a package folder that an earlier run
# deleted (test-packages.sh restores into a temporary NUGET_PACKAGES), and `dotnet tool restore` trusts that entry.
cli_home=$(mktemp -d)
trap 'rm -rf "$cli_home"' EXIT
export DOTNET_CLI_HOME="$cli_home"
check() {
  (cd "$root" && dotnet tool restore >/dev/null) &&
    dotnet build "$root/build/EditorCheck" -c Release -v quiet -nologo >/dev/null &&
    dotnet "$root/build/EditorCheck/bin/Release/net10.0/EditorCheck.dll" "$root" "$consumer" Program.cs LG0001 \
      "SparseSoftmaxCrossEntropyWithLogits(probabilities" "SparseSoftmaxCrossEntropyWithLogits(logits"
}
output=$(check 2>&1)
status=$?
echo "$output"
if [ "$status" -ne 0 ] && ! grep -q '^FAIL' <<<"$output"; then
  echo "FAIL editor check: exit status $status (tool restore, build of build/EditorCheck or the check)"
fi
exit "$status"
