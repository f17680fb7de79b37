package org.genericconnector.connector.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads conf/connector.yaml: flattens it to dotted keys, substitutes {@code ${VAR}} and
 * {@code ${VAR:default}} from the environment, applies {@code GC_*} overrides for declared keys, and
 * validates every key in one pass. Stateless.
 */
public final class ConfigLoader {
    private static final Pattern PLACEHOLDER = Pattern.compile("\\$\\{([A-Za-z_][A-Za-z0-9_]*)(?::([^}]*))?}");

    private ConfigLoader() {
    }

    public static ConnectorConfig load(Path file, Map<String, String> env) throws ConfigException {
        Map<String, String> flat = new LinkedHashMap<>();
        List<String> problems = new ArrayList<>();
        try {
            JsonNode root = new ObjectMapper(new YAMLFactory()).readTree(Files.readAllBytes(file));
            if (root != null && !root.isMissingNode() && !root.isNull()) {
                if (!root.isObject()) {
                    throw new ConfigException(file.toString(), List.of("the file must hold a mapping of keys"));
                }
                flatten("", root, flat);
            }
        } catch (IOException e) {
            throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
        }
        Path baseDir = file.toAbsolutePath().getParent();
        return build(flat, env, baseDir, file.toString(), problems);
    }

    static ConnectorConfig fromFlatMap(Map<String, String> flat, Map<String, String> env, Path baseDir, String source)
            throws ConfigException {
        return build(new LinkedHashMap<>(flat), env, baseDir, source, new ArrayList<>());
    }

    private static ConnectorConfig build(Map<String, String> flat, Map<String, String> env, Path baseDir, String source,
                                         List<String> problems) throws ConfigException {
        substitute(flat, env, problems, source);
        Map<String, ConfigKey<?>> declared = new HashMap<>();
        ConfigKeys.ALL.forEach(k -> declared.put(k.name(), k));
        String type = flat.getOrDefault(ConfigKeys.ACD_TYPE.name(), ConfigKeys.ACD_TYPE.defaultValue()).strip();
        String adapterPrefix = "acd." + type + ".";
        Map<String, String> adapterSettings = new HashMap<>();
        Map<ConfigKey<?>, Object> values = new HashMap<>();
        for (Map.Entry<String, String> e : flat.entrySet()) {
            String key = e.getKey();
            if (key.startsWith(adapterPrefix)) {
                adapterSettings.put(key.substring(adapterPrefix.length()), e.getValue());
            } else if (key.startsWith("acd.") && !declared.containsKey(key) && key.indexOf('.', 4) > 0) {
                continue; // another adapter's section: kept in the file for switching acd.type
            } else if (!declared.containsKey(key)) {
                problems.add("unknown key '" + key + "' in " + source);
            }
        }
        for (ConfigKey<?> key : ConfigKeys.ALL) {
            String raw = env.containsKey(key.environmentVariable()) ? env.get(key.environmentVariable()) : flat.get(key.name());
            if (raw == null || raw.isBlank() && !key.type().startsWith("string")) {
                values.put(key, key.defaultValue());
                continue;
            }
            try {
                values.put(key, key.parse(raw));
            } catch (IllegalArgumentException ex) {
                problems.add("key '" + key.name() + "' in " + source + " " + ex.getMessage().replaceFirst("^setting '[^']*' ", ""));
            }
        }
        if (!problems.isEmpty()) {
            throw new ConfigException(source, problems);
        }
        return new ConnectorConfig(values, adapterSettings, baseDir);
    }

    private static void flatten(String prefix, JsonNode node, Map<String, String> out) {
        if (node.isObject()) {
            node.fields().forEachRemaining(f -> flatten(prefix.isEmpty() ? f.getKey() : prefix + "." + f.getKey(), f.getValue(), out));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                flatten(prefix + "." + i, node.get(i), out);
            }
        } else if (!node.isNull()) {
            out.put(prefix, node.asText());
        }
    }

    private static void substitute(Map<String, String> flat, Map<String, String> env, List<String> problems, String source) {
        flat.replaceAll((key, value) -> {
            Matcher m = PLACEHOLDER.matcher(value);
            StringBuilder sb = new StringBuilder();
            while (m.find()) {
                String found = env.get(m.group(1));
                if (found == null && m.group(2) == null) {
                    problems.add("key '" + key + "' in " + source + " names environment variable " + m.group(1) + ", which is not set");
                    found = "";
                }
                m.appendReplacement(sb, Matcher.quoteReplacement(found != null ? found : m.group(2)));
            }
            m.appendTail(sb);
            return sb.toString();
        });
    }
}
