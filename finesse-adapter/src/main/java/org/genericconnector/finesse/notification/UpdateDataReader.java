package org.genericconnector.finesse.notification;

import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.Dialogs;
import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.Queues;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.finesse.xml.Team;
import org.genericconnector.finesse.xml.User;

/** Binds the first child of an {@code <Update>}'s {@code <data>} by its local name, in any case. Stateless. */
final class UpdateDataReader {
    private UpdateDataReader() {
    }

    /** Reads {@code <data>}, the reader being on its START_ELEMENT and left on its END_ELEMENT. */
    static UpdateData read(XMLStreamReader reader) throws FinesseXmlException, XMLStreamException {
        UpdateData data = new UpdateData.NoData();
        while (reader.hasNext()) {
            int type = reader.next();
            if (type == XMLStreamConstants.END_ELEMENT) {
                return data;
            }
            if (type == XMLStreamConstants.START_ELEMENT && data instanceof UpdateData.NoData) {
                data = bind(reader);
            } else if (type == XMLStreamConstants.START_ELEMENT) {
                NotificationParser.skipElement(reader);
            }
        }
        return data;
    }

    private static UpdateData bind(XMLStreamReader reader) throws FinesseXmlException, XMLStreamException {
        return switch (NotificationParser.localName(reader)) {
            case "user" -> new UpdateData.UserData(FinesseXml.read(reader, User.class));
            case "dialog" -> new UpdateData.DialogData(FinesseXml.read(reader, Dialog.class));
            case "dialogs" -> new UpdateData.DialogsData(FinesseXml.read(reader, Dialogs.class));
            case "queue" -> new UpdateData.QueueData(FinesseXml.read(reader, Queue.class));
            case "queues" -> new UpdateData.QueuesData(FinesseXml.read(reader, Queues.class));
            case "team" -> new UpdateData.TeamData(FinesseXml.read(reader, Team.class));
            case "apierrors" -> new UpdateData.ErrorData(FinesseXml.read(reader, ApiErrors.class));
            case "systeminfo" -> new UpdateData.SystemInfoData(FinesseXml.read(reader, SystemInfo.class));
            default -> other(reader);
        };
    }

    private static UpdateData other(XMLStreamReader reader) throws XMLStreamException {
        String element = reader.getLocalName();
        NotificationParser.skipElement(reader);
        return new UpdateData.OtherData(element);
    }
}
