package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.RecordingContext;
import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.finesse.testing.Waiting;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A node comes back but one agent's re-login fails (a 503 on its User): the others are in service at once,
 * and that agent is re-logged in on its own with back-off instead of being left without a fresh session.
 */
class FinesseResyncRetryTest {
    private final MockWebServer web = new MockWebServer();
    private final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private final AtomicBoolean inService = new AtomicBoolean(true);
    private final AtomicInteger failUser1021 = new AtomicInteger();
    private ProsodyServer prosody;
    private AcdAdapter adapter;

    @AfterEach
    void stop() throws Exception {
        if (adapter != null) {
            adapter.close();
        }
        web.shutdown();
        if (prosody != null) {
            prosody.close();
        }
    }

    private MockResponse answer(RecordedRequest r) {
        String path = r.getPath();
        if (path.equals("/finesse/api/SystemInfo")) {
            return new MockResponse().setHeader("Content-Type", "application/xml").setBody("<SystemInfo><status>"
                    + (inService.get() ? "IN_SERVICE" : "OUT_OF_SERVICE") + "</status><deploymentType>UCCE</deploymentType>"
                    + "<xmppDomain>finesse.test</xmppDomain><xmppPubSubDomain>pubsub.finesse.test</xmppPubSubDomain>"
                    + "<primaryNode><host>finesse.test</host><xmppPort>" + prosody.port() + "</xmppPort></primaryNode></SystemInfo>");
        }
        if (!inService.get()) {
            return new MockResponse().setResponseCode(503);
        }
        if (path.equals("/finesse/api/User/1021") && failUser1021.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            return new MockResponse().setResponseCode(503);
        }
        if (path.endsWith("/Dialogs")) {
            return new MockResponse().setHeader("Content-Type", "application/xml").setBody("<Dialogs/>");
        }
        if (path.startsWith("/finesse/api/User/")) {
            String id = path.substring("/finesse/api/User/".length());
            return new MockResponse().setHeader("Content-Type", "application/xml").setBody("<User><loginId>" + id
                    + "</loginId><firstName>F</firstName><lastName>L</lastName><extension>5" + id.substring(1)
                    + "</extension><state>NOT_READY</state><teamName>Sales</teamName><roles><role>Agent</role></roles></User>");
        }
        return new MockResponse().setResponseCode(404);
    }

    private long user1021Answered() {
        return requests.stream().filter(r -> r.getPath().equals("/finesse/api/User/1021")).count();
    }

    @Test
    void anAgentWhoseReloginFailedIsRetriedOnceTheNodeIsBack() throws Exception {
        prosody = ProsodyServer.start("finesse", "fin-pass", "1020", "pw-1020", "1021", "pw-1021");
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
        web.start();
        RecordingContext context = new RecordingContext();
        adapter = new FinesseAdapterFactory().create(new AdapterConfig(Map.of("nodes.primary.url", web.url("/").toString(),
                "notification.timeout", "3s", "systeminfo.poll-interval", "200ms", "failover.retry-min", "100ms",
                "failover.retry-max", "400ms"), Path.of(".")));
        adapter.start(context);
        context.awaitLink(LinkStatus.IN_SERVICE);
        for (String id : List.of("1020", "1021")) {
            RecordingRequest connect = new RecordingRequest(new Command.Connect(id, "gc.desk", "pw-" + id, false));
            adapter.execute(connect);
            assertThat(connect.replies).isEmpty();
        }

        inService.set(false);
        context.awaitLink(LinkStatus.OUT_OF_SERVICE);
        failUser1021.set(2); // the resync's GET and the first retry fail; the second retry succeeds
        long before = user1021Answered();
        inService.set(true);
        Waiting.until(Duration.ofSeconds(20), "the link back in service", () -> context.links.getLast() == LinkStatus.IN_SERVICE);
        Waiting.until(Duration.ofSeconds(20), "agent 1021 re-logged in after the failed attempts",
                () -> failUser1021.get() == 0 && user1021Answered() >= before + 3);
        assertThat(adapter.linkStatus()).isEqualTo(LinkStatus.IN_SERVICE);
        assertThat(context.links.getLast()).isEqualTo(LinkStatus.IN_SERVICE);
    }
}
