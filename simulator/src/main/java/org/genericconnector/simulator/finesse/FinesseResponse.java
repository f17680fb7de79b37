package org.genericconnector.simulator.finesse;

/** A REST answer: the HTTP status and the XML body ("" for none). Immutable. */
record FinesseResponse(int status, String body) {
    static final FinesseResponse ACCEPTED = new FinesseResponse(202, "");

    static FinesseResponse ok(String xml) {
        return new FinesseResponse(200, xml);
    }
}
