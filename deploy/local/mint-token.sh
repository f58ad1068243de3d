#!/usr/bin/env bash
# Prints a development bearer token for the given role(s), accepted by the running platform:
#   curl -H "Authorization: Bearer $(deploy/local/mint-token.sh clerk)" http://localhost:5080/api/meetings/meetings
set -euo pipefail
repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
cd "$repo"
exec dotnet run --project deploy/local/MintToken --verbosity quiet -- "$@"
