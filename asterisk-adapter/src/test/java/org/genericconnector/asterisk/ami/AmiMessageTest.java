package org.genericconnector.asterisk.ami;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AmiMessageTest {

    @Test
    void kindComesFromTheFirstHeaderWhenItIsOneOfTheThree() {
        assertThat(AmiMessage.builder().add("Response", "Success").build().kind()).isEqualTo(AmiKind.RESPONSE);
        assertThat(AmiMessage.builder().add("event", "Hangup").build().kind()).isEqualTo(AmiKind.EVENT);
        assertThat(AmiMessage.action("Ping").build().kind()).isEqualTo(AmiKind.ACTION);
        assertThat(AmiMessage.builder().add("Foo", "bar").build().kind()).isEqualTo(AmiKind.UNKNOWN);
    }

    @Test
    void anEventCarryingAResponseHeaderIsStillAnEvent() {
        AmiMessage m = AmiMessage.builder().add("ActionID", "9").add("Response", "Failure").add("Event", "OriginateResponse").build();
        assertThat(m.kind()).isEqualTo(AmiKind.EVENT);
        assertThat(m.name()).isEqualTo("OriginateResponse");
    }

    @Test
    void credentialsAreMaskedInToString() {
        AmiMessage login = AmiMessage.action("Login").add("Username", "cti").add("Secret", "s3cr3t").add("key", "abcdef").build();
        assertThat(login.toString()).doesNotContain("s3cr3t").doesNotContain("abcdef").contains("Username: cti", "Secret: ******");
        assertThat(login.get("Secret")).contains("s3cr3t");
    }

    @Test
    void withActionIdReplacesAnyActionIdAndPutsItSecond() {
        AmiMessage m = AmiMessage.action("Ping").add("ActionID", "old").add("X", "1").build().withActionId("new");
        assertThat(m.getAll("ActionID")).containsExactly("new");
        assertThat(m.headers().get(1).name()).isEqualTo("ActionID");
    }

    @Test
    void listMarkersAreRecognisedWhateverTheCase() {
        assertThat(AmiMessage.builder().add("Response", "Success").add("EventList", "start").build().startsList()).isTrue();
        assertThat(AmiMessage.builder().add("Event", "XComplete").add("EventList", "Complete").build().completesList()).isTrue();
        assertThat(AmiMessage.builder().add("Event", "X").add("EventList", "start").build().startsList()).isFalse();
    }

    @Test
    void headersCannotSmuggleLineBreaks() {
        assertThatThrownBy(() -> AmiMessage.action("Originate").add("Variable", "A=1\r\nAction: Hangup").build())
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new AmiHeader("A:B", "x")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void headerListIsACopy() {
        var list = new java.util.ArrayList<AmiHeader>();
        list.add(new AmiHeader("Event", "A"));
        AmiMessage m = AmiMessage.of(list);
        list.add(new AmiHeader("X", "1"));
        assertThat(m.headers()).hasSize(1);
    }
}
