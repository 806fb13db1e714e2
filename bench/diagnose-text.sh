#!/usr/bin/env bash
# Whole-process benchmark of `callkit-doctor diagnose` on large text logs built by repeating real lines (the samples'
# call flow between runs of ordinary system chatter), for two mixes:
#   dense      200 chatter lines per flow  (about 15% of lines are call events; stresses flows and rules)
#   realistic  4000 chatter lines per flow (under 1% call events, as in a real sysdiagnose)
# Prints lines/s and MB/s by wall time and by CPU time (user+sys: meaningful when other processes share the cores)
# and peak RSS for several sizes, so that growth of memory with input shows.
# Usage: bench/diagnose-text.sh [LINES...]   (default 250000 1000000 2000000); MIXES="realistic" limits the mixes;
# BUILD=r2r or BUILD=plain times another build of the CLI than the Standalone release publish (see below).
set -euo pipefail
cd "$(dirname "$0")/.."
sizes=("$@")
[ $# -eq 0 ] && sizes=(250000 1000000 2000000)
read -r -a mixes <<<"${MIXES:-dense realistic}"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

# The CLI is published as a release for one platform would be (BUILD=standalone, the default): the Standalone publish
# profile, self-contained with the app and framework in one composite ReadyToRun image and tiered compilation off
# (dense 1M: ~20% less CPU than BUILD=r2r, bench/RESULTS.md). BUILD=r2r publishes framework-dependent ReadyToRun
# with tiering (start-up 0.46-0.58 -> 0.38-0.46 s against plain); BUILD=plain builds JIT-only, as `dotnet run` does.
rid=$(dotnet --info | awk '/ RID:/ {print $2; exit}')
case "${BUILD:-standalone}" in
  standalone) dotnet publish src/CallKitDoctor.Cli -r "$rid" -p:PublishProfile=Standalone -o "$work/cli" -v q -nologo >/dev/null ;;
  r2r) dotnet publish -c Release -r "$rid" --self-contained false -p:PublishReadyToRun=true src/CallKitDoctor.Cli -o "$work/cli" -v q -nologo >/dev/null ;;
  plain) dotnet build -c Release src/CallKitDoctor.Cli -o "$work/cli" -v q -nologo >/dev/null ;;
  *) echo "unknown BUILD ${BUILD} (standalone, r2r or plain)" >&2; exit 2 ;;
esac
dotnet build -c Release bench/CallKitDoctor.Benchmarks -o "$work/bench" -v q -nologo >/dev/null
export CALLKIT_DOCTOR_SAMPLES="$PWD/samples"

echo "build: ${BUILD:-standalone}; machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | xargs), $(date -u '+%F %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%-10s %-10s %-7s %-7s %-7s %-13s %-12s %-9s %-10s\n' mix lines MB wall_s cpu_s 'lines/s(wall)' 'lines/s(cpu)' 'MB/s(cpu)' peakRSS_MB
for mix in "${mixes[@]}"; do
  case "$mix" in
    dense) noise=200 ;;
    realistic) noise=4000 ;;
    *) echo "unknown mix $mix" >&2; exit 2 ;;
  esac
  for n in "${sizes[@]}"; do
    log="$work/bench-$mix-$n.log"
    dotnet "$work/bench/CallKitDoctor.Benchmarks.dll" generate "$log" "$n" "$noise"
    bytes=$(stat -c %s "$log")
    # The file was just written, so it is in the page cache: the run measures parsing, not the disk.
    /usr/bin/time -f "%e %U %S %M" -o "$work/time" dotnet "$work/cli/callkit-doctor.dll" diagnose "$log" --format json >/dev/null || true
    read -r secs user sys rss_kb <"$work/time"
    awk -v m="$mix" -v n="$n" -v b="$bytes" -v s="$secs" -v u="$user" -v y="$sys" -v r="$rss_kb" \
      'BEGIN { c = u + y; printf "%-10s %-10d %-7.1f %-7.2f %-7.2f %-13.0f %-12.0f %-9.1f %-10.1f\n", m, n, b/1e6, s, c, n/s, n/c, b/1e6/c, r/1024 }'
    rm -f "$log"
  done
done
