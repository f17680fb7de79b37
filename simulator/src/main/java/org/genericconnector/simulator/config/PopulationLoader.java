package org.genericconnector.simulator.config;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;

/**
 * Reads a population YAML into a {@link PopulationFile} and validates it. Every problem is reported
 * as an {@link IllegalArgumentException} whose message names the source and the key. Thread-safe.
 */
public final class PopulationLoader {
    /** The classpath copy of conf/sandbox.yaml. */
    public static final String DEFAULT_RESOURCE = "/sandbox.yaml";

    private final ObjectMapper mapper = new ObjectMapper(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    public PopulationFile load(Path file) {
        try (InputStream in = Files.newInputStream(file)) {
            return read(in, file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("population file " + file + " cannot be read: " + e.getMessage(), e);
        }
    }

    public PopulationFile loadDefault() {
        try (InputStream in = PopulationLoader.class.getResourceAsStream(DEFAULT_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " is missing");
            }
            return read(in, "classpath:" + DEFAULT_RESOURCE);
        } catch (IOException e) {
            throw new IllegalStateException("classpath resource " + DEFAULT_RESOURCE + " cannot be read", e);
        }
    }

    public PopulationFile read(InputStream in, String source) throws IOException {
        PopulationFile file;
        try {
            file = mapper.readValue(in, PopulationFile.class);
        } catch (UnrecognizedPropertyException e) {
            throw new IllegalArgumentException(source + ": unknown key '" + e.getPropertyName() + "' at "
                    + where(e) + "; known keys there: " + e.getKnownPropertyIds().stream().map(String::valueOf)
                    .sorted().collect(Collectors.joining(", ")), e);
        } catch (JsonMappingException e) {
            throw new IllegalArgumentException(source + ": bad value at " + where(e) + ": " + e.getOriginalMessage(), e);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(source + ": not valid YAML: " + e.getOriginalMessage(), e);
        }
        if (file == null) {
            throw new IllegalArgumentException(source + ": the file is empty");
        }
        PopulationValidator.validate(file, source);
        return file;
    }

    private static String where(JsonMappingException e) {
        String path = e.getPath().stream()
                .map(r -> r.getFieldName() != null ? "." + r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining());
        path = path.startsWith(".") ? path.substring(1) : path;
        String line = e.getLocation() == null ? "" : " (line " + e.getLocation().getLineNr() + ")";
        return (path.isEmpty() ? "the top level" : "'" + path + "'") + line;
    }
}
