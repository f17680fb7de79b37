package org.genericconnector.simulator.finesse;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;

import javax.xml.parsers.DocumentBuilderFactory;

import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * One received Update (finesse.md §6), parsed: the pub-sub node it came on, event, requestId, source and the
 * data's root element. Immutable.
 */
record TestUpdate(String node, String event, String requestId, String source, Element data, String xml) {

    static TestUpdate parse(String node, String xml) {
        try {
            Element update = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                    .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8))).getDocumentElement();
            if (!update.getTagName().equals("Update")) {
                throw new IllegalStateException("not an Update: " + xml);
            }
            Element data = first(update, "data");
            Element root = null;
            for (org.w3c.dom.Node n = data.getFirstChild(); n != null; n = n.getNextSibling()) {
                if (n instanceof Element e) {
                    root = e;
                    break;
                }
            }
            return new TestUpdate(node, text(update, "event"), text(update, "requestId"), text(update, "source"), root, xml);
        } catch (Exception e) {
            throw new IllegalStateException("cannot parse " + xml, e);
        }
    }

    /** The text of the first element of this name anywhere in the data, or null. */
    String text(String name) {
        return data == null ? null : text(data, name);
    }

    /** The text of a direct child of the data's root (a Dialog's own state, not a participant's), or null. */
    String own(String name) {
        if (data == null) {
            return null;
        }
        for (org.w3c.dom.Node n = data.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals(name)) {
                return e.getTextContent();
            }
        }
        return null;
    }

    /** The Dialog in the data (the root, or the first inside {@code <dialogs>}), or null. */
    Element dialog() {
        if (data == null) {
            return null;
        }
        return data.getTagName().equals("Dialog") ? data : first(data, "Dialog");
    }

    /** The dialog's own state (not a participant's). */
    String dialogState() {
        Element dialog = dialog();
        for (org.w3c.dom.Node n = dialog == null ? null : dialog.getFirstChild(); n != null; n = n.getNextSibling()) {
            if (n instanceof Element e && e.getTagName().equals("state")) {
                return e.getTextContent();
            }
        }
        return null;
    }

    String dialogId() {
        Element dialog = dialog();
        return dialog == null ? null : text(dialog, "id");
    }

    /** The participant at this media address: its state and actions, as "STATE[ACTION,...]"; null if absent. */
    String participant(String mediaAddress) {
        Element dialog = dialog();
        NodeList list = dialog == null ? null : dialog.getElementsByTagName("Participant");
        for (int i = 0; list != null && i < list.getLength(); i++) {
            Element p = (Element) list.item(i);
            if (mediaAddress.equals(text(p, "mediaAddress"))) {
                NodeList actions = p.getElementsByTagName("action");
                java.util.List<String> names = new java.util.ArrayList<>();
                for (int j = 0; j < actions.getLength(); j++) {
                    names.add(actions.item(j).getTextContent());
                }
                return text(p, "state") + names;
            }
        }
        return null;
    }

    String dataName() {
        return data == null ? "" : data.getTagName();
    }

    private static Element first(Element parent, String name) {
        NodeList list = parent.getElementsByTagName(name);
        return list.getLength() == 0 ? null : (Element) list.item(0);
    }

    private static String text(Element parent, String name) {
        Element e = first(parent, name);
        return e == null ? null : e.getTextContent();
    }

    @Override
    public String toString() {
        return node + ": " + xml;
    }
}
