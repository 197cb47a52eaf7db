#!/usr/bin/env bash
# Installs Debian's Java runtime (default-jre-headless) when `java` is missing: the Nu Html Checker (vnu.jar, from the
# vnu-jar package) runs on it in `npm test`. The package's own postinstall, which would download a Java runtime from
# outside the registries, is not allowed to run (it is not in package.json's allowScripts).
# FORCE=1 reinstalls or upgrades anyway, so CI exercises this path on every run.
set -euo pipefail
if command -v java >/dev/null && [[ ${FORCE:-0} != 1 ]]; then exit 0; fi
SUDO=""; [[ $(id -u) != 0 ]] && SUDO="sudo"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get -o DPkg::Lock::Timeout=120 update -qq
$SUDO apt-get -o DPkg::Lock::Timeout=120 install -y -qq default-jre-headless >/dev/null
java -version
