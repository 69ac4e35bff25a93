#!/usr/bin/env bash
# Destroys the Flightwatch stack on AWS after a confirmation (--yes skips it).
#   scripts/destroy.sh [--yes] [--stage dev|prod]
# With --stage prod the database has deletion protection: turn it off first (docs/deploy.md).
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."

yes=false
stage=dev
while [ $# -gt 0 ]; do
  case "$1" in
    --yes|-y) yes=true; shift ;;
    --stage) stage="${2:-}"; shift 2 ;;
    --stage=*) stage="${1#--stage=}"; shift ;;
    -h|--help) sed -n '2,4p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "destroy.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$stage" in dev|prod) ;; *) echo "destroy.sh: --stage must be dev or prod, was '$stage'" >&2; exit 2 ;; esac

fail() { echo "destroy.sh: $*" >&2; exit 1; }

command -v node >/dev/null || fail "Node.js is missing: install Node.js 18+ for the CDK CLI"
command -v npx >/dev/null || fail "npx is missing: it comes with npm (Node.js 18+)"
[ -x infra-cdk/node_modules/.bin/cdk ] || fail "the pinned CDK CLI is not installed: build once with mvn -B -DskipTests package"
[ -f infra-cdk/cdk.out/manifest.json ] || fail "infra-cdk/cdk.out is missing: build once with mvn -B -DskipTests package"
if command -v aws >/dev/null; then
  identity=$(aws sts get-caller-identity --query Arn --output text 2>&1) \
    || fail "AWS credentials do not work (aws sts get-caller-identity: $identity)"
elif [ -z "${AWS_ACCESS_KEY_ID:-}" ] && [ -z "${AWS_PROFILE:-}" ] && [ ! -f "${HOME}/.aws/credentials" ]; then
  fail "no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or AWS_PROFILE)"
fi

if [ "$yes" != true ]; then
  echo "This deletes the Flightwatch stack ($stage) and, on dev, its database and all its data."
  read -r -p "Type 'destroy' to go on: " answer
  [ "$answer" = destroy ] || fail "not confirmed; nothing was deleted"
fi

cd infra-cdk
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_VERSION_CHECK=true
# --app: destroy from the synthesized assembly, so no rebuild (and no jars) is needed.
npx --no-install cdk destroy Flightwatch --app cdk.out -c stage="$stage" --force
