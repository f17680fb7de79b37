package org.genericconnector.finesse.xmpp;

import static org.assertj.core.api.Assertions.assertThat;

import org.genericconnector.finesse.Samples;
import org.genericconnector.finesse.notification.FinesseUpdate;
import org.genericconnector.finesse.notification.NotificationParser;
import org.jivesoftware.smack.packet.Message;
import org.jivesoftware.smack.util.PacketParserUtils;
import org.junit.jupiter.api.Test;

/** The XML of a received notification, written as Smack writes stanzas rather than through its slow toString. */
class NotificationXmlTest {
    private final NotificationParser parser = new NotificationParser();

    @Test
    void writtenXmlParsesToTheSameUpdateAsTheSample() throws Exception {
        for (String sample : new String[] {"notification-user-login.xml", "notification-dialogs-post.xml",
                "notification-team-user.xml", "notification-error-invalid-state.xml"}) {
            String xml = Samples.read(sample);
            Message message = PacketParserUtils.parseStanza(xml);
            FinesseUpdate expected = parser.parse(xml);

            String written = FinesseXmppSession.xmlOf(message);

            assertThat(parser.parse(written)).as(sample).isEqualTo(expected);
            assertThat(parser.parse(message.toXML().toString())).as(sample).isEqualTo(expected);
        }
    }
}
