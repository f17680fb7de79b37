package org.genericconnector.simulator.finesse;

import java.io.ByteArrayInputStream;
import java.util.LinkedHashMap;
import java.util.Map;

import javax.xml.XMLConstants;
import javax.xml.parsers.DocumentBuilder;
import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * A parsed User or Dialog request body (finesse.md §2, §4). Values absent from the body are null;
 * {@code actionParams} and {@code callVariables} keep the body's order. Immutable.
 */
record FinesseRequestBody(String root, String state, String extension, String reasonCodeId, String mobileMode,
                          String mobileDialNumber, String requestedAction, String fromAddress, String toAddress,
                          String targetMediaAddress, String associatedDialogUri, String wrapUpReason,
                          Map<String, String> actionParams, Map<String, String> callVariables) {

    /** Parses a body; a body that is not XML throws {@link FinesseApiException} 400 Invalid Input. */
    static FinesseRequestBody parse(byte[] body) {
        Element root = document(body);
        Element mobile = child(root, "mobileAgent");
        Element media = child(root, "mediaProperties");
        return new FinesseRequestBody(root.getTagName(), text(root, "state"), text(root, "extension"),
                text(root, "reasonCodeId"), mobile == null ? null : text(mobile, "mode"),
                mobile == null ? null : text(mobile, "dialNumber"), text(root, "requestedAction"), text(root, "fromAddress"),
                text(root, "toAddress"), text(root, "targetMediaAddress"), text(root, "associatedDialogUri"),
                media == null ? null : text(media, "wrapUpReason"), pairs(child(root, "actionParams"), "ActionParam"),
                pairs(media == null ? null : child(media, "callvariables"), "CallVariable"));
    }

    /** The last segment of {@code associatedDialogUri}, or null. */
    String associatedDialogId() {
        return associatedDialogUri == null ? null : associatedDialogUri.substring(associatedDialogUri.lastIndexOf('/') + 1);
    }

    private static Element document(byte[] body) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setFeature(XMLConstants.FEATURE_SECURE_PROCESSING, true);
            factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
            factory.setExpandEntityReferences(false);
            DocumentBuilder builder = factory.newDocumentBuilder();
            builder.setErrorHandler(null);
            return builder.parse(new ByteArrayInputStream(body)).getDocumentElement();
        } catch (Exception e) {
            throw new FinesseApiException(400, "Invalid Input", "the body is not well-formed XML");
        }
    }

    private static Element child(Element parent, String name) {
        for (Node n = parent.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e;
            }
        }
        return null;
    }

    private static String text(Element parent, String name) {
        Element e = child(parent, name);
        return e == null ? null : e.getTextContent().strip();
    }

    private static Map<String, String> pairs(Element list, String itemName) {
        Map<String, String> pairs = new LinkedHashMap<>();
        if (list == null) {
            return pairs;
        }
        NodeList items = list.getElementsByTagName(itemName);
        for (int i = 0; i < items.getLength(); i++) {
            Element item = (Element) items.item(i);
            String name = text(item, "name");
            if (name != null) {
                pairs.put(name, text(item, "value") == null ? "" : text(item, "value"));
            }
        }
        return java.util.Collections.unmodifiableMap(pairs);
    }
}
