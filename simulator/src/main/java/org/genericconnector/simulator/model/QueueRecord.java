package org.genericconnector.simulator.model;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.Deque;

import org.genericconnector.simulator.model.Directory.QueueDefinition;

/** The live state of a queue: the calls waiting in it. Mutable, confined to the {@link ContactCenter} lock. */
final class QueueRecord {
    final QueueDefinition definition;
    final Deque<String> waiting = new ArrayDeque<>();
    /** Calls the scenario says are waiting besides the real ones (queue-load). */
    int extraWaiting;
    Duration extraLongestWait = Duration.ZERO;
    int handled;
    int abandoned;

    QueueRecord(QueueDefinition definition) {
        this.definition = definition;
    }

    String name() {
        return definition.name();
    }
}
