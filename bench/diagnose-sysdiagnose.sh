#!/usr/bin/env bash
# Whole-process benchmark on a sysdiagnose-shaped .tar.gz of at least SIZE_MB compressed MB (default 300), written by
# `CallKitDoctor.Benchmarks generate-sysdiagnose` (many processes, thousands of format strings in uuidtext/dsc files,
# Persist/Special/Signpost/HighVolume stores and live data, a handful of call flows, unread members making up the rest)
# and cached across runs in $CALLKIT_DOCTOR_BENCH_CACHE (default ~/.cache/callkit-doctor).
# Times, under /usr/bin/time (wall, CPU = user+sys, peak RSS):
#   diagnose ARCHIVE --format json                                goal: < 10 s, peak RSS < 300 MB
#   show ARCHIVE                                                  everything, default style
#   show ARCHIVE --predicate 'subsystem == "com.apple.calls.callkit"'   goal: >= 3x faster than `show ARCHIVE`
# (the last one only when the CLI's `show` has --predicate). RUNS=n repeats each command (default 1).
# Usage: bench/diagnose-sysdiagnose.sh [SIZE_MB]
set -euo pipefail
cd "$(dirname "$0")/.."
size_mb=${1:-300}
runs=${RUNS:-1}
cache=${CALLKIT_DOCTOR_BENCH_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/callkit-doctor}
archive="$cache/sysdiagnose-bench-v1-$size_mb.tar.gz"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

dotnet build -c Release src/CallKitDoctor.Cli -o "$work/cli" -v q -nologo >/dev/null
if [[ ! -f $archive ]]; then
  mkdir -p "$cache"
  dotnet build -c Release bench/CallKitDoctor.Benchmarks -o "$work/bench" -v q -nologo >/dev/null
  echo "generating $archive (once; cached)"
  dotnet "$work/bench/CallKitDoctor.Benchmarks.dll" generate-sysdiagnose "$archive" "$size_mb" >/dev/null
fi

cli=(dotnet "$work/cli/callkit-doctor.dll")
bytes=$(stat -c %s "$archive")
entries=$(awk -F'\t' '$1 == "entries" { print $2 }' "$archive.txt" 2>/dev/null || echo 0)
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo "archive: $archive ($((bytes / 1048576)) MB compressed, ${entries:-?} log entries)"
printf '%-10s %-8s %-8s %-8s %-14s %-10s\n' command wall_s cpu_s user_s 'entries/s(cpu)' peakRSS_MB

measure() { # name, command...
  local name=$1
  shift
  for ((run = 1; run <= runs; run++)); do
    cat "$archive" >/dev/null # page cache warm: the run measures the work, not the disk
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" "$@" >"${OUT:-/dev/null}" 2>"$work/err" || true
    read -r secs user sys rss_kb <"$work/time"
    echo "$name $secs $user $sys" >>"$work/all"
    awk -v n="$name" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss_kb" -v e="${entries:-0}" \
      'BEGIN { c = u + y; printf "%-10s %-8.2f %-8.2f %-8.2f %-14.0f %-10.1f\n", n, s, c, u, (c > 0 ? e / c : 0), r / 1024 }'
  done
}

OUT="$work/report.json" measure diagnose "${cli[@]}" diagnose "$archive" --format json
grep -q '"calls"' "$work/report.json" || echo "warning: diagnose printed no report" >&2
measure show-all "${cli[@]}" show "$archive"
if "${cli[@]}" show --help 2>&1 | grep -q -- '--predicate'; then
  measure show-pred "${cli[@]}" show "$archive" --predicate 'subsystem == "com.apple.calls.callkit"'
  awk '{ c[$1] += $3 + $4; w[$1] += $2 }
       END { if (c["show-pred"] > 0) printf "show-all / show-pred: %.1fx by CPU time, %.1fx by wall time\n", c["show-all"] / c["show-pred"], w["show-all"] / w["show-pred"] }' "$work/all"
else
  echo "show --predicate: not available in this build (measured show alone)"
fi
