package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

import okhttp3.mockwebserver.Dispatcher;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.mockwebserver.RecordedRequest;

import org.genericconnector.finesse.testing.FinesseNotifier;
import org.genericconnector.finesse.testing.ProsodyServer;
import org.genericconnector.finesse.testing.RecordingContext;
import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.MobileAgentMode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.Values;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * What the simulator's face cannot show: the administrator list (GET /Users), an SSO agent end to end
 * (Bearer token on REST, the token as XMPP password) and the mobile agent login body. REST is a scripted
 * MockWebServer, notifications go through a real prosody from the "finesse" user, as Finesse sends them.
 */
class FinesseAdapterMockServerTest {
    private static ProsodyServer prosody;
    private static FinesseNotifier finesse;
    private static final MockWebServer web = new MockWebServer();
    private static final List<RecordedRequest> requests = new CopyOnWriteArrayList<>();
    private static final RecordingContext context = new RecordingContext();
    private static AcdAdapter adapter;

    @BeforeAll
    static void start() throws Exception {
        prosody = ProsodyServer.start("finesse", "fin-pass", "1009", "admin-pw", "1010", "sso-token-1", "1011", "mobile-pw");
        finesse = FinesseNotifier.connect(prosody, "fin-pass", "gc-connector");
        web.setDispatcher(new Dispatcher() {
            @Override
            public MockResponse dispatch(RecordedRequest request) {
                requests.add(request);
                return answer(request);
            }
        });
        web.start();
        adapter = new FinesseAdapterFactory().create(new AdapterConfig(Map.of("nodes.primary.url", web.url("/").toString(),
                "notification.timeout", "3s"), Path.of(".")));
        adapter.start(context);
        context.awaitLink(LinkStatus.IN_SERVICE);
    }

    @AfterAll
    static void stop() throws Exception {
        adapter.close();
        finesse.close();
        prosody.close();
        web.shutdown();
    }

    private static MockResponse xml(String body) {
        return new MockResponse().setHeader("Content-Type", "application/xml").setBody(body);
    }

    private static String user(String id, String state, String extension, String roles) {
        return "<User><loginId>" + id + "</loginId><firstName>F" + id + "</firstName><lastName>L" + id + "</lastName><extension>"
                + extension + "</extension><state>" + state + "</state><teamName>Sales</teamName><roles>" + roles + "</roles></User>";
    }

    private static MockResponse answer(RecordedRequest r) {
        String path = r.getPath();
        if (path.equals("/finesse/api/SystemInfo")) {
            return xml("<SystemInfo><status>IN_SERVICE</status><deploymentType>UCCE</deploymentType><xmppDomain>finesse.test"
                    + "</xmppDomain><xmppPubSubDomain>pubsub.finesse.test</xmppPubSubDomain><primaryNode><host>finesse.test</host>"
                    + "<xmppPort>" + prosody.port() + "</xmppPort></primaryNode></SystemInfo>");
        }
        if (path.equals("/finesse/api/Users")) {
            return xml("<Users>" + user("1001", "READY", "5001", "<role>Agent</role>")
                    + user("1002", "LOGOUT", "", "<role>Agent</role>")
                    + user("1003", "TALKING", "5003", "<role>Agent</role><role>Supervisor</role>") + "</Users>");
        }
        if (path.startsWith("/finesse/api/User/1010")) {
            if (!"Bearer sso-token-1".equals(r.getHeader("Authorization"))) {
                return new MockResponse().setResponseCode(401);
            }
            return xml(user("1010", "LOGOUT", "", "<role>Agent</role>"));
        }
        if (path.equals("/finesse/api/User/1011") && r.getMethod().equals("PUT")) {
            String requestId = r.getHeader("requestId");
            new Thread(() -> finesse.notify("1011", "/finesse/api/User/1011", FinesseNotifier.update("PUT", requestId,
                    "/finesse/api/User/1011", user("1011", "NOT_READY", "5011", "<role>Agent</role>")))).start();
            return new MockResponse().setResponseCode(202);
        }
        if (path.equals("/finesse/api/User/1011/Dialogs")) {
            return xml("<Dialogs/>");
        }
        if (path.startsWith("/finesse/api/User/")) {
            String id = path.substring("/finesse/api/User/".length());
            return xml(user(id, "LOGOUT", "", "<role>Agent</role><role>Administrator</role>"));
        }
        return new MockResponse().setResponseCode(404);
    }

    private static RecordingRequest run(Command command) throws Exception {
        RecordingRequest request = new RecordingRequest(command);
        adapter.execute(request);
        return request;
    }

    @Test
    void agentsListShowsTheSignedInUsersAndSupervisorsTheSupervisorRole() throws Exception {
        run(new Command.Connect("1009", "gc.admin", "admin-pw", false));
        Event.AgentsList list = run(new Command.GetAgentsList("1009")).replies(Event.AgentsList.class).get(0);
        assertThat(list.agents()).extracting(Values.AgentSummary::loginId).containsExactly("1001", "1003");
        assertThat(list.agents().get(0).state()).isEqualTo("READY");
        assertThat(list.agents().get(0).team()).isEqualTo("Sales");
        Event.Supervisors supervisors = run(new Command.GetSupervisors("1009")).replies(Event.Supervisors.class).get(0);
        assertThat(supervisors.supervisors()).extracting(Values.Supervisor::loginId).containsExactly("1003");
    }

    @Test
    void ssoAgentConnectsWithItsTokenOnRestAndXmpp() throws Exception {
        assertThat(run(new Command.Connect("1010", "gc.desk", "sso-token-1", true)).replies).isEmpty();
        assertThat(requests).filteredOn(r -> r.getPath().equals("/finesse/api/User/1010"))
                .allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer sso-token-1"));
    }

    @Test
    void mobileAgentLoginSendsModeAndDialNumber() throws Exception {
        run(new Command.Connect("1011", "gc.desk", "mobile-pw", false));
        RecordingRequest login = run(new Command.MobileAgentLogin("1011", "mobile-pw", "5011", "+4930123",
                MobileAgentMode.NAILED_CONNECTION));
        RecordedRequest put = requests.stream().filter(r -> r.getMethod().equals("PUT")).findFirst().orElseThrow();
        assertThat(put.getBody().readUtf8()).isEqualTo("<User><state>LOGIN</state><extension>5011</extension><mobileAgent>"
                + "<mode>NAILED_CONNECTION</mode><dialNumber>+4930123</dialNumber></mobileAgent></User>");
        assertThat(put.getHeader("requestId")).isNotBlank();
        assertThat(login.replies).extracting(Event::type).containsExactly("AgentInfo", "State", "DialogStatus");
        assertThat(login.replies(Event.State.class).get(0).state()).isEqualTo(AgentState.NOT_READY);
    }
}
