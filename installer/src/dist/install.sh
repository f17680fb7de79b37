#!/usr/bin/env bash
# Installs (or upgrades) the Generic Connector from this unpacked distribution. Idempotent.
#
#   ./install.sh [--prefix DIR] [--user NAME] [--no-user] [--no-systemd]
#
# Default layout: programs in /opt/generic-connector, configuration in /etc/generic-connector, logs in
# /var/log/generic-connector, run files in /run/generic-connector. With --prefix DIR everything goes
# under DIR (DIR/bin, lib, conf, logs, run). An existing configuration file is never overwritten: when
# the new default differs it is written beside it as <file>.new. As root (and without --no-user) a
# system user NAME (default gconnector) is created to run the connector; where systemd runs (and
# without --no-systemd) the unit generic-connector.service is installed and enabled, not started.
set -euo pipefail

SRC="$(cd "$(dirname "$(readlink -f "$0")")" && pwd)"
PREFIX=""
GC_USER="gconnector"
MAKE_USER=1
SYSTEMD=1

usage() { sed -n '2,12p' "$0" | sed 's/^# \{0,1\}//'; exit "${1:-0}"; }
die() { echo "install.sh: $*" >&2; exit 1; }

while [ $# -gt 0 ]; do
  case "$1" in
    --prefix) [ $# -ge 2 ] || die "--prefix needs a folder"; PREFIX="$2"; shift 2 ;;
    --prefix=*) PREFIX="${1#*=}"; shift ;;
    --user) [ $# -ge 2 ] || die "--user needs a name"; GC_USER="$2"; shift 2 ;;
    --user=*) GC_USER="${1#*=}"; shift ;;
    --no-user) MAKE_USER=0; shift ;;
    --no-systemd) SYSTEMD=0; shift ;;
    -h|--help) usage 0 ;;
    *) echo "install.sh: unknown option $1" >&2; usage 64 ;;
  esac
done

[ -d "$SRC/lib" ] && [ -x "$SRC/bin/generic-connector" ] || die "run me from an unpacked distribution ($SRC has no lib/ or bin/)"

if [ -n "$PREFIX" ]; then
  mkdir -p "$PREFIX"
  PREFIX="$(cd "$PREFIX" && pwd)"
  GC_HOME="$PREFIX"; GC_CONF="$PREFIX/conf"; GC_LOGS="$PREFIX/logs"; GC_RUN="$PREFIX/run"
else
  GC_HOME=/opt/generic-connector; GC_CONF=/etc/generic-connector; GC_LOGS=/var/log/generic-connector; GC_RUN=/run/generic-connector
fi

IS_ROOT=0; [ "$(id -u)" -eq 0 ] && IS_ROOT=1
[ "$IS_ROOT" -eq 1 ] || MAKE_USER=0
USE_SYSTEMD=0; [ "$SYSTEMD" -eq 1 ] && [ "$IS_ROOT" -eq 1 ] && [ -d /run/systemd/system ] && USE_SYSTEMD=1

VERSION="$(cat "$SRC/VERSION")"
PREVIOUS=""; [ -f "$GC_HOME/VERSION" ] && PREVIOUS="$(cat "$GC_HOME/VERSION")"
echo "Installing Generic Connector $VERSION into $GC_HOME${PREVIOUS:+ (upgrading from $PREVIOUS)}"

# A Java runtime >= 21 is all the installation needs; say so now rather than at the first start.
# shellcheck source=bin/gc-env.sh
if ! ( . "$SRC/bin/gc-env.sh" >/dev/null 2>&1; gc_pick_java >/dev/null 2>&1 ); then
  echo "install.sh: warning: no Java >= 21 found; install one (or set JAVA_HOME) before starting" >&2
fi

# The service user.
USER_CREATED=0
if [ "$MAKE_USER" -eq 1 ]; then
  if ! id "$GC_USER" >/dev/null 2>&1; then
    useradd --system --user-group --no-create-home --home-dir "$GC_HOME" --shell /usr/sbin/nologin "$GC_USER" \
      || die "cannot create user $GC_USER"
    USER_CREATED=1
    echo "  created system user $GC_USER"
  fi
elif [ "$IS_ROOT" -eq 1 ] && [ "$GC_USER" = "gconnector" ] && ! id "$GC_USER" >/dev/null 2>&1; then
  GC_USER=root
fi
[ "$IS_ROOT" -eq 1 ] || GC_USER="$(id -un)"
GC_GROUP="$(id -gn "$GC_USER")"
# Keep the record of a user created by an earlier install, so that uninstall --purge removes it.
if [ -f "$GC_HOME/gc.env" ] && grep -q '^GC_USER_CREATED=1' "$GC_HOME/gc.env"; then USER_CREATED=1; fi

# Programs: replaced as a whole, so that no jar of an older version stays behind.
mkdir -p "$GC_HOME"
for part in bin lib docs systemd; do
  [ -d "$SRC/$part" ] || continue
  rm -rf "$GC_HOME/$part.new"
  cp -R "$SRC/$part" "$GC_HOME/$part.new"
  rm -rf "$GC_HOME/$part"
  mv "$GC_HOME/$part.new" "$GC_HOME/$part"
done
for f in LICENSE VERSION README.txt uninstall.sh; do
  [ -f "$SRC/$f" ] && install -m 0644 "$SRC/$f" "$GC_HOME/$f"
done
chmod 0755 "$GC_HOME/uninstall.sh" "$GC_HOME"/bin/*

# Configuration: kept on upgrade; new defaults beside it as *.new.
mkdir -p "$GC_CONF"
for f in "$SRC"/conf/*; do
  name="$(basename "$f")"
  if [ ! -e "$GC_CONF/$name" ]; then
    install -m 0640 "$f" "$GC_CONF/$name"
  elif ! cmp -s "$f" "$GC_CONF/$name"; then
    install -m 0640 "$f" "$GC_CONF/$name.new"
    echo "  kept your $GC_CONF/$name; the new default is $GC_CONF/$name.new"
  else
    rm -f "$GC_CONF/$name.new"
  fi
done
chmod 0750 "$GC_CONF"

mkdir -p "$GC_LOGS" "$GC_RUN"
chmod 0750 "$GC_LOGS" "$GC_RUN"
if [ "$IS_ROOT" -eq 1 ]; then
  chown -R "root:$GC_GROUP" "$GC_CONF"
  chown -R "$GC_USER:$GC_GROUP" "$GC_LOGS" "$GC_RUN"
fi

# Where the scripts find everything (read by bin/gc-env.sh).
SERVICE=process; [ "$USE_SYSTEMD" -eq 1 ] && SERVICE=systemd
{
  echo "# Written by install.sh; read by bin/generic-connector, bin/gcctl and uninstall.sh (shell syntax)."
  printf 'GC_CONF=%q\n' "$GC_CONF"
  printf 'GC_LOGS=%q\n' "$GC_LOGS"
  printf 'GC_RUN=%q\n' "$GC_RUN"
  printf 'GC_SERVICE=%q\n' "$SERVICE"
  printf 'GC_USER=%q\n' "$GC_USER"
  printf 'GC_GROUP=%q\n' "$GC_GROUP"
  printf 'GC_USER_CREATED=%q\n' "$USER_CREATED"
  printf 'GC_PREFIX_INSTALL=%q\n' "$([ -n "$PREFIX" ] && echo 1 || echo 0)"
} > "$GC_HOME/gc.env"
chmod 0644 "$GC_HOME/gc.env"

if [ -z "$PREFIX" ] && [ "$IS_ROOT" -eq 1 ]; then
  ln -sfn "$GC_HOME/bin/gcctl" /usr/local/bin/gcctl
fi

if [ "$USE_SYSTEMD" -eq 1 ]; then
  sed -e "s|@GC_HOME@|$GC_HOME|g" -e "s|@GC_USER@|$GC_USER|g" -e "s|@GC_GROUP@|$GC_GROUP|g" \
    "$GC_HOME/systemd/generic-connector.service.in" > /etc/systemd/system/generic-connector.service
  systemctl daemon-reload
  systemctl enable generic-connector.service >/dev/null 2>&1 || true
  echo "  systemd unit generic-connector.service installed and enabled (not started)"
  NEXT="systemctl start generic-connector   (or: $GC_HOME/bin/gcctl start)"
else
  NEXT="$GC_HOME/bin/gcctl start"
fi

echo "Done. Next:"
echo "  1. review $GC_CONF/connector.yaml (acd.type, broker) and check it: $GC_HOME/bin/gcctl config check"
echo "  2. start it: $NEXT"
echo "  3. check it: $GC_HOME/bin/gcctl health   and   $GC_HOME/bin/gcctl status"
