package org.genericconnector.connector.dispatch;

import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.CommandRequest;
import org.slf4j.Logger;

/**
 * Logs out an agent whose client destination expired ({@code sessions.logout-on-expiry: true}); nobody
 * listens for the answer, so it is only logged. Runs in the agent's mailbox. Immutable.
 */
public final class ExpiryLogout implements MailboxTask, CommandRequest {
    private static final Logger LOG = CommandJob.COMMANDS;

    private final Command command;
    private final AcdAdapter adapter;

    public ExpiryLogout(String agentId, AcdAdapter adapter) {
        this.command = new Command.Logout(agentId, agentId);
        this.adapter = adapter;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public void reply(Event event) {
        LOG.debug("expiry logout of {}: {}", command.agentId(), event.type());
    }

    @Override
    public void run() {
        try {
            adapter.execute(this);
            LOG.info("agent={} command=Logout destination=(expired) outcome=ok", command.agentId());
        } catch (AcdException | RuntimeException e) {
            LOG.warn("agent={} command=Logout destination=(expired) outcome={}", command.agentId(), e.toString());
        }
    }

    @Override
    public void fail(String reason) {
        LOG.debug("expiry logout of {} not done: {}", command.agentId(), reason);
    }
}
