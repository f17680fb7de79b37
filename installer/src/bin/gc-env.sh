# Sourced by bin/generic-connector and bin/gcctl: finds the installation's folders and a JDK >= 21.
# GC_HOME is the folder holding bin/ and lib/; install.sh records the other folders in $GC_HOME/gc.env.

GC_HOME="$(cd "$(dirname "$(readlink -f "$0")")/.." && pwd)"
export GC_HOME
if [ -f "$GC_HOME/gc.env" ]; then
  set -a
  # shellcheck disable=SC1091
  . "$GC_HOME/gc.env"
  set +a
fi
export GC_CONF="${GC_CONF:-$GC_HOME/conf}"
export GC_LOGS="${GC_LOGS:-$GC_HOME/logs}"
export GC_RUN="${GC_RUN:-$GC_HOME/run}"
export GC_ADMIN_TOKEN_FILE="${GC_ADMIN_TOKEN_FILE:-$GC_RUN/admin.token}"

gc_java_major() {
  "$1" -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1
}

# Sets GC_JAVA to the newest java >= 21 among $JAVA_HOME, the PATH and /usr/lib/jvm/*.
gc_pick_java() {
  local candidates=() best="" best_major=0 c m
  [ -n "${JAVA_HOME:-}" ] && candidates+=("$JAVA_HOME/bin/java")
  command -v java >/dev/null 2>&1 && candidates+=("$(readlink -f "$(command -v java)")")
  for c in /usr/lib/jvm/*/bin/java /opt/java/*/bin/java; do [ -x "$c" ] && candidates+=("$c"); done
  for c in "${candidates[@]}"; do
    [ -x "$c" ] || continue
    m=$(gc_java_major "$c" 2>/dev/null || echo 0)
    if [ "${m:-0}" -ge 21 ] 2>/dev/null && [ "$m" -gt "$best_major" ]; then best="$c"; best_major=$m; fi
  done
  if [ -z "$best" ]; then
    echo "$(basename "$0"): no Java >= 21 found (looked at JAVA_HOME, PATH, /usr/lib/jvm); install a JDK 21+ or set JAVA_HOME" >&2
    exit 1
  fi
  GC_JAVA="$best"
  GC_JAVA_MAJOR="$best_major"
}

# JVM options that keep the console free of warnings about the libraries' use of Unsafe and JNI (Netty).
gc_quiet_jvm_opts() {
  GC_QUIET_OPTS=(--enable-native-access=ALL-UNNAMED)
  [ "${GC_JAVA_MAJOR:-21}" -ge 23 ] && GC_QUIET_OPTS+=(--sun-misc-unsafe-memory-access=allow)
  return 0
}

# TLS to an external broker (broker.url ...?sslEnabled=true): the Artemis client's trust store from
# GC_BROKER_TRUSTSTORE, its password from GC_BROKER_TRUSTSTORE_PASSWORD handed over in an owner-only JVM
# argument file, so that it never shows in `ps` or in a log line.
gc_tls_opts() {
  GC_TLS_OPTS=()
  [ -n "${GC_BROKER_TRUSTSTORE:-}" ] || return 0
  GC_TLS_OPTS+=(-Dorg.apache.activemq.ssl.trustStore="$GC_BROKER_TRUSTSTORE")
  if [ -n "${GC_BROKER_TRUSTSTORE_PASSWORD:-}" ]; then
    local secrets escaped
    if [ -d "$GC_RUN" ] && [ -w "$GC_RUN" ]; then
      secrets="$GC_RUN/.jvm-tls-$(id -u).args"          # overwritten at each start: no files pile up
      ( umask 077; : > "$secrets" )
    else
      secrets="$(umask 077; mktemp "${TMPDIR:-/tmp}/gc-jvm-tls.XXXXXX")"
    fi
    escaped=$(printf '%s' "$GC_BROKER_TRUSTSTORE_PASSWORD" | sed -e 's/\\/\\\\/g' -e 's/"/\\"/g')
    printf '"-Dorg.apache.activemq.ssl.trustStorePassword=%s"\n' "$escaped" > "$secrets"
    GC_TLS_OPTS+=("@$secrets")
  fi
}
