# Prints what perftest records about a host, one NAME=VALUE a line.
echo "hostname=$(uname -n)"
echo "os=$(uname -s) $(uname -m)"
echo "kernel=$(uname -r)"
echo "cpuModel=$(sed -n 's/^model name[[:space:]]*:[[:space:]]*//p' /proc/cpuinfo 2>/dev/null | head -n 1)"
echo "cpus=$(nproc 2>/dev/null || getconf _NPROCESSORS_ONLN 2>/dev/null)"
echo "memory=$(sed -n 's/^MemTotal:[[:space:]]*//p' /proc/meminfo 2>/dev/null)"
