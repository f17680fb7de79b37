package org.genericconnector.asterisk.ami;

import java.util.List;

/** The real captures of src/test/resources/ami-transcripts, for tests in other packages. */
public final class Captures {
    private Captures() {
    }

    /** Every message Asterisk sent on one connection of a capture (c1, c2, ...), after the banner. */
    public static List<AmiMessage> serverMessages(String transcript, String connection) {
        return AmiTranscript.load(transcript).serverMessages(connection);
    }

    /** The connections of a capture that received something from Asterisk. */
    public static List<String> connections(String transcript) {
        return List.copyOf(AmiTranscript.load(transcript).fromServer().keySet());
    }
}
