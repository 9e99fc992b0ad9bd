#!/usr/bin/env bash
# Installs what the build needs when it is missing: ICU's development files (libicu-dev).
# Swift itself must already be installed.
set -euo pipefail
if pkg-config --exists icu-uc 2>/dev/null && [ -e /usr/include/unicode/ubrk.h ]; then
  exit 0
fi
echo "setup: installing libicu-dev and pkg-config" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libicu-dev pkg-config >/dev/null
