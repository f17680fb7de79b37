package org.genericconnector.finesse.notification;

import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.finesse.xml.FinesseXmlException.Reason;
import org.genericconnector.finesse.xml.User;

/**
 * Parses a Finesse pub-sub payload into a {@link FinesseUpdate}.
 *
 * <p>The payload may be the whole {@code <message>} stanza, the {@code <item>}, the
 * {@code <notification>} element or the bare {@code <Update>}. The {@code <Update>} inside a
 * {@code <notification>} may be escaped text (the 12.5 wire form) or inline XML. Elements match by
 * local name in any case and namespace ({@code urn:xmpp:push:0} or the older
 * {@code http://jabber.org/protocol/pubsub}; {@code <user>} or {@code <User>}; {@code put} or
 * {@code PUT}), in any order; unknown elements are skipped.
 *
 * <p>Stateless and thread-safe.
 */
public final class NotificationParser {

    private static final Pattern TEAM_USERS_NODE = Pattern.compile("/finesse/api/Team/([^/]+)/Users/?");

    /**
     * Parses a payload whose node, if any, is named by an {@code <items node="..">} in it.
     *
     * @throws FinesseXmlException with reason EMPTY, TOO_LARGE, MALFORMED, NOT_AN_UPDATE,
     *                             MISSING_ELEMENT, UNKNOWN_EVENT or UNEXPECTED_CONTENT
     */
    public FinesseUpdate parse(String payload) throws FinesseXmlException {
        return parse("", payload);
    }

    /**
     * Parses a payload published on {@code node} (as an XMPP library reports it; "" if unknown).
     *
     * @throws FinesseXmlException as {@link #parse(String)}
     */
    public FinesseUpdate parse(String node, String payload) throws FinesseXmlException {
        String knownNode = node == null ? "" : node.strip();
        try {
            return parseOuter(knownNode, payload);
        } catch (XMLStreamException | RuntimeException e) {
            throw malformed(e);
        }
    }

    private FinesseUpdate parseOuter(String node, String payload) throws FinesseXmlException, XMLStreamException {
        XMLStreamReader reader = FinesseXml.streamReader(payload);
        try {
            while (reader.hasNext()) {
                if (reader.next() != XMLStreamConstants.START_ELEMENT) {
                    continue;
                }
                String name = localName(reader);
                if (name.equals("items") && node.isEmpty()) {
                    node = attribute(reader, "node");
                } else if (name.equals("update")) {
                    return readUpdate(reader, node);
                } else if (name.equals("notification")) {
                    return readNotification(reader, node);
                }
            }
            throw new FinesseXmlException(Reason.NOT_AN_UPDATE, "no <notification> or <Update> element");
        } finally {
            reader.close();
        }
    }

    /** Inside {@code <notification>}: either an inline {@code <Update>} or its escaped text. */
    private FinesseUpdate readNotification(XMLStreamReader reader, String node)
            throws FinesseXmlException, XMLStreamException {
        StringBuilder text = new StringBuilder();
        while (reader.hasNext()) {
            int type = reader.next();
            if (type == XMLStreamConstants.CHARACTERS || type == XMLStreamConstants.CDATA) {
                text.append(reader.getText());
            } else if (type == XMLStreamConstants.START_ELEMENT && localName(reader).equals("update")) {
                return readUpdate(reader, node);
            } else if (type == XMLStreamConstants.START_ELEMENT) {
                skipElement(reader);
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                break;
            }
        }
        if (text.isEmpty() || text.toString().isBlank()) {
            throw new FinesseXmlException(Reason.NOT_AN_UPDATE, "empty <notification>");
        }
        return parseEscaped(node, text.toString());
    }

    private FinesseUpdate parseEscaped(String node, String inner) throws FinesseXmlException, XMLStreamException {
        XMLStreamReader reader = FinesseXml.streamReader(inner.strip());
        try {
            while (reader.hasNext()) {
                if (reader.next() == XMLStreamConstants.START_ELEMENT) {
                    if (!localName(reader).equals("update")) {
                        throw new FinesseXmlException(Reason.NOT_AN_UPDATE,
                                "<notification> holds <" + reader.getLocalName() + ">, not <Update>");
                    }
                    return readUpdate(reader, node);
                }
            }
            throw new FinesseXmlException(Reason.NOT_AN_UPDATE, "<notification> holds no element");
        } finally {
            reader.close();
        }
    }

    /** Reads the children of {@code <Update>}, the reader being on its START_ELEMENT. */
    private FinesseUpdate readUpdate(XMLStreamReader reader, String node) throws FinesseXmlException, XMLStreamException {
        UpdateFields fields = new UpdateFields();
        while (reader.hasNext()) {
            int type = reader.next();
            if (type == XMLStreamConstants.END_ELEMENT) {
                break;
            }
            if (type == XMLStreamConstants.START_ELEMENT) {
                readUpdateChild(reader, fields);
            }
        }
        return fields.build(node, teamUser(node, fields));
    }

    private void readUpdateChild(XMLStreamReader reader, UpdateFields fields)
            throws FinesseXmlException, XMLStreamException {
        switch (localName(reader)) {
            case "event" -> fields.event = reader.getElementText();
            case "requestid" -> fields.requestId = reader.getElementText();
            case "source" -> fields.source = reader.getElementText();
            case "data" -> fields.data = UpdateDataReader.read(reader);
            default -> skipElement(reader);
        }
    }

    /** On a Team's Users node the data is a member's summary, not the subscriber's own User. */
    private static UpdateData teamUser(String node, UpdateFields fields) {
        Matcher team = TEAM_USERS_NODE.matcher(node);
        if (fields.data instanceof UpdateData.UserData(User user) && team.matches()) {
            return new UpdateData.TeamUserData(team.group(1), user);
        }
        return fields.data;
    }

    static String localName(XMLStreamReader reader) {
        return reader.getLocalName().toLowerCase(Locale.ROOT);
    }

    private static String attribute(XMLStreamReader reader, String name) {
        for (int i = 0; i < reader.getAttributeCount(); i++) {
            if (reader.getAttributeLocalName(i).equalsIgnoreCase(name)) {
                return reader.getAttributeValue(i).strip();
            }
        }
        return "";
    }

    /** Consumes the element the reader is on, up to and including its END_ELEMENT. */
    static void skipElement(XMLStreamReader reader) throws XMLStreamException {
        int depth = 1;
        while (depth > 0 && reader.hasNext()) {
            int type = reader.next();
            if (type == XMLStreamConstants.START_ELEMENT) {
                depth++;
            } else if (type == XMLStreamConstants.END_ELEMENT) {
                depth--;
            }
        }
    }

    private static FinesseXmlException malformed(Exception e) {
        String message = String.valueOf(e.getMessage()).replaceAll("\\s+", " ");
        return new FinesseXmlException(Reason.MALFORMED,
                message.length() > 200 ? message.substring(0, 200) + "..." : message, e);
    }

    /** The envelope's fields as read, in whatever order they came. Confined to one parse. */
    private static final class UpdateFields {
        String event;
        String requestId = "";
        String source;
        UpdateData data = new UpdateData.NoData();

        FinesseUpdate build(String node, UpdateData typedData) throws FinesseXmlException {
            if (event == null || event.isBlank()) {
                throw new FinesseXmlException(Reason.MISSING_ELEMENT, "<Update> has no <event>");
            }
            if (source == null || source.isBlank()) {
                throw new FinesseXmlException(Reason.MISSING_ELEMENT, "<Update> has no <source>");
            }
            UpdateEvent parsed = UpdateEvent.parse(event).orElseThrow(() -> new FinesseXmlException(
                    Reason.UNKNOWN_EVENT, "<event> is '" + abbreviate(event) + "', not PUT, POST or DELETE"));
            return new FinesseUpdate(node, source.strip(), parsed, requestId.strip(), typedData);
        }

        private static String abbreviate(String text) {
            String t = text.strip();
            return t.length() > 40 ? t.substring(0, 40) + "..." : t;
        }
    }
}
