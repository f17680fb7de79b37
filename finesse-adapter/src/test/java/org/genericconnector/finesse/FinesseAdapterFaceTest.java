package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;

import org.genericconnector.finesse.testing.RecordingRequest;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.CallState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.simulator.finesse.FinesseFaceExtension;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter against the simulator's Finesse face: REST and prosody notifications over the real wire. */
class FinesseAdapterFaceTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(FinesseFaceSettings.defaults().withSecondary(false));
    private static FaceFixture fx;

    @BeforeAll
    static void start() {
        fx = new FaceFixture(FINESSE.face(), Map.of());
    }

    @AfterAll
    static void stop() {
        fx.close();
    }

    private static void connectAndLogin(String agent, String password, String extension) throws AcdException {
        fx.run(new Command.Connect(agent, "gc.client", password, false));
        fx.run(new Command.Login(agent, password, extension));
    }

    @Test
    void loginAnswersAgentInfoStateAndDialogStatus() throws Exception {
        RecordingRequest connect = fx.run(new Command.Connect("1002", "gc.client", "sample-1002", false));
        assertThat(connect.replies).isEmpty();
        RecordingRequest login = fx.run(new Command.Login("1002", "sample-1002", "5002"));
        assertThat(login.replies).extracting(Event::type).containsExactly("AgentInfo", "State", "DialogStatus");
        Event.AgentInfo info = login.replies(Event.AgentInfo.class).get(0);
        assertThat(info.firstName()).isEqualTo("Ben");
        assertThat(info.supervisor()).isFalse();
        Event.State state = login.replies(Event.State.class).get(0);
        assertThat(state.state()).isEqualTo(AgentState.NOT_READY);
        assertThat(state.extension()).isEqualTo("5002");
        assertThat(login.replies(Event.DialogStatus.class).get(0).dialog()).isNull();

        RecordingRequest ready = fx.run(new Command.MakeReady("1002", "1002"));
        assertThat(ready.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
    }

    @Test
    void wrongPasswordAtConnectIsSubscriptionFailed() {
        assertThatThrownBy(() -> fx.run(new Command.Connect("1003", "gc.client", "wrong", false)))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.code()).isEqualTo(ErrorCode.SUBSCRIPTION_FAILED));
    }

    @Test
    void inboundCallIsOfferedAnsweredHeldRetrievedAndReleased() throws Exception {
        connectAndLogin("1006", "sample-1006", "5006");
        fx.run(new Command.MakeReady("1006", "1006"));
        String dialog = FaceFixture.dialogId(fx.control("inbound to-agent=1006 from=+4930555 vars=callVariable1=ACC-42"));
        Event.NewInboundCall offered = fx.context.await(Event.NewInboundCall.class, e -> e.dialogId().equals(dialog));
        assertThat(offered.fromAddress()).isEqualTo("+4930555");
        assertThat(offered.callVariables()).startsWith("ACC-42");

        RecordingRequest answer = fx.run(new Command.AnswerCall("1006", dialog));
        assertThat(answer.replies(Event.InboundCall.class)).extracting(Event.InboundCall::state).contains(CallState.ACTIVE);
        RecordingRequest hold = fx.run(new Command.HoldCall("1006", dialog));
        assertThat(hold.replies(Event.InboundCall.class)).extracting(Event.InboundCall::state).contains(CallState.HELD);
        RecordingRequest retrieve = fx.run(new Command.RetrieveCall("1006", dialog));
        assertThat(retrieve.replies(Event.InboundCall.class)).extracting(Event.InboundCall::state).contains(CallState.ACTIVE);
        RecordingRequest release = fx.run(new Command.ReleaseCall("1006", dialog));
        assertThat(release.replies(Event.InboundCall.class)).extracting(Event.InboundCall::state).contains(CallState.DROPPED);
    }
}
