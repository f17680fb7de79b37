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

    @Test
    void wrongPasswordIsRefusedWith401ApiErrors() throws Exception {
        try (FinesseTestClient intruder = new FinesseTestClient(FINESSE.face().primary(), "1003", "wrong")) {
            HttpResponse<String> response = intruder.get("/User/1003");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).startsWith("<ApiErrors><ApiError><ErrorType>Authorization Failure</ErrorType>")
                    .contains("<ErrorMessage>UNAUTHORIZED</ErrorMessage>");
        }
    }

    @Test
    void aUserCannotReadAnotherUsersObject() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1003", "sample-1003")) {
            HttpResponse<String> response = agent.get("/User/1004");
            assertThat(response.statusCode()).isEqualTo(401);
            assertThat(response.body()).contains("<ErrorType>Invalid Authorization User Specified</ErrorType>");
            assertThat(agent.get("/User/9999").statusCode()).isIn(401, 404);
        }
    }

    @Test
    void anInvalidStateChangeAnswers202ThenAnApiErrorsNotificationEchoingTheRequestId() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1003", "sample-1003")) {
            agent.connectXmpp();
            HttpResponse<String> ready = agent.put("/User/1003", "<User><state>READY</state></User>", "req-ready-while-out");
            assertThat(ready.statusCode()).isEqualTo(202);
            TestUpdate error = agent.await("apiErrors", u -> u.dataName().equals("apiErrors"));
            assertThat(error.node()).isEqualTo("/finesse/api/User/1003");
            assertThat(error.source()).isEqualTo("/finesse/api/User/1003");
            assertThat(error.requestId()).isEqualTo("req-ready-while-out");
            assertThat(error.text("errorType")).isEqualTo("Invalid State");
            assertThat(error.text("errorMessage")).isEqualTo("CF_INVALID_OBJECT_STATE");
            assertThat(error.text("errorData")).isEqualTo("22");
        }
    }

    @Test
    void signingInOnAnotherAgentsExtensionIsAnInvalidDeviceNotification() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1004", "sample-1004")) {
            agent.connectXmpp();
            assertThat(agent.put("/User/1004", "<User><state>LOGIN</state><extension>5009</extension></User>", "r1")
                    .statusCode()).isEqualTo(202);
            TestUpdate error = agent.await("apiErrors", u -> u.dataName().equals("apiErrors"));
            assertThat(error.text("errorType")).isEqualTo("Invalid Device");
            assertThat(error.text("errorMessage")).isEqualTo("CF_INVALID_LOGON_DEVICE_SPECIFIED");
        }
    }

    @Test
    void badRequestsAreSynchronous400s() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1005", "sample-1005")) {
            HttpResponse<String> noState = agent.put("/User/1005", "<User><extension>5005</extension></User>", null);
            assertThat(noState.statusCode()).isEqualTo(400);
            assertThat(noState.body()).contains("<ErrorType>Parameter Missing</ErrorType>");
            assertThat(agent.put("/User/1005", "<User><state>DANCING</state></User>", null).body())
                    .contains("<ErrorType>Invalid Input</ErrorType>");
            assertThat(agent.put("/User/1005", "not xml", null).statusCode()).isEqualTo(400);
            assertThat(agent.put("/User/1005", "<User><state>NOT_READY</state><reasonCodeId>999</reasonCodeId></User>", null)
                    .statusCode()).isEqualTo(400);
        }
    }

    @Test
    void theCatalogueIsReadable() throws Exception {
        try (FinesseTestClient supervisor = new FinesseTestClient(FINESSE.face().primary(), "1001", "sample-1001")) {
            String notReady = supervisor.get("/User/1001/ReasonCodes?category=NOT_READY").body();
            assertThat(notReady).startsWith("<ReasonCodes><ReasonCode><uri>/finesse/api/ReasonCode/1</uri><category>NOT_READY</category>"
                    + "<code>1</code><label>Break</label>");
            assertThat(supervisor.get("/User/1001/ReasonCodes?category=LOGOUT").body()).contains("<label>End of shift</label>");
            assertThat(supervisor.get("/TeamResource/10/ReasonCodes?category=NOT_READY").body()).isEqualTo(notReady);
            assertThat(supervisor.get("/User/1001/WrapUpReasons").body()).contains("<WrapUpReason><uri>/finesse/api/WrapUpReason/1</uri><label>Sale</label>");
            assertThat(supervisor.get("/Team/10").body()).startsWith("<Team><uri>/finesse/api/Team/10</uri><id>10</id><name>Sales</name><users><User>");
            assertThat(supervisor.get("/User/1001/Queues").body()).contains("<name>Sales</name>").contains("<name>VIP</name>")
                    .doesNotContain("<name>Support</name>");
            assertThat(supervisor.get("/Queue/1").body()).startsWith("<Queue><uri>/finesse/api/Queue/1</uri><name>Sales</name><statistics>");
            assertThat(supervisor.get("/User/1001/PhoneBooks").body()).contains("<name>Company</name>").contains("<name>Sales partners</name>");
            assertThat(supervisor.get("/PhoneBook/pb-sales/Contacts").body()).contains("<phoneNumber>+4940123456</phoneNumber>");
            String user = supervisor.get("/User/1001").body();
            assertThat(user).contains("<loginName>aschmidt</loginName>").contains("<role>Supervisor</role>")
                    .contains("<teams><Team><id>10</id><name>Sales</name>");
            assertThat(supervisor.get("/User/1002").statusCode()).isEqualTo(200); // a supervised agent
            String info = supervisor.get("/SystemInfo").body();
            assertThat(info).contains("<status>IN_SERVICE</status>").contains("<xmppDomain>" + FINESSE.face().primary().xmppDomain());
        }
    }

    @Test
    void theXmppServerOffersStartTlsWithTheNodesCertificate() throws Exception {
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "1010", "sample-1010")) {
            agent.connectXmpp(true);
            assertThat(agent.xmppEncrypted()).isTrue();
            agent.put("/User/1010", "<User><state>LOGIN</state><extension>5010</extension></User>", "tls");
            assertThat(agent.awaitUserState("NOT_READY").requestId()).isEqualTo("tls");
            agent.put("/User/1010", "<User><state>LOGOUT</state></User>", null);
            agent.awaitUserState("LOGOUT");
        }
    }

    @Test
    void aQueueCallReservesTheAgentAndWrapUpFollowsWhenRequired() throws Exception {
        // 2010 (Support, wrap-up REQUIRED) is the only ready agent of the Support queue in this class
        try (FinesseTestClient agent = new FinesseTestClient(FINESSE.face().primary(), "2010", "sample-2010")) {
            agent.connectXmpp();
            agent.put("/User/2010", "<User><state>LOGIN</state><extension>6010</extension></User>", null);
            agent.awaitUserState("NOT_READY");
            agent.put("/User/2010", "<User><state>READY</state></User>", null);
            agent.awaitUserState("READY");

            String dialogId = FINESSE.control("inbound queue=Support from=+4930222").substring("OK dialog=".length());
            TestUpdate offered = agent.await("queue call", u -> u.event().equals("POST") && dialogId.equals(u.dialogId()));
            assertThat(offered.text("callType")).isEqualTo("ACD_IN");
            assertThat(offered.text("queueName")).isEqualTo("Support");
            assertThat(offered.text("queueNumber")).isEqualTo("2");
            agent.awaitUserState("RESERVED");
            agent.put("/Dialog/" + dialogId, "<Dialog><requestedAction>ANSWER</requestedAction><targetMediaAddress>6010</targetMediaAddress></Dialog>", null);
            agent.awaitUserState("TALKING");
            assertThat(FINESSE.control("caller-hangup dialog=" + dialogId)).isEqualTo("OK");
            agent.await("call gone", u -> u.event().equals("DELETE") && dialogId.equals(u.dialogId()));
            TestUpdate wrapUp = agent.awaitUserState("WORK_READY");
            assertThat(wrapUp.text("wrapUpTimer")).isEqualTo("90");

            agent.put("/Dialog/" + dialogId, "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties>"
                    + "<wrapUpReason>Sale</wrapUpReason></mediaProperties></Dialog>", "wrap");
            agent.put("/User/2010", "<User><state>READY</state></User>", "ready-after-wrap-up");
            assertThat(agent.awaitUserState("READY").requestId()).isEqualTo("ready-after-wrap-up");
            agent.put("/User/2010", "<User><state>NOT_READY</state></User>", null);
            agent.awaitUserState("NOT_READY");
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
