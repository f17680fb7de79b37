package org.genericconnector.servicemanager;

import java.util.UUID;

/** Names of the topics gcctl uses for its own replies: unique per run, so runs never see each other's answers. */
final class Topics {
    private Topics() {
    }

    static String unique(String purpose) {
        return "gcctl." + purpose + "." + UUID.randomUUID().toString().substring(0, 8);
    }
}
