package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/** SystemInfo {@code <primaryNode>}/{@code <secondaryNode>}; the ports exist since 12.6(2), "" before. */
@JsonPropertyOrder({"host", "httpsPort", "xmppPort", "xmppSecurePort"})
public record FinesseNode(String host, String httpsPort, String xmppPort, String xmppSecurePort) {
    public static final FinesseNode NONE = new FinesseNode("", "", "", "");

    public FinesseNode {
        host = Values.text(host);
        httpsPort = Values.text(httpsPort);
        xmppPort = Values.text(xmppPort);
        xmppSecurePort = Values.text(xmppSecurePort);
    }

    public boolean isPresent() {
        return !host.isBlank();
    }
}
