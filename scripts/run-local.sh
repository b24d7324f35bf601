#!/usr/bin/env bash
# Runs the whole BCC system on this machine without Docker: PostgreSQL, Kafka and Keycloak as local
# processes, then the three services; then feeds it a simulated day from the 22 crossings and prints
# revenue by crossing and the top discrepancies. Ctrl-C stops everything it started.
# Ports: BCC_PG_PORT (5432), BCC_KAFKA_PORT (9092), BCC_KEYCLOAK_PORT (8180), BCC_DECLARATION_PORT (8081),
# BCC_TARIFF_PORT (8082), BCC_AUDIT_PORT (8083).
# The day: BCC_SIM_DECLARATIONS (1500), BCC_SIM_DAY_MINUTES (3; 0 = no simulation), BCC_SIM_SEED, BCC_SIM_FRAUD_RATE;
# or pass --no-simulation, or --name=value options as for scripts/simulate.sh.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BCC_SKIP_BUILD:-}" ]; then
  echo "Building (set BCC_SKIP_BUILD=1 to skip)..."
  ./mvnw -B -q package -DskipTests
fi
classpath="simulator/target/classes:$(cat simulator/target/run.classpath)"
exec java -Dbcc.home="$PWD" -cp "$classpath" iq.gov.bcc.simulator.LocalDay "$@"
