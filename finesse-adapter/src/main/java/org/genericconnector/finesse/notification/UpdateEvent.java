package org.genericconnector.finesse.notification;

import java.util.Locale;
import java.util.Optional;

/** What an {@code <Update>} says happened to its source: PUT modified, POST added, DELETE removed. */
public enum UpdateEvent {
    PUT,
    POST,
    DELETE;

    /** The event for {@code text} in any case ({@code PUT} in updates, {@code put} in error captures). */
    public static Optional<UpdateEvent> parse(String text) {
        return switch (text.strip().toUpperCase(Locale.ROOT)) {
            case "PUT" -> Optional.of(PUT);
            case "POST" -> Optional.of(POST);
            case "DELETE" -> Optional.of(DELETE);
            default -> Optional.empty();
        };
    }
}
