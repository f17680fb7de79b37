package org.genericconnector.simulator.model;

import static org.genericconnector.simulator.model.AgentStatus.*;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;

/**
 * The guide's "Agent State Transition" table for the changes an agent (or its supervisor) asks for.
 * Changes the system makes (an offer, an answer, a call ending, a timer) are applied by the call flows,
 * which only make the table's system transitions. Stateless.
 */
public final class StateRules {

    /** What a request does: change now, change when the call or reservation ends, or nothing (refused). */
    public enum Outcome { NOW, PENDING, REFUSED }

    // From -> states an agent may ask for and get at once.
    private static final Map<AgentStatus, Set<AgentStatus>> IMMEDIATE = Map.of(
            NOT_READY, EnumSet.of(LOGOUT, NOT_READY, READY),
            READY, EnumSet.of(NOT_READY),
            RESERVED_OUTBOUND, EnumSet.of(READY, NOT_READY),
            WORK, EnumSet.of(READY, NOT_READY),
            WORK_READY, EnumSet.of(READY, NOT_READY));

    // From -> states an agent may ask for that take effect after the call or reservation.
    private static final Map<AgentStatus, Set<AgentStatus>> PENDING = Map.of(
            RESERVED_OUTBOUND_PREVIEW, EnumSet.of(NOT_READY, READY),
            TALKING, EnumSet.of(NOT_READY, READY, WORK, WORK_READY),
            HOLD, EnumSet.of(NOT_READY, READY, WORK, WORK_READY));

    private StateRules() {
    }

    public static Outcome request(AgentStatus from, AgentStatus to) {
        if (IMMEDIATE.getOrDefault(from, Set.of()).contains(to)) {
            return Outcome.NOW;
        }
        if (PENDING.getOrDefault(from, Set.of()).contains(to)) {
            return Outcome.PENDING;
        }
        return Outcome.REFUSED;
    }
}
