# Starts a program for perftest over SSH: sh -c "$this" perftest DIR ARGV...
# Changes to DIR (unless empty), checks the program exists, prints this shell's pid as the first
# line of stdout, then becomes the program (exec keeps the pid) with stdin from /dev/null.
if [ -n "$1" ]; then
  cd "$1" || exit 126
fi
shift
if ! command -v "$1" >/dev/null 2>&1; then
  echo "$1: command not found" >&2
  exit 127
fi
echo "$$"
exec "$@" </dev/null
