package org.genericconnector.protocol.spi;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * An adapter's settings: the {@code acd.<name>} section of the connector's configuration, flattened to
 * dotted keys ({@code nodes.primary.url}), with the folder relative paths resolve against.
 * Immutable. {@link #toString()} masks every key that looks like a secret.
 */
public final class AdapterConfig {
    private final Map<String, String> settings;
    private final Path baseDir;

    public AdapterConfig(Map<String, String> settings, Path baseDir) {
        this.settings = Map.copyOf(settings);
        this.baseDir = Objects.requireNonNull(baseDir, "baseDir");
    }

    public static AdapterConfig empty() {
        return new AdapterConfig(Map.of(), Path.of("."));
    }

    public Optional<String> get(String key) {
        return Optional.ofNullable(settings.get(key));
    }

    public String get(String key, String fallback) {
        return settings.getOrDefault(key, fallback);
    }

    public String require(String key) {
        return get(key).orElseThrow(() -> new IllegalArgumentException("missing setting '" + key + "'"));
    }

    public int getInt(String key, int fallback) {
        String value = settings.get(key);
        try {
            return value == null ? fallback : Integer.parseInt(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    public long getLong(String key, long fallback) {
        String value = settings.get(key);
        try {
            return value == null ? fallback : Long.parseLong(value.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting '" + key + "' must be a whole number, not '" + value + "'");
        }
    }

    public boolean getBoolean(String key, boolean fallback) {
        String value = settings.get(key);
        if (value == null) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("setting '" + key + "' must be true or false, not '" + value + "'");
        };
    }

    /** A duration written as ISO-8601 ({@code PT5S}) or as a number and unit ({@code 500ms}, {@code 5s}, {@code 2m}). */
    public Duration getDuration(String key, Duration fallback) {
        String value = settings.get(key);
        return value == null ? fallback : Durations.parse(key, value);
    }

    /** A path setting resolved against the configuration folder. */
    public Optional<Path> getPath(String key) {
        return get(key).map(p -> baseDir.resolve(p).normalize());
    }

    public Path baseDir() {
        return baseDir;
    }

    /** All settings, for an adapter that validates its keys (to report the unknown ones). */
    public Map<String, String> asMap() {
        return settings;
    }

    @Override
    public String toString() {
        Map<String, String> shown = new TreeMap<>();
        settings.forEach((k, v) -> shown.put(k, Secrets.looksSecret(k) ? "****" : v));
        return "AdapterConfig" + shown;
    }
}
