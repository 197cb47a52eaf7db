#!/usr/bin/env bash
# Installs Debian's Chromium (Playwright's own browser download cannot work here) when it is missing.
# FORCE=1 reinstalls or upgrades anyway, so CI exercises this path on every run.
set -euo pipefail
if [[ -x /usr/bin/chromium && ${FORCE:-0} != 1 ]]; then exit 0; fi
SUDO=""; [[ $(id -u) != 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq chromium fonts-noto-cjk >/dev/null
/usr/bin/chromium --version
