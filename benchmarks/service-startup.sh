#!/usr/bin/env bash
# Benchmark: start-up time and idle RSS of one service (JVM mode), started several times beside
# PostgreSQL, Kafka and Keycloak. The first start after a build records the service's class-data
# archive; the later ones use it. Usage: benchmarks/service-startup.sh [service] [starts]
# Prints a table for docs/benchmarks.md. Stops everything it started.
set -euo pipefail
cd "$(dirname "$0")/.."
SERVICE=${1:-declaration-service}
STARTS=${2:-5}
# Below the kernel's ephemeral range (32768-60999), where no client socket can hold one.
export BCC_PG_PORT=15532 BCC_KAFKA_PORT=19292 BCC_KAFKA_CONTROLLER_PORT=19293 BCC_KEYCLOAK_PORT=18380 \
  BCC_DECLARATION_PORT=18381 BCC_TARIFF_PORT=18382 BCC_AUDIT_PORT=18383
if [ -z "${BCC_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests -pl infrastructure/local-stack,"$SERVICE" -am
fi
echo "== $SERVICE start-up, $(date -u +%Y-%m-%dT%H:%MZ), $(nproc) cores =="
classpath="infrastructure/local-stack/target/classes:$(cat infrastructure/local-stack/target/run.classpath)"
java -Dbcc.home="$PWD" -cp "$classpath" iq.gov.bcc.localstack.StartupTimes "$SERVICE" "$STARTS"
