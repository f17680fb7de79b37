package org.genericconnector.finesse.testing;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.genericconnector.protocol.command.Command;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.CommandRequest;

/** One command in tests: records the events replied to it. Thread-safe. */
public class RecordingRequest implements CommandRequest {
    private final Command command;
    public final List<Event> replies = new CopyOnWriteArrayList<>();

    public RecordingRequest(Command command) {
        this.command = command;
    }

    @Override
    public Command command() {
        return command;
    }

    @Override
    public void reply(Event event) {
        replies.add(event);
    }

    public <E extends Event> List<E> replies(Class<E> type) {
        return replies.stream().filter(type::isInstance).map(type::cast).toList();
    }
}
