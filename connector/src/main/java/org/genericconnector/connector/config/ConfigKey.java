package org.genericconnector.connector.config;

import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;

import org.genericconnector.protocol.spi.Durations;

/**
 * One configuration key, declared once: its dotted name, type, default, unit and description. The
 * reference in docs/CONFIGURATION.md is generated from these declarations. Immutable.
 *
 * @param <T> the type of the parsed value
 */
public final class ConfigKey<T> {
    private final String name;
    private final String type;
    private final T defaultValue;
    private final String unit;
    private final String description;
    private final boolean secret;
    private final Function<String, T> parser;

    private ConfigKey(String name, String type, T defaultValue, String unit, String description, boolean secret,
                      Function<String, T> parser) {
        this.name = Objects.requireNonNull(name);
        this.type = type;
        this.defaultValue = defaultValue;
        this.unit = unit;
        this.description = description;
        this.secret = secret;
        this.parser = parser;
    }

    public static ConfigKey<String> string(String name, String defaultValue, String description) {
        return new ConfigKey<>(name, "string", defaultValue, "", description, false, String::strip);
    }

    public static ConfigKey<String> secret(String name, String description) {
        return new ConfigKey<>(name, "string (secret)", "", "", description, true, s -> s);
    }

    public static ConfigKey<Boolean> bool(String name, boolean defaultValue, String description) {
        return new ConfigKey<>(name, "boolean", defaultValue, "", description, false, ConfigKey::parseBoolean);
    }

    public static ConfigKey<Integer> integer(String name, int defaultValue, int min, String unit, String description) {
        return new ConfigKey<>(name, "integer (>= " + min + ")", defaultValue, unit, description, false, s -> parseInt(s, min));
    }

    public static ConfigKey<Duration> duration(String name, Duration defaultValue, String description) {
        return new ConfigKey<>(name, "duration", defaultValue, "500ms, 5s, 2m, 1h or ISO-8601", description, false,
                s -> positive(Durations.parse(name, s)));
    }

    /** Parses a raw value; throws IllegalArgumentException with a message fit for an operator. */
    public T parse(String raw) {
        return parser.apply(raw);
    }

    public String name() { return name; }
    public String type() { return type; }
    public T defaultValue() { return defaultValue; }
    public String unit() { return unit; }
    public String description() { return description; }
    public boolean isSecret() { return secret; }

    /** The environment variable that overrides this key: GC_ then the name in capitals, dots and dashes as '_'. */
    public String environmentVariable() {
        return "GC_" + name.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    }

    /** The default as written in YAML and in the reference. */
    public String defaultText() {
        if (defaultValue instanceof Duration d) {
            return d.toMillis() % 1000 == 0 ? d.toSeconds() + "s" : d.toMillis() + "ms";
        }
        return String.valueOf(defaultValue);
    }

    private static boolean parseBoolean(String s) {
        return switch (s.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "true", "yes", "on" -> true;
            case "false", "no", "off" -> false;
            default -> throw new IllegalArgumentException("must be true or false, not '" + s + "'");
        };
    }

    private static int parseInt(String s, int min) {
        int value;
        try {
            value = Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("must be a whole number, not '" + s + "'");
        }
        if (value < min) {
            throw new IllegalArgumentException("must be at least " + min + ", not " + value);
        }
        return value;
    }

    private static Duration positive(Duration d) {
        if (d.isNegative() || d.isZero()) {
            throw new IllegalArgumentException("must be a positive duration");
        }
        return d;
    }

    @Override
    public String toString() {
        return name;
    }
}
