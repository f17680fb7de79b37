package org.genericconnector.finesse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;

import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.simulator.finesse.FinesseFaceExtension;
import org.genericconnector.simulator.finesse.FinesseFaceSettings;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.extension.RegisterExtension;

/** A single Finesse node whose notification service or web application goes away (finesse.md §7). */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FinesseNotificationServiceFaceTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(FinesseFaceSettings.defaults().withSecondary(false));

    @Test
    @Order(1)
    void connectWhileTheNotificationServiceIsDownIsUnableToSubscribe() throws Exception {
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of("xmpp.connect-timeout", "2s"))) {
            fx.control("finesse xmpp-stop node=primary");
            try {
                assertThatThrownBy(() -> fx.run(new Command.Connect("1002", "gc.client", "sample-1002", false)))
                        .isInstanceOfSatisfying(AcdException.class, e -> {
                            assertThat(e.code()).isEqualTo(ErrorCode.UNABLE_TO_SUBSCRIBE_TO_FINESSE);
                            assertThat(e.kind()).isEqualTo(AcdException.Kind.RETRIABLE);
                        });
            } finally {
                fx.control("finesse xmpp-start node=primary");
            }
            FaceFixture.awaitFaceReady(FINESSE.face());
            fx.context.awaitLink(LinkStatus.IN_SERVICE);
            assertThat(fx.run(new Command.Connect("1002", "gc.client", "sample-1002", false)).replies).isEmpty();
        }
    }

    @Test
    @Order(2)
    void theFinesseUserGoingAwayTakesTheNodeOutUntilItIsBack() throws Exception {
        FaceFixture.awaitFaceReady(FINESSE.face());
        try (FaceFixture fx = new FaceFixture(FINESSE.face(), Map.of())) {
            fx.run(new Command.Connect("1003", "gc.client", "sample-1003", false));
            fx.run(new Command.Login("1003", "sample-1003", "5003"));
            String reply = FINESSE.control("finesse webapp-down node=primary");
            assumeTrue(reply.startsWith("OK"), "this build of the face has no webapp-down: " + reply);
            try {
                fx.context.awaitLink(LinkStatus.OUT_OF_SERVICE);
            } finally {
                FINESSE.control("finesse webapp-up node=primary");
            }
            fx.context.awaitLink(LinkStatus.IN_SERVICE);
            var ready = fx.run(new Command.MakeReady("1003", "1003"));
            assertThat(ready.replies(Event.State.class)).extracting(Event.State::state).containsExactly(AgentState.READY);
        }
    }
}
