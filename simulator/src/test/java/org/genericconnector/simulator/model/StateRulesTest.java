package org.genericconnector.simulator.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.genericconnector.simulator.model.AgentStatus.*;
import static org.genericconnector.simulator.model.StateRules.Outcome.*;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The requestable rows of the guide's table as a truth table; the rest are refused. */
class StateRulesTest {

    @ParameterizedTest(name = "{0} -> {1}: {2}")
    @CsvSource({
            "NOT_READY, LOGOUT, NOW", "NOT_READY, NOT_READY, NOW", "NOT_READY, READY, NOW",
            "READY, NOT_READY, NOW", "RESERVED_OUTBOUND, READY, NOW", "RESERVED_OUTBOUND, NOT_READY, NOW",
            "RESERVED_OUTBOUND_PREVIEW, NOT_READY, PENDING", "TALKING, NOT_READY, PENDING", "TALKING, WORK_READY, PENDING",
            "HOLD, NOT_READY, PENDING", "WORK, READY, NOW", "WORK, NOT_READY, NOW", "WORK_READY, READY, NOW",
            "WORK_READY, NOT_READY, NOW",
            "LOGOUT, READY, REFUSED", "READY, LOGOUT, REFUSED", "READY, WORK_READY, REFUSED", "NOT_READY, WORK, REFUSED",
            "RESERVED, READY, REFUSED", "RESERVED, NOT_READY, REFUSED", "TALKING, LOGOUT, REFUSED", "WORK, LOGOUT, REFUSED",
            "WORK_READY, WORK, REFUSED", "HOLD, LOGOUT, REFUSED"
    })
    void requests(AgentStatus from, AgentStatus to, StateRules.Outcome outcome) {
        assertThat(StateRules.request(from, to)).isEqualTo(outcome);
    }
}
