package org.genericconnector.connector.dispatch;

import java.time.InstantSource;
import java.util.Optional;
import java.util.Set;

import org.genericconnector.connector.link.LinkMonitor;
import org.genericconnector.connector.session.AgentSession;
import org.genericconnector.connector.session.ClientDestination;
import org.genericconnector.connector.session.SessionRegistry;
import org.genericconnector.connector.session.SessionRegistry.BindResult;
import org.genericconnector.connector.transport.ClientAddress;
import org.genericconnector.connector.transport.CommandHandler;
import org.genericconnector.protocol.AgentState;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.ProtocolError;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.slf4j.Logger;

/**
 * Decides what each command needs: Hello and Beat are answered here, Connect binds the agent to its
 * client destination, every other command goes to its agent's mailbox. Runs on the JMS listener thread
 * and never blocks: the ACD is only called from mailboxes. Thread-safe (its collaborators are).
 */
public final class CommandRouter implements CommandHandler {
    private static final Logger LOG = CommandJob.COMMANDS;

    private final SessionRegistry registry;
    private final Dispatcher dispatcher;
    private final Outbox outbox;
    private final AcdAdapter adapter;
    private final LinkMonitor link;
    private final InstantSource clock;
    private final Set<CommandName> supported;

    public CommandRouter(SessionRegistry registry, Dispatcher dispatcher, Outbox outbox, AcdAdapter adapter,
                         LinkMonitor link, InstantSource clock) {
        this.registry = registry;
        this.dispatcher = dispatcher;
        this.outbox = outbox;
        this.adapter = adapter;
        this.link = link;
        this.clock = clock;
        this.supported = Set.copyOf(adapter.supportedCommands());
    }

    @Override
    public void onCommand(Command command, Optional<ClientAddress> replyTo, String correlationId) {
        switch (command) {
            case Command.Hello h -> hello(h, replyTo, correlationId);
            case Command.Beat b -> beat(b, replyTo, correlationId);
            case Command.Connect c -> connect(c, replyTo, correlationId);
            default -> agentCommand(command, replyTo, correlationId);
        }
    }

    private void hello(Command.Hello hello, Optional<ClientAddress> replyTo, String correlationId) {
        Optional<ClientAddress> named = ClientAddress.parse(hello.destination()).or(() -> replyTo);
        ClientDestination destination = registry.touch(named.orElseThrow());
        ClientDestination target = target(replyTo, destination);
        outbox.send(target, new Event.SystemStatus(link.status()), correlationId);
        LOG.debug("agent= command=Hello destination={} outcome={}", destination, link.status());
    }

    private void beat(Command.Beat beat, Optional<ClientAddress> replyTo, String correlationId) {
        ClientAddress named = ClientAddress.parse(beat.destination()).or(() -> replyTo).orElseThrow();
        Optional<ClientDestination> known = registry.touchIfKnown(named);
        ClientDestination target = target(replyTo, known.orElseGet(() -> transientDestination(named)));
        if (known.isPresent()) {
            outbox.send(target, new Event.SystemStatus(link.status()), correlationId);
            LOG.debug("agent= command=Beat destination={} outcome={}", named, link.status());
        } else {
            outbox.send(target, new Event.DestinationReconnect(beat.destination()), correlationId);
            LOG.info("agent= command=Beat destination={} outcome=RECONNECT (unknown destination)", named);
        }
    }

    private void connect(Command.Connect connect, Optional<ClientAddress> replyTo, String correlationId) {
        Optional<ClientAddress> named = ClientAddress.parse(connect.destination()).or(() -> replyTo);
        if (named.isEmpty()) {
            LOG.warn("agent={} command=Connect destination=? outcome=dropped (no destination and no JMSReplyTo)", connect.agentId());
            return;
        }
        ClientDestination destination = registry.touch(named.get());
        ClientDestination target = target(replyTo, destination);
        if (outOfService(connect, target, correlationId)) {
            return;
        }
        switch (registry.bind(connect.agentId(), destination)) {
            case BindResult.LicensesExceeded l -> {
                outbox.send(target, new Event.ErrorEvent(connect.agentId(), ErrorCode.LICENSES_EXCEEDED), correlationId);
                LOG.warn("agent={} command=Connect destination={} outcome=LICENSES_EXCEEDED (limit {})", connect.agentId(), destination, l.limit());
            }
            case BindResult.Bound b -> {
                b.previous().ifPresent(old -> invalidate(old));
                Runnable undo = b.created() ? () -> release(b.session()) : () -> { };
                if (supported.contains(CommandName.CONNECT)) {
                    submit(new CommandJob(connect, target, correlationId, adapter, outbox, undo));
                } else {
                    LOG.info("agent={} command=Connect destination={} outcome=ok (bound)", connect.agentId(), destination);
                }
            }
        }
    }

    private void invalidate(AgentSession old) {
        String agent = old.agentId();
        outbox.send(old.destination(), new Event.ErrorEvent(agent, ErrorCode.SESSION_INVALIDATED), null);
        outbox.send(old.destination(), new Event.State(agent, AgentState.LOGOUT, "", clock.instant(), null, "", "", "", agent), null);
        LOG.info("agent={} command=Connect destination={} outcome=SESSION_INVALIDATED sent to the previous destination",
                agent, old.destination());
    }

    private void release(AgentSession session) {
        if (registry.release(session)) {
            dispatcher.forget(session.agentId());
        }
    }

    private void agentCommand(Command command, Optional<ClientAddress> replyTo, String correlationId) {
        Optional<AgentSession> session = registry.session(command.agentId());
        if (session.isEmpty()) {
            replyTo.ifPresentOrElse(
                    to -> outbox.send(to, new Event.ReLogin(command.agentId()), correlationId),
                    () -> LOG.warn("agent={} command={} destination=? outcome=dropped (no session, no JMSReplyTo)",
                            command.agentId(), command.name().wireName()));
            LOG.info("agent={} command={} destination={} outcome=RE_LOGIN (no session)", command.agentId(),
                    command.name().wireName(), replyTo.map(Object::toString).orElse("?"));
            return;
        }
        ClientDestination destination = session.get().destination();
        destination.touch(clock.instant());
        ClientDestination target = target(replyTo, destination);
        if (outOfService(command, target, correlationId)) {
            return;
        }
        if (!supported.contains(command.name())) {
            outbox.send(target, new Event.ErrorEvent(command.agentId(), ErrorCode.UNSUPPORTED_COMMAND,
                    command.name().wireName() + " is not supported by this ACD"), correlationId);
            LOG.info("agent={} command={} destination={} outcome=UNSUPPORTED_COMMAND", command.agentId(), command.name().wireName(), target);
            return;
        }
        submit(new CommandJob(command, target, correlationId, adapter, outbox, () -> { }));
    }

    private void submit(CommandJob job) {
        if (!dispatcher.submit(job.command().agentId(), job)) {
            job.fail("mailbox full or connector stopping");
        }
    }

    private boolean outOfService(Command command, ClientDestination target, String correlationId) {
        if (link.status() == LinkStatus.IN_SERVICE) {
            return false;
        }
        outbox.send(target, new Event.SystemStatus(LinkStatus.OUT_OF_SERVICE), correlationId);
        LOG.info("agent={} command={} destination={} outcome=OUT_OF_SERVICE", command.agentId(), command.name().wireName(), target);
        return true;
    }

    @Override
    public void onRejected(ProtocolError error, Optional<ClientAddress> replyTo, String correlationId) {
        Optional<ClientDestination> target = replyTo.map(to -> target(Optional.of(to), null))
                .or(() -> registry.session(error.errorFor()).map(AgentSession::destination));
        target.ifPresent(t -> outbox.send(t, new Event.ErrorEvent(error.errorFor(), error.code(), error.detail()), correlationId));
        LOG.warn("agent={} command=? destination={} outcome={} ({})", error.errorFor(),
                target.map(Object::toString).orElse("? (not answered: no JMSReplyTo)"), error.code(), error.detail());
    }

    /** JMSReplyTo when the message had one, else the destination the command named. */
    private ClientDestination target(Optional<ClientAddress> replyTo, ClientDestination named) {
        if (replyTo.isEmpty() || named != null && replyTo.get().equals(named.address())) {
            return named;
        }
        return registry.find(replyTo.get()).orElseGet(() -> transientDestination(replyTo.get()));
    }

    private ClientDestination transientDestination(ClientAddress address) {
        return new ClientDestination(address, clock.instant());
    }
}
