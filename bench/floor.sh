#!/usr/bin/env bash
# (f) The floor: the same exports and pushes as (a) and (b), back to back, and no AWS call at all.
# docker logs in once with the credentials the stack's registry accepts (what ECR would hand out).
#
#   bench/floor.sh WORKDIR TAG IDENT...
set -euo pipefail
work="$1" tag="$2"
shift 2
registry="$HABITAT_ECS_STACK_REGISTRY"
export DOCKER_CONFIG="$work/docker-config" HAB_LICENSE=accept-no-persist
mkdir -p "$DOCKER_CONFIG"
echo "$HABITAT_ECS_STACK_ECR_PASSWORD" | docker login --username AWS --password-stdin "$registry" >/dev/null

for ident in "$@"; do
  origin_name="${ident%/*/*}"
  mkdir -p "$work/export/$origin_name"
  (cd "$work/export/$origin_name" && hab pkg export container "$ident" >/dev/null)
  docker tag "$origin_name:latest" "$registry/$origin_name:$tag"
  docker push "$registry/$origin_name:$tag" >/dev/null
done
