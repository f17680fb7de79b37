package org.genericconnector.servicemanager;

import jakarta.jms.Connection;
import jakarta.jms.JMSException;
import jakarta.jms.JMSSecurityException;
import jakarta.jms.Session;

import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * One short-lived JMS connection for a gcctl command (Artemis CORE client): one attempt, no reconnection,
 * so that an unreachable broker is reported at once with {@link ExitCodes#BROKER_UNREACHABLE}.
 * Not thread-safe beyond what JMS sessions allow: one command, one thread.
 */
public final class BrokerSession implements AutoCloseable {
    private final ActiveMQConnectionFactory factory;
    private final Connection connection;
    private final Session session;

    private BrokerSession(ActiveMQConnectionFactory factory, Connection connection, Session session) {
        this.factory = factory;
        this.connection = connection;
        this.session = session;
    }

    public static BrokerSession open(BrokerOptions options) throws GcctlException {
        ActiveMQConnectionFactory factory;
        try {
            factory = new ActiveMQConnectionFactory(options.url());
        } catch (RuntimeException e) {
            throw new GcctlException(ExitCodes.USAGE, "bad broker URL " + options.url() + ": " + e.getMessage());
        }
        factory.setInitialConnectAttempts(1);
        factory.setReconnectAttempts(0);
        factory.setCallTimeout(5000);
        factory.setConnectionTTL(10_000);
        factory.setClientFailureCheckPeriod(5000);
        if (!options.user().isEmpty()) {
            factory.setUser(options.user());
            factory.setPassword(options.password());
        }
        try {
            Connection c = factory.createConnection();
            Session s = c.createSession(false, Session.AUTO_ACKNOWLEDGE);
            c.start();
            return new BrokerSession(factory, c, s);
        } catch (JMSSecurityException e) {
            factory.close();
            throw new GcctlException(ExitCodes.BROKER_UNREACHABLE, "the broker at " + options.url()
                    + " refused the credentials" + (options.user().isEmpty() ? " (none given: use --user and GC_BROKER_PASSWORD)" : " of user " + options.user()));
        } catch (JMSException | RuntimeException e) {
            factory.close();
            throw new GcctlException(ExitCodes.BROKER_UNREACHABLE, "cannot reach the broker at " + options.url() + ": " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        String m = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
        return m.replace('\n', ' ');
    }

    public Session session() {
        return session;
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (JMSException e) {
            // closing anyway
        }
        factory.close();
    }
}
