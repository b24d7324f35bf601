# Sourced by the benchmarks: CPU seconds (user + system) of the processes on the machine, from /proc.
CLK=$(getconf CLK_TCK)
cpu_of_pid() { awk -v c="$CLK" '{printf "%.2f\n", ($14 + $15) / c}' "/proc/$1/stat"; }
# PostgreSQL on BCC_PG_PORT: the postmaster (with its reaped children) and its live backends.
cpu_of_postgres() {
  local master; master=$(pgrep -f "postgres -D .* -p $BCC_PG_PORT " | head -1)
  { awk '{print $14 + $15 + $16 + $17}' "/proc/$master/stat"
    # A backend may exit between pgrep and the read: it is skipped, not an error.
    for child in $(pgrep -P "$master"); do awk '{print $14 + $15}' "/proc/$child/stat" 2>/dev/null || true; done; } \
    | awk -v c="$CLK" '{s += $1} END {printf "%.2f\n", s / c}'
}
# The process listening on a TCP port (the Kafka broker, which runs as its own JVM).
pid_listening_on() { ss -Hltnp "sport = :$1" | grep -oP 'pid=\K[0-9]+' | head -1 || true; }
