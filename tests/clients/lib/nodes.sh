# nodes.sh: paperext-node processes on loopback, sourced by
# tests/clients/cluster.sh and tests/bench/bench_cluster.sh.  The caller
# sets $tmp: node ID keeps its state in $tmp/nID and logs to $tmp/nID.log.
# Ports are picked free at run time; every node started is in $PIDS
# ("id:pid ...") until stop_all (the callers' EXIT trap) stops it by its pid.
NODE=build/cluster/paperext-node
SQL=build/cluster/paperext-sql
LATENCY_MS=${CLUSTER_LATENCY_MS:-100}  # paperext-node --latency-ms: election timeout 15 x this
PIDS=""

# running PID: the process exists and has not exited (a zombie has)
running(){ s=$(ps -o stat= -p "$1" 2>/dev/null) || return 1; case $s in Z*) return 1 ;; esac; }
pid_of(){ for e in $PIDS; do [ "${e%%:*}" = "$1" ] && echo "${e#*:}"; done; }
forget(){ n=""; for e in $PIDS; do [ "${e%%:*}" = "$1" ] || n="$n $e"; done; PIDS=$n; }
alive(){ p=$(pid_of "$1"); [ -n "$p" ] && running "$p"; }
stop_all(){   # SIGTERM, 10 s to stop, then SIGKILL
  for e in $PIDS; do kill -TERM "${e#*:}" 2>/dev/null; done
  for e in $PIDS; do
    p=${e#*:}; i=0
    while running "$p" && [ $i -lt 100 ]; do sleep 0.1; i=$((i+1)); done
    kill -KILL "$p" 2>/dev/null
    wait "$p" 2>/dev/null
  done
  PIDS=""
}

now_ms(){ echo $(( $(date +%s%N) / 1000000 )); }
# wait_for SECONDS COMMAND...: poll COMMAND (every 0.1 s) until it succeeds
# or SECONDS pass; $waited_ms says how long it took.
wait_for(){
  limit=$(( $(now_ms) + $1 * 1000 )); shift; start=$(now_ms)
  until "$@" >/dev/null 2>&1; do
    [ "$(now_ms)" -ge "$limit" ] && { waited_ms=$(( $(now_ms) - start )); return 1; }
    sleep 0.1
  done
  waited_ms=$(( $(now_ms) - start ))
}

# three free loopback ports: ADDR1, ADDR2, ADDR3 and ALL (the three)
pick_ports(){
  set -- $(python3 -c '
import socket
s = [socket.socket() for _ in range(3)]
for x in s: x.bind(("127.0.0.1", 0))
print(" ".join(str(x.getsockname()[1]) for x in s))')
  ADDR1=127.0.0.1:$1; ADDR2=127.0.0.1:$2; ADDR3=127.0.0.1:$3
  ALL=$ADDR1,$ADDR2,$ADDR3
}
addr(){ eval echo "\$ADDR$1"; }

start_node(){   # start_node ID [--join LIST]
  id=$1; shift
  "$NODE" --id "$id" --address "$(addr "$id")" --dir "$tmp/n$id" --latency-ms "$LATENCY_MS" \
    --extension ./paperext.so "$@" 2>>"$tmp/n$id.log" &
  PIDS="$PIDS $id:$!"
}
leader_id(){ "$SQL" -s "$1" -t 1 leader 2>/dev/null | cut -d' ' -f1; }
is_leader(){ [ "$(leader_id "$(addr "$1")")" = "$1" ]; }
voters(){ [ "$("$SQL" -s "$ALL" -t 5 cluster 2>/dev/null | grep -c '|voter$')" = "$1" ]; }

# start_cluster: node 1 bootstraps, 2 and 3 join; fails (with a message)
# when that takes too long.  A joining node is promoted to voter once it
# has caught up, which the leader checks once a heartbeat (1.5 x latency):
# two joins in turn, a few heartbeats each.
start_cluster(){
  pick_ports
  start_node 1
  wait_for 15 is_leader 1 || { echo "node 1 did not lead its new cluster in 15 s"; return 1; }
  start_node 2 --join "$ALL"
  start_node 3 --join "$ALL"
  join_wait=$(( 30 + LATENCY_MS * 6 / 1000 ))
  wait_for "$join_wait" voters 3 || { echo "no cluster of 3 voters in $join_wait s"; return 1; }
}
