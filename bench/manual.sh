#!/usr/bin/env bash
# (b) The manual procedure for Habitat on ECS, step by step as it is documented: per package
# export, create the ECR repository, log in, tag and push; then register a hand-written task
# definition, create the service and wait until it is stable. AWS CLI and docker CLI only.
#
#   bench/manual.sh WORKDIR TAG IDENT...      (WORKDIR holds task-definition.json)
set -euo pipefail
work="$1" tag="$2"
shift 2
registry="$HABITAT_ECS_STACK_REGISTRY"
export DOCKER_CONFIG="$work/docker-config" HAB_LICENSE=accept-no-persist
mkdir -p "$DOCKER_CONFIG"

for ident in "$@"; do
  origin_name="${ident%/*/*}" # bench/pkg1/1.0.0/20260101000000 -> bench/pkg1
  mkdir -p "$work/export/$origin_name"
  (cd "$work/export/$origin_name" && hab pkg export container "$ident" >/dev/null)
  aws ecr create-repository --repository-name "$origin_name" >/dev/null
  aws ecr get-login-password | docker login --username AWS --password-stdin "$registry" >/dev/null
  docker tag "$origin_name:latest" "$registry/$origin_name:$tag"
  docker push "$registry/$origin_name:$tag" >/dev/null
done

aws ecs register-task-definition --cli-input-json "file://$work/task-definition.json" >/dev/null
aws ecs create-service --cluster bench --service-name bench-manual --task-definition bench-manual \
  --desired-count 1 --launch-type EC2 >/dev/null
aws ecs wait services-stable --cluster bench --services bench-manual
