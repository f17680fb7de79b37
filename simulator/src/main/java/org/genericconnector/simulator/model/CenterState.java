package org.genericconnector.simulator.model;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Supplier;

/**
 * Everything the contact center knows right now, and the primitive changes every flow is built from
 * (set a state, set a leg, settle an agent after a leg changed). Guarded by one lock, held by
 * {@link #locked}; every other method must be called with it held. Listeners hear each change as it is made.
 */
final class CenterState {
    private static final int KEPT_ENDED_CALLS = 2000;

    final Directory directory;
    final CenterSettings settings;
    final TimerService timers;
    final Random random;
    final Map<String, AgentRecord> agents = new LinkedHashMap<>();
    final Map<String, Call> calls = new LinkedHashMap<>();
    final Map<String, QueueRecord> queues = new LinkedHashMap<>();
    final Set<String> offlineExtensions = new HashSet<>();
    /** Which ready agents a queue's calls may go to besides the team rule (agent id, queue name); null for any. */
    java.util.function.BiPredicate<String, String> routingFilter;
    final List<ModelListener> listeners = new CopyOnWriteArrayList<>();
    final CallRouter router;
    private final ReentrantLock lock = new ReentrantLock();
    private long nextCallNumber;

    CenterState(Directory directory, CenterSettings settings, TimerService timers) {
        this.directory = directory;
        this.settings = settings;
        this.timers = timers;
        this.random = new Random(settings.seed());
        this.nextCallNumber = 10_000_000L + random.nextInt(90_000) * 100L;
        directory.agents().forEach(p -> agents.put(p.id(), new AgentRecord(p)));
        directory.queues().forEach(q -> queues.put(q.name(), new QueueRecord(q)));
        this.router = new CallRouter(this);
    }

    /** Runs {@code action} holding the lock, then offers waiting calls to agents who became ready. */
    <T> T locked(Supplier<T> action) {
        lock.lock();
        try {
            T result = action.get();
            if (lock.getHoldCount() == 1) {
                router.routeWaiting();
            }
            return result;
        } finally {
            lock.unlock();
        }
    }

    void locked(Runnable action) {
        locked(() -> {
            action.run();
            return null;
        });
    }

    Instant now() {
        return timers.clock().instant();
    }

    void emit(ModelChange change) {
        listeners.forEach(l -> l.changed(change));
    }

    AgentRecord agent(String id) {
        AgentRecord agent = agents.get(id);
        if (agent == null) {
            throw new RefusedException(Refusal.UNKNOWN_AGENT, "no agent " + id);
        }
        return agent;
    }

    AgentRecord loggedIn(String id) {
        AgentRecord agent = agent(id);
        if (!agent.status.isLoggedIn()) {
            throw new RefusedException(Refusal.NOT_LOGGED_IN, "agent " + id + " is not logged in");
        }
        return agent;
    }

    Call call(String id) {
        Call call = calls.get(id);
        if (call == null) {
            throw new RefusedException(Refusal.UNKNOWN_CALL, "no dialog " + id);
        }
        return call;
    }

    /** The call and the agent's live leg on it. */
    Leg liveLeg(Call call, String agentId) {
        return call.legOf(agentId).filter(Leg::isLive)
                .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_CALL, "agent " + agentId + " is not on dialog " + call.id));
    }

    Optional<AgentRecord> loggedInAt(String extension) {
        return agents.values().stream().filter(a -> a.status.isLoggedIn() && a.extension.equals(extension)).findFirst();
    }

    /** Calls on which the agent has a live leg, oldest first. */
    List<Call> liveCallsOf(String agentId) {
        List<Call> result = new ArrayList<>();
        for (Call call : calls.values()) {
            if (!call.ended && call.legOf(agentId).filter(Leg::isLive).isPresent()) {
                result.add(call);
            }
        }
        return result;
    }

    boolean isBusy(AgentRecord agent) {
        return liveCallsOf(agent.id()).stream().anyMatch(c -> c.legOf(agent.id()).filter(l -> !l.passive).isPresent())
                || agent.status == AgentStatus.RESERVED_OUTBOUND_PREVIEW;
    }

    Call newCall(CallKind kind, String from, String to, String initiatorAgentId, String associatedCallId) {
        String id = Long.toString(nextCallNumber++);
        Call call = new Call(id, kind, from, to, now(), initiatorAgentId, associatedCallId);
        calls.put(id, call);
        forgetOldCalls();
        return call;
    }

    private void forgetOldCalls() {
        if (calls.size() <= KEPT_ENDED_CALLS) {
            return;
        }
        calls.values().stream().filter(c -> c.ended).findFirst().ifPresent(c -> calls.remove(c.id));
    }

    /** Changes an agent's state, clearing any pending state, and tells the listeners. */
    void setStatus(AgentRecord agent, AgentStatus status, String reasonCode, String reasonLabel) {
        setStatus(agent, status, reasonCode, reasonLabel, false);
    }

    void setStatus(AgentRecord agent, AgentStatus status, String reasonCode, String reasonLabel, boolean keepPending) {
        AgentStatus from = agent.status;
        if (!from.isCallBound() && from.isLoggedIn() && status.isCallBound()) {
            // Where the agent returns after the call; a call taken in wrap-up returns to wrap-up's end state.
            boolean ready = from == AgentStatus.READY || from == AgentStatus.WORK_READY;
            agent.statusBeforeCall = ready ? AgentStatus.READY : AgentStatus.NOT_READY;
            agent.reasonBeforeCall = ready ? "" : from == AgentStatus.NOT_READY ? agent.reasonCode : AgentRecord.NO_REASON;
            agent.reasonLabelBeforeCall = ready ? "" : from == AgentStatus.NOT_READY ? agent.reasonLabel : "";
        }
        agent.status = status;
        agent.reasonCode = reasonCode;
        agent.reasonLabel = reasonLabel;
        agent.changedAt = now();
        agent.generation++;
        if (!keepPending) {
            agent.pending = null;
        }
        if (status == AgentStatus.READY) {
            agent.readySince = agent.changedAt;
        }
        emit(new ModelChange.AgentChanged(agent.view()));
    }

    void setPending(AgentRecord agent, AgentStatus pending, String reasonCode, String reasonLabel) {
        agent.pending = pending;
        agent.pendingReasonCode = reasonCode;
        agent.pendingReasonLabel = reasonLabel;
        emit(new ModelChange.AgentChanged(agent.view()));
    }

    /** Changes a leg's state and tells the agent on it. */
    void setLeg(Call call, Leg leg, LegState state) {
        leg.state = state;
        report(call, leg);
    }

    /** Tells the agent on {@code leg} about the call as it is now (its data or parties changed). */
    void report(Call call, Leg leg) {
        if (leg.agentId != null) {
            agents.get(leg.agentId).rememberCall(call.id);
            emit(new ModelChange.LegChanged(leg.agentId, call.view(), leg.state));
        }
    }

    /** Tells every agent still on the call about it as it is now. */
    void reportToLiveAgents(Call call, String except) {
        call.liveLegs().stream().filter(l -> l.agentId != null && !l.agentId.equals(except)).forEach(l -> report(call, l));
    }

    /** Drops one leg; if fewer than two parties remain the call ends. Settles every agent affected. */
    void leave(Call call, Leg leg) {
        setLeg(call, leg, LegState.DROPPED);
        settle(leg.agentId, call);
        if (call.liveLegs().size() < 2) {
            endCall(call);
        } else {
            reportToLiveAgents(call, leg.agentId);
        }
    }

    /** Drops every remaining leg, settles their agents, and ends the monitor calls hanging on it. */
    void endCall(Call call) {
        call.ended = true;
        for (Leg leg : call.liveLegs()) {
            setLeg(call, leg, LegState.DROPPED);
            settle(leg.agentId, call);
        }
        router.forget(call);
        calls.values().stream()
                .filter(c -> !c.ended && call.id.equals(c.associatedCallId) && c.kind == CallKind.SUPERVISOR_MONITOR)
                .toList().forEach(this::endCall);
    }

    /** Fails a call with a cause, telling the agents on it, and settles them. */
    void failCall(Call call, String cause) {
        call.failureCause = cause;
        call.ended = true;
        for (Leg leg : call.liveLegs()) {
            setLeg(call, leg, LegState.FAILED);
            settle(leg.agentId, call);
        }
    }

    /**
     * Brings an agent's state in line with its legs after one changed: TALKING while it talks or dials,
     * HOLD while it only holds, and the after-call state (see {@link AfterCall}) when its last leg is gone.
     */
    void settle(String agentId, Call lastCall) {
        if (agentId == null) {
            return;
        }
        AgentRecord agent = agents.get(agentId);
        if (!agent.status.isLoggedIn()) {
            return;
        }
        boolean talking = false;
        boolean holding = false;
        boolean ringing = false;
        for (Call call : liveCallsOf(agentId)) {
            Leg leg = call.legOf(agentId).orElseThrow();
            if (leg.passive) {
                continue;
            }
            switch (leg.state) {
                case ACTIVE, INITIATING, INITIATED, ACCEPTED -> talking = true;
                case ALERTING -> {
                    talking |= leg.originator;
                    ringing |= !leg.originator;
                }
                case HELD -> holding = true;
                default -> { }
            }
        }
        if (talking) {
            moveTo(agent, AgentStatus.TALKING);
        } else if (holding) {
            moveTo(agent, AgentStatus.HOLD);
        } else if (agent.status == AgentStatus.TALKING || agent.status == AgentStatus.HOLD) {
            AfterCall.apply(this, agent, lastCall);
        } else if (agent.status == AgentStatus.RESERVED && !ringing) {
            // The offer went away unanswered (the caller hung up): back to where the agent was.
            setStatus(agent, agent.statusBeforeCall, agent.reasonBeforeCall, agent.reasonLabelBeforeCall);
        }
    }

    private void moveTo(AgentRecord agent, AgentStatus status) {
        if (agent.status != status) {
            setStatus(agent, status, "", "", true);
        }
    }
}
