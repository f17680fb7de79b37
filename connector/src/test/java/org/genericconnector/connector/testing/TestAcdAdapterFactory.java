package org.genericconnector.connector.testing;

import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;

/** Registers {@link TestAcdAdapter} as {@code test-acd}. */
public final class TestAcdAdapterFactory implements AcdAdapterFactory {
    @Override
    public String name() {
        return "test-acd";
    }

    @Override
    public AcdAdapter create(AdapterConfig config) {
        return new TestAcdAdapter();
    }
}
