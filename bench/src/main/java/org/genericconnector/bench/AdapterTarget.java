package org.genericconnector.bench;

import java.util.Map;

/**
 * A simulated ACD reached through a real adapter, for an adapter row of the bench: one of the simulator's
 * faces (started on loopback, free ports) and the {@code acd.<type>.*} settings that point the connector's
 * adapter at it.
 */
interface AdapterTarget extends AutoCloseable {

    /** What {@code acd.type} names: the adapter. */
    String type();

    /** The connector's settings for the adapter ({@code acd.<type>.*}). */
    Map<String, String> settings();

    /** What a round trip costs on this ACD, for the report. */
    String describe();

    @Override
    void close();
}
