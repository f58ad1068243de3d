#!/usr/bin/env bash
# Runs every test of the platform against a real PostgreSQL and a real RabbitMQ (containers if a container engine
# answers, otherwise the local binaries), installing what is missing first. Ends with one line: "N passed, N failed".
#
# Each test project is its own test host with its own broker and database server. Platform.Tests (the whole platform
# through the AppHost, two of every service, and the browser tests) takes longest, so it starts first and the other
# projects run beside it, two at a time, once its platform is up.
set -uo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
bash deploy/local/install-deps.sh || exit 1

results="$repo/artifacts/test-results"
rm -rf "$results"
mkdir -p "$results"
export PANEL_TEST_LOG="$results/test-log.txt"
: > "$PANEL_TEST_LOG"
# The platform tests run against two of each service and of the gateway (issue: replicas), unless told otherwise.
export PANEL_TEST_REPLICAS=${PANEL_TEST_REPLICAS:-2}
parallel=${PANEL_TEST_PARALLEL:-2}
# Thirty-odd .NET processes share two cores here (the platform's sixteen, the test hosts, their services): workstation
# GC, no spinning thread-pool workers and no PGO instrumentation leave the cores to the work itself.
export DOTNET_gcServer=0 DOTNET_ThreadPool_UnfairSemaphoreSpinLimit=0 DOTNET_TieredPGO=0
# A project that hangs fails here, with its name, instead of running into CI's own limit.
project_timeout=${PANEL_TEST_PROJECT_TIMEOUT:-1500}

started=$(date +%s)
dotnet build PanelPlatform.sln -c Release --nologo -v quiet -clp:ErrorsOnly
build_status=$?

run_project() {
  local project=$1 name
  name=$(basename "$project" .csproj)
  local began=$(date +%s)
  # Each test project is an xunit v3 executable: run it directly, without dotnet test's MSBuild and VSTest hosts
  # (about 6 s of CPU a project, and far more wall time beside the others). It writes the same TRX file.
  local output
  output="$(dirname "$project")/bin/Release/net10.0"
  ( cd "$output" && timeout --signal=TERM --kill-after=60 "$project_timeout" \
      dotnet "$name.dll" -noLogo -noColor -trx "$results/$name.trx" ) > "$results/$name.log" 2>&1
  local status=$?
  echo "$status" > "$results/$name.status"
  # Printed whole when the project ends, so projects running side by side do not interleave line by line.
  { echo; echo "==== $name (exit $status, $(( $(date +%s) - began ))s) ===="; cat "$results/$name.log"; }
  [[ $status -eq 124 ]] && echo "==== $name: timed out after ${project_timeout}s ===="
  return 0
}
export -f run_project
export results project_timeout

test_status=1
if [[ $build_status -eq 0 ]]; then
  platform=tests/Platform.Tests/Platform.Tests.csproj
  # Longest first (as measured on two cores: Notifications, Identity and Casework 200-250 s each, Deploy 115 s and
  # light), so that the last two to finish end close together; a project not named here runs after these.
  others=()
  for name in Notifications Identity Casework ServiceDefaults Grants Meetings Questions; do
    [[ -f "tests/$name.Tests/$name.Tests.csproj" ]] && others+=("tests/$name.Tests/$name.Tests.csproj")
  done
  for project in tests/*.Tests/*.Tests.csproj; do
    [[ "$project" == "$platform" || " ${others[*]} " == *" $project "* ]] || others+=("$project")
  done
  export PANEL_TEST_PLATFORM_STARTED="$results/platform.started"
  run_project "$platform" &
  platform_job=$!
  # Starting sixteen processes is the heaviest minute of the run (131 s on two idle cores, 483 s beside two other
  # projects): the others begin once the platform is up, has failed to come up, or after ten minutes.
  for _ in $(seq 600); do
    [[ -e "$PANEL_TEST_PLATFORM_STARTED" ]] && break
    kill -0 "$platform_job" 2>/dev/null || break
    sleep 1
  done
  printf '%s\n' "${others[@]}" | xargs -P "$parallel" -I{} bash -c 'run_project "$@"' _ {}
  wait "$platform_job"
  test_status=0
  for status in "$results"/*.status; do
    [[ "$(cat "$status")" == 0 ]] || test_status=1
  done
  expected=$(( ${#others[@]} + 1 ))
  ran=$(ls "$results"/*.trx 2>/dev/null | wc -l)
  if [[ $ran -ne $expected ]]; then
    echo "only $ran of $expected test projects wrote results"
    test_status=1
  fi
fi

echo
echo "== Test log =="
cat "$PANEL_TEST_LOG"
echo "== Took $(( $(date +%s) - started ))s =="

passed=0
failed=0
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  counters=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  p=$(sed -n 's/.* passed="\([0-9]*\)".*/\1/p' <<<"$counters")
  f=$(sed -n 's/.* failed="\([0-9]*\)".*/\1/p' <<<"$counters")
  passed=$((passed + ${p:-0}))
  failed=$((failed + ${f:-0}))
done
# CI shows the tail of the output: name each failed test, the start of its message and where in the tests it failed.
for trx in "$results"/*.trx; do
  [[ -f "$trx" ]] || continue
  python3 - "$trx" <<'PY'
import re, sys, xml.etree.ElementTree as ET
ns = {"t": "http://microsoft.com/schemas/VisualStudio/TeamTest/2010"}
seen = set()
for r in ET.parse(sys.argv[1]).getroot().iterfind(".//t:UnitTestResult", ns):
    if r.get("outcome") != "Failed":
        continue
    message = r.findtext("t:Output/t:ErrorInfo/t:Message", "", ns).strip().splitlines()
    stack = r.findtext("t:Output/t:ErrorInfo/t:StackTrace", "", ns).splitlines()
    # A fixture that failed fails every test of its assembly with one message: show it once.
    if message and "\n".join(message) in seen:
        print(f"FAILED {r.get('testName')}: (the same message as above)")
        continue
    seen.add("\n".join(message))
    print(f"FAILED {r.get('testName')}: {message[0][:300] if message else ''}")
    # Enough lines for a stalled messaging test's broker state (alarms, queues, connections, channels).
    for line in message[1:12]:
        print(f"    {line.rstrip()[:300]}")
    # The frames in this repository's test code, innermost first: the line that failed and what called it.
    frames = [m.group(1) + ":" + m.group(2) for m in (re.search(r"(tests/[^:]+\.cs):line (\d+)", f) for f in stack) if m]
    for frame in frames[:4]:
        print(f"    at {frame}")
PY
done
for status in "$results"/*.status; do
  [[ -f "$status" ]] || continue
  code=$(cat "$status")
  [[ "$code" == 0 ]] || echo "FAILED project $(basename "$status" .status) (exit $code)"
done
if [[ $build_status -ne 0 ]]; then
  echo "build failed"
fi
echo "$passed passed, $failed failed"
if [[ $build_status -ne 0 || $test_status -ne 0 || $failed -ne 0 || $passed -eq 0 ]]; then
  exit 1
fi
