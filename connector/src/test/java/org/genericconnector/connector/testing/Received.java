package org.genericconnector.connector.testing;

import java.util.Map;

/** A message a test client received: body, selector properties and correlation id. Immutable. */
public record Received(String body, Map<String, String> properties, String correlationId) {
    public Received {
        properties = Map.copyOf(properties);
    }
}
