#!/usr/bin/env bash
# Deploys Flightwatch to AWS with the CDK: builds the jars, checks Node.js, AWS credentials and the
# CDK bootstrap, runs the pinned `cdk deploy`, sets the account's SMS attributes, prints the outputs.
#   scripts/deploy.sh [--stage dev|prod] [--sms-spend-limit USD]
# AWS_REGION (or AWS_DEFAULT_REGION, or the CLI's configured region) chooses the region.
set -euo pipefail
script="$(cd "$(dirname "$0")" && pwd)/$(basename "$0")"
cd "$(dirname "$0")/.."

stage=dev
spend_limit=1
while [ $# -gt 0 ]; do
  case "$1" in
    --stage) stage="${2:-}"; shift 2 ;;
    --stage=*) stage="${1#--stage=}"; shift ;;
    --sms-spend-limit) spend_limit="${2:-}"; shift 2 ;;
    --sms-spend-limit=*) spend_limit="${1#--sms-spend-limit=}"; shift ;;
    -h|--help) sed -n '2,5p' "$script" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "deploy.sh: unknown argument '$1' (try --help)" >&2; exit 2 ;;
  esac
done
case "$stage" in dev|prod) ;; *) echo "deploy.sh: --stage must be dev or prod, was '$stage'" >&2; exit 2 ;; esac
case "$spend_limit" in ''|*[!0-9]*) echo "deploy.sh: --sms-spend-limit must be a whole number of USD, was '$spend_limit'" >&2; exit 2 ;; esac

fail() { echo "deploy.sh: $*" >&2; exit 1; }

command -v mvn >/dev/null || fail "Maven is missing: install Maven 3.8.7+ (see README)"
command -v node >/dev/null || fail "Node.js is missing: install Node.js 18+ for the CDK CLI (see docs/deploy.md)"
command -v npx >/dev/null || fail "npx is missing: it comes with npm (Node.js 18+)"

# Credentials first: a build takes minutes, and failing after it for want of keys wastes them.
if command -v aws >/dev/null; then
  identity=$(aws sts get-caller-identity --query Arn --output text 2>&1) \
    || fail "AWS credentials do not work (aws sts get-caller-identity: $identity). Run aws configure or aws sso login, or export AWS_PROFILE."
  echo "Deploying as $identity"
elif [ -z "${AWS_ACCESS_KEY_ID:-}" ] && [ -z "${AWS_PROFILE:-}" ] && [ ! -f "${HOME}/.aws/credentials" ]; then
  fail "no AWS credentials: set AWS_ACCESS_KEY_ID/AWS_SECRET_ACCESS_KEY (or AWS_PROFILE), or install the AWS CLI and run aws configure"
fi
region="${AWS_REGION:-${AWS_DEFAULT_REGION:-}}"
if [ -z "$region" ] && command -v aws >/dev/null; then
  region=$(aws configure get region || true)
fi
[ -n "$region" ] || fail "no AWS region: export AWS_REGION=eu-west-1 (for example)"
export AWS_REGION="$region" AWS_DEFAULT_REGION="$region"

mkdir -p .flightwatch
log=.flightwatch/deploy-build.log
echo "Building the function jars and synthesizing the stack (log: $log)..."
if ! mvn -B -ntp -DskipTests package >"$log" 2>&1; then
  tail -n 40 "$log" >&2
  fail "the build failed; the end of $log is above"
fi

cd infra-cdk
export JSII_SILENCE_WARNING_END_OF_LIFE_NODE_VERSION=20 CDK_DISABLE_VERSION_CHECK=true
[ -x node_modules/.bin/cdk ] || fail "the pinned CDK CLI is not installed in infra-cdk/node_modules (the Maven build runs npm ci)"
cdk() { npx --no-install cdk "$@"; }

# The bootstrap stack holds the assets bucket cdk deploy uploads the jars to.
if command -v aws >/dev/null; then
  aws cloudformation describe-stacks --stack-name CDKToolkit --region "$region" >/dev/null 2>&1 \
    || fail "this account/region is not bootstrapped for the CDK: run (cd infra-cdk && npx --no-install cdk bootstrap aws://ACCOUNT/$region) once"
fi

outputs=../.flightwatch/outputs-$stage.json
cdk deploy Flightwatch -c stage="$stage" --parameters SmsMonthlySpendLimit="$spend_limit" \
  --require-approval never --outputs-file "$outputs"

# No CloudFormation resource sets the account's SMS attributes; the CLI does.
if command -v aws >/dev/null; then
  aws sns set-sms-attributes --region "$region" \
    --attributes "DefaultSMSType=Transactional,MonthlySpendLimit=$spend_limit" \
    || echo "deploy.sh: could not set the SMS attributes (a limit above your account's needs an AWS support case)" >&2
else
  echo "Set the SMS attributes once: aws sns set-sms-attributes --attributes DefaultSMSType=Transactional,MonthlySpendLimit=$spend_limit" >&2
fi

echo
echo "Deployed Flightwatch ($stage) to $region. Outputs ($outputs):"
cat "$outputs"
echo
echo "The API key's value: run the ApiKeyValueCommand output above."
