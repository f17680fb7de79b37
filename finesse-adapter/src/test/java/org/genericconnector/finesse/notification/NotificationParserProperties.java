package org.genericconnector.finesse.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.genericconnector.finesse.Samples;
import org.genericconnector.finesse.xml.ApiErrors;
import org.genericconnector.finesse.xml.Dialog;
import org.genericconnector.finesse.xml.Dialogs;
import org.genericconnector.finesse.xml.FinesseXml;
import org.genericconnector.finesse.xml.FinesseXmlException;
import org.genericconnector.finesse.xml.Queue;
import org.genericconnector.finesse.xml.SystemInfo;
import org.genericconnector.finesse.xml.Team;
import org.genericconnector.finesse.xml.User;

/**
 * The parser and the reader fuzzed: random text, XML-like fragments and mutated real samples give an
 * update or a {@link FinesseXmlException}, never anything else.
 */
class NotificationParserProperties {
    private static final List<String> SAMPLES = List.of(
            "notification-user-login.xml", "notification-error-invalid-device.xml", "notification-dialog-put.xml",
            "notification-dialogs-post.xml", "notification-team-user.xml", "notification-queue.xml",
            "notification-system-out-of-service.xml", "notification-user-inline-old-namespace.xml",
            "dialog-active.xml", "user-not-ready.xml", "team.xml", "queue.xml", "system-info.xml");
    private static final List<Class<?>> TYPES = List.of(User.class, Dialog.class, Dialogs.class, Team.class,
            Queue.class, SystemInfo.class, ApiErrors.class);

    private final NotificationParser parser = new NotificationParser();

    @Property(tries = 2000)
    void randomTextGivesAnUpdateOrTheDocumentedException(@ForAll("payloads") String payload) {
        assertOnlyDocumentedFailure(payload);
    }

    @Property(tries = 2000)
    void mutatedSamplesGiveAnUpdateOrTheDocumentedException(@ForAll("mutatedSamples") String payload) {
        assertOnlyDocumentedFailure(payload);
    }

    @Property(tries = 1000)
    void readerGivesAValueOrTheDocumentedException(@ForAll("mutatedSamples") String xml,
                                                   @ForAll("types") Class<?> type) {
        try {
            assertThat((Object) FinesseXml.read(xml, type)).isNotNull();
        } catch (FinesseXmlException e) {
            assertThat(e.reason()).isNotNull();
            assertThat(e.getMessage()).isNotBlank();
        }
    }

    @Example
    void deeplyNestedElementsAreRefusedNotOverflowed() {
        String deep = "<a>".repeat(100_000) + "</a>".repeat(100_000);
        assertOnlyDocumentedFailure("<Update><event>PUT</event><source>/s</source><data><user><roles><role>"
                + deep + "</role></roles></user></data></Update>");
        assertOnlyDocumentedFailure(deep);
    }

    @Example
    void oversizedPayloadIsRefused() {
        String huge = "<Update>" + " ".repeat(FinesseXml.MAX_CHARS) + "</Update>";
        assertOnlyDocumentedFailure(huge);
    }

    @Example
    void entityExpansionIsRefused() {
        String laughs = "<?xml version=\"1.0\"?><!DOCTYPE l [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;"
                + "&a;&a;&a;&a;&a;\">]><Update><event>PUT</event><source>&b;</source></Update>";
        assertOnlyDocumentedFailure(laughs);
    }

    private void assertOnlyDocumentedFailure(String payload) {
        assertThatCode(() -> {
            try {
                FinesseUpdate update = parser.parse(payload);
                assertThat(update.source()).isNotBlank();
            } catch (FinesseXmlException e) {
                assertThat(e.reason()).isNotNull();
            }
        }).doesNotThrowAnyException();
    }

    @Provide
    Arbitrary<String> payloads() {
        Arbitrary<String> tags = Arbitraries.of("<Update>", "</Update>", "<event>", "</event>", "PUT", "put", "POST",
                "<source>", "</source>", "/finesse/api/User/1", "<data>", "</data>", "<user>", "</user>", "<Dialog>",
                "</Dialog>", "<dialogs>", "</dialogs>", "<apiErrors>", "<apiError>", "<errorType>", "<notification>",
                "</notification>", "&lt;", "&gt;", "&amp;", "&#0;", "&#x1F600;", "<![CDATA[", "]]>", "<!--", "-->",
                "<?xml version=\"1.0\"?>", "<!DOCTYPE x>", "<state>", "</state>", "READY", "<x/>", "'", "\"", "<", ">",
                "\u0000", "\ud800", "<requestId>", "</requestId>", "<statistics>", "<callsInQueue>", "-1", "abc");
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(200),
                tags.list().ofMaxSize(40).map(parts -> String.join("", parts)),
                Combinators.combine(tags.list().ofMaxSize(30), Arbitraries.strings().ofMaxLength(5))
                        .as((parts, noise) -> String.join(noise, parts)));
    }

    @Provide
    Arbitrary<String> mutatedSamples() {
        Arbitrary<String> sample = Arbitraries.of(SAMPLES).map(Samples::read);
        return Combinators.combine(sample, Arbitraries.integers().between(0, 5), Arbitraries.doubles().between(0, 1),
                        Arbitraries.strings().ofMaxLength(8))
                .as(NotificationParserProperties::mutate);
    }

    @Provide
    Arbitrary<Class<?>> types() {
        return Arbitraries.of(TYPES);
    }

    /** One of: truncate, cut a slice out, insert noise, duplicate a slice, swap case, or leave as is. */
    private static String mutate(String text, int how, double where, String noise) {
        int at = (int) (where * text.length());
        int end = Math.min(text.length(), at + 1 + noise.length() * 7);
        return switch (how) {
            case 0 -> text.substring(0, at);
            case 1 -> text.substring(0, at) + text.substring(end);
            case 2 -> text.substring(0, at) + noise + text.substring(at);
            case 3 -> text.substring(0, end) + text.substring(at);
            case 4 -> text.substring(0, at) + text.substring(at, end).toUpperCase() + text.substring(end);
            default -> text;
        };
    }
}
