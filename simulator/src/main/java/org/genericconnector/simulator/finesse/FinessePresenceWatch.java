package org.genericconnector.simulator.finesse;

import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import org.genericconnector.simulator.model.AgentStatus;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.RefusedException;
import org.genericconnector.simulator.model.TimerService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Forced logout on presence loss (finesse.md §7): when a logged-in agent's XMPP presence goes unavailable on
 * every node, a timer of the model runs for the grace period (Finesse: 60 s); if the agent is still absent
 * then, it is made NOT_READY and logged out (reason none; an agent on a call stays NOT_READY pending, as the
 * model cannot log it out during the call). Presence coming back cancels the timer. Only a presence seen
 * going away counts: an agent that never connected to XMPP is not logged out. The face losing its own
 * connection to a node's XMPP server (server stopped) counts as every agent's presence there going away.
 *
 * <p>Thread-safe (synchronized); the timer task runs on the model's timer thread.
 */
final class FinessePresenceWatch {
    private static final Logger LOG = LoggerFactory.getLogger(FinessePresenceWatch.class);

    private final ContactCenter center;
    private final TimerService timers;
    private volatile Duration grace;
    private final Map<String, Set<String>> presentOn = new HashMap<>();
    private final Map<String, TimerService.Cancellable> pending = new HashMap<>();

    FinessePresenceWatch(ContactCenter center, TimerService timers, Duration grace) {
        this.center = center;
        this.timers = timers;
        this.grace = grace;
    }

    void setGrace(Duration grace) {
        this.grace = grace;
    }

    /** Whether the agent has an available presence on any node. */
    synchronized boolean isPresent(String agentId) {
        return !presentOn.getOrDefault(agentId, Set.of()).isEmpty();
    }

    /** Whether a forced logout is counting down for the agent. */
    synchronized boolean isCountingDown(String agentId) {
        return pending.containsKey(agentId);
    }

    /** The face lost its connection to a node's XMPP server: every agent's presence there is gone. */
    synchronized void nodeLost(String node) {
        for (String agentId : java.util.List.copyOf(presentOn.keySet())) {
            if (presentOn.get(agentId).contains(node)) {
                presence(node, agentId, false);
            }
        }
    }

    synchronized void presence(String node, String agentId, boolean available) {
        Set<String> nodes = presentOn.computeIfAbsent(agentId, a -> new HashSet<>());
        boolean wasPresent = !nodes.isEmpty();
        if (available) {
            nodes.add(node);
            TimerService.Cancellable timer = pending.remove(agentId);
            if (timer != null) {
                timer.cancel();
                LOG.info("agent {}: presence back, forced logout called off", agentId);
            }
        } else {
            nodes.remove(node);
            if (wasPresent && nodes.isEmpty() && loggedIn(agentId) && !pending.containsKey(agentId)) {
                LOG.info("agent {}: presence unavailable, forced logout in {}", agentId, grace);
                pending.put(agentId, timers.schedule(grace, () -> expire(agentId)));
            }
        }
    }

    private void expire(String agentId) {
        synchronized (this) {
            if (pending.remove(agentId) == null || isPresent(agentId)) {
                return;
            }
        }
        forceLogout(agentId);
    }

    private void forceLogout(String agentId) {
        try {
            center.atomically(() -> {
                AgentStatus status = center.agent(agentId).orElseThrow().status();
                if (status != AgentStatus.NOT_READY && status.isLoggedIn()) {
                    center.requestState(agentId, agentId, AgentStatus.NOT_READY, null);
                }
                if (center.agent(agentId).orElseThrow().status() == AgentStatus.NOT_READY) {
                    center.logout(agentId, agentId, null);
                }
                return null;
            });
            LOG.info("agent {}: forced logout after presence loss", agentId);
        } catch (RefusedException e) {
            LOG.info("agent {}: forced logout refused by the model ({})", agentId, e.getMessage());
        }
    }

    private boolean loggedIn(String agentId) {
        return center.agent(agentId).map(a -> a.status().isLoggedIn()).orElse(false);
    }
}
