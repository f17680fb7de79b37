package org.genericconnector.bench;

import jakarta.jms.Connection;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/**
 * One GC client destination (a server driver multiplexing many agents over its own topic): a producer
 * session that sends commands to the command topic with JMSReplyTo set to the client's topic, and a
 * consumer session whose listener hands every event to the current {@link Sink}. Commands are
 * non-persistent. Thread-safe: sends are serialised on this object; the sink is volatile.
 */
public final class LoadClient implements AutoCloseable {
    /** Receives every event of a client, on the client's delivery thread. */
    @FunctionalInterface
    public interface Sink {
        void received(LoadClient client, String body, String correlationId, long nanoTime);
    }

    private final String topicName;
    private final Connection connection;
    private final Session producerSession;
    private final MessageProducer producer;
    private volatile Topic commands;
    private final Topic own;
    private volatile Sink sink = (c, b, id, t) -> { };

    public LoadClient(jakarta.jms.ConnectionFactory factory, String topicName, String commandTopic) throws JMSException {
        this.topicName = topicName;
        connection = factory.createConnection();
        producerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        Session consumerSession = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
        own = producerSession.createTopic(topicName);
        commands = producerSession.createTopic(commandTopic);
        producer = producerSession.createProducer(null);
        producer.setDeliveryMode(DeliveryMode.NON_PERSISTENT);
        consumerSession.createConsumer(consumerSession.createTopic(topicName)).setMessageListener(this::onMessage);
        connection.start();
    }

    public String topic() {
        return topicName;
    }

    /** Sends the following commands to {@code commandTopic} (the connector's, or the echo baseline's). */
    public synchronized void target(String commandTopic) throws JMSException {
        commands = producerSession.createTopic(commandTopic);
    }

    public void sink(Sink sink) {
        this.sink = sink;
    }

    private void onMessage(Message m) {
        long now = System.nanoTime();
        try {
            String body = m instanceof TextMessage t ? t.getText() : "";
            sink.received(this, body, m.getJMSCorrelationID(), now);
        } catch (JMSException e) {
            sink.received(this, "!" + e, null, now);
        }
    }

    /** Sends one command ({@code <Command>#<id>} and body) to the command topic. */
    public synchronized void send(String jmsType, String body, String correlationId) throws JMSException {
        TextMessage m = producerSession.createTextMessage(body);
        m.setJMSType(jmsType);
        if (correlationId != null) {
            m.setJMSCorrelationID(correlationId);
        }
        m.setJMSReplyTo(own);
        producer.send(commands, m);
    }

    /** Sends one scenario-control line to {@code controlTopic}; the reply comes to this client's topic. */
    public synchronized void sendControl(String controlTopic, String line, String correlationId) throws JMSException {
        TextMessage m = producerSession.createTextMessage(line);
        m.setJMSCorrelationID(correlationId);
        m.setJMSReplyTo(own);
        producer.send(producerSession.createTopic(controlTopic), m);
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
