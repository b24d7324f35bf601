#!/usr/bin/env bash
# HTTP benchmark of POST /api/v1/assessments with real Keycloak tokens.
#
# Starts PostgreSQL, Kafka and Keycloak and the tariff service from its packaged jar the way
# scripts/run-local.sh does (LocalStack with BCC_SERVICES=tariff-service, on ports that do not collide
# with a developer's local run), loads the 50,000 benchmark measures, takes a crossing-system token
# (client crossing-shl) and runs wrk against the service at several concurrency levels. Everything it
# started is stopped when it ends, fails or is interrupted.
#
#   ./mvnw -B -o -pl tariff-service -am package -DskipTests    # or any build that leaves quarkus-run.jar
#   tariff-service/benchmark/http-benchmark.sh
#
# Knobs: BCC_BENCH_CONNECTIONS ("16 64 256"), BCC_BENCH_DURATION (30s), BCC_BENCH_WARMUP (30s),
# BCC_BENCH_THREADS (2, wrk threads); ports BCC_PG_PORT, BCC_KAFKA_PORT, BCC_KAFKA_CONTROLLER_PORT,
# BCC_KEYCLOAK_PORT, BCC_TARIFF_PORT. Results: tariff-service/target/benchmark/http-*.txt
set -euo pipefail
cd "$(dirname "$0")/../.."

export BCC_PG_PORT=${BCC_PG_PORT:-25432}
export BCC_KAFKA_PORT=${BCC_KAFKA_PORT:-29092}
export BCC_KAFKA_CONTROLLER_PORT=${BCC_KAFKA_CONTROLLER_PORT:-29093}
export BCC_KEYCLOAK_PORT=${BCC_KEYCLOAK_PORT:-28180}
export BCC_TARIFF_PORT=${BCC_TARIFF_PORT:-28082}
export BCC_SERVICES=tariff-service
export BCC_SKIP_BUILD=1
connections=${BCC_BENCH_CONNECTIONS:-16 64 256}
duration=${BCC_BENCH_DURATION:-30s}
warmup=${BCC_BENCH_WARMUP:-30s}
threads=${BCC_BENCH_THREADS:-2}
out=tariff-service/target/benchmark
url=http://127.0.0.1:$BCC_TARIFF_PORT/api/v1/assessments

for needed in tariff-service/target/quarkus-app/quarkus-run.jar infrastructure/local-stack/target/run.classpath; do
  [ -f "$needed" ] || { echo "$needed is missing: build first (./mvnw -B -o -pl tariff-service -am package -DskipTests)" >&2; exit 1; }
done
command -v wrk >/dev/null || { echo "wrk is missing: apt-get install -y wrk" >&2; exit 1; }
psql=$(command -v psql || ls /usr/lib/postgresql/*/bin/psql | sort -V | tail -1)
mkdir -p "$out"

stack=
stop() {
  if [ -n "$stack" ] && kill -0 "$stack" 2>/dev/null; then
    echo "Stopping the stack (pid $stack)..."
    kill -TERM "$stack" 2>/dev/null || true
    wait "$stack" 2>/dev/null || true
  fi
  stack=
}
trap stop EXIT
trap 'exit 130' INT TERM

echo "Starting PostgreSQL, Kafka, Keycloak and tariff-service (log: $out/stack.log)..."
./scripts/run-local.sh > "$out/stack.log" 2>&1 &
stack=$!
for _ in $(seq 1 300); do
  grep -q "BCC local stack is up" "$out/stack.log" && break
  kill -0 "$stack" 2>/dev/null || { cat "$out/stack.log" >&2; exit 1; }
  sleep 1
done
grep -q "BCC local stack is up" "$out/stack.log" || { echo "the stack did not start in 300 s" >&2; exit 1; }

echo "Loading the 50,000 benchmark measures..."
db() { "$psql" -X -q -v ON_ERROR_STOP=1 -h 127.0.0.1 -p "$BCC_PG_PORT" -U postgres -d bcc_tariff "$@"; }
db -f tariff-service/src/test/resources/benchmark/measures-50k.sql
measures=$(db -At -c "SELECT count(*) FROM measure")
{ echo "return {"; db -At -c "SELECT '\"' || code || '\",' FROM commodity WHERE level = 6 ORDER BY code"; echo "}"; } \
  > "$out/codes.lua"
export BCC_BENCH_CODES=$PWD/$out/codes.lua

# CPU use per process family over 5 s (top's second frame), to show who shares the two CPUs.
cpu_split() {
  top -b -n 2 -d 5 -c -w 512 | awk '/^top -/ {frame++} frame == 2 && $1 ~ /^[0-9]+$/ {
      cmd = ""; for (i = 12; i <= NF; i++) cmd = cmd " " $i
      who = "other"
      if (cmd ~ /quarkus-run.jar/ && cmd ~ /tariff-service/) who = "tariff-service"
      else if (cmd ~ /postgres/) who = "postgresql"
      else if (cmd ~ /keycloak/) who = "keycloak"
      else if (cmd ~ /kafka/) who = "kafka"
      else if (cmd ~ /(^| |\/)wrk /) who = "wrk"
      cpu[who] += $9 }
    END { for (w in cpu) if (cpu[w] >= 0.5) printf "    %-15s %6.1f %%\n", w, cpu[w] }' | sort -k2 -nr
}

token() {
  curl -sf "http://127.0.0.1:$BCC_KEYCLOAK_PORT/realms/bcc/protocol/openid-connect/token" \
    -d grant_type=client_credentials -d client_id=crossing-shl -d client_secret=local-dev-only-crossing-shl \
    | sed 's/.*"access_token":"\([^"]*\)".*/\1/'
}
export BCC_TOKEN=$(token)
status=$(curl -s -o "$out/http-sample-response.json" -w '%{http_code}' -X POST "$url" \
  -H "Authorization: Bearer $BCC_TOKEN" -H 'Content-Type: application/json' \
  -d "$(sed -n 's/^ *\(.*\)$/\1/p' <<'JSON'
{"crossingCode":"SHL","reference":"SHL-BENCH-0","direction":"IMPORT","lodgedAt":"2026-11-21T06:30:00Z",
"trader":{"taxId":"IQ-100200300","name":"Benchmark trader"},"vehiclePlate":"BSR 12345","originCountry":"IR",
"items":[{"line":1,"hsCode":"721420","quantity":24000,"unit":"KGM","netWeightKg":24000,"grossWeightKg":24350,
"customsValue":{"amount":"13200.00","currency":"USD"}}]}
JSON
)")
[ "$status" = 200 ] || { echo "a sample assessment answered $status:" >&2; cat "$out/http-sample-response.json" >&2; exit 1; }
curl -s -o /dev/null -w '%{http_code}' -X POST "$url" -H 'Content-Type: application/json' -d '{}' | grep -q 401 \
  || { echo "an assessment without a token was not refused with 401" >&2; exit 1; }

summary=$out/http-results.txt
{
  echo "POST /api/v1/assessments, 10-item declarations, token of client crossing-shl"
  echo "date: $(date -u +%FT%TZ); measures in table: $measures"
  echo "machine: $(nproc) CPUs ($(lscpu | sed -n 's/^Model name: *//p' | head -1)), $(free -g | awk '/Mem:/ {print $2}') GB;"
  echo "  PostgreSQL, Kafka, Keycloak, the service and wrk all on these CPUs; load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "wrk: $threads threads, warm-up $warmup at 64 connections, then $duration per level"
  echo
} > "$summary"

echo "Warming up ($warmup)..."
wrk -t"$threads" -c64 -d"$warmup" -s tariff-service/benchmark/assessment.lua "$url" > "$out/http-warmup.txt"
for c in $connections; do
  export BCC_TOKEN=$(token) # 15-minute tokens: a fresh one per level
  echo "wrk -t$threads -c$c -d$duration ..."
  secs=${duration%s}
  (sleep $((secs / 3)); cpu_split > "$out/http-cpu-c$c.txt") &
  sampler=$!
  wrk -t"$threads" -c"$c" -d"$duration" --latency -s tariff-service/benchmark/assessment.lua "$url" \
    | tee "$out/http-c$c.txt"
  wait "$sampler"
  {
    echo "== $c connections"
    grep -E "Requests/sec|Non-2xx|Socket errors|^ +(50|90|99)%|Latency  " "$out/http-c$c.txt"
    echo "  CPU by process family during the run (top, 5 s; 200 % = both CPUs):"
    cat "$out/http-cpu-c$c.txt"
  } >> "$summary"
done
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$summary"
echo
cat "$summary"
