package org.genericconnector.servicemanager;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * Where an installation keeps its parts. bin/gcctl passes {@code GC_HOME} (the folder holding bin/ and
 * lib/) and install.sh records {@code GC_CONF}, {@code GC_LOGS}, {@code GC_RUN} and {@code GC_SERVICE}
 * in $GC_HOME/gc.env, which the scripts export; without them everything is under the home (or the
 * working directory for a developer checkout). {@code GC_USER}/{@code GC_GROUP} name the service user that
 * a background connector started by root runs as. Immutable.
 */
public record Layout(Path home, Path conf, Path logs, Path run, boolean systemd, String user, String group) {

    public static Layout detect() {
        return from(System.getenv());
    }

    public static Layout from(Map<String, String> env) {
        Path home = Path.of(env.getOrDefault("GC_HOME", System.getProperty("gc.home", "."))).toAbsolutePath().normalize();
        Path conf = path(env, "GC_CONF", home.resolve("conf"));
        Path logs = path(env, "GC_LOGS", home.resolve("logs"));
        Path run = path(env, "GC_RUN", home.resolve("run"));
        boolean systemd = "systemd".equals(env.get("GC_SERVICE")) && Files.isDirectory(Path.of("/run/systemd/system"));
        return new Layout(home, conf, logs, run, systemd, env.getOrDefault("GC_USER", ""), env.getOrDefault("GC_GROUP", ""));
    }

    private static Path path(Map<String, String> env, String name, Path fallback) {
        String v = env.get(name);
        return v == null || v.isBlank() ? fallback : Path.of(v).toAbsolutePath().normalize();
    }

    public Path configFile() {
        return conf.resolve("connector.yaml");
    }

    public Path tokenFile() {
        return run.resolve("admin.token");
    }

    public Path pidFile() {
        return run.resolve("connector.pid");
    }

    public Path consoleLog() {
        return logs.resolve("console.log");
    }

    public Path connectorLog() {
        return logs.resolve("connector.log");
    }
}
