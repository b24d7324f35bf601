# Sourced by the benchmarks: builds (unless BCC_SKIP_BUILD is set), starts the local stack on the
# benchmark ports (PostgreSQL 16432, Kafka 19192, Keycloak 18280, services 18181-18183) and stops
# everything it started when the benchmark exits. Sets OUT, REPORT, PSQL, classpath, PIDS and report().
OUT=target/benchmarks
mkdir -p "$OUT"
REPORT="$OUT/${BENCHMARK:?}-$(date -u +%Y%m%dT%H%MZ).md"
# Below the kernel's ephemeral range (32768-60999), where no client socket can hold one.
export BCC_PG_PORT=16432 BCC_KAFKA_PORT=19192 BCC_KAFKA_CONTROLLER_PORT=19193 BCC_KEYCLOAK_PORT=18280 \
  BCC_DECLARATION_PORT=18181 BCC_TARIFF_PORT=18182 BCC_AUDIT_PORT=18183
PSQL=(psql -X -q -t -A -h 127.0.0.1 -p "$BCC_PG_PORT" -U postgres)
report() { echo "$*" | tee -a "$REPORT"; }
rss() { awk '/VmRSS/{printf "%d MB", $2/1024}' "/proc/$1/status"; }

if [ -z "${BCC_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests
fi
classpath="simulator/target/classes:$(cat simulator/target/run.classpath)"
java -Dbcc.home="$PWD" -cp "$classpath" iq.gov.bcc.simulator.LocalDay --no-simulation > "$OUT/stack.log" 2>&1 &
STACK=$!
EXTRA_PIDS=()
cleanup() {
  for pid in "${EXTRA_PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
  kill "$STACK" 2>/dev/null || true
  wait "$STACK" 2>/dev/null || true
}
trap cleanup EXIT
for _ in $(seq 1 240); do grep -q "BCC local stack is up" "$OUT/stack.log" && break; sleep 1; done
grep -q "BCC local stack is up" "$OUT/stack.log" || { cat "$OUT/stack.log"; exit 1; }
declare -A PIDS
for service in declaration-service tariff-service audit-service; do
  PIDS[$service]=$(grep -E "^  $service " "$OUT/stack.log" | sed -E 's/.*pid ([0-9]+).*/\1/')
done
# The JVM the stack chose for the services (Java 25 where there is one), for any service started here.
SERVICE_JAVA=$(sed -nE 's/^  services run on +Java [^ ]+ \((.*)\),.*/\1/p' "$OUT/stack.log")/bin/java

# Plays a simulated day through the running services: play_day declarations minutes
play_day() {
  BCC_SIM_DECLARATION_URL=http://127.0.0.1:$BCC_DECLARATION_PORT BCC_SIM_TARIFF_URL=http://127.0.0.1:$BCC_TARIFF_PORT \
  BCC_SIM_AUDIT_URL=http://127.0.0.1:$BCC_AUDIT_PORT BCC_SIM_KEYCLOAK_URL=http://127.0.0.1:$BCC_KEYCLOAK_PORT \
  BCC_SIM_GRACE_SECONDS=0 BCC_SIM_OUTPUT=$OUT/simulation java -cp "$classpath" iq.gov.bcc.simulator.Simulator \
    --declarations="$1" --day-minutes="$2" --history=21 --tag="B$(date +%s)" > "$OUT/simulation.log" 2>&1 || true
}

# Starts another audit-service on a fresh database and consumer group: fresh_audit name port
# (BCC_BENCH_JAVA_OPTS adds JVM options, e.g. -XX:StartFlightRecording=filename=/tmp/audit.jfr,settings=profile)
fresh_audit() {
  "${PSQL[@]}" -d postgres -c "CREATE DATABASE $1 OWNER bcc_audit"
  BCC_HTTP_PORT=$2 BCC_DB_URL=jdbc:postgresql://127.0.0.1:$BCC_PG_PORT/$1 \
  BCC_KAFKA_BOOTSTRAP=127.0.0.1:$BCC_KAFKA_PORT BCC_OIDC_ISSUER=http://127.0.0.1:$BCC_KEYCLOAK_PORT/realms/bcc \
  BCC_AUDIT_CONSUMER_GROUP=$1-$(date +%s) "$SERVICE_JAVA" -Xmx512m ${BCC_BENCH_JAVA_OPTS:-} -jar audit-service/target/quarkus-app/quarkus-run.jar \
    > "$OUT/$1.log" 2>&1 &
  EXTRA_PIDS+=($!)
}
