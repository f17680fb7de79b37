package org.genericconnector.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class EscapingTest {

    @Test
    void hashInAFieldIsWrittenAsItsPercentCode() {
        assertThat(Escaping.field("Order #42")).isEqualTo("Order %2342");
        assertThat(Escaping.unfield("Order %2342")).isEqualTo("Order #42");
    }

    @Test
    void listItemsAlsoEscapeTheirSeparators() {
        assertThat(Escaping.item("a,b|c#d")).isEqualTo("a%2Cb%7Cc%23d");
        assertThat(Escaping.unitem("a%2Cb%7Cc%23d")).isEqualTo("a,b|c#d");
        assertThat(Escaping.field("a,b|c")).isEqualTo("a,b|c");
    }

    @Test
    void ordinaryPercentSignsGoOutUnchanged() {
        assertThat(Escaping.field("50% off")).isEqualTo("50% off");
        assertThat(Escaping.item("100%")).isEqualTo("100%");
    }

    @Test
    void percentThatWouldReadAsAnEscapeIsItselfEscaped() {
        assertThat(Escaping.field("%23")).isEqualTo("%2523");
        assertThat(Escaping.unfield("%2523")).isEqualTo("%23");
        assertThat(Escaping.item("%2c")).isEqualTo("%252c");
        assertThat(Escaping.field("%2c")).isEqualTo("%2c");
    }

    @Test
    void decodingIsCaseInsensitiveInTheHexDigits() {
        assertThat(Escaping.unitem("a%2cb%7cc")).isEqualTo("a,b|c");
    }
}
