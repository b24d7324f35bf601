#!/usr/bin/env bash
# Runs the whole BCC system on this machine without Docker: PostgreSQL, Kafka and Keycloak as local
# processes, then the three services. Ctrl-C stops everything it started.
# Ports: BCC_PG_PORT (5432), BCC_KAFKA_PORT (9092), BCC_KEYCLOAK_PORT (8180), BCC_DECLARATION_PORT (8081),
# BCC_TARIFF_PORT (8082), BCC_AUDIT_PORT (8083).
set -euo pipefail
cd "$(dirname "$0")/.."

if [ -z "${BCC_SKIP_BUILD:-}" ]; then
  echo "Building (set BCC_SKIP_BUILD=1 to skip)..."
  ./mvnw -B -q package -DskipTests
fi
classpath="infrastructure/local-stack/target/classes:$(cat infrastructure/local-stack/target/run.classpath)"
exec java -Dbcc.home="$PWD" -cp "$classpath" iq.gov.bcc.localstack.LocalStack "$@"
