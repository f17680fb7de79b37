package org.genericconnector.asterisk.adapter;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The adapter's commands against the simulator's AMI face over TCP: happy paths and errors. */
class AsteriskAdapterFaceTest {
    @RegisterExtension
    final FaceFixture ami = new FaceFixture();

    @Test
    void startsInServiceAfterLoginAndResync() {
        assertThat(ami.context.links()).containsExactly(LinkStatus.IN_SERVICE);
        assertThat(ami.adapter.linkStatus()).isEqualTo(LinkStatus.IN_SERVICE);
    }

    @Test
    void loginReadyNotReadyLogout() throws Exception {
        List<Event> login = ami.run(new Command.Login("1003", "pw-1003", "5003"));
        assertThat(login).map(ModelHarness::brief).containsExactly("AgentInfo", "State NOT_READY -1", "DialogStatus");
        assertThat(ami.run(new Command.MakeReady("1003", "1003"))).map(ModelHarness::brief).containsExactly("State READY");
        assertThat(ami.run(new Command.MakeNotReadyWithReason("1003", "2"))).map(ModelHarness::brief).containsExactly("State NOT_READY 2");
        assertThat(ami.run(new Command.Logout("1003", "1003"))).map(ModelHarness::brief).containsExactly("State LOGOUT");
    }
}
