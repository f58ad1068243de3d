#!/usr/bin/env bash
# Installs what Panel Platform needs on a fresh Debian machine without a container runtime:
# RabbitMQ and PostgreSQL binaries (started by the AppHost and the test fixture as plain processes), Chromium for the
# browser tests, the web site's npm packages,
# and the repo's local .NET tools. Idempotent: does nothing that is already done.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
repo=$(cd "$here/../.." && pwd)

need=()
command -v rabbitmq-server >/dev/null 2>&1 || [[ -x /usr/lib/rabbitmq/bin/rabbitmq-server ]] || need+=(rabbitmq-server)
pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [[ -z "$pg_bin" || ! -x "$pg_bin/postgres" || ! -x "$pg_bin/initdb" ]]; then
  need+=(postgresql postgresql-contrib)
fi
# The browser the web site's tests drive (Playwright's own download fails here): Chromium's headless shell, which is
# what Playwright itself runs headless tests on (see tests/Platform.Tests/Browser/SiteBrowser.cs for why).
[[ -x /usr/bin/chromium ]] || need+=(chromium fonts-liberation)
[[ -x /usr/bin/chromium-headless-shell ]] || need+=(chromium-headless-shell)

if ((${#need[@]})); then
  sudo=""
  if [[ $(id -u) -ne 0 ]]; then
    command -v sudo >/dev/null 2>&1 || { echo "install-deps: need root or sudo to install ${need[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  echo "install-deps: installing ${need[*]}"
  # On a fresh machine the package lists are empty: without update, apt says "Unable to locate package".
  $sudo apt-get update -qq
  # policy-rc.d stops the packages from starting system-wide services that would hold the default ports.
  if [[ ! -e /usr/sbin/policy-rc.d ]]; then
    printf '#!/bin/sh\nexit 101\n' | $sudo tee /usr/sbin/policy-rc.d >/dev/null
    $sudo chmod +x /usr/sbin/policy-rc.d
    remove_policy=1
  fi
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}"
  [[ -n "${remove_policy:-}" ]] && $sudo rm -f /usr/sbin/policy-rc.d
else
  echo "install-deps: rabbitmq-server, postgresql, chromium and its headless shell already installed"
fi

# The package may have started a system node; ours run privately on their own ports, so it is left alone.
cd "$repo"
if [[ -f .config/dotnet-tools.json ]]; then
  dotnet tool restore >/dev/null
fi
# Front-end packages of the web site (GOV.UK Frontend) and of its browser tests (axe-core), exactly as each
# package-lock.json pins them. npm comes with Node.js,
# which the manifest check below installs when missing; it runs first when Node.js is already here.
npm_ci() {
  local dir=$1
  if [[ -d "$dir/node_modules" && "$dir/node_modules/.package-lock.json" -nt "$dir/package-lock.json" ]]; then
    return 0
  fi
  command -v npm >/dev/null 2>&1 || return 1
  echo "install-deps: npm ci in ${dir#"$repo"/}"
  (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error >/dev/null)
}

# The offline check of deploy/kubernetes (tests/Deploy.Tests): Node.js, the validator's npm packages, kubectl.
# Its failure does not stop the other tests; Deploy.Tests then fails and says what is missing.
bash "$repo/deploy/kubernetes/validate/install.sh" ||
  echo "install-deps: the Kubernetes manifest check's tools are missing (see above); tests/Deploy.Tests will fail" >&2
for site in "$repo/services/Web" "$repo/tests/Platform.Tests"; do
  npm_ci "$site" || { echo "install-deps: npm is missing: cannot install the front-end packages of ${site#"$repo"/}" >&2; exit 1; }
done
echo "install-deps: done"
