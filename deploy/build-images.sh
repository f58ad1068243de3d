#!/usr/bin/env bash
# Builds the container image of every service, the gateway and (when there is one) the web app with the .NET SDK's
# container support (`dotnet publish -t:PublishContainer`); no Dockerfile. Image settings: deploy/containers/Containers.props
# (panel-platform/<project>, chiselled ASP.NET Core base, non-root user, port 8080).
#
#   deploy/build-images.sh [--registry REGISTRY] [--tag TAG] [--arch x64|arm64] [--base-image IMAGE] [--list]
#
#   --registry REGISTRY  push to REGISTRY (e.g. registry.example.org); log in first (docker login, or the SDK reads
#                        the same credential stores). Without it: into the local Docker or Podman engine if one
#                        answers, otherwise as archives in artifacts/images/ (load or push them with your tools).
#   --tag TAG            image tag; default: the git commit (short), plus "latest".
#   --base-image IMAGE   build on IMAGE instead (a mirror of Containers.props' ContainerBaseImage).
#   --list               only print the projects and image names that would be built.
#
# Building needs the base image's registry (mcr.microsoft.com, or ContainerBaseImage's); the script checks it first
# and stops with exit code 3 when it cannot be reached. Exit 1: a build failed; 2: usage.
set -euo pipefail

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$repo"

registry=""
tag=""
arch="x64"
list_only=""
base_override=""
while [[ $# -gt 0 ]]; do
  case "$1" in
    --registry) registry=${2:?--registry needs a value}; shift 2 ;;
    --tag) tag=${2:?--tag needs a value}; shift 2 ;;
    --arch) arch=${2:?--arch needs a value}; shift 2 ;;
    --base-image) base_override=${2:?--base-image needs a value}; shift 2 ;;
    --list) list_only=1; shift ;;
    -h|--help) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"; exit 0 ;;
    *) echo "build-images: unknown argument $1 (see --help)" >&2; exit 2 ;;
  esac
done
if [[ -z "$tag" ]]; then
  tag=$(git rev-parse --short=12 HEAD 2>/dev/null || echo dev)
fi

# Every web project under services/ and gateway/ is an image: Containers.props gives exactly those a repository.
projects=()
repositories=()
base_image=""
for project in services/*/*.csproj gateway/*.csproj; do
  [[ -f "$project" ]] || continue
  values=$(dotnet msbuild "$project" -nologo -getProperty:ContainerRepository -getProperty:ContainerBaseImage 2>/dev/null) || {
    echo "build-images: cannot evaluate $project" >&2
    exit 1
  }
  repository=$(sed -n 's/.*"ContainerRepository": *"\([^"]*\)".*/\1/p' <<<"$values")
  [[ -n "$repository" ]] || continue
  projects+=("$project")
  repositories+=("$repository")
  base_image=${base_image:-$(sed -n 's/.*"ContainerBaseImage": *"\([^"]*\)".*/\1/p' <<<"$values")}
done
if [[ ${#projects[@]} -eq 0 ]]; then
  echo "build-images: no web projects found under services/ or gateway/" >&2
  exit 1
fi

base_image=${base_override:-$base_image}
echo "build-images: ${#projects[@]} images, tag $tag (and latest), linux-$arch, base $base_image"
for i in "${!projects[@]}"; do
  echo "  ${projects[$i]}  ->  ${registry:+$registry/}${repositories[$i]}:$tag"
done
[[ -n "$list_only" ]] && exit 0

# The base image comes from its registry at build time; without it nothing can be built. Say so plainly.
base_registry=${base_image%%/*}
status=$(curl -sS -o /dev/null -w '%{http_code}' --max-time 15 "https://$base_registry/v2/" 2>/tmp/build-images-curl.$$) || status=000
reason=$(cat /tmp/build-images-curl.$$ 2>/dev/null || true)
rm -f /tmp/build-images-curl.$$
if [[ "$status" != "200" && "$status" != "401" ]]; then
  cat >&2 <<EOF
build-images: CANNOT BUILD: the base image registry https://$base_registry is not reachable from this machine
build-images: (HTTP status $status${reason:+; $reason}).
build-images: The images are built on top of $base_image, which must be downloaded from there.
build-images: Run this script where $base_registry is reachable (a CI runner or a workstation with internet access),
build-images: or mirror the base image and pass --base-image <your mirror>/dotnet/aspnet:<tag>.
build-images: No image was built.
EOF
  exit 3
fi

destination=()
[[ -n "$base_override" ]] && destination+=(-p:ContainerBaseImage="$base_override")
if [[ -n "$registry" ]]; then
  destination+=(-p:ContainerRegistry="$registry")
  where="pushed to $registry"
elif { command -v docker >/dev/null 2>&1 && docker info >/dev/null 2>&1; } ||
     { command -v podman >/dev/null 2>&1 && podman info >/dev/null 2>&1; }; then
  where="loaded into the local container engine"
else
  mkdir -p artifacts/images
  destination+=(-p:ContainerArchiveOutputPath="$repo/artifacts/images/")
  where="written to artifacts/images/ (no registry given, no container engine answering)"
fi

tags="$tag;latest"
[[ "$tag" == latest ]] && tags=latest
failed=()
for i in "${!projects[@]}"; do
  echo "==> ${repositories[$i]}:$tag"
  if ! dotnet publish "${projects[$i]}" -c Release --os linux --arch "$arch" -t:PublishContainer --nologo -v quiet \
      -p:ContainerImageTags="\"$tags\"" "${destination[@]}"; then
    failed+=("${repositories[$i]}")
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "build-images: FAILED: ${failed[*]}" >&2
  exit 1
fi
echo "build-images: ${#projects[@]} images $where, tag $tag."
echo "build-images: for deploy/kubernetes/overlays/prod/kustomization.yaml (images:):"
for i in "${!projects[@]}"; do
  printf '  - name: %s\n    newName: %s\n    newTag: "%s"\n' "${repositories[$i]}" "${registry:+$registry/}${repositories[$i]}" "$tag"
done
