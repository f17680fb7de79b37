package org.genericconnector.connector.dispatch;

import org.genericconnector.connector.session.ClientDestination;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.CommandRequest;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One command on its way to the adapter: runs in the agent's mailbox, sends the events the adapter
 * replies with to the requesting destination with the command's correlation id, turns a failure into
 * {@code <agent>#Error#<CODE>} (an unexpected exception from the adapter, a defect, into
 * {@code CF_GENERIC_UNSPECIFIED}: the guide keeps {@code GENERAL_ERROR} for Login), and writes the
 * command's log line. Thread-safe (immutable but for the
 * adapter it calls).
 */
final class CommandJob implements MailboxTask, CommandRequest {
    static final Logger COMMANDS = LoggerFactory.getLogger("org.genericconnector.connector.commands");

    private final Command command;
    private final ClientDestination replyTo;
    private final String correlationId;
    private final AcdAdapter adapter;
    private final Outbox outbox;
    private final Runnable onFailure;
    /** Set once the command has its outcome, so that a stop and a late completion never both answer. */
    private final java.util.concurrent.atomic.AtomicBoolean settled = new java.util.concurrent.atomic.AtomicBoolean();

    CommandJob(Command command, ClientDestination replyTo, String correlationId, AcdAdapter adapter, Outbox outbox,
               Runnable onFailure) {
        this.command = command;
        this.replyTo = replyTo;
        this.correlationId = correlationId;
        this.adapter = adapter;
        this.outbox = outbox;
        this.onFailure = onFailure;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public void reply(Event event) {
        outbox.send(replyTo, event, correlationId);
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        try {
            adapter.execute(this);
            if (settled.compareAndSet(false, true)) {
                log("ok", start);
            }
        } catch (AcdException e) {
            error(e.code(), e.getMessage(), start, e.kind().toString());
        } catch (RuntimeException e) {
            COMMANDS.error("GC-ADAPTER-DEFECT adapter failed on {} for agent {}", command.name().wireName(), command.agentId(), e);
            error(ErrorCode.CF_GENERIC_UNSPECIFIED, "", start, "defect");
        }
    }

    private void error(ErrorCode code, String detail, long start, String kind) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        onFailure.run();
        reply(new Event.ErrorEvent(command.agentId(), code, detail == null ? "" : detail));
        log(code + " (" + kind + ": " + detail + ")", start);
    }

    @Override
    public void fail(String reason) {
        if (!settled.compareAndSet(false, true)) {
            return;
        }
        onFailure.run();
        reply(new Event.ErrorEvent(command.agentId(), ErrorCode.PLEASE_RETRY));
        COMMANDS.warn("agent={} command={} destination={} outcome=PLEASE_RETRY ({})", command.agentId(),
                command.name().wireName(), replyTo, reason);
    }

    private void log(String outcome, long start) {
        COMMANDS.info("agent={} command={} destination={} outcome={} ms={}", command.agentId(), command.name().wireName(),
                replyTo, outcome, (System.nanoTime() - start) / 1_000_000);
    }
}
