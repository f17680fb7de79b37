package org.genericconnector.servicemanager;

import java.nio.charset.StandardCharsets;

import jakarta.jms.BytesMessage;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;

/** The text of a received message: a TextMessage's text or a BytesMessage's UTF-8. */
final class MessageText {
    private MessageText() {
    }

    static String of(Message m) throws JMSException {
        if (m instanceof TextMessage t) {
            return t.getText() == null ? "" : t.getText();
        }
        if (m instanceof BytesMessage b) {
            byte[] bytes = new byte[(int) b.getBodyLength()];
            b.readBytes(bytes);
            return new String(bytes, StandardCharsets.UTF_8);
        }
        return "";
    }
}
