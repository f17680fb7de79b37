package org.genericconnector.bench;

import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * The baseline: the least a service can do for a command. It consumes the command topic through the same
 * shared subscription as the connector (Artemis CORE client, non-blocking non-durable sends like the
 * connector's) with {@code sessions} consumers, each answering every command it gets with one State event
 * of the connector's size to JMSReplyTo, on its own delivery thread. What it costs is the physical limit
 * of a command round trip through this broker on this machine. Thread-safe: each session is confined to
 * its delivery thread.
 */
public final class EchoService implements AutoCloseable {
    private final Connection connection;
    private final AtomicLong errors = new AtomicLong();

    public EchoService(String brokerUrl, String commandTopic, String subscription, int sessions) throws JMSException {
        ActiveMQConnectionFactory factory = new ActiveMQConnectionFactory(brokerUrl);
        factory.setBlockOnNonDurableSend(false);
        factory.setConfirmationWindowSize(1024 * 1024);
        connection = factory.createConnection();
        for (int i = 0; i < sessions; i++) {
            Session session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            MessageProducer producer = session.createProducer(null);
            producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
            Map<String, Topic> topics = new HashMap<>();
            session.createSharedConsumer(session.createTopic(commandTopic), subscription)
                    .setMessageListener(m -> answer(session, producer, topics, m));
        }
        connection.start();
    }

    private void answer(Session session, MessageProducer producer, Map<String, Topic> topics, Message command) {
        try {
            Destination replyTo = command.getJMSReplyTo();
            String type = command.getJMSType();
            if (replyTo == null || type == null) {
                return;
            }
            String agent = type.substring(type.indexOf('#') + 1);
            TextMessage reply = session.createTextMessage(stateOf(agent));
            reply.setStringProperty("gcAgent", agent);
            reply.setStringProperty("gcEvent", "State");
            reply.setStringProperty("gcCategory", "agent_state");
            reply.setJMSCorrelationID(command.getJMSCorrelationID());
            producer.send(topicOf(session, topics, replyTo), reply);
        } catch (JMSException | RuntimeException e) {
            errors.incrementAndGet();
        }
    }

    /**
     * The reply topic by name, made once per session like the connector's client destinations: a
     * destination read from a message would make the Artemis client check the address with the broker
     * (a blocking round trip) before every send.
     */
    private static Topic topicOf(Session session, Map<String, Topic> topics, Destination replyTo) throws JMSException {
        String name = ((Topic) replyTo).getTopicName();
        Topic t = topics.get(name);
        if (t == null) {
            t = session.createTopic(name);
            topics.put(name, t);
        }
        return t;
    }

    /** A State event as the sandbox writes it for a NOT_READY agent (same length as the connector's). */
    static String stateOf(String agent) {
        return agent + "#State#NOT_READY#-1#2026-01-05T08:00:00Z##1767600000000#First" + agent + " Last" + agent
                + "#" + agent + "#" + agent + "##First" + agent + " Last" + agent + "#u" + agent;
    }

    public long errors() {
        return errors.get();
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // closing anyway
        }
    }
}
