package org.genericconnector.finesse;

import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;

/** Creates the Cisco Finesse adapter ({@code acd.type: finesse}); settings in {@link FinesseSettings}. */
public final class FinesseAdapterFactory implements AcdAdapterFactory {

    @Override
    public String name() {
        return "finesse";
    }

    @Override
    public AcdAdapter create(AdapterConfig config) {
        return new FinesseAdapter(FinesseSettings.from(config));
    }
}
