package org.genericconnector.simulator.ami;

import java.util.ArrayList;
import java.util.List;

/** A basic two-party bridge. Mutable; confined to the contact center's lock. */
final class AmiBridge {
    final String uniqueid;
    final List<AmiChannel> channels = new ArrayList<>();

    AmiBridge(String uniqueid) {
        this.uniqueid = uniqueid;
    }

    List<AmiMessage.Header> snapshot(String prefix) {
        return List.of(
                new AmiMessage.Header(prefix + "BridgeUniqueid", uniqueid),
                new AmiMessage.Header(prefix + "BridgeType", "basic"),
                new AmiMessage.Header(prefix + "BridgeTechnology", "simple_bridge"),
                new AmiMessage.Header(prefix + "BridgeCreator", "<unknown>"),
                new AmiMessage.Header(prefix + "BridgeName", "<unknown>"),
                new AmiMessage.Header(prefix + "BridgeNumChannels", Integer.toString(channels.size())),
                new AmiMessage.Header(prefix + "BridgeVideoSourceMode", "none"));
    }
}
