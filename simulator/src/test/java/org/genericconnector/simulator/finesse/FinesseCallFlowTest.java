package org.genericconnector.simulator.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A Finesse client signs an agent in, takes an inbound call through to release, over the real wire: REST
 * (finesse.md §2, §4) and XMPP pub-sub notifications through prosody (§6).
 */
class FinesseCallFlowTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(
            FinesseFaceSettings.defaults().withSimulatedTime(true).withSecondary(false).withHttps(false));

    @Test
    void agentSignsInGoesReadyAndTakesAnInboundCallThroughToRelease() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1002", "sample-1002")) {
            agent.connectXmpp();

            HttpResponse<String> login = agent.put("/User/1002",
                    "<User><state>LOGIN</state><extension>5002</extension></User>", "req-login");
            assertThat(login.statusCode()).isEqualTo(202);
            assertThat(login.body()).isEmpty();
            assertThat(login.headers().firstValue("requestId")).hasValue("req-login");
            TestUpdate notReady = agent.awaitUserState("NOT_READY");
            assertThat(notReady.event()).isEqualTo("PUT");
            assertThat(notReady.requestId()).isEqualTo("req-login");
            assertThat(notReady.node()).isEqualTo("/finesse/api/User/1002");
            assertThat(notReady.text("extension")).isEqualTo("5002");

            assertThat(agent.put("/User/1002", "<User><state>READY</state></User>", null).statusCode()).isEqualTo(202);
            agent.awaitUserState("READY");

            String reply = FINESSE.control("inbound to-agent=1002 from=+4930555 vars=callVariable1=ACC-42");
            assertThat(reply).startsWith("OK dialog=");
            String dialogId = reply.substring("OK dialog=".length());
            TestUpdate offered = agent.await("Dialog POST", u -> u.event().equals("POST")
                    && u.source().equals("/finesse/api/User/1002/Dialogs"));
            assertThat(offered.node()).isEqualTo("/finesse/api/User/1002/Dialogs");
            assertThat(offered.dataName()).isEqualTo("dialogs");
            assertThat(offered.text("id")).isEqualTo(dialogId);
            assertThat(offered.text("fromAddress")).isEqualTo("+4930555");
            assertThat(offered.xml()).contains("<name>callVariable1</name><value>ACC-42</value>");
            assertThat(dialogState(offered)).isEqualTo("ALERTING");
            assertThat(offered.xml()).contains("<action>ANSWER</action>");

            String answer = "<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>5002</targetMediaAddress></Dialog>";
            assertThat(agent.put("/Dialog/" + dialogId, answer, "req-answer").statusCode()).isEqualTo(202);
            TestUpdate active = agent.await("Dialog ACTIVE", u -> u.source().equals("/finesse/api/Dialog/" + dialogId)
                    && "ACTIVE".equals(u.own("state")));
            assertThat(active.event()).isEqualTo("PUT");
            assertThat(active.requestId()).isEqualTo("req-answer");
            agent.awaitUserState("TALKING");

            HttpResponse<String> dialog = agent.get("/Dialog/" + dialogId);
            assertThat(dialog.statusCode()).isEqualTo(200);
            assertThat(dialog.body()).startsWith("<Dialog>").contains("<state>ACTIVE</state>");
            assertThat(agent.get("/User/1002/Dialogs").body()).contains("<id>" + dialogId + "</id>");

            String drop = "<Dialog><requestedAction>DROP</requestedAction><targetMediaAddress>5002</targetMediaAddress></Dialog>";
            assertThat(agent.put("/Dialog/" + dialogId, drop, "req-drop").statusCode()).isEqualTo(202);
            TestUpdate dropped = agent.await("Dialog DROPPED", u -> u.source().equals("/finesse/api/Dialog/" + dialogId)
                    && "DROPPED".equals(u.own("state")));
            assertThat(dropped.requestId()).isEqualTo("req-drop");
            TestUpdate removed = agent.await("Dialog DELETE", u -> u.event().equals("DELETE"));
            assertThat(removed.text("id")).isEqualTo(dialogId);
            agent.awaitUserState("READY");
            assertThat(agent.get("/User/1002/Dialogs").body()).isEqualTo("<Dialogs></Dialogs>");

            agent.put("/User/1002", "<User><state>NOT_READY</state></User>", null);
            agent.awaitUserState("NOT_READY");
            agent.put("/User/1002", "<User><state>LOGOUT</state></User>", null);
            agent.awaitUserState("LOGOUT");
        }
    }

    private static String dialogState(TestUpdate dialogs) {
        org.w3c.dom.Element dialog = (org.w3c.dom.Element) dialogs.data().getElementsByTagName("Dialog").item(0);
        org.w3c.dom.NodeList children = dialog.getChildNodes();
        String state = null;
        for (int i = 0; i < children.getLength(); i++) {
            if (children.item(i) instanceof org.w3c.dom.Element e && e.getTagName().equals("state")) {
                state = e.getTextContent();
            }
        }
        return state;
    }
}
