package org.genericconnector.connector.testing;

import java.net.URI;

/** The three client protocols the connector is tested with. */
public enum ClientKind {
    /** Apache Artemis CORE (Jakarta Messaging client). */
    CORE,
    /** ActiveMQ OpenWire (activemq-client 6, as existing GC clients use). */
    OPENWIRE,
    /** STOMP 1.2 over a raw socket. */
    STOMP;

    public GcClient open(String brokerUrl, String topic, String commandTopic) {
        URI uri = URI.create(brokerUrl);
        return switch (this) {
            case CORE -> new JmsGcClient(new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(brokerUrl), topic, commandTopic);
            case OPENWIRE -> new JmsGcClient(new org.apache.activemq.ActiveMQConnectionFactory(
                    "tcp://" + uri.getHost() + ":" + uri.getPort()), topic, commandTopic);
            case STOMP -> new StompGcClient(uri.getHost(), uri.getPort(), topic, commandTopic);
        };
    }
}
