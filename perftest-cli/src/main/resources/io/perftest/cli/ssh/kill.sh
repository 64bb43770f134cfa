# Finds and kills processes for perftest over SSH: sh -c "$this" perftest MODE ARG GRACE_MS
#   MODE tree: ARG is a pid; stops it and all its descendants.
#   MODE env:  ARG is NAME=VALUE; stops every process whose environment holds it, with descendants.
#   MODE list: ARG is NAME=VALUE; prints the pids whose environment holds it (kills nothing).
# Kill modes print how many processes they found, then send SIGTERM, wait up to GRACE_MS for
# them to go, and SIGKILL whatever is left (re-scanning, so late children are caught too).
# Never touches this shell, its ancestors (the SSH session) or its own helpers.
mode=$1
arg=$2
grace_ms=${3:-0}
self=$$

pairs() {
  for f in /proc/[0-9]*/stat; do
    { read -r line < "$f"; } 2>/dev/null || continue
    rest=${line##*) }
    set -- $rest
    p=${f#/proc/}
    echo "${p%/stat} $2"
  done
}

cookie_pids() {
  if printf 'a\0' | grep -qzx a 2>/dev/null; then
    grep -lzxF -e "$arg" /proc/[0-9]*/environ 2>/dev/null | sed -n 's|^/proc/\([0-9][0-9]*\)/environ$|\1|p'
  else
    for f in /proc/[0-9]*/environ; do
      if tr '\000' '\n' < "$f" 2>/dev/null | grep -qxF -e "$arg"; then
        p=${f#/proc/}
        echo "${p%/environ}"
      fi
    done
  fi
}

# targets DESCENDANTS ROOTS...: the roots (and, if DESCENDANTS is 1, their descendants), never
# this shell or its ancestors
targets() {
  desc=$1
  shift
  { pairs; echo "--"; for r in "$@"; do echo "$r"; done; } | awk -v self="$self" -v desc="$desc" '
    $0 == "--" { roots = 1; next }
    !roots { parent[$1] = $2; next }
    { root[$1] = 1 }
    END {
      a = self
      while ((a in parent) && !(a in mine)) { mine[a] = 1; a = parent[a] }
      for (r in root) if ((r in parent) && !(r in mine)) t[r] = 1
      if (desc == 1) {
        do {
          more = 0
          for (c in parent) if (!(c in t) && !(c in mine) && (parent[c] in t)) { t[c] = 1; more = 1 }
        } while (more)
      }
      for (x in t) print x
    }'
}

alive() {
  for p in "$@"; do
    { read -r line < "/proc/$p/stat"; } 2>/dev/null || continue
    rest=${line##*) }
    case $rest in
      Z*) ;;
      *) echo "$p" ;;
    esac
  done
}

roots() {
  if [ "$mode" = tree ]; then echo "$arg"; else cookie_pids; fi
}

pause() {
  sleep 0.1 2>/dev/null || sleep 1
}

if [ "$mode" = list ]; then
  targets 0 $(cookie_pids)
  exit 0
fi
first=$(roots)
known=$(targets 1 $first)
if [ "$mode" = tree ]; then
  set -- $known
else
  set -- $(targets 0 $first)
fi
echo "$#"
[ -n "$known" ] || exit 0
kill -TERM $known 2>/dev/null
waited=0
while [ "$waited" -lt "$grace_ms" ]; do
  known=$(alive $known)
  [ -n "$known" ] || exit 0
  pause
  waited=$((waited + 100))
done
rounds=0
while [ "$rounds" -lt 50 ]; do
  known=$(alive $known $(targets 1 $known $(roots)))
  [ -n "$known" ] || exit 0
  kill -KILL $known 2>/dev/null
  pause
  rounds=$((rounds + 1))
done
exit 0
