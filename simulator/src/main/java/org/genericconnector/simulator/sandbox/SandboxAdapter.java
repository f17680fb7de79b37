package org.genericconnector.simulator.sandbox;

import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.protocol.spi.ScenarioControl;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.RefusedException;
import org.genericconnector.simulator.model.TimerService;

/**
 * The sandbox ACD: the adapter SPI on an in-process {@link ContactCenter}. Every command of the protocol
 * except Hello and Beat (the connector's) is performed on the model; the events the guide lists for the
 * command come back through {@link CommandRequest#reply}, the ones about other agents through
 * {@link AdapterContext#publish}.
 *
 * <p>Thread-safe. A command runs as one step of the contact center ({@link ContactCenter#atomically}); its
 * replies are sent before the step ends, so no other agent's change or timer comes between a command's events.
 */
public final class SandboxAdapter implements AcdAdapter {
    private static final Set<CommandName> SUPPORTED = supported();

    private final ContactCenter center;
    private final TimerService timers;
    private final SandboxEventMapper mapper;
    private final SandboxEventRouter router;
    private final SandboxCommands commands;
    private final SandboxScenarioControl scenario;
    private volatile LinkStatus linkStatus = LinkStatus.OUT_OF_SERVICE;
    private volatile AdapterContext context;

    SandboxAdapter(ContactCenter center, TimerService timers, long seed) {
        this.center = center;
        this.timers = timers;
        this.mapper = new SandboxEventMapper(center.directory());
        this.router = new SandboxEventRouter(mapper);
        this.commands = new SandboxCommands(center, mapper, router);
        this.scenario = new SandboxScenarioControl(center, timers, seed, this::setLinkStatus);
        center.addListener(router);
    }

    @Override
    public void start(AdapterContext context) {
        this.context = context;
        router.start(context);
        setLinkStatus(LinkStatus.IN_SERVICE);
    }

    /** The scenario's link-down / link-up: what a lost Finesse node or AMI socket would look like. */
    private void setLinkStatus(LinkStatus status) {
        linkStatus = status;
        AdapterContext ctx = context;
        if (ctx != null) {
            ctx.linkStatusChanged(status);
        }
    }

    @Override
    public Set<CommandName> supportedCommands() {
        return SUPPORTED;
    }

    @Override
    public void execute(CommandRequest request) throws AcdException {
        var command = request.command();
        if (linkStatus != LinkStatus.IN_SERVICE) {
            throw new AcdException(org.genericconnector.protocol.ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE,
                    "the sandbox link is down (scenario link-down)");
        }
        try {
            center.atomically(() -> {
                SandboxEventRouter.Scope scope = router.open(command.agentId(), SandboxCommands.targetOf(command));
                try {
                    List<Event> before = new ArrayList<>();
                    List<Event> after = new ArrayList<>();
                    commands.execute(command, before, after);
                    center.routeWaitingCalls(); // a call offered because of this command belongs to its reply
                    List<Event> all = new ArrayList<>(before);
                    all.addAll(scope.replies);
                    all.addAll(after);
                    all.forEach(request::reply);
                    return null;
                } finally {
                    router.close();
                }
            });
        } catch (RefusedException refused) {
            throw SandboxErrors.toAcdException(command.name(), refused);
        }
    }

    @Override
    public LinkStatus linkStatus() {
        return linkStatus;
    }

    @Override
    public List<Event> snapshot(String agentId) {
        return commands.snapshot(agentId);
    }

    @Override
    public void agentReleased(String agentId) {
        router.forget(agentId);
    }

    @Override
    public Optional<ScenarioControl> scenarioControl() {
        return Optional.of(scenario);
    }

    /** The model behind the adapter, for tests and the bench. */
    public ContactCenter contactCenter() {
        return center;
    }

    @Override
    public void close() {
        linkStatus = LinkStatus.OUT_OF_SERVICE;
        timers.close();
    }

    private static Set<CommandName> supported() {
        EnumSet<CommandName> all = EnumSet.allOf(CommandName.class);
        all.remove(CommandName.HELLO);
        all.remove(CommandName.BEAT);
        return Set.copyOf(all);
    }
}
