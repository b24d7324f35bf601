#!/usr/bin/env bash
# The audit service's intake rate and replay time. A simulated day is played through the services; its
# events are then published again COPIES times as other declarations (simulator TopicCopies: fresh
# UUIDs, suffixed receipt numbers), and a fresh audit service, on an empty database and a new consumer
# group, consumes the whole of the four topics. Reports events per second (start-up excluded), the time
# to rebuild everything, RSS, and the discrepancies by type against the day's, which every copy repeats.
#
#   benchmarks/audit-intake.sh [declarations on the day=1000] [day minutes=2] [copies=20]
#
# Same ports and clean-up as system.sh. Results: target/benchmarks/audit-intake-<time>.md. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
DECLARATIONS=${1:-1000}
DAY_MINUTES=${2:-2}
COPIES=${3:-20}
BENCHMARK=audit-intake
. benchmarks/stack.sh
. benchmarks/cpu.sh

report "# Audit intake benchmark $(date -u +%FT%TZ)"
report ""
report "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg); services on $("$SERVICE_JAVA" -version 2>&1 | head -1)"
report ""
echo "Playing $DECLARATIONS declarations in $DAY_MINUTES minutes..."
play_day "$DECLARATIONS" "$DAY_MINUTES"
report "Simulated day: $(grep -E '^Day played|^History' "$OUT/simulation.log" | tr '\n' ' ')"
# The stack's audit service finishes the day, then the services stop: they must neither assess the
# copies nor share the two cores with the audit service being measured.
previous=-1
for _ in $(seq 1 120); do
  now=$("${PSQL[@]}" -d bcc_audit -c "SELECT count(*) FROM correlation_fact")
  [ "$now" = "$previous" ] && break
  previous=$now
  sleep 5
done
for service in declaration-service tariff-service audit-service; do kill "${PIDS[$service]}" 2>/dev/null || true; done
# A service recording its class-data archive writes it on the way out: wait, so it shares no core with what follows.
for service in declaration-service tariff-service audit-service; do
  while kill -0 "${PIDS[$service]}" 2>/dev/null; do sleep 0.2; done
done
COPIED=$(java -cp "$classpath" iq.gov.bcc.simulator.TopicCopies "127.0.0.1:$BCC_KAFKA_PORT" "$COPIES")
TOTAL=$(echo "$COPIED" | awk '/^total/{print $2}')
report "Load: $(echo "$COPIED" | head -1); $TOTAL events on the four topics"
report ""

consumed() {
  { curl -s "http://127.0.0.1:18193/q/metrics" 2>/dev/null || true; } \
    | awk '/^bcc_audit_events_(consumed|redelivered)_total/{n+=$2} END {printf "%d", n}'
}
# CPU seconds of the measured service, PostgreSQL and the broker: whether the two cores, or the
# consumers' turns at the ledger lock, are what bounds the rate.
cpu_now() { [ -z "$KAFKA_PID" ] || echo "$(cpu_of_pid "$AUDIT_PID") $(cpu_of_postgres) $(cpu_of_pid "$KAFKA_PID")"; }
KAFKA_PID=$(pid_listening_on "$BCC_KAFKA_PORT")
START=$(date +%s.%N)
fresh_audit bcc_audit_intake 18193
AUDIT_PID=${EXTRA_PIDS[-1]}
FIRST="" FIRST_COUNT=0 GOT=0
for _ in $(seq 1 7200); do
  GOT=$(consumed)
  [ -z "$FIRST" ] && [ "${GOT:-0}" -gt 0 ] && FIRST=$(date +%s.%N) && FIRST_COUNT=$GOT && CPU_FIRST=$(cpu_now)
  [ "${GOT:-0}" -ge "$TOTAL" ] && break
  sleep 0.5
done
END=$(date +%s.%N)
CPU_END=$(cpu_now)
SECONDS_ALL=$(echo "$END - $START" | bc)
SECONDS_STEADY=$(echo "$END - $FIRST" | bc)
report "| what | result |"
report "|---|---:|"
report "| events consumed | $GOT of $TOTAL |"
report "| from start to the last event (start-up included) | $(printf %.1f "$SECONDS_ALL") s |"
report "| events per second, first commit to last | $(echo "($GOT - $FIRST_COUNT) / $SECONDS_STEADY" | bc) |"
report "| audit-service RSS at the end | $(rss "$AUDIT_PID") |"
if [ -n "${CPU_FIRST:-}" ] && [ "$GOT" -gt "$FIRST_COUNT" ]; then
  read -r audit0 pg0 kafka0 <<< "$CPU_FIRST"
  read -r audit1 pg1 kafka1 <<< "$CPU_END"
  per_event() { awk -v a="$1" -v b="$2" -v n="$((GOT - FIRST_COUNT))" 'BEGIN {printf "%.3f ms", (b - a) * 1000 / n}'; }
  report "| CPU per event, first commit to last: audit-service | $(per_event "$audit0" "$audit1") |"
  report "| CPU per event, PostgreSQL | $(per_event "$pg0" "$pg1") |"
  report "| CPU per event, Kafka broker | $(per_event "$kafka0" "$kafka1") |"
  report "| cores busy with the three, of $(nproc) | $(awk -v s="$SECONDS_STEADY" -v t="$(echo "$audit1 - $audit0 + $pg1 - $pg0 + $kafka1 - $kafka0" | bc)" 'BEGIN {printf "%.2f", t / s}') |"
fi
report ""
report "Discrepancies not closed, by type: the day (stack's store) and after the copies (fresh store):"
report ""
report "| type | the day | day + $COPIES copies |"
report "|---|---:|---:|"
"${PSQL[@]}" -F ' ' -d bcc_audit_intake -c "SELECT type, count(*) FROM discrepancy WHERE status <> 'CLOSED' GROUP BY type ORDER BY type" > "$OUT/after.txt"
while read -r type count; do
  report "| $type | $("${PSQL[@]}" -d bcc_audit -c "SELECT count(*) FROM discrepancy WHERE type = '$type' AND status <> 'CLOSED'") | $count |"
done < "$OUT/after.txt"
# A replay grows the store from nothing faster than autovacuum looks; the service analyses the tables it
# reads by key itself (StoreStatistics). How often each was analysed, by the service and by autovacuum:
report ""
report "Analyses of the measured store during the run:"
report ""
report "| table | rows | by the service | by autovacuum |"
report "|---|---:|---:|---:|"
"${PSQL[@]}" -F ' ' -d bcc_audit_intake -c "SELECT relname, n_live_tup, analyze_count, autoanalyze_count
    FROM pg_stat_user_tables WHERE analyze_count + autoanalyze_count > 0 ORDER BY relname" \
  | while read -r table rows service autovacuum; do report "| $table | $rows | $service | $autovacuum |"; done
# With BCC_PG_OPTIONS="-c shared_preload_libraries=pg_stat_statements": where the database's time went.
if "${PSQL[@]}" -d bcc_audit_intake -c "SHOW shared_preload_libraries" | grep -q pg_stat_statements; then
  "${PSQL[@]}" -d bcc_audit_intake -c "CREATE EXTENSION IF NOT EXISTS pg_stat_statements"
  report ""
  report "Statements of the measured audit service, by total time:"
  report ""
  report "| calls | rows | total ms | mean ms | statement |"
  report "|---:|---:|---:|---:|---|"
  "${PSQL[@]}" -F '|' -d bcc_audit_intake -c "SELECT calls, rows, round(total_exec_time), round(mean_exec_time::numeric, 3),
      left(regexp_replace(query, '\s+', ' ', 'g'), 140) FROM pg_stat_statements
      WHERE dbid = (SELECT oid FROM pg_database WHERE datname = 'bcc_audit_intake')
      ORDER BY total_exec_time DESC LIMIT 20" | while IFS='|' read -r calls rows total mean query; do
    report "| $calls | $rows | $total | $mean | \`${query//|/\\|}\` |"
  done
fi
echo "Report: $REPORT"
