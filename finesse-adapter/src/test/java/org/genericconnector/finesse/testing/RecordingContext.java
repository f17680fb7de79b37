package org.genericconnector.finesse.testing;

import java.time.Duration;
import java.time.InstantSource;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AdapterContext;

/** The connector's side of the SPI in tests: records published events and link status changes. Thread-safe. */
public class RecordingContext implements AdapterContext {
    public final List<Event> published = new CopyOnWriteArrayList<>();
    public final List<LinkStatus> links = new CopyOnWriteArrayList<>();

    @Override
    public void publish(Event event) {
        published.add(event);
    }

    @Override
    public void linkStatusChanged(LinkStatus status) {
        links.add(status);
    }

    @Override
    public InstantSource clock() {
        return InstantSource.system();
    }

    /** Waits for a published event of the type that matches, and returns it. */
    public <E extends Event> E await(Class<E> type, Predicate<E> matches) {
        Waiting.until(Duration.ofSeconds(15), "a published " + type.getSimpleName(),
                () -> published.stream().anyMatch(e -> type.isInstance(e) && matches.test(type.cast(e))));
        return published.stream().filter(e -> type.isInstance(e) && matches.test(type.cast(e))).map(type::cast)
                .findFirst().orElseThrow();
    }

    public void awaitLink(LinkStatus status) {
        Waiting.until(Duration.ofSeconds(30), "link " + status,
                () -> !links.isEmpty() && links.get(links.size() - 1) == status);
    }

    /** Waits until the link went OUT_OF_SERVICE after {@code mark} (a size of {@link #links}) and is IN_SERVICE again. */
    public void awaitOutageAndRecovery(int mark) {
        Waiting.until(Duration.ofSeconds(30), "an outage reported", () -> links.subList(mark, links.size()).contains(LinkStatus.OUT_OF_SERVICE));
        awaitLink(LinkStatus.IN_SERVICE);
    }

    public List<Event> publishedFor(String agentId) {
        return published.stream().filter(e -> e.agentId().equals(agentId)).toList();
    }
}
