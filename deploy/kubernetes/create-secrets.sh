#!/usr/bin/env bash
# Creates, in the platform's namespace, the Secrets that deploy/kubernetes refers to and no operator makes, with
# fresh random values. A Secret that already exists is left as it is (a database role's password must not change
# under a running service). Nothing secret is ever written to the repository.
#
#   deploy/kubernetes/create-secrets.sh -n NAMESPACE [--dev [--signing-key-file FILE]] [--dashboard] [--dry-run]
#
#   panel-db-<service>    one per service (meetings, questions, grants, casework, notifications, identity, web): type
#                         kubernetes.io/basic-auth, username = the PostgreSQL role, password = 48 hex digits.
#                         CloudNativePG sets the role's password from it; the service builds its connection string from it.
#   casework-encryption   k1: base64 of 32 random bytes, Casework's field-encryption key (Casework__Encryption__Keys__k1).
#   identity-keys         signing-key: an RSA private key (PEM, 2048 bits) that signs every token; encryption-key: base64
#                         of 32 random bytes that encrypts authorization codes and refresh tokens (Identity__SigningKey,
#                         Identity__EncryptionKey). Replacing either signs every member of staff out.
#   identity-clients      panel-console: the staff console's client secret (48 hex digits), given to the identity
#                         service (Identity__Clients__0__Secret) and to the console itself.
#   panel-forwarding      key: base64 of 32 random bytes, shared by the web site and the gateway (Gateway__ForwardingKey):
#                         the site signs each resident's address with it, so the gateway limits writes per resident.
#   panel-auth            --dev only (components/development-signing-key): signing-key, the development token key.
#                         Taken from .data/signing-key or FILE (made if missing), so deploy/local/mint-token.sh works
#                         against the cluster. Production uses the identity provider instead (Auth__Authority).
#   aspire-dashboard      --dashboard only (components/aspire-dashboard): otlp-api-key, browser-token.
#   --dry-run             print the Secrets as YAML (needs no cluster) instead of creating them. Do not keep that output.
#
# Made by others, not here: panel-rabbitmq-default-user (RabbitMQ Cluster Operator), panel-postgres-ca (CloudNativePG),
# gateway-tls (prod Ingress: cert-manager, or create it from your certificate).
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
services=(meetings questions grants casework notifications identity web)
kubectl=${KUBECTL:-kubectl}

namespace=""
dev=""
dashboard=""
dry_run=""
key_file="$repo/.data/signing-key"
while [[ $# -gt 0 ]]; do
  case "$1" in
    -n|--namespace) namespace=${2:?-n needs a namespace}; shift 2 ;;
    --dev) dev=1; shift ;;
    --signing-key-file) key_file=${2:?--signing-key-file needs a file}; shift 2 ;;
    --dashboard) dashboard=1; shift ;;
    --dry-run) dry_run=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "create-secrets: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
[[ -n "$namespace" ]] || { echo "create-secrets: -n NAMESPACE is required (panel-dev, panel-platform)" >&2; exit 2; }

if [[ -z "$dry_run" ]] && ! "$kubectl" get namespace "$namespace" >/dev/null 2>&1; then
  echo "create-secrets: namespace $namespace not found (or no cluster); create it first:" >&2
  echo "  kubectl apply -f deploy/kubernetes/overlays/<dev|prod>/namespace.yaml" >&2
  exit 1
fi

hex() { head -c "$1" /dev/urandom | od -An -tx1 | tr -d ' \n'; }
b64() { head -c "$1" /dev/urandom | base64 | tr -d '\n'; }

created=0
# make NAME TYPE KEY=VALUE...   (values never reach the terminal unless --dry-run asks for the manifests)
make() {
  local name=$1 type=$2
  shift 2
  if [[ -z "$dry_run" ]] && "$kubectl" -n "$namespace" get secret "$name" >/dev/null 2>&1; then
    echo "create-secrets: $name exists, left as it is"
    return
  fi
  local literals=()
  for pair in "$@"; do literals+=("--from-literal=$pair"); done
  local manifest
  manifest=$("$kubectl" create secret generic "$name" -n "$namespace" --type="$type" "${literals[@]}" --dry-run=client -o yaml |
    "$kubectl" label --local -f - -o yaml app.kubernetes.io/part-of=panel-platform cnpg.io/reload=true)
  if [[ -n "$dry_run" ]]; then
    printf -- '---\n%s\n' "$manifest"
  else
    "$kubectl" create -f - <<<"$manifest" >/dev/null
    echo "create-secrets: $name created"
    created=$((created + 1))
  fi
}

for service in "${services[@]}"; do
  make "panel-db-$service" kubernetes.io/basic-auth "username=$service" "password=$(hex 24)"
done
make casework-encryption Opaque "k1=$(b64 32)"
# The signing key only when the Secret is missing (make leaves an existing one alone, but would still have made a key).
if [[ -n "$dry_run" ]] || ! "$kubectl" -n "$namespace" get secret identity-keys >/dev/null 2>&1; then
  command -v openssl >/dev/null 2>&1 || { echo "create-secrets: openssl is needed to make the identity signing key" >&2; exit 1; }
  make identity-keys Opaque "signing-key=$(openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 2>/dev/null)" "encryption-key=$(b64 32)"
else
  echo "create-secrets: identity-keys exists, left as it is"
fi
make identity-clients Opaque "panel-console=$(hex 24)"
make panel-forwarding Opaque "key=$(b64 32)"

if [[ -n "$dev" ]]; then
  if [[ ! -s "$key_file" ]]; then
    mkdir -p "$(dirname "$key_file")"
    (umask 077 && b64 32 > "$key_file")
  fi
  make panel-auth Opaque "signing-key=$(tr -d '\n' < "$key_file")"
fi

if [[ -n "$dashboard" ]]; then
  make aspire-dashboard Opaque "otlp-api-key=$(hex 32)" "browser-token=$(hex 16)"
fi

if [[ -z "$dry_run" ]]; then
  echo "create-secrets: $created created in $namespace"
  [[ -n "$dashboard" ]] && echo "create-secrets: dashboard login token: kubectl -n $namespace get secret aspire-dashboard -o jsonpath='{.data.browser-token}' | base64 -d"
fi
exit 0
