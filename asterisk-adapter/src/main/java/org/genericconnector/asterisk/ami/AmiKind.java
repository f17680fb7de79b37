package org.genericconnector.asterisk.ami;

/** What an AMI message is, from its {@code Response:}, {@code Event:} or {@code Action:} header. */
public enum AmiKind {
    /** A reply to an action; carries {@code Response: Success|Error|Goodbye|Follows}. */
    RESPONSE("Response"),
    /** Something that happened, or one item of a list reply; carries {@code Event: Name}. */
    EVENT("Event"),
    /** A request from a client; carries {@code Action: Name}. */
    ACTION("Action"),
    /** None of the three headers is present. */
    UNKNOWN("");

    private final String header;

    AmiKind(String header) {
        this.header = header;
    }

    /** The header that marks this kind, empty for {@link #UNKNOWN}. */
    public String header() {
        return header;
    }
}
