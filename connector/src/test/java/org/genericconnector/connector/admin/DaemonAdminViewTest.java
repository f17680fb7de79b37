package org.genericconnector.connector.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;

import org.genericconnector.connector.testing.ClientKind;
import org.genericconnector.connector.testing.DaemonFixture;
import org.genericconnector.connector.testing.GcClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The admin view of a real daemon (embedded broker, test ACD) after a client connected and logged an agent in. */
class DaemonAdminViewTest {
    private DaemonFixture fixture;
    private DaemonAdminView view;

    @BeforeEach
    void start() throws Exception {
        fixture = new DaemonFixture("test-acd", Map.of());
        view = new DaemonAdminView(fixture.daemon.sessions(), fixture.daemon.adapter(), fixture.daemon::linkStatus, "test-acd",
                fixture.daemon.brokerUrl(), true, fixture.clock);
    }

    @AfterEach
    void stop() {
        fixture.close();
    }

    @Test
    void showsSessionsDestinationsAndCounts() throws Exception {
        try (GcClient client = fixture.client(ClientKind.CORE, "gc.client.view")) {
            client.send("Hello#gc.client.view", "gc.client.view");
            client.awaitPrefix("System#");
            client.send("Connect#1001", "gc.client.view,secret");
            client.send("Login#1001", "secret,5001");
            client.awaitPrefix("1001#State#");
            fixture.advance(Duration.ofSeconds(65));

            AdminView.AdminStatus status = view.status();
            assertThat(status.sessions()).isEqualTo(1);
            assertThat(status.destinations()).isEqualTo(1);
            assertThat(status.link()).isEqualTo("IN_SERVICE");
            assertThat(status.uptimeSeconds()).isEqualTo(65);
            assertThat(status.brokerUrl()).isEqualTo(fixture.daemon.brokerUrl());
            assertThat(status.pid()).isEqualTo(ProcessHandle.current().pid());

            assertThat(view.agents()).singleElement().satisfies(a -> {
                assertThat(a.agent()).isEqualTo("1001");
                assertThat(a.destination()).isEqualTo("gc.client.view");
                assertThat(a.state()).isEqualTo("NOT_READY");
                assertThat(a.since()).isEqualTo("1970-01-01T00:00:00Z");
            });
            assertThat(view.destinations()).singleElement().satisfies(d -> {
                assertThat(d.destination()).isEqualTo("gc.client.view");
                assertThat(d.agents()).containsExactly("1001");
            });
        }
    }
}
