#!/usr/bin/env bash
# Regenerates deploy/kubernetes/<service>.yml from what the Quarkus Kubernetes extension writes at
# build time (target/kubernetes), without the per-build annotations (commit id, timestamp).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -z "${BCC_SKIP_BUILD:-}" ]; then
  ./mvnw -B -q package -DskipTests
fi
for service in declaration-service tariff-service audit-service; do
  grep -v -e 'app.quarkus.io/commit-id' -e 'app.quarkus.io/build-timestamp' -e 'app.quarkus.io/vcs-uri' \
    "$service/target/kubernetes/kubernetes.yml" > "deploy/kubernetes/$service.yml"
  echo "deploy/kubernetes/$service.yml"
done
