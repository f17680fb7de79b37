#!/usr/bin/env bash
# Installs what the test suite needs from Debian's packages and that Maven cannot bring:
# prosody, the XMPP server the Finesse notification tests run (each test starts its own instance
# on loopback with a generated configuration; the packaged system service is not used).
set -euo pipefail

need=()
command -v prosody >/dev/null 2>&1 || need+=(prosody)
[ ${#need[@]} -eq 0 ] && exit 0

if [ "$(id -u)" -ne 0 ]; then
  if command -v sudo >/dev/null 2>&1; then SUDO=sudo; else
    echo "install-test-prereqs: need root (or sudo) to install: ${need[*]}" >&2
    exit 1
  fi
else
  SUDO=""
fi

echo "install-test-prereqs: installing ${need[*]} from Debian's packages"
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# policy-rc.d keeps the package's own service from starting: tests run their own instances.
if [ -z "$SUDO" ] && [ ! -e /usr/sbin/policy-rc.d ]; then
  printf '#!/bin/sh\nexit 101\n' > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d
  trap 'rm -f /usr/sbin/policy-rc.d' EXIT
fi
$SUDO apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
command -v prosody >/dev/null 2>&1 || { echo "install-test-prereqs: prosody did not install" >&2; exit 1; }
