package org.genericconnector.bench;

import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicIntegerArray;

/**
 * The command each round trip sends for an agent, answered by exactly one State event:
 * <ul>
 *   <li>{@link #GET_STATE}: {@code GetState#<agent>};</li>
 *   <li>{@link #READY_TOGGLE}: {@code MakeReady#<agent>} and {@code MakeNotReady#<agent>} in turn for each agent
 *   (the agents start NOT_READY after Login), a state change the adapter has to carry out on the ACD.</li>
 * </ul>
 * The turn of each agent is kept per command topic, since only the commands that reach the connector move
 * the agent's state (the echo baseline answers anything). Thread-safe.
 */
enum Workload {
    GET_STATE,
    READY_TOGGLE;

    /** One command: its JMSType and body. */
    record Command(String jmsType, String body) {
    }

    /** Hands out the commands of one fleet, remembering each agent's turn per target topic. */
    static final class Turns {
        private final Workload workload;
        private final int agentSlots;
        private final ConcurrentHashMap<String, AtomicIntegerArray> turns = new ConcurrentHashMap<>();

        Turns(Workload workload, int agentSlots) {
            this.workload = workload;
            this.agentSlots = agentSlots;
        }

        Workload workload() {
            return workload;
        }

        /** The next command for agent {@code id} (population index {@code slot}) on {@code topic}. */
        Command next(String topic, int slot, String id) {
            if (workload == GET_STATE) {
                return new Command("GetState#" + id, id);
            }
            int turn = turns.computeIfAbsent(topic, t -> new AtomicIntegerArray(agentSlots)).getAndIncrement(slot);
            return new Command((turn % 2 == 0 ? "MakeReady#" : "MakeNotReady#") + id, id);
        }
    }
}
