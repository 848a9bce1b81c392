#!/usr/bin/env bash
# Installs Debian's chromium and CJK fonts for the viewer's browser tests, when missing.
# Idempotent: does nothing when /usr/bin/chromium and a Noto CJK font are already there.
set -euo pipefail

have_fonts() { fc-list 2>/dev/null | grep -qi 'Noto Sans CJK'; }

if [ -x /usr/bin/chromium ] && have_fonts; then
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi

export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends chromium fonts-noto-cjk fontconfig >/dev/null
if [ ! -x /usr/bin/chromium ]; then
  echo "install-chromium.sh: /usr/bin/chromium still missing after apt-get install" >&2
  exit 1
fi
echo "install-chromium.sh: $(/usr/bin/chromium --version 2>/dev/null || echo chromium installed)"
