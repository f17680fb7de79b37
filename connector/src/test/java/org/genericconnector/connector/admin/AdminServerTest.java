package org.genericconnector.connector.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AdminServerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dir;
    private AdminServer server;
    private AdminTokenFile token;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A fixed view: the endpoint's job is serving and guarding it, not computing it. */
    static final class FixedView implements AdminView {
        @Override
        public AdminStatus status() {
            return new AdminStatus("1.2.3", "2026-11-21T11:00:00Z", 42, 4711, "sandbox", "IN_SERVICE",
                    "tcp://127.0.0.1:61616", true, 1, 2);
        }

        @Override
        public List<AgentRow> agents() {
            return List.of(new AgentRow("1001", "desk1", "READY", "2026-11-21T11:01:00Z"),
                    new AgentRow("1002", "desk1", "NOT_READY", ""));
        }

        @Override
        public List<DestinationRow> destinations() {
            return List.of(new DestinationRow("desk1", "2026-11-21T11:02:00Z", List.of("1001", "1002")));
        }
    }

    @BeforeEach
    void start() throws Exception {
        Path file = dir.resolve("run/admin.token");
        server = AdminServer.start(0, file, new FixedView());
        token = AdminTokenFile.read(file);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private HttpResponse<String> call(String method, String path, String bearer) throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(token.url() + path)).method(method, HttpRequest.BodyPublishers.noBody());
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void tokenFileIsReadableByTheOwnerOnlyAndNamesTheLoopbackUrl() throws Exception {
        Path file = dir.resolve("run/admin.token");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(token.url()).isEqualTo("http://127.0.0.1:" + server.port());
        assertThat(token.token()).hasSizeGreaterThanOrEqualTo(40);
        assertThat(token.pid()).isEqualTo(ProcessHandle.current().pid());
        assertThat(token.toString()).doesNotContain(token.token());
    }

    @Test
    void requestsWithoutTheTokenAreRefused() throws Exception {
        assertThat(call("GET", "/status", null).statusCode()).isEqualTo(401);
        assertThat(call("GET", "/status", "wrong").statusCode()).isEqualTo(401);
        assertThat(call("PUT", "/log-level?logger=x&level=DEBUG", "wrong").statusCode()).isEqualTo(401);
    }

    @Test
    void statusAgentsAndDestinationsAreJson() throws Exception {
        HttpResponse<String> status = call("GET", "/status", token.token());
        assertThat(status.statusCode()).isEqualTo(200);
        JsonNode s = JSON.readTree(status.body());
        assertThat(s.get("version").asText()).isEqualTo("1.2.3");
        assertThat(s.get("link").asText()).isEqualTo("IN_SERVICE");
        assertThat(s.get("sessions").asInt()).isEqualTo(2);
        JsonNode agents = JSON.readTree(call("GET", "/agents", token.token()).body());
        assertThat(agents).hasSize(2);
        assertThat(agents.get(0).get("state").asText()).isEqualTo("READY");
        JsonNode destinations = JSON.readTree(call("GET", "/destinations", token.token()).body());
        assertThat(destinations.get(0).get("agents")).hasSize(2);
    }

    @Test
    void everythingButTheLogLevelIsReadOnly() throws Exception {
        assertThat(call("POST", "/status", token.token()).statusCode()).isEqualTo(405);
        assertThat(call("DELETE", "/agents", token.token()).statusCode()).isEqualTo(405);
        assertThat(call("GET", "/nothing", token.token()).statusCode()).isEqualTo(404);
    }

    @Test
    void logLevelChangesAtRunTime() throws Exception {
        HttpResponse<String> put = call("PUT", "/log-level?logger=org.genericconnector.test&level=debug", token.token());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(JSON.readTree(put.body()).get("level").asText()).isEqualTo("DEBUG");
        assertThat(LogLevels.effective("org.genericconnector.test")).isEqualTo("DEBUG");
        assertThat(call("PUT", "/log-level?logger=org.genericconnector.test&level=LOUD", token.token()).statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(call("GET", "/log-level?logger=org.genericconnector.test", token.token()).body())
                .get("level").asText()).isEqualTo("DEBUG");
    }

    @Test
    void closingRemovesTheTokenFile() {
        server.close();
        assertThat(dir.resolve("run/admin.token")).doesNotExist();
        server = null;
    }
}
