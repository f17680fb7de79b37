package org.genericconnector.connector.testing;

import java.nio.charset.StandardCharsets;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.Map;

import jakarta.jms.BytesMessage;
import jakarta.jms.Connection;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageProducer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

/** A GC client over Jakarta Messaging: the Artemis CORE client or the ActiveMQ OpenWire client. */
public final class JmsGcClient implements GcClient {
    private final String topic;
    private final Inbox inbox = new Inbox();
    private final Connection connection;
    private final Session session;
    private final MessageProducer producer;
    private final Topic commands;
    private final Topic own;

    public JmsGcClient(ConnectionFactory factory, String topic, String commandTopic) {
        this.topic = topic;
        try {
            connection = factory.createConnection();
            session = connection.createSession(false, Session.AUTO_ACKNOWLEDGE);
            own = session.createTopic(topic);
            commands = session.createTopic(commandTopic);
            producer = session.createProducer(null);
            session.createConsumer(own).setMessageListener(this::onMessage);
            connection.start();
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void onMessage(Message m) {
        try {
            Map<String, String> props = new HashMap<>();
            for (Enumeration<?> e = m.getPropertyNames(); e.hasMoreElements(); ) {
                String name = (String) e.nextElement();
                props.put(name, String.valueOf(m.getObjectProperty(name)));
            }
            String body = m instanceof TextMessage t ? t.getText() : "";
            inbox.add(new Received(body, props, m.getJMSCorrelationID()));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public String topic() {
        return topic;
    }

    @Override
    public synchronized void send(String jmsType, String body, String correlationId) {
        try {
            TextMessage m = session.createTextMessage(body);
            send(m, jmsType, correlationId, true, commands);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void sendBytes(String jmsType, byte[] body, String correlationId) {
        try {
            BytesMessage m = session.createBytesMessage();
            m.writeBytes(body);
            send(m, jmsType, correlationId, true, commands);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void sendNoReplyTo(String jmsType, String body) {
        try {
            send(session.createTextMessage(body), jmsType, null, false, commands);
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public synchronized void sendLine(String controlTopic, String line, String correlationId) {
        try {
            send(session.createTextMessage(line), null, correlationId, true, session.createTopic(controlTopic));
        } catch (JMSException e) {
            throw new IllegalStateException(e);
        }
    }

    private void send(Message m, String jmsType, String correlationId, boolean replyTo, Topic to) throws JMSException {
        if (jmsType != null) {
            m.setJMSType(jmsType);
        }
        if (correlationId != null) {
            m.setJMSCorrelationID(correlationId);
        }
        if (replyTo) {
            m.setJMSReplyTo(own);
        }
        producer.send(to, m);
    }

    @Override
    public Inbox inbox() {
        return inbox;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // closing anyway
        }
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }
}
