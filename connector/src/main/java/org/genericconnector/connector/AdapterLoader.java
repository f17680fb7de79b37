package org.genericconnector.connector;

import java.util.ServiceLoader;
import java.util.stream.Collectors;

import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;

/** Finds the ACD adapter named by {@code acd.type} among the factories on the class path. Stateless. */
public final class AdapterLoader {
    private AdapterLoader() {
    }

    public static AcdAdapter load(String type, AdapterConfig config) {
        ServiceLoader<AcdAdapterFactory> loader = ServiceLoader.load(AcdAdapterFactory.class);
        for (AcdAdapterFactory factory : loader) {
            if (factory.name().equalsIgnoreCase(type)) {
                return factory.create(config);
            }
        }
        String available = loader.stream().map(p -> p.get().name()).sorted().collect(Collectors.joining(", "));
        throw new IllegalStateException("no ACD adapter named '" + type + "' (key acd.type); available: "
                + (available.isEmpty() ? "none" : available));
    }
}
