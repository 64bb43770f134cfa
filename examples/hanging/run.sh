#!/usr/bin/env bash
# Ignores SIGTERM, forks children (one in a new session, out of our process group) and hangs.
trap '' TERM
out=${PERFTEST_RESULTS_DIR:-.}
printf 'key,value\nstarted,1\n' > "$out/results.csv"
sleep "${1:-600}" &
echo "child $!" 
setsid sleep "${1:-600}" < /dev/null > /dev/null 2>&1 &
echo "escaped child $!"
bash -c 'trap "" TERM; while :; do sleep 1; done' &
echo "stubborn child $!"
echo "hanging now"
while :; do sleep 1; done
