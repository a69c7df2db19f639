#!/bin/sh
# campaign.sh: a long fuzzing run of every harness, for hours, on all cores.
#   sh tests/fuzz/campaign.sh SECONDS_PER_HARNESS [JOBS [harness...]]
#   make fuzz-campaign FUZZ_TIME=1200 FUZZ_JOBS=2
# The harnesses are dealt to JOBS lanes that run side by side, one harness
# after another.  Each runs in libFuzzer's fork mode with crashes, timeouts
# and out-of-memory ignored, so a finding does not end the campaign: every
# failing input is kept in build/fuzz/artifacts/<name>/, new corpus inputs in
# build/fuzz/corpus/<name>/, the log in build/fuzz/<name>.log.  At the end,
# one line per harness: executions, coverage, features, corpus size,
# oom/timeout/crash counts and CPU seconds; then the failing inputs found.
# (fork mode's counters are its own: compare runs of this script with each
# other, not with `make fuzz`.)
cd "$(dirname "$0")/../.." || exit 2
secs=${1:?usage: campaign.sh SECONDS_PER_HARNESS [JOBS [harness...]]}
jobs=${2:-2}
shift; [ $# -gt 0 ] && shift
names=${*:-$(ls tests/fuzz/fuzz_*.c | sed 's,.*/fuzz_,,; s,\.c$,,')}

run_one(){
  n=$1
  mkdir -p build/fuzz/corpus/"$n" build/fuzz/artifacts/"$n"
  echo "$(date +%T) start $n"
  /usr/bin/time -f '%U %S' -o build/fuzz/"$n".time \
    env PAPEREXT_SO=build/fuzz/paperext.so build/fuzz/fuzz_"$n" -fork=1 -ignore_crashes=1 \
      -ignore_timeouts=1 -ignore_ooms=1 -max_total_time="$secs" -timeout=10 -rss_limit_mb=4096 \
      -artifact_prefix=build/fuzz/artifacts/"$n"/ -print_final_stats=1 \
      build/fuzz/corpus/"$n" tests/fuzz/corpus/"$n" > build/fuzz/"$n".log 2>&1
}

summary(){
  n=$1
  last=$(grep -E '^#[0-9]+: cov:' build/fuzz/"$n".log | tail -n 1)
  field(){ printf '%s' "$last" | sed -n "s,$1,\\1,p"; }
  printf '%-12s execs %10s  cov %6s  ft %6s  corpus %5s  oom/timeout/crash %-8s CPU %5s s\n' "$n" \
    "$(field '^#\([0-9]*\):.*')" "$(field '.* cov: \([0-9]*\).*')" "$(field '.* ft: \([0-9]*\).*')" \
    "$(field '.* corp: \([0-9]*\).*')" "$(field '.*oom/timeout/crash: \([0-9/]*\).*')" \
    "$(awk '{printf "%.0f", $1+$2}' build/fuzz/"$n".time 2>/dev/null)"
}

lane=0
while [ $lane -lt "$jobs" ]; do
  (
    i=0
    for n in $names; do
      [ $((i % jobs)) -eq $lane ] && run_one "$n"
      i=$((i+1))
    done
  ) &
  lane=$((lane+1))
done
wait

for n in $names; do summary "$n"; done
found=$(find build/fuzz/artifacts -type f 2>/dev/null)
if [ -n "$found" ]; then
  echo "failing inputs (replay one with build/fuzz/fuzz_<name> FILE, keep it in tests/fuzz/regress/<name>/):"
  echo "$found"
  exit 1
fi
echo "no failing input"
