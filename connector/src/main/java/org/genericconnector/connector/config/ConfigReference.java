package org.genericconnector.connector.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Generates docs/CONFIGURATION.md from {@link ConfigKeys#ALL}. Run
 * {@code java -cp ... org.genericconnector.connector.config.ConfigReference docs/CONFIGURATION.md}
 * (or the test ConfigReferenceTest with -Dgc.writeDocs=true) after changing a key. Stateless.
 */
public final class ConfigReference {
    private ConfigReference() {
    }

    public static String markdown() {
        StringBuilder sb = new StringBuilder();
        sb.append("# Configuration reference\n\n")
          .append("<!-- Generated from org.genericconnector.connector.config.ConfigKeys; do not edit by hand. -->\n\n")
          .append("The connector reads `conf/connector.yaml` (or the file given with `--config FILE`). Keys are written\n")
          .append("nested in YAML; this table uses their dotted names. An unknown key or a bad value stops start-up with\n")
          .append("a message naming the key and the file; every problem is listed at once.\n\n")
          .append("Secrets stay out of the file: any key can be overridden by an environment variable (the column\n")
          .append("*Environment*), and any value may contain `${VAR}` or `${VAR:default}`, replaced from the environment.\n\n")
          .append("The section `acd.<type>` (for example `acd.sandbox`) holds the chosen adapter's own settings; the adapter\n")
          .append("validates them and documents them. Sections of other adapters are ignored.\n\n")
          .append("| Key | Type | Default | Unit | Environment | Description |\n")
          .append("| --- | --- | --- | --- | --- | --- |\n");
        for (ConfigKey<?> k : ConfigKeys.ALL) {
            sb.append("| `").append(k.name()).append("` | ").append(k.type()).append(" | ")
              .append(k.defaultText().isEmpty() ? "(empty)" : "`" + k.defaultText() + "`").append(" | ")
              .append(k.unit()).append(" | `").append(k.environmentVariable()).append("` | ")
              .append(k.description().replace("|", "\\|").replace("<", "&lt;").replace(">", "&gt;")).append(" |\n");
        }
        return sb.toString();
    }

    public static void main(String[] args) throws IOException {
        Path target = Path.of(args.length > 0 ? args[0] : "docs/CONFIGURATION.md");
        Files.writeString(target, markdown());
        System.out.println("wrote " + target.toAbsolutePath());
    }
}
