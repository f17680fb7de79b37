package org.genericconnector.finesse;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import java.util.function.Predicate;

import org.genericconnector.finesse.error.MappedError;
import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.CommandRequest;

/**
 * Commands waiting for the notification that settles their 202-accepted request, by {@code requestId}.
 * While a command waits, the events of notifications carrying its requestId are replied to it (so they
 * carry the command's correlation id); afterwards they are published. Thread-safe.
 */
final class PendingRequests {
    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(PendingRequests.class);

    /** One request in flight. */
    static final class Pending {
        final String requestId = UUID.randomUUID().toString();
        final String agentId;
        final CommandRequest request;
        final Predicate<FinesseUpdate> settles;
        final Function<FinesseUpdate, List<Event>> firstEvents;
        private final CompletableFuture<FinesseUpdate> outcome = new CompletableFuture<>();

        Pending(String agentId, CommandRequest request, Predicate<FinesseUpdate> settles,
                Function<FinesseUpdate, List<Event>> firstEvents) {
            this.agentId = agentId;
            this.request = request;
            this.settles = settles;
            this.firstEvents = firstEvents;
        }

        boolean isDone() {
            return outcome.isDone();
        }

        void complete(FinesseUpdate update) {
            outcome.complete(update);
        }

        void fail(MappedError error) {
            outcome.completeExceptionally(error.toException());
        }

        /** Waits for the outcome; empty on timeout. Throws the asynchronous error the ACD sent. */
        java.util.Optional<FinesseUpdate> await(Duration timeout) throws AcdException {
            try {
                return java.util.Optional.of(outcome.get(timeout.toNanos(), TimeUnit.NANOSECONDS));
            } catch (TimeoutException e) {
                LOG.info("GC-FIN-NOTIFY-TIMEOUT agent={} command={} requestId={}: no settling notification within {} ms",
                        agentId, request.command().name(), requestId, timeout.toMillis());
                return java.util.Optional.empty();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof AcdException acd) {
                    throw acd;
                }
                throw new AcdException(ErrorCode.CF_GENERIC_UNSPECIFIED, AcdException.Kind.REJECTED,
                        String.valueOf(e.getCause()), e.getCause());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, "interrupted");
            }
        }
    }

    private final Map<String, Pending> byId = new ConcurrentHashMap<>();

    Pending open(String agentId, CommandRequest request, Predicate<FinesseUpdate> settles,
                 Function<FinesseUpdate, List<Event>> firstEvents) {
        Pending pending = new Pending(agentId, request, settles, firstEvents);
        byId.put(pending.requestId, pending);
        return pending;
    }

    Pending find(String requestId) {
        return requestId == null || requestId.isBlank() ? null : byId.get(requestId.strip());
    }

    void close(Pending pending) {
        byId.remove(pending.requestId);
    }

    /** Fails every waiting command (the node was lost). */
    void failAll(String why) {
        byId.values().forEach(p -> p.outcome.completeExceptionally(
                new AcdException(ErrorCode.PLEASE_RETRY, AcdException.Kind.RETRIABLE, why)));
    }

    int size() {
        return byId.size();
    }
}
