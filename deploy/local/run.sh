#!/usr/bin/env bash
# Runs the whole platform on this machine: broker, PostgreSQL and five databases, the five services, the gateway
# and the Aspire dashboard. Installs what is missing first. Without a container engine it uses the local
# rabbitmq-server and postgres binaries (data under .data/). Prints the gateway and dashboard URLs.
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
bash deploy/local/install-deps.sh
exec dotnet run --project AppHost --launch-profile http -- "$@"
