package org.genericconnector.simulator.ami;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * manager.conf {@code channelvars}: snapshots carry {@code ChanVariable: NAME=value}; the call's data and
 * variables set with {@code __} reach channels created later (capture f1_vars_status_spy).
 */
class AmiChannelVarsTest {
    @RegisterExtension
    final AmiFaceExtension ami = new AmiFaceExtension().channelVars("GC_CV1", "CTI_ACCOUNT");

    @Test
    void theCallsDataAndInheritedVariablesShowInEverySnapshot() throws Exception {
        AmiTestClient c = ami.loggedIn();
        c.call("QueueAdd", "Queue", "sales", "Interface", "PJSIP/5003", "Paused", "true");
        ami.control("inbound queue=sales from=5551234 vars=callVariable1=order-77");
        AmiTestClient.Packet join = c.awaitEvent("QueueCallerJoin");
        assertThat(join.headers()).filteredOn(h -> h[0].equals("ChanVariable")).extracting(h -> h[1])
                .containsExactly("GC_CV1=order-77", "CTI_ACCOUNT=");
        c.call("Setvar", "Channel", join.get("Channel"), "Variable", "__CTI_ACCOUNT", "Value", "42");
        c.call("QueuePause", "Interface", "PJSIP/5003", "Paused", "false");
        AmiTestClient.Packet called = c.awaitEvent("AgentCalled");
        assertThat(called.headers()).filteredOn(h -> h[0].equals("ChanVariable")).extracting(h -> h[1])
                .containsExactly("GC_CV1=order-77", "CTI_ACCOUNT=42");
        assertThat(called.headers()).filteredOn(h -> h[0].equals("DestChanVariable")).extracting(h -> h[1])
                .containsExactly("GC_CV1=order-77", "CTI_ACCOUNT=42"); // the agent leg was created after the Setvar
        assertThat(c.call("Getvar", "Channel", called.get("DestChannel"), "Variable", "CTI_ACCOUNT").get("Value")).isEqualTo("42");
    }
}
