package org.genericconnector.simulator.sandbox;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

import org.genericconnector.protocol.spi.AdapterConfig;

/**
 * The sandbox adapter's settings (the {@code acd.sandbox} section), each key declared once in {@link #KEYS}.
 *
 * @param population    the population file, or empty for the packaged {@code /sandbox.yaml}
 * @param licenseLimit  most agents logged in at once
 * @param seed          seeds dialog numbering and generated caller numbers
 * @param ringTimeout   how long an offer rings before ring-no-answer; 0 for never
 * @param simulatedTime true: time stands still until the scenario control's {@code advance}
 */
public record SandboxSettings(Optional<Path> population, int licenseLimit, long seed, Duration ringTimeout,
                              boolean simulatedTime) {

    /** One setting: its name, default as written, and what it means. */
    public record Key(String name, String defaultValue, String description) {
    }

    public static final List<Key> KEYS = List.of(
            new Key("population", "sandbox.yaml",
                    "The population YAML (agents, teams, queues, reasons, phone books, campaigns), relative to the config folder."
                            + " When the key is absent and sandbox.yaml does not exist beside the configuration, the copy packaged in the jar is used."),
            new Key("license-limit", "1000", "Most agents logged in at once; one more gets LICENSES_EXCEEDED."),
            new Key("seed", "1", "Seeds dialog id numbering and generated caller numbers, so runs repeat exactly."),
            new Key("ring-timeout", "15s", "How long an offered call rings before it is taken back (ring no answer); 0s for never."),
            new Key("simulated-time", "false", "true: the clock stands still until the scenario control says 'advance by=<duration>'."));

    static final String DEFAULT_POPULATION = "sandbox.yaml";

    /** Reads and checks the settings; an unknown key or bad value throws naming the key. */
    public static SandboxSettings from(AdapterConfig config) {
        List<String> known = KEYS.stream().map(Key::name).toList();
        TreeSet<String> unknown = new TreeSet<>(config.asMap().keySet());
        unknown.removeAll(known);
        if (!unknown.isEmpty()) {
            throw new IllegalArgumentException("unknown sandbox setting(s) " + unknown + "; known: " + known);
        }
        int licenseLimit = config.getInt("license-limit", 1000);
        if (licenseLimit < 0) {
            throw new IllegalArgumentException("setting 'license-limit' must not be negative");
        }
        Duration ringTimeout = config.getDuration("ring-timeout", Duration.ofSeconds(15));
        return new SandboxSettings(population(config), licenseLimit, seed(config), ringTimeout,
                config.getBoolean("simulated-time", false));
    }

    private static Optional<Path> population(AdapterConfig config) {
        Optional<Path> configured = config.getPath("population");
        if (configured.isPresent()) {
            if (!Files.isRegularFile(configured.get())) {
                throw new IllegalArgumentException("setting 'population': no file " + configured.get());
            }
            return configured;
        }
        Path fallback = config.baseDir().resolve(DEFAULT_POPULATION).normalize();
        return Files.isRegularFile(fallback) ? Optional.of(fallback) : Optional.empty();
    }

    private static long seed(AdapterConfig config) {
        String value = config.get("seed", "1").strip();
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("setting 'seed' must be a whole number, not '" + value + "'");
        }
    }
}
