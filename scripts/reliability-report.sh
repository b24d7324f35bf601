#!/usr/bin/env bash
# Regenerates the tables of docs/reliability.md: runs the security, abuse, fuzz, rate-limit, outage and
# exposure tests module by module (each writes target/reliability/<case>.json when it passes), then
# fills the document from every module's records, system-tests' included if they have run.
#   scripts/reliability-report.sh            run the tests, then write the report
#   scripts/reliability-report.sh --no-tests  only assemble what earlier runs left under */target/reliability
#   scripts/reliability-report.sh --no-system run the service-level tests only, not system-tests' FaultInjectionIT
#     (about 10 minutes: Kafka outage, audit-service kills, PostgreSQL restart, poison records)
# Offline by default (-o); set BCC_MAVEN_OPTS="" to let Maven reach Maven Central.
set -euo pipefail
cd "$(dirname "$0")/.."
MVN="./mvnw -B -q ${BCC_MAVEN_OPTS--o}"

run() { # module, tests
  echo "== $1: $2"
  $MVN -pl "$1" verify -DskipITs -Dtest="$2" -Dsurefire.failIfNoSpecifiedTests=false \
    || echo "!! some tests of $1 failed: their cases are missing from the report"
}

if [ "${1:-}" != "--no-tests" ]; then
  $MVN -pl infrastructure/distributions,infrastructure/local-stack,platform install -DskipTests
  # Only this script's modules: system-tests' records stay until its own run replaces them.
  rm -rf declaration-service/target/reliability tariff-service/target/reliability audit-service/target/reliability \
    infrastructure/local-stack/target/reliability
  run infrastructure/local-stack 'SecretsTest,ReliabilityRecordTest'
  run declaration-service 'SecurityMatrixTest,AbuseTest,DeclarationFuzzTest,RateLimitTest,DatabaseOutageTest,ExposureTest'
  run tariff-service 'SecurityMatrixTest,MeasureFuzzTest'
  run audit-service 'SecurityMatrixTest,AbuseTest'
  if [ "${1:-}" != "--no-system" ]; then
    echo "== system-tests: FaultInjectionIT"
    $MVN -pl declaration-service,tariff-service,audit-service,clients,simulator install -DskipTests
    rm -rf system-tests/target/reliability
    $MVN -pl system-tests verify -Dit.test=FaultInjectionIT -Dsurefire.failIfNoSpecifiedTests=false \
      || echo "!! some system fault tests failed: their cases are missing from the report"
  fi
fi

$MVN -pl infrastructure/local-stack compile
java -cp infrastructure/local-stack/target/classes iq.gov.bcc.localstack.ReliabilityReport docs/reliability.md .
