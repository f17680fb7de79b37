package org.genericconnector.protocol.spi;

/**
 * Creates an {@link AcdAdapter}; registered in {@code META-INF/services/org.genericconnector.protocol.spi.AcdAdapterFactory}
 * and chosen by {@link #name()} against the connector's {@code acd.type} setting.
 */
public interface AcdAdapterFactory {

    /** The name operators write in configuration: {@code sandbox}, {@code finesse}, {@code asterisk}. */
    String name();

    /** Builds an adapter from its configuration; a bad setting throws {@link IllegalArgumentException} naming the key. */
    AcdAdapter create(AdapterConfig config);
}
