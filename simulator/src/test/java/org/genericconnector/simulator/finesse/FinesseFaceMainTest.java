package org.genericconnector.simulator.finesse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** The standalone process's line protocol: a READY line with the ports, then one reply per scenario line. */
class FinesseFaceMainTest {
    @RegisterExtension
    static final FinesseFaceExtension FINESSE = new FinesseFaceExtension(
            FinesseFaceSettings.defaults().withSimulatedTime(true).withSecondary(false).withHttps(false));

    @Test
    void printsReadyWithThePortsThenAnswersEachScenarioLine() throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String script = "finesse status\n\nfinesse delay node=primary by=0s\nfinesse dance\nstatus\nfinesse presence agent=1002\n";
        FinesseFaceMain.serve(FINESSE.face(), new BufferedReader(new StringReader(script)), new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
        FinesseNode primary = FINESSE.face().primary();
        assertThat(lines[0]).startsWith("READY primary=IN_SERVICE,xmpp=up,http=" + primary.httpPort() + ",https=-1,xmpp-port="
                + primary.xmppPort() + ",xmpp-domain=" + primary.xmppDomain());
        assertThat(lines[1]).startsWith("OK primary=IN_SERVICE");
        assertThat(lines[2]).isEqualTo("OK");
        assertThat(lines[3]).isEqualTo("ERROR unknown finesse request 'dance'");
        assertThat(lines[4]).startsWith("OK time=2026-01-05T08:00:00Z agents=22"); // the sandbox's verbs pass through
        assertThat(lines[5]).isEqualTo("OK present=false forced-logout-pending=false");
        assertThat(lines).hasSize(6);
    }

    @Test
    void unknownNodesAndArgumentsAreErrors() {
        assertThat(FINESSE.control("finesse out-of-service node=tertiary")).startsWith("ERROR no node 'tertiary'");
        assertThat(FINESSE.control("finesse in-service node=primary colour=blue")).startsWith("ERROR takes no argument 'colour'");
        assertThat(FINESSE.control("finesse")).startsWith("ERROR finesse needs a verb");
    }
}
