package org.genericconnector.protocol.command;

/**
 * Size limits applied before a command is parsed, so that one oversized message cannot cost more
 * than a bounded amount of work.
 *
 * @param maxBodyBytes maximum body size in UTF-8 bytes (the connector's {@code commands.max-body-bytes})
 * @param maxTypeChars maximum JMSType length in characters
 */
public record ParserLimits(int maxBodyBytes, int maxTypeChars) {
    /** 64 KiB of body and 512 characters of JMSType: far above any real command. */
    public static final ParserLimits DEFAULT = new ParserLimits(64 * 1024, 512);

    public ParserLimits {
        if (maxBodyBytes < 1 || maxTypeChars < 1) {
            throw new IllegalArgumentException("limits must be positive");
        }
    }
}
