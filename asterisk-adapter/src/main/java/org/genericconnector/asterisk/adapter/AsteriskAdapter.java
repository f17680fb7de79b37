package org.genericconnector.asterisk.adapter;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicLong;

import org.genericconnector.asterisk.ami.AmiClient;
import org.genericconnector.asterisk.ami.AmiConnectionListener;
import org.genericconnector.asterisk.ami.AmiException;
import org.genericconnector.asterisk.ami.AmiFailureKind;
import org.genericconnector.asterisk.ami.AmiLoginInfo;
import org.genericconnector.asterisk.ami.AmiMessage;
import org.genericconnector.asterisk.ami.AmiResponse;
import org.genericconnector.asterisk.ami.AmiScheduler;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The Asterisk ACD: agents are dynamic queue members driven over AMI, calls are Asterisk channels grouped by
 * Linkedid. See docs/ASTERISK.md for the deployment and for what each GC command does.
 *
 * <h2>Threads</h2>
 * {@link #execute} runs on the agent's mailbox thread and waits for AMI answers (never holding the model lock);
 * AMI events arrive on the AMI client's dispatch thread and go into {@link AsteriskModel} under its lock. While a
 * command runs, the model's events about the requesting agent are collected and sent as the command's reply,
 * after the events the command itself produces first (AgentInfo for Login) and before its answers (DialogStatus),
 * so the client sees them in the guide's order; events about a supervised target are published to the target
 * and copied to the supervisor's reply.
 *
 * <h2>Link</h2>
 * OUT_OF_SERVICE until the AMI login and a full resync (QueueStatus, CoreShowChannels, DeviceStateList) are done,
 * and again from every disconnect until the next login and resync.
 */
public final class AsteriskAdapter implements AcdAdapter {
    private static final Logger LOG = LoggerFactory.getLogger(AsteriskAdapter.class);

    /** Commands with no meaning on an Asterisk queue system; the connector answers them UNSUPPORTED_COMMAND. */
    static final Set<CommandName> NOT_ON_ASTERISK = EnumSet.of(CommandName.HELLO, CommandName.BEAT,
            CommandName.MOBILE_AGENT_LOGIN, CommandName.ACCEPT_OUTBOUND_PREVIEW, CommandName.REJECT_OUTBOUND_PREVIEW,
            CommandName.CLOSE_OUTBOUND_PREVIEW, CommandName.SCHEDULE_CALLBACK, CommandName.UPDATE_CALLBACK,
            CommandName.CANCEL_CALLBACK, CommandName.RECLASSIFY_CALL, CommandName.GET_SKILL_GROUPS);

    private final AsteriskSettings settings;
    private final AgentDirectory directory;
    private final AmiClient ami;
    private final AmiScheduler scheduler;
    private final AsteriskModel model;
    private final AsteriskCommands commands;
    private final Map<String, Scope> scopes = new HashMap<>(); // guarded by model
    private final AtomicLong resyncs = new AtomicLong();
    private volatile AdapterContext context;
    private volatile InstantSource clock = InstantSource.system();
    private volatile LinkStatus linkStatus = LinkStatus.OUT_OF_SERVICE;
    private volatile boolean closed;

    /** Collects the model's events for a command's requester while it runs. */
    static final class Scope {
        final String requester;
        final String target;
        final List<Event> replies = new ArrayList<>();

        Scope(String requester, String target) {
            this.requester = requester;
            this.target = target;
        }
    }

    AsteriskAdapter(AsteriskSettings settings, AgentDirectory directory, AmiClient ami, AmiScheduler scheduler) {
        this.settings = settings;
        this.directory = directory;
        this.ami = ami;
        this.scheduler = scheduler;
        InstantSource time = () -> clock.instant();
        this.model = new AsteriskModel(directory, settings, time, scheduler, this::route);
        this.commands = new AsteriskCommands(settings, directory, model, this);
        model.setEffects(new AsteriskModel.Effects() {
            @Override
            public void pause(AgentDirectory.Agent agent, boolean paused, String reason) {
                AmiMessage.Builder b = AmiMessage.action("QueuePause").add("Interface", agent.iface())
                        .add("Paused", paused ? "true" : "false");
                if (!reason.isEmpty()) {
                    b.add("Reason", reason);
                }
                sendAside(b.build(), "asterisk-wrapup-" + agent.id(),
                        e -> LOG.warn("AST-004 wrap-up QueuePause of agent {} failed: {}", agent.id(), e.toString()));
            }

            @Override
            public void hangup(String channel, String why) {
                LOG.info("AST-007 hanging up {}: {}", channel, why);
                sendAside(AmiMessage.action("Hangup").add("Channel", channel).add("Cause", "16").build(), "asterisk-hangup",
                        e -> LOG.warn("AST-006 Hangup of {} ({}) failed: {}", channel, why, e.toString()));
            }
        });
    }

    /** Sends an action the model asked for; called under the model lock, so the write (which could block on a stuck socket) happens elsewhere. */
    private void sendAside(AmiMessage action, String thread, java.util.function.Consumer<Throwable> onFailure) {
        Thread.ofVirtual().name(thread).start(() -> ami.send(action).whenComplete((r, e) -> {
            if (e != null) {
                onFailure.accept(e);
            }
        }));
    }

    // ---------------------------------------------------------------- SPI

    @Override
    public void start(AdapterContext context) {
        this.context = context;
        this.clock = context.clock();
        ami.addEventListener(model::onEvent);
        ami.addConnectionListener(new AmiConnectionListener() {
            @Override
            public void onLoggedIn(AmiLoginInfo info) {
                resync(info.session());
            }

            @Override
            public void onDisconnected(AmiException cause) {
                if (closed) {
                    LOG.info("AST-002 AMI link closed: the connector is stopping");
                    setLink(LinkStatus.OUT_OF_SERVICE);
                    return;
                }
                LOG.warn("AST-002 AMI link lost ({}): OUT_OF_SERVICE until Asterisk is back and resynchronised", cause.kind());
                setLink(LinkStatus.OUT_OF_SERVICE);
            }

            @Override
            public void onConnectFailed(AmiException cause, java.time.Duration retryIn) {
                if (cause.kind() == AmiFailureKind.AUTHENTICATION) {
                    LOG.error("AST-003 Asterisk refused the AMI login of user {} (check username/secret and manager.conf permit); retry in {}",
                            settings.username(), retryIn);
                }
            }
        });
        LOG.info("AST-000 Asterisk adapter starting: {} ({} agents)", settings, directory.agents().size());
        ami.start();
    }

    @Override
    public Set<CommandName> supportedCommands() {
        EnumSet<CommandName> all = EnumSet.allOf(CommandName.class);
        all.removeAll(NOT_ON_ASTERISK);
        if (settings.answerStrategy() == AsteriskSettings.AnswerStrategy.NONE) {
            all.remove(CommandName.ANSWER_CALL);
        }
        if (settings.holdStrategy() == AsteriskSettings.HoldStrategy.NONE) {
            all.remove(CommandName.HOLD_CALL);
            all.remove(CommandName.RETRIEVE_CALL);
        }
        return Set.copyOf(all);
    }

    @Override
    public void execute(CommandRequest request) throws AcdException {
        Command command = request.command();
        if (linkStatus != LinkStatus.IN_SERVICE && AsteriskCommands.needsLink(command.name())) {
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE,
                    "the AMI link to Asterisk is down or resynchronising");
        }
        Scope scope = new Scope(command.agentId(), AsteriskCommands.targetOf(command));
        synchronized (model) {
            scopes.put(scope.requester, scope);
        }
        List<Event> before = new ArrayList<>();
        List<Event> after = new ArrayList<>();
        boolean done = false;
        try {
            commands.execute(command, before, after);
            done = true;
        } finally {
            List<Event> buffered;
            synchronized (model) {
                scopes.remove(scope.requester);
                buffered = List.copyOf(scope.replies);
            }
            if (done) {
                before.forEach(request::reply);
                buffered.forEach(request::reply);
                after.forEach(request::reply);
            } else {
                // the command failed, but what happened meanwhile still reaches the agent
                buffered.stream().filter(e -> e.agentId().equals(scope.requester)).forEach(this::publish);
            }
        }
    }

    @Override
    public LinkStatus linkStatus() {
        return linkStatus;
    }

    @Override
    public List<Event> snapshot(String agentId) {
        if (directory.agent(agentId).isEmpty()) {
            return List.of();
        }
        return List.of(model.state(agentId), model.dialogStatus(agentId));
    }

    @Override
    public void agentReleased(String agentId) {
        model.release(agentId);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        linkStatus = LinkStatus.OUT_OF_SERVICE;
        ami.close();
        if (scheduler instanceof AutoCloseable c) {
            try {
                c.close();
            } catch (Exception e) {
                LOG.debug("scheduler close", e);
            }
        }
    }

    /** The model behind the adapter (tests). */
    AsteriskModel model() {
        return model;
    }

    // ---------------------------------------------------------------- event routing

    /** Called by the model under its lock. */
    private void route(Event event) {
        Scope own = scopes.get(event.agentId());
        if (own != null) {
            own.replies.add(event);
            return;
        }
        publish(event);
        for (Scope s : scopes.values()) {
            if (event.agentId().equals(s.target) && !(event instanceof Event.TeamMemberStateChanged)) {
                s.replies.add(event); // a supervisor sees the member's change as the answer to its command
            }
        }
    }

    private void publish(Event event) {
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.publish(event);
        }
    }

    private void setLink(LinkStatus status) {
        if (closed && status == LinkStatus.IN_SERVICE) {
            return;
        }
        linkStatus = status;
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.linkStatusChanged(status);
        }
    }

    // ---------------------------------------------------------------- resync

    /** After every AMI login: QueueStatus, CoreShowChannels, DeviceStateList, then the model, then IN_SERVICE. */
    private void resync(int session) {
        long attempt = resyncs.incrementAndGet();
        CompletableFuture<AmiResponse> queues = ami.send(AmiMessage.action("QueueStatus").build());
        CompletableFuture<AmiResponse> chans = queues.thenCompose(q -> ami.send(AmiMessage.action("CoreShowChannels").build()));
        CompletableFuture<AmiResponse> devices = chans.thenCompose(c -> ami.send(AmiMessage.action("DeviceStateList").build()));
        devices.whenComplete((d, error) -> {
            if (error != null) {
                LOG.warn("AST-005 resynchronisation after AMI login {} failed ({}); trying again in 5 s", session, error.toString());
                scheduler.schedule("resync", java.time.Duration.ofSeconds(5), () -> {
                    if (ami.isLoggedIn() && resyncs.get() == attempt) {
                        resync(session);
                    }
                });
                return;
            }
            model.resync(queues.join().events(), chans.join().events(), d.events());
            LOG.info("AST-001 Asterisk resynchronised (AMI session {}): {} queue items, {} channels; IN_SERVICE", session,
                    queues.join().events().size(), chans.join().events().size());
            if (ami.isLoggedIn()) {
                setLink(LinkStatus.IN_SERVICE);
            }
        });
    }

    // ---------------------------------------------------------------- AMI calls for the commands

    /** Sends an action and waits for Asterisk's answer; failures become the command's GC error. */
    AmiResponse call(AmiMessage action, ErrorCode onRefusal) throws AcdException {
        try {
            return send(action);
        } catch (AmiException e) {
            if (e.kind() == AmiFailureKind.REJECTED) {
                throw new AcdException(onRefusal, AcdException.Kind.REJECTED,
                        action.name() + " refused by Asterisk: " + e.response().map(r -> r.getOrEmpty("Message")).orElse(e.getMessage()), e);
            }
            throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE,
                    action.name() + " failed: " + e.kind() + " " + e.getMessage(), e);
        }
    }

    /** Sends an action and waits; throws the client's failure as is (callers inspect REJECTED messages). */
    AmiResponse send(AmiMessage action) throws AmiException {
        try {
            return ami.send(action).get(settings.actionTimeout().toMillis() + 2_000, TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof AmiException a) {
                throw a;
            }
            throw new AmiException(AmiFailureKind.IO, String.valueOf(e.getCause()), e.getCause());
        } catch (TimeoutException e) {
            throw new AmiException(AmiFailureKind.TIMEOUT, action.name() + " unanswered", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AmiException(AmiFailureKind.CLOSED, "interrupted", e);
        }
    }

    /** Sends without waiting (used when the answer changes nothing for the client). */
    void fire(AmiMessage action, String what) {
        ami.send(action).whenComplete((r, e) -> {
            if (e != null) {
                LOG.warn("AST-006 {} ({}) failed: {}", action.name(), what, e.toString());
            }
        });
    }

    Instant now() {
        return clock.instant();
    }
}
