package org.genericconnector.protocol.spi;

import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;

/** One command being executed, and where the events answering it go. Thread-safe; never blocks. */
public interface CommandRequest {

    Command command();

    /**
     * Sends an event that answers this command: to the requesting client destination, with the
     * command's correlation id. Events about other agents (a supervisor's action seen by the agent)
     * go through {@link AdapterContext#publish} instead.
     */
    void reply(Event event);
}
