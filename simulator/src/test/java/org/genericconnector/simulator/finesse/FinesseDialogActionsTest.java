package org.genericconnector.simulator.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Dialog requests over the real wire (finesse.md §4): hold and retrieve, consult then transfer, single-step
 * transfer, call data, make call, silent monitor, barge and participant drop, preview accept and reject, mobile
 * agent sign-in, team and queue notifications on explicit subscription. Each test uses its own agents.
 */
class FinesseDialogActionsTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(
            FinesseFaceSettings.defaults().withSimulatedTime(true).withSecondary(false).withHttps(false));

    @Test
    void holdRetrieveThenConsultAndTransferToAnotherAgent() throws Exception {
        try (FinesseTestClient a = client("1006"); FinesseTestClient b = client("1008")) {
            signIn(a, "1006", "5006");
            signIn(b, "1008", "5008");
            String main = inbound("1006");
            a.await("offer", u -> u.event().equals("POST"));
            put(a, main, action("ANSWER", "5006"));
            a.awaitUserState("TALKING");

            put(a, main, action("HOLD", "5006"));
            TestUpdate held = a.await("held", u -> main.equals(u.dialogId()) && "HELD[RETRIEVE, DROP, UPDATE_CALL_DATA]".equals(u.participant("5006")));
            assertThat(held.dialogState()).isEqualTo("ACTIVE");
            a.awaitUserState("HOLD");
            put(a, main, action("RETRIEVE", "5006"));
            a.await("retrieved", u -> main.equals(u.dialogId()) && u.participant("5006").startsWith("ACTIVE["));
            a.awaitUserState("TALKING");

            put(a, main, "<Dialog><requestedAction>CONSULT_CALL</requestedAction><toAddress>5008</toAddress>"
                    + "<targetMediaAddress>5006</targetMediaAddress></Dialog>");
            TestUpdate consultAtA = a.await("consult dialog", u -> u.event().equals("POST") && !main.equals(u.dialogId()));
            assertThat(consultAtA.text("callType")).isEqualTo("CONSULT");
            assertThat(consultAtA.text("associatedDialogUri")).isEqualTo("/finesse/api/Dialog/" + main);
            String consult = consultAtA.dialogId();
            b.await("consult rings at B", u -> u.event().equals("POST") && consult.equals(u.dialogId()) && "ALERTING".equals(u.dialogState()));
            put(b, consult, action("ANSWER", "5008"));
            a.await("consult connected", u -> consult.equals(u.dialogId()) && "ACTIVE".equals(u.dialogState()));
            assertThat(a.get("/Dialog/" + main).body())
                    .contains("<action>RETRIEVE</action><action>DROP</action><action>UPDATE_CALL_DATA</action><action>TRANSFER</action><action>CONFERENCE</action>");

            put(a, main, action("TRANSFER", "5006"));
            a.await("main gone at A", u -> u.event().equals("DELETE") && main.equals(u.dialogId()));
            TestUpdate atB = b.await("main arrives at B", u -> u.event().equals("POST") && main.equals(u.dialogId()));
            assertThat(atB.participant("5008")).startsWith("ACTIVE[");
            b.await("consult gone at B", u -> u.event().equals("DELETE") && consult.equals(u.dialogId()));

            put(b, main, action("DROP", "5008"));
            b.await("main gone at B", u -> u.event().equals("DELETE") && main.equals(u.dialogId()));
        }
    }

    @Test
    void singleStepTransferAndCallDataUpdate() throws Exception {
        try (FinesseTestClient a = client("1011"); FinesseTestClient b = client("1007")) {
            signIn(a, "1011", "5011");
            signIn(b, "1007", "5007");
            String main = inbound("1011");
            put(a, main, action("ANSWER", "5011"));
            a.awaitUserState("TALKING");

            put(a, main, "<Dialog><requestedAction>UPDATE_CALL_DATA</requestedAction><mediaProperties><callvariables>"
                    + "<CallVariable><name>callVariable3</name><value>x-3</value></CallVariable></callvariables></mediaProperties></Dialog>");
            a.await("call data", u -> main.equals(u.dialogId()) && u.xml().contains("<name>callVariable3</name><value>x-3</value>"));

            put(a, main, "<Dialog><requestedAction>TRANSFER_SST</requestedAction><toAddress>5007</toAddress>"
                    + "<targetMediaAddress>5011</targetMediaAddress></Dialog>");
            a.await("main gone at A", u -> u.event().equals("DELETE") && main.equals(u.dialogId()));
            TestUpdate atB = b.await("main at B", u -> main.equals(u.dialogId()));
            assertThat(atB.xml()).contains("<name>callVariable3</name><value>x-3</value>");
        }
    }

    @Test
    void anAgentMakesACallAndHangsUp() throws Exception {
        try (FinesseTestClient a = client("1009")) {
            signIn(a, "1009", "5009");
            assertThat(a.post("/User/1009/Dialogs", "<Dialog><requestedAction>MAKE_CALL</requestedAction>"
                    + "<fromAddress>5009</fromAddress><toAddress>+4930999</toAddress></Dialog>", "mk").statusCode()).isEqualTo(202);
            TestUpdate made = a.await("dialog POST", u -> u.event().equals("POST"));
            assertThat(made.requestId()).isEqualTo("mk");
            assertThat(made.text("toAddress")).isEqualTo("+4930999");
            String id = made.dialogId();
            a.await("connected", u -> id.equals(u.dialogId()) && "ACTIVE".equals(u.dialogState()));
            put(a, id, action("DROP", "5009"));
            a.await("gone", u -> u.event().equals("DELETE") && id.equals(u.dialogId()));
            assertThat(a.post("/User/1009/Dialogs", "<Dialog><requestedAction>MAKE_CALL</requestedAction>"
                    + "<fromAddress>5009</fromAddress><toAddress>5009</toAddress></Dialog>", null).body())
                    .contains("<ErrorType>Invalid Destination</ErrorType>");
        }
    }

    @Test
    void aSupervisorMonitorsBargesInAndDropsTheAgent() throws Exception {
        try (FinesseTestClient sup = client("2001"); FinesseTestClient agent = client("2008")) {
            signIn(sup, "2001", "6001");
            signIn(agent, "2008", "6008");
            String main = inbound("2008");
            put(agent, main, action("ANSWER", "6008"));
            agent.awaitUserState("TALKING");

            assertThat(sup.post("/User/2001/Dialogs", "<Dialog><requestedAction>SILENT_MONITOR</requestedAction>"
                    + "<fromAddress>6001</fromAddress><toAddress>6008</toAddress></Dialog>", null).statusCode()).isEqualTo(202);
            TestUpdate monitor = sup.await("monitor dialog", u -> u.event().equals("POST"));
            assertThat(monitor.text("callType")).isEqualTo("SUPERVISOR_MONITOR");
            assertThat(monitor.text("associatedDialogUri")).isEqualTo("/finesse/api/Dialog/" + main);

            assertThat(sup.post("/User/2001/Dialogs", "<Dialog><requestedAction>BARGE_CALL</requestedAction><fromAddress>6001</fromAddress>"
                    + "<toAddress>6008</toAddress><associatedDialogUri>/finesse/api/Dialog/" + monitor.dialogId()
                    + "</associatedDialogUri></Dialog>", null).statusCode()).isEqualTo(202);
            sup.await("joined the main dialog", u -> main.equals(u.dialogId()) && u.participant("6001") != null
                    && u.participant("6001").startsWith("ACTIVE"));

            put(sup, main, action("PARTICIPANT_DROP", "6008"));
            agent.await("agent dropped", u -> u.event().equals("DELETE") && main.equals(u.dialogId()));
        }
    }

    @Test
    void previewReservationsAreAcceptedOrRejected() throws Exception {
        try (FinesseTestClient a = client("1010")) {
            signIn(a, "1010", "5010");
            a.put("/User/1010", "<User><state>READY</state></User>", null);
            a.awaitUserState("READY");
            String reservation = FINESSE.control("preview agent=1010 campaign=Renewals number=+4930111").substring("OK dialog=".length());
            TestUpdate offered = a.await("preview", u -> u.event().equals("POST") && reservation.equals(u.dialogId()));
            assertThat(offered.text("callType")).isEqualTo("OUTBOUND_PREVIEW");
            assertThat(offered.xml()).contains("<action>ACCEPT</action><action>REJECT</action><action>CLOSE</action>");
            put(a, reservation, action("REJECT", "5010"));
            a.await("reservation gone", u -> u.event().equals("DELETE") && reservation.equals(u.dialogId()));

            a.awaitUserState("READY");
            String second = FINESSE.control("preview agent=1010 campaign=Renewals number=+4930112").substring("OK dialog=".length());
            a.await("second preview", u -> u.event().equals("POST") && second.equals(u.dialogId()));
            put(a, second, action("ACCEPT", "5010"));
            TestUpdate customer = a.await("customer call", u -> u.event().equals("POST") && !second.equals(u.dialogId()));
            assertThat(customer.text("toAddress")).isEqualTo("+4930112");
            String call = customer.dialogId();

            put(a, call, "<Dialog><requestedAction>UPDATE_SCHEDULED_CALLBACK</requestedAction><targetMediaAddress>5010</targetMediaAddress>"
                    + "<actionParams><ActionParam><name>callbackTime</name><value>2026-03-07T14:30</value></ActionParam>"
                    + "<ActionParam><name>callbackNumber</name><value>9785551212</value></ActionParam></actionParams></Dialog>");
            TestUpdate scheduled = a.await("callback", u -> call.equals(u.dialogId()) && "9785551212".equals(u.text("callbackNumber")));
            assertThat(scheduled.text("callbackTime")).isEqualTo("2026-03-07T14:30");
            put(a, call, "<Dialog><requestedAction>RECLASSIFY</requestedAction><targetMediaAddress>5010</targetMediaAddress>"
                    + "<actionParams><ActionParam><name>outboundClassification</name><value>ANS_MACHINE</value></ActionParam></actionParams></Dialog>");
            put(a, call, action("CANCEL_SCHEDULED_CALLBACK", "5010"));
            a.await("callback canceled", u -> call.equals(u.dialogId()) && u.text("callbackNumber") == null);
            put(a, call, "<Dialog><requestedAction>RECLASSIFY</requestedAction><targetMediaAddress>5010</targetMediaAddress>"
                    + "<actionParams><ActionParam><name>outboundClassification</name><value>LOUD</value></ActionParam></actionParams></Dialog>");
            TestUpdate error = a.await("bad classification", u -> u.dataName().equals("apiErrors"));
            assertThat(error.source()).isEqualTo("/finesse/api/Dialog/" + call);
        }
    }

    @Test
    void aMobileAgentSignsInWithItsDialNumber() throws Exception {
        try (FinesseTestClient a = client("2009")) {
            a.connectXmpp();
            assertThat(a.put("/User/2009", "<User><state>LOGIN</state><extension>6009</extension><mobileAgent><mode>TELEPATHY</mode>"
                    + "<dialNumber>4085551234</dialNumber></mobileAgent></User>", null).statusCode()).isEqualTo(400);
            assertThat(a.put("/User/2009", "<User><state>LOGIN</state><extension>6009</extension><mobileAgent><mode>CALL_BY_CALL</mode>"
                    + "<dialNumber>4085551234</dialNumber></mobileAgent></User>", null).statusCode()).isEqualTo(202);
            a.awaitUserState("NOT_READY");
        }
    }

    @Test
    void aSupervisorSubscribedToTeamUsersAndAQueueHearsTheirChanges() throws Exception {
        try (FinesseTestClient sup = client("1001"); FinesseTestClient agent = client("1005")) {
            sup.connectXmpp();
            sup.subscribe("/finesse/api/Team/10/Users");
            sup.subscribe("/finesse/api/Queue/1");
            signIn(agent, "1005", "5005");
            TestUpdate member = sup.await("team member", u -> u.node().equals("/finesse/api/Team/10/Users")
                    && u.source().equals("/finesse/api/User/1005"));
            assertThat(member.text("state")).isEqualTo("NOT_READY");
            String before = sup.get("/Queue/1").body();
            int ready = Integer.parseInt(before.substring(before.indexOf("<agentsReady>") + 13, before.indexOf("</agentsReady>")));
            agent.put("/User/1005", "<User><state>READY</state></User>", null);
            TestUpdate queue = sup.await("queue statistics", u -> u.node().equals("/finesse/api/Queue/1")
                    && String.valueOf(ready + 1).equals(u.text("agentsReady")));
            assertThat(queue.text("name")).isEqualTo("Sales");
            agent.put("/User/1005", "<User><state>NOT_READY</state><reasonCodeId>2</reasonCodeId></User>", null);
            TestUpdate lunch = agent.awaitUserState("NOT_READY");
            assertThat(lunch.text("reasonCodeId")).isEqualTo("2");
            assertThat(lunch.text("label")).isEqualTo("Lunch");
        }
    }

    private static FinesseTestClient client(String id) {
        return new FinesseTestClient(FINESSE.face().primary(), id, "sample-" + id);
    }

    private static void signIn(FinesseTestClient agent, String id, String extension) throws Exception {
        agent.connectXmpp();
        assertThat(agent.put("/User/" + id, "<User><state>LOGIN</state><extension>" + extension + "</extension></User>", null)
                .statusCode()).isEqualTo(202);
        agent.awaitUserState("NOT_READY");
    }

    private static String inbound(String agentId) {
        String reply = FINESSE.control("inbound to-agent=" + agentId + " from=+4930777");
        assertThat(reply).startsWith("OK dialog=");
        return reply.substring("OK dialog=".length());
    }

    private static String action(String action, String target) {
        return "<Dialog><requestedAction>" + action + "</requestedAction><targetMediaAddress>" + target + "</targetMediaAddress></Dialog>";
    }

    private static void put(FinesseTestClient client, String dialogId, String body) throws Exception {
        assertThat(client.put("/Dialog/" + dialogId, body, null).statusCode()).isEqualTo(202);
    }
}
