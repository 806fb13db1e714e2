#!/usr/bin/env bash
# Whole-process benchmark of `callkit-doctor fleet FILE --by os_version` over a SYNTHETIC Parquet fleet (default
# 10,000,000 calls, generated once by `fleet generate` and kept in $FLEET_BENCH_DIR, default /tmp/callkit-fleet-bench).
# Also times --release-scan --workaround-effect --rollout-date (more comparisons, still one scan of the file).
# Prints wall time, CPU time (user+sys: meaningful when other processes share the cores) and peak RSS per run.
# Usage: bench/fleet-parquet.sh [CALLS] [RUNS]   (default 10000000 3)
set -euo pipefail
cd "$(dirname "$0")/.."
calls=${1:-10000000}
runs=${2:-3}
data=${FLEET_BENCH_DIR:-/tmp/callkit-fleet-bench}
mkdir -p "$data"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/CallKitDoctor.Cli -o "$work/cli" -v q -nologo >/dev/null
cli=(dotnet "$work/cli/callkit-doctor.dll")
file="$data/fleet-$calls.parquet"
if [ ! -f "$file" ]; then
  "${cli[@]}" fleet generate "$file" --calls "$calls" --days 28
fi

echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "input: $file, $calls rows, $(($(stat -L -c %s "$file") / 1000000)) MB"
printf '%-44s %-4s %-7s %-7s %-10s\n' query run wall_s cpu_s peakRSS_MB
run() {
  local label=$1
  shift
  for i in $(seq 1 "$runs"); do
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "${cli[@]}" fleet "$file" "$@" --format json >"$work/out.json"
    read -r secs user sys rss_kb <"$work/time"
    awk -v q="$label" -v i="$i" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss_kb" \
      'BEGIN { printf "%-44s %-4d %-7.2f %-7.2f %-10.1f\n", q, i, s, u + y, r/1024 }'
  done
}
run "--by os_version" --by os_version
run "--by os_version + release/rollout/workaround" --by os_version --release-scan --workaround-effect --rollout-date 2025-04-15
