package org.genericconnector.bench;

import jakarta.jms.ConnectionFactory;

/** The JMS client library the load clients use: OpenWire (what existing GC clients use) or Artemis CORE. */
public enum ClientProtocol {
    OPENWIRE,
    CORE;

    /** A connection factory for the broker acceptor at {@code host:port}. */
    public ConnectionFactory factory(String host, int port) {
        String url = "tcp://" + host + ":" + port;
        return switch (this) {
            case OPENWIRE -> {
                org.apache.activemq.ActiveMQConnectionFactory f = new org.apache.activemq.ActiveMQConnectionFactory(url);
                // non-persistent sends are asynchronous anyway; keep the default prefetch and dispatch
                f.setWatchTopicAdvisories(false);
                yield f;
            }
            case CORE -> new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(url);
        };
    }
}
