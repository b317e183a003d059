#!/usr/bin/env bash
# The two ways of doing a deploy's work by hand that the action is measured against:
#
#   bench/by-hand.sh manual WORKDIR TAG IDENT...   (b) the manual procedure for Habitat on ECS,
#       step by step as documented, with the AWS CLI and the docker CLI: per package export,
#       create the ECR repository, log in, tag and push; then register the hand-written
#       WORKDIR/task-definition.json, create the service and wait until it is stable.
#   bench/by-hand.sh floor WORKDIR TAG IDENT...    (f) the floor: the same exports and pushes back
#       to back and no AWS call at all; docker logs in once with the credentials the stack's
#       registry accepts (those ECR would hand out).
set -euo pipefail
mode="$1" work="$2" tag="$3"
shift 3
registry="$HABITAT_ECS_STACK_REGISTRY"
export DOCKER_CONFIG="$work/docker-config" HAB_LICENSE=accept-no-persist
mkdir -p "$DOCKER_CONFIG"
case "$mode" in
  manual) ;;
  floor) echo "$HABITAT_ECS_STACK_ECR_PASSWORD" | docker login --username AWS --password-stdin "$registry" >/dev/null ;;
  *) echo "usage: $0 manual|floor WORKDIR TAG IDENT..." >&2; exit 2 ;;
esac

for ident in "$@"; do
  origin_name="${ident%/*/*}" # bench/pkg1/1.0.0/20260101000000 -> bench/pkg1
  mkdir -p "$work/export/$origin_name"
  (cd "$work/export/$origin_name" && hab pkg export container "$ident" >/dev/null)
  if [ "$mode" = manual ]; then
    aws ecr create-repository --repository-name "$origin_name" >/dev/null
    aws ecr get-login-password | docker login --username AWS --password-stdin "$registry" >/dev/null
  fi
  docker tag "$origin_name:latest" "$registry/$origin_name:$tag"
  docker push "$registry/$origin_name:$tag" >/dev/null
done

if [ "$mode" = manual ]; then
  aws ecs register-task-definition --cli-input-json "file://$work/task-definition.json" >/dev/null
  aws ecs create-service --cluster bench --service-name bench-manual --task-definition bench-manual \
    --desired-count 1 --launch-type EC2 >/dev/null
  aws ecs wait services-stable --cluster bench --services bench-manual
fi
