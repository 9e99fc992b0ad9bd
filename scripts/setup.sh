#!/usr/bin/env bash
# Installs what the build needs when it is missing: ICU's and SQLite's development
# files (libicu-dev, libsqlite3-dev).
# Swift itself must already be installed.
set -euo pipefail
if pkg-config --exists icu-uc sqlite3 2>/dev/null && [ -e /usr/include/unicode/ubrk.h ] && [ -e /usr/include/sqlite3.h ]; then
  exit 0
fi
echo "setup: installing libicu-dev, libsqlite3-dev and pkg-config" >&2
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq libicu-dev libsqlite3-dev pkg-config >/dev/null
