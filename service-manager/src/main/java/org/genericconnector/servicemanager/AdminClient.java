package org.genericconnector.servicemanager;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.genericconnector.connector.admin.AdminTokenFile;

/**
 * Calls the running connector's admin endpoint with the bearer token from its token file. Failures become
 * {@link ExitCodes#ADMIN_UNREACHABLE}. Thread-safe (immutable; HttpClient is).
 */
public final class AdminClient {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final AdminTokenFile target;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    AdminClient(AdminTokenFile target) {
        this.target = target;
    }

    public static AdminClient fromTokenFile(Path file) throws GcctlException {
        try {
            return new AdminClient(AdminTokenFile.read(file));
        } catch (NoSuchFileException e) {
            throw new GcctlException(ExitCodes.ADMIN_UNREACHABLE, "the connector is not running (no admin token file " + file + ")");
        } catch (AccessDeniedException e) {
            throw new GcctlException(ExitCodes.ADMIN_UNREACHABLE, "cannot read the admin token file " + file
                    + ": run gcctl as the connector's user (or root)");
        } catch (IOException | RuntimeException e) {
            throw new GcctlException(ExitCodes.ADMIN_UNREACHABLE, "cannot read the admin token file " + file + ": " + e.getMessage());
        }
    }

    public long pid() {
        return target.pid();
    }

    public JsonNode get(String path) throws GcctlException {
        return call("GET", path);
    }

    public JsonNode setLogLevel(String logger, String level) throws GcctlException {
        return call("PUT", "/log-level?logger=" + enc(logger) + "&level=" + enc(level));
    }

    public JsonNode logLevel(String logger) throws GcctlException {
        return call("GET", "/log-level?logger=" + enc(logger));
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    private JsonNode call(String method, String path) throws GcctlException {
        HttpRequest request = HttpRequest.newBuilder(URI.create(target.url() + path))
                .timeout(Duration.ofSeconds(10))
                .header("Authorization", "Bearer " + target.token())
                .method(method, HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<String> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new GcctlException(ExitCodes.ADMIN_UNREACHABLE, "the connector's admin endpoint " + target.url()
                    + " does not answer (" + BrokerSession.rootMessage(e) + "); is the connector running?");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new GcctlException(ExitCodes.FAILED, "interrupted");
        }
        try {
            JsonNode body = JSON.readTree(response.body());
            if (response.statusCode() == 401) {
                throw new GcctlException(ExitCodes.ADMIN_UNREACHABLE, "the admin endpoint refused the token: the token file is stale (connector restarted?)");
            }
            if (response.statusCode() != 200) {
                throw new GcctlException(ExitCodes.FAILED, "the admin endpoint said " + response.statusCode() + ": "
                        + (body.has("error") ? body.get("error").asText() : response.body()));
            }
            return body;
        } catch (IOException e) {
            throw new GcctlException(ExitCodes.FAILED, "the admin endpoint sent something that is not JSON: " + e.getMessage());
        }
    }
}
