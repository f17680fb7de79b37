package org.genericconnector.connector.dispatch;

import java.util.concurrent.atomic.AtomicBoolean;

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
 * command's log line.
 *
 * <p>Replies given on the mailbox thread are queued in order and sent by that same thread as soon as the
 * adapter returns (outside any lock the adapter holds, so {@link #reply} never blocks), before the log line
 * is written; replies from the adapter's own threads go to the sender thread. Thread-safe.
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
    private final AtomicBoolean settled = new AtomicBoolean();
    /** The mailbox thread while {@link #run} is in the adapter. */
    private volatile Thread runner;

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
        if (Thread.currentThread() == runner) {
            outbox.queue(replyTo, event, correlationId);
        } else {
            outbox.send(replyTo, event, correlationId);
        }
    }

    @Override
    public void run() {
        long start = System.nanoTime();
        String outcome;
        runner = Thread.currentThread();
        try {
            outcome = execute();
        } finally {
            runner = null;
            outbox.flush(replyTo);
        }
        if (outcome != null) {
            COMMANDS.info("agent={} command={} destination={} outcome={} ms={}", command.agentId(), command.name().wireName(),
                    replyTo, outcome, (System.nanoTime() - start) / 1_000_000);
        }
    }

    /** Calls the adapter; the outcome for the log line, or null when the command was settled already (stop). */
    private String execute() {
        try {
            adapter.execute(this);
            return settled.compareAndSet(false, true) ? "ok" : null;
        } catch (AcdException e) {
            return error(e.code(), e.getMessage(), e.kind().toString());
        } catch (RuntimeException e) {
            COMMANDS.error("GC-ADAPTER-DEFECT adapter failed on {} for agent {}", command.name().wireName(), command.agentId(), e);
            return error(ErrorCode.CF_GENERIC_UNSPECIFIED, "", "defect");
        }
    }

    private String error(ErrorCode code, String detail, String kind) {
        if (!settled.compareAndSet(false, true)) {
            return null;
        }
        onFailure.run();
        String text = detail == null ? "" : detail;
        reply(new Event.ErrorEvent(command.agentId(), code, text));
        return code + " (" + kind + ": " + text + ")";
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
}
