package org.genericconnector.connector.transport;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;

import jakarta.jms.BytesMessage;
import jakarta.jms.Destination;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;

import org.genericconnector.protocol.spi.ScenarioControl;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Passes each line sent to the scenario control topic to the simulated ACD's {@link ScenarioControl}
 * and sends the reply line to JMSReplyTo with the request's correlation id. Requests run one after the
 * other on a virtual thread, in arrival order, so the listener thread never waits on the simulator.
 * Thread-safe.
 */
final class ControlListener implements MessageListener, AutoCloseable {
    private static final Logger LOG = LoggerFactory.getLogger(ControlListener.class);

    private final ScenarioControl control;
    private final EventSender sender;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(Thread.ofVirtual().name("gc-control").factory());

    ControlListener(ScenarioControl control, EventSender sender) {
        this.control = control;
        this.sender = sender;
    }

    @Override
    public void onMessage(Message message) {
        try {
            String line = message instanceof TextMessage t ? t.getText() : bodyOf(message);
            Destination replyTo = ClientAddress.of(message.getJMSReplyTo()).map(ClientAddress::toJms).orElse(null);
            String correlationId = message.getJMSCorrelationID();
            worker.execute(() -> perform(line, replyTo, correlationId));
        } catch (JMSException | RuntimeException e) {
            LOG.warn("GC-CONTROL-FAILED unreadable scenario control message: {}", e.toString());
        }
    }

    private void perform(String line, Destination replyTo, String correlationId) {
        String reply;
        try {
            reply = control.handle(line == null ? "" : line.strip());
        } catch (RuntimeException e) {
            LOG.warn("GC-CONTROL-FAILED scenario control '{}' failed", line, e);
            reply = "ERROR " + e;
        }
        LOG.info("scenario control '{}' -> '{}'", line, reply);
        if (replyTo != null) {
            sender.send(Outbound.line(replyTo, reply, correlationId));
        }
    }

    private static String bodyOf(Message message) throws JMSException {
        if (message instanceof BytesMessage b) {
            byte[] body = new byte[(int) Math.min(b.getBodyLength(), 1 << 20)];
            b.readBytes(body);
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
        return "";
    }

    @Override
    public void close() {
        try {
            worker.shutdown();
        } catch (RejectedExecutionException e) {
            LOG.debug("control worker", e);
        }
    }
}
