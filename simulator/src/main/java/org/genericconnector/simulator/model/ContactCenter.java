package org.genericconnector.simulator.model;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.genericconnector.simulator.model.ModelChange.CallbackAction;

/**
 * A simulated contact center: agents on devices, calls with legs, queues, teams, campaigns, with Finesse's
 * agent state rules. Protocol-neutral: faces read it through views and hear it through {@link ModelListener}s.
 *
 * <h2>Threads</h2>
 * Thread-safe. One lock serialises every operation, query and timer task; listeners are called under it,
 * on the thread that made the change, in the order the changes happened, so every agent's changes reach a
 * face in order. Operations on one agent from one thread happen in call order. {@link #atomically} lets a
 * face make several calls (and send its own replies) as one step.
 *
 * <h2>Errors</h2>
 * A request the rules forbid throws {@link RefusedException} and changes nothing.
 */
public final class ContactCenter {
    private final CenterState state;
    private final AgentOps agents;
    private final CallOps calls;
    private final ConsultOps consults;
    private final SupervisorOps supervisors;
    private final CampaignOps campaigns;

    public ContactCenter(Directory directory, CenterSettings settings, TimerService timers) {
        this.state = new CenterState(directory, settings, timers);
        this.agents = new AgentOps(state);
        this.calls = new CallOps(state);
        this.consults = new ConsultOps(state);
        this.supervisors = new SupervisorOps(state);
        this.campaigns = new CampaignOps(state);
    }

    public void addListener(ModelListener listener) {
        state.listeners.add(listener);
    }

    public Directory directory() {
        return state.directory;
    }

    public InstantSource clock() {
        return state.timers.clock();
    }

    /** Runs {@code action} as one step: no other thread's change comes between its calls. */
    public <T> T atomically(java.util.function.Supplier<T> action) {
        return state.locked(action);
    }

    /**
     * Offers waiting calls to ready agents now. Every operation does this when it ends; a face running
     * several operations in {@link #atomically} calls it to have the offers inside its step.
     */
    public void routeWaitingCalls() {
        state.locked(state.router::routeWaiting);
    }

    /**
     * Narrows which ready agents of a queue's teams its calls may be offered to: {@code filter} gets an agent
     * id and a queue name (a face's queue membership, as Asterisk's QueueAdd/QueuePause make it). Null
     * (the default) for every ready agent of the queue's teams.
     */
    public void routingFilter(java.util.function.BiPredicate<String, String> filter) {
        state.locked(() -> {
            state.routingFilter = filter;
        });
    }

    // ---- agents

    public AgentView authenticate(String agentId, String password) { return state.locked(() -> agents.authenticate(agentId, password)); }

    public AgentView login(String agentId, String password, String extension, String mobileNumber) {
        return state.locked(() -> agents.login(agentId, password, extension, mobileNumber));
    }

    /** {@code reasonCode} null for none. */
    public AgentView logout(String actorId, String targetId, String reasonCode) {
        return state.locked(() -> agents.logout(actorId, targetId, reasonCode));
    }

    /** Asks for READY, NOT_READY, WORK or WORK_READY for the actor or a supervised team member. */
    public AgentView requestState(String actorId, String targetId, AgentStatus wanted, String reasonCode) {
        return state.locked(() -> agents.request(actorId, targetId, wanted, reasonCode));
    }

    public void deviceOffline(String extension) { state.locked(() -> agents.deviceOffline(extension)); }

    public void deviceOnline(String extension) { state.locked(() -> agents.deviceOnline(extension)); }

    // ---- calls

    public String inboundToQueue(String from, String queue, Map<String, String> variables) {
        return state.locked(() -> calls.inboundToQueue(from, queue, variables));
    }

    public String inboundToAgent(String from, String agentId, Map<String, String> variables) {
        return state.locked(() -> calls.inboundToAgent(from, agentId, variables));
    }

    public String makeCall(String agentId, String number) { return state.locked(() -> calls.makeCall(agentId, number)); }

    public void answer(String agentId, String callId) { state.locked(() -> calls.answer(agentId, callId)); }

    public void release(String agentId, String callId) { state.locked(() -> calls.release(agentId, callId)); }

    public void hold(String agentId, String callId) { state.locked(() -> calls.hold(agentId, callId)); }

    public void retrieve(String agentId, String callId) { state.locked(() -> calls.retrieve(agentId, callId)); }

    public String consult(String agentId, String number, String mainId) { return state.locked(() -> consults.consult(agentId, number, mainId)); }

    public void transfer(String agentId, String extension, String mainId) { state.locked(() -> consults.transfer(agentId, extension, mainId)); }

    public void conference(String agentId, String extension, String mainId) { state.locked(() -> consults.conference(agentId, extension, mainId)); }

    public void blindTransfer(String agentId, String number, String mainId) { state.locked(() -> consults.blindTransfer(agentId, number, mainId)); }

    public void updateVariables(String agentId, String callId, Map<String, String> variables) {
        state.locked(() -> calls.updateVariables(agentId, callId, variables));
    }

    public void wrapUp(String agentId, String reason, String callId) { state.locked(() -> calls.wrapUp(agentId, reason, callId)); }

    /** The ringing agent does not answer (as when the ring timeout runs out). */
    public void ringNoAnswer(String callId) { state.locked(() -> state.router.ringNoAnswer(state.call(callId))); }

    public void callerHangup(String callId) { state.locked(() -> calls.callerHangup(callId)); }

    /** Sets the calls waiting in a queue besides the real ones, the oldest waiting {@code longestWait}. */
    public void queueLoad(String queue, int waiting, Duration longestWait) {
        state.locked(() -> {
            QueueRecord record = state.directory.queue(queue).map(q -> state.queues.get(q.name()))
                    .orElseThrow(() -> new RefusedException(Refusal.UNKNOWN_ITEM, "no queue " + queue));
            record.extraWaiting = waiting;
            record.extraLongestWait = longestWait;
        });
    }

    // ---- supervisors

    public String silentMonitor(String supervisorId, String extension) { return state.locked(() -> supervisors.silentMonitor(supervisorId, extension)); }

    public void endSilentMonitor(String supervisorId, String callId) { state.locked(() -> supervisors.endSilentMonitor(supervisorId, callId)); }

    public void bargeIn(String supervisorId, String extension, String callId) { state.locked(() -> supervisors.bargeIn(supervisorId, extension, callId)); }

    public void dropParticipant(String supervisorId, String extension, String callId) {
        state.locked(() -> supervisors.dropParticipant(supervisorId, extension, callId));
    }

    /** Refuses unless the actor is logged in and supervises {@code memberId}'s team. */
    public void checkSupervises(String supervisorId, String memberId) {
        state.locked(() -> SupervisorOps.checkSupervises(state.loggedIn(supervisorId), state.agent(memberId)));
    }

    /** Refuses unless the actor is a logged-in supervisor. */
    public void checkSupervisor(String agentId) {
        state.locked(() -> SupervisorOps.checkSupervisor(state.loggedIn(agentId)));
    }

    // ---- campaigns

    public String offerPreview(String agentId, String campaign, String number, Map<String, String> variables) {
        return state.locked(() -> campaigns.offerPreview(agentId, campaign, number, variables));
    }

    public String acceptPreview(String agentId, String reservationId) { return state.locked(() -> campaigns.accept(agentId, reservationId)); }

    public void rejectPreview(String agentId, String reservationId) { state.locked(() -> campaigns.reject(agentId, reservationId)); }

    /** Closing a record ends the reservation as a reject does (the record is not offered again). */
    public void closePreview(String agentId, String reservationId) { state.locked(() -> campaigns.reject(agentId, reservationId)); }

    public void reserveOutbound(String agentId) { state.locked(() -> campaigns.reserveOutbound(agentId)); }

    public String connectOutbound(String agentId, String campaign, String number, Map<String, String> variables) {
        return state.locked(() -> campaigns.connectOutbound(agentId, campaign, number, variables));
    }

    public void callback(String agentId, String mediaAddress, String callId, CallbackAction action, String time, String number) {
        state.locked(() -> campaigns.callback(agentId, mediaAddress, callId, action, time, number));
    }

    public void reclassify(String agentId, String mediaAddress, String callId, String value) {
        state.locked(() -> campaigns.reclassify(agentId, mediaAddress, callId, value));
    }

    // ---- queries

    public Optional<AgentView> agent(String agentId) {
        return state.locked(() -> Optional.ofNullable(state.agents.get(agentId)).map(AgentRecord::view));
    }

    public List<AgentView> agents() {
        return state.locked(() -> state.agents.values().stream().map(AgentRecord::view).toList());
    }

    public Optional<CallView> call(String callId) {
        return state.locked(() -> Optional.ofNullable(state.calls.get(callId)).map(Call::view));
    }

    /** The calls the agent is on now, oldest first. */
    public List<CallView> liveCallsOf(String agentId) {
        return state.locked(() -> state.liveCallsOf(agentId).stream().map(Call::view).toList());
    }

    /** A call the agent is or was on (one of its recent calls). */
    public Optional<CallView> callOf(String agentId, String callId) {
        return state.locked(() -> Optional.ofNullable(state.agents.get(agentId))
                .filter(a -> a.recentCalls.contains(callId))
                .flatMap(a -> Optional.ofNullable(state.calls.get(callId))).map(Call::view));
    }

    public List<QueueSnapshot> queues() {
        return state.locked(() -> state.queues.values().stream().map(q -> QueueStatistics.of(state, q)).toList());
    }

    public boolean isOffline(String extension) {
        return state.locked(() -> state.offlineExtensions.contains(extension));
    }
}
