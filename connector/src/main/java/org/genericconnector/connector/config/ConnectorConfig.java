package org.genericconnector.connector.config;

import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;

import org.genericconnector.protocol.spi.AdapterConfig;
import org.genericconnector.protocol.spi.Secrets;

/**
 * A validated configuration: a value for every {@link ConfigKeys declared key} plus the chosen adapter's
 * own settings. Immutable. {@link #toString()} masks secrets.
 */
public final class ConnectorConfig {
    private final Map<ConfigKey<?>, Object> values;
    private final Map<String, String> adapterSettings;
    private final Path baseDir;

    ConnectorConfig(Map<ConfigKey<?>, Object> values, Map<String, String> adapterSettings, Path baseDir) {
        this.values = Map.copyOf(values);
        this.adapterSettings = Map.copyOf(adapterSettings);
        this.baseDir = baseDir;
    }

    /** A configuration of defaults with some keys set, for tests and tools; invalid values throw. */
    public static ConnectorConfig of(Map<String, String> settings, Path baseDir) {
        try {
            return ConfigLoader.fromFlatMap(settings, Map.of(), baseDir, "(in memory)");
        } catch (ConfigException e) {
            throw new IllegalArgumentException(e.getMessage(), e);
        }
    }

    @SuppressWarnings("unchecked")
    public <T> T get(ConfigKey<T> key) {
        return (T) values.get(key);
    }

    /** The {@code acd.<type>} section, flattened, for the adapter. */
    public AdapterConfig adapterConfig() {
        return new AdapterConfig(adapterSettings, baseDir);
    }

    /** The folder relative paths resolve against (the folder of connector.yaml). */
    public Path baseDir() {
        return baseDir;
    }

    public Path resolve(String path) {
        return baseDir.resolve(path).normalize();
    }

    @Override
    public String toString() {
        Map<String, Object> shown = new TreeMap<>();
        values.forEach((k, v) -> shown.put(k.name(), k.isSecret() && !"".equals(v) ? "****" : v));
        adapterSettings.forEach((k, v) -> shown.put("acd." + get(ConfigKeys.ACD_TYPE) + "." + k, Secrets.looksSecret(k) ? "****" : v));
        return "ConnectorConfig" + shown;
    }
}
