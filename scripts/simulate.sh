#!/usr/bin/env bash
# Plays a simulated day from the 22 land crossings into an already running BCC system (by default the
# local stack of scripts/run-local.sh) through the public HTTP APIs, with fraud injected, and prints
# revenue, the top discrepancies and the detection quality against the ground truth.
# Options (--name=value, or environment BCC_SIM_NAME):
#   --seed=20201 --tag=S20201 --day=YYYY-MM-DD (yesterday) --day-minutes=3 --declarations=1500
#   --fraud-rate=0.12 --history=24 --declaration-url= --tariff-url= --audit-url= --keycloak-url=
#   --grace-seconds=60 (the audit service's unpaid-release grace) --output=target/simulation
# Exit status 0 when every detection target is met.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -f simulator/target/run.classpath ]; then
  ./mvnw -B -q package -DskipTests -pl simulator -am
fi
exec java -cp "simulator/target/classes:$(cat simulator/target/run.classpath)" iq.gov.bcc.simulator.Simulator "$@"
