#!/usr/bin/env bash
# The whole system under a simulated day, measured: each service's start-up time and RSS, the
# end-to-end lag from a crossing's acknowledged write to the audit service's commit (p50/p99),
# audit query latency over a seeded store of N declarations and N/10 discrepancies, and the time
# the audit service takes to rebuild its store from the topics (replay).
#
#   benchmarks/system.sh [declarations on the day=3000] [day minutes=5] [seeded declarations=1000000]
#
# Runs on its own ports (PostgreSQL 16432, Kafka 19192, Keycloak 18280, services 18181-18183) and
# stops everything it started. Results: target/benchmarks/system-<time>.md. Not part of CI.
set -euo pipefail
cd "$(dirname "$0")/.."
DECLARATIONS=${1:-3000}
DAY_MINUTES=${2:-5}
SEEDED=${3:-1000000}
BENCHMARK=system
. benchmarks/stack.sh
AUDIT=http://127.0.0.1:$BCC_AUDIT_PORT

report "# System benchmark $(date -u +%FT%TZ)"
report ""
report "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
report ""
report "| service | start-up | idle RSS | RSS after the day |"
report "|---|---:|---:|---:|"
declare -A IDLE STARTED
for service in "${!PIDS[@]}"; do
  IDLE[$service]=$(rss "${PIDS[$service]}")
  STARTED[$service]="$(grep -oE "started in [0-9.]+s" "$service/target/local-run.log" | tail -1 | awk '{print $3}' | tr -d s) s"
  if grep -qE "^  $service .*recording its class-data archive" "$OUT/stack.log"; then
    STARTED[$service]="${STARTED[$service]} (recording the class-data archive)"
  fi
done

echo "Playing $DECLARATIONS declarations in $DAY_MINUTES minutes..."
play_day "$DECLARATIONS" "$DAY_MINUTES"
for service in declaration-service tariff-service audit-service; do
  report "| $service | ${STARTED[$service]} | ${IDLE[$service]} | $(rss "${PIDS[$service]}") |"
done
report ""
report "Simulated day: $(grep -E '^Day played|^History' "$OUT/simulation.log" | tr '\n' ' ')"
report ""
DAY_START=$(TZ=Asia/Baghdad date -d yesterday +%Y-%m-%dT00:00:00+03:00)
LAG="SELECT round(percentile_cont(0.5) WITHIN GROUP (ORDER BY ms)::numeric) || ' | ' || \
  round(percentile_cont(0.99) WITHIN GROUP (ORDER BY ms)::numeric) || ' | ' || round(max(ms)) || ' | ' || count(*) \
  FROM (SELECT extract(epoch FROM consumed_at - recorded_at) * 1000 AS ms FROM correlation_fact \
  WHERE topic IN ('bcc.declarations.v1', 'bcc.payments.v1') AND recorded_at > now() - interval '1 hour' AND occurred_at"
report "End-to-end lag, from a crossing's acknowledged write to the audit service's commit of that fact (ms):"
report ""
report "| traffic | p50 | p99 | max | facts |"
report "|---|---:|---:|---:|---:|"
report "| the day, paced | $("${PSQL[@]}" -d bcc_audit -c "$LAG >= '$DAY_START') f") |"
report "| offline batches of the weeks before, uploaded at once | $("${PSQL[@]}" -d bcc_audit -c "$LAG < '$DAY_START') f") |"
report ""

# Audit queries over a seeded store: N declarations over a year at the 22 crossings, N/10 discrepancies.
echo "Seeding $SEEDED declarations into the audit store..."
"${PSQL[@]}" -d bcc_audit <<SQL
INSERT INTO declaration_state (declaration_id, crossing_code, filed, direction, reference, lodged_at, latest_version, lane,
  released_at, released_off_hours, duty_iqd, paid_iqd, updated_at)
SELECT md5('bench-' || n)::uuid, (ARRAY['SHL','SHB','CHZ','ZRB','MND','MNT','HJO','BSH','PWZ','SRB','TWL','KLE','PSH','IKH','SRZ','QAM','WLD','RAB','FSH','TRB','ARR','SFW'])[1 + n % 22],
  true, 'IMPORT', 'BENCH-' || n, timestamptz '2025-11-01' + (n % 365) * interval '1 day' + (n % 86400) * interval '1 second', 1,
  'GREEN', timestamptz '2025-11-01' + (n % 365) * interval '1 day' + (n % 86400 + 7200) * interval '1 second', n % 9 = 0,
  (n % 5000) * 1000, (n % 5000) * 1000 - CASE WHEN n % 17 = 0 THEN 250000 ELSE 0 END, now()
FROM generate_series(1, $SEEDED) AS n;
-- The service keeps the daily roll-up with every declaration it takes in; seeded rows get theirs here.
INSERT INTO revenue_day (crossing_code, day, declarations, released, released_off_hours, assessed_iqd, collected_iqd)
SELECT crossing_code, (lodged_at AT TIME ZONE 'Asia/Baghdad')::date, count(*), count(released_at),
  count(*) FILTER (WHERE released_off_hours), COALESCE(sum(duty_iqd), 0), COALESCE(sum(paid_iqd), 0)
FROM declaration_state WHERE reference LIKE 'BENCH-%' GROUP BY 1, 2
ON CONFLICT (crossing_code, day) DO UPDATE SET declarations = revenue_day.declarations + EXCLUDED.declarations,
  released = revenue_day.released + EXCLUDED.released, released_off_hours = revenue_day.released_off_hours + EXCLUDED.released_off_hours,
  assessed_iqd = revenue_day.assessed_iqd + EXCLUDED.assessed_iqd, collected_iqd = revenue_day.collected_iqd + EXCLUDED.collected_iqd;
INSERT INTO discrepancy (id, dedup_key, type, declaration_id, crossing_code, evidence, amount_at_stake_iqd, detected_at, status, updated_at)
SELECT md5('bench-d-' || n)::uuid, 'bench-' || n,
  (ARRAY['UNPAID_RELEASE','UNDERPAYMENT','WEIGHT_MISMATCH','OFF_HOURS_RELEASE','UNIT_VALUE_OUTLIER','DUPLICATE_RECEIPT'])[1 + n % 6],
  md5('bench-' || (n * 10))::uuid, (ARRAY['SHL','SHB','CHZ','ZRB','MND','MNT','HJO','BSH','PWZ','SRB','TWL','KLE','PSH','IKH','SRZ','QAM','WLD','RAB','FSH','TRB','ARR','SFW'])[1 + (n * 10) % 22],
  '{"seeded":true}', (n % 997) * 10000, timestamptz '2025-11-01' + (n % 365) * interval '1 day', 'OPEN', now()
FROM generate_series(1, $SEEDED / 10) AS n;
ANALYZE declaration_state; ANALYZE discrepancy;
SQL
TOKEN=$(curl -s -d grant_type=password -d client_id=bcc-cli -d username=auditor -d password=local-dev-only \
  "http://127.0.0.1:$BCC_KEYCLOAK_PORT/realms/bcc/protocol/openid-connect/token" | sed -E 's/.*"access_token":"([^"]+)".*/\1/')
latency() {
  local path=$1 accept=${2:-application/json}
  for _ in $(seq 1 5); do curl -s -o /dev/null -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" "$AUDIT$path"; done
  for _ in $(seq 1 100); do
    curl -s -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $TOKEN" -H "Accept: $accept" "$AUDIT$path"
  done | sort -n | awk '{t[NR]=$1*1000} END {printf "%.0f | %.0f", t[int(NR*0.5)], t[int(NR*0.99)]}'
}
report "Audit queries over $SEEDED seeded declarations and $((SEEDED / 10)) discrepancies (100 sequential requests each, ms):"
report ""
report "| query | p50 | p99 |"
report "|---|---:|---:|"
for path in "/api/v1/discrepancies?limit=50" "/api/v1/discrepancies?crossing=SHL&type=UNDERPAYMENT&limit=50" \
    "/api/v1/discrepancies?minAmountIqd=5000000&from=2026-03-01&to=2026-03-31&limit=50" \
    "/api/v1/revenue?from=2026-08-01&to=2026-08-31&groupBy=crossing" "/api/v1/revenue?from=2026-01-01&to=2026-10-31&groupBy=month" \
    "/api/v1/crossings/SHL/scorecard?from=2026-01-01&to=2026-10-31" "/api/v1/crossings"; do
  report "| \`GET ${path}\` | $(latency "$path") |"
done
CSV=$(curl -s -o /dev/null -w '%{time_total} %{size_download}' -H "Authorization: Bearer $TOKEN" -H "Accept: text/csv" \
  "$AUDIT/api/v1/discrepancies?crossing=SHL&limit=500")
report ""
report "CSV of one page (500 rows) for SHL: $CSV (seconds, bytes)"
report ""

# Replay: a second audit service on an empty database and a new consumer group rebuilds the store.
FACTS=$("${PSQL[@]}" -d bcc_audit -c "SELECT count(*) FROM correlation_fact")
START=$(date +%s.%N)
fresh_audit bcc_audit_replay 18193
for _ in $(seq 1 1800); do
  GOT=$("${PSQL[@]}" -d bcc_audit_replay -c "SELECT count(*) FROM correlation_fact" 2>/dev/null || echo 0)
  [ "${GOT:-0}" -ge "$FACTS" ] && break
  sleep 1
done
END=$(date +%s.%N)
report "Replay: $GOT of $FACTS facts rebuilt from the topics by a fresh audit service in $(echo "$END - $START" | bc) s (start-up included)"
echo "Report: $REPORT"
