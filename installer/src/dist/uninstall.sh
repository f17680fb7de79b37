#!/usr/bin/env bash
# Removes the Generic Connector installation this script belongs to. Idempotent.
#
#   <home>/uninstall.sh [--purge]
#
# Stops the connector, removes the systemd unit, the programs (bin, lib, docs) and the gcctl link.
# The configuration, the logs and the service user stay unless --purge is given (this script and
# gc.env stay with them, so that a later --purge knows where they are).
set -euo pipefail

GC_HOME="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
PURGE=0
while [ $# -gt 0 ]; do
  case "$1" in
    --purge) PURGE=1; shift ;;
    -h|--help) sed -n '2,8p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) echo "uninstall.sh: unknown option $1" >&2; exit 64 ;;
  esac
done

if [ ! -f "$GC_HOME/gc.env" ] && [ ! -d "$GC_HOME/lib" ]; then
  echo "Nothing installed in $GC_HOME."
  exit 0
fi

GC_CONF="$GC_HOME/conf"; GC_LOGS="$GC_HOME/logs"; GC_RUN="$GC_HOME/run"; GC_USER=""; GC_USER_CREATED=0; GC_PREFIX_INSTALL=1
# shellcheck disable=SC1091
[ -f "$GC_HOME/gc.env" ] && . "$GC_HOME/gc.env"

echo "Removing Generic Connector from $GC_HOME"
if [ -x "$GC_HOME/bin/gcctl" ]; then
  "$GC_HOME/bin/gcctl" stop --timeout 30s || echo "  (could not stop it cleanly; continuing)" >&2
fi

if [ -f /etc/systemd/system/generic-connector.service ] && [ "$(id -u)" -eq 0 ]; then
  systemctl disable --now generic-connector.service >/dev/null 2>&1 || true
  rm -f /etc/systemd/system/generic-connector.service
  systemctl daemon-reload 2>/dev/null || true
  echo "  removed the systemd unit"
fi
if [ "$(readlink -f /usr/local/bin/gcctl 2>/dev/null)" = "$GC_HOME/bin/gcctl" ]; then
  rm -f /usr/local/bin/gcctl
fi

rm -rf "$GC_HOME/bin" "$GC_HOME/lib" "$GC_HOME/docs" "$GC_HOME/systemd"
rm -f "$GC_HOME/LICENSE" "$GC_HOME/VERSION" "$GC_HOME/README.txt"
rm -rf "$GC_RUN"

if [ "$PURGE" -eq 1 ]; then
  rm -rf "$GC_CONF" "$GC_LOGS"
  echo "  removed configuration $GC_CONF and logs $GC_LOGS"
  if [ "$GC_USER_CREATED" = "1" ] && [ -n "$GC_USER" ] && [ "$(id -u)" -eq 0 ] && id "$GC_USER" >/dev/null 2>&1; then
    userdel "$GC_USER" 2>/dev/null || true
    echo "  removed system user $GC_USER"
  fi
else
  echo "  kept configuration $GC_CONF and logs $GC_LOGS ($GC_HOME/uninstall.sh --purge removes them)"
  echo "Done."
  exit 0
fi

# Purged: nothing of the installation is left, this script included.
rm -f "$GC_HOME/gc.env" "$GC_HOME/uninstall.sh"
rmdir "$GC_HOME" 2>/dev/null || true
echo "Done."
