package org.genericconnector.protocol.command;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.ProtocolError;

/**
 * Turns one command message (JMSType {@code <Command>#<id>} and a comma-separated body) into a typed
 * {@link Command}, or into the {@link ProtocolError} to send back. It never throws: every input,
 * however broken, gives one of the two.
 *
 * <p>Command names are matched ignoring case, and whitespace around the name, the id and every body
 * field is ignored. Thread-safe: immutable.
 */
public final class CommandParser {
    private final ParserLimits limits;

    public CommandParser(ParserLimits limits) {
        this.limits = Objects.requireNonNull(limits, "limits");
    }

    public CommandParser() {
        this(ParserLimits.DEFAULT);
    }

    /** Parses a message whose body arrived as bytes (a JMS BytesMessage): the bytes must be UTF-8. */
    public ParseResult parse(String jmsType, byte[] body) {
        if (body != null && body.length > limits.maxBodyBytes()) {
            return tooLarge(jmsType, body.length);
        }
        try {
            String text = body == null ? "" : StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(body)).toString();
            return parse(jmsType, text);
        } catch (CharacterCodingException e) {
            return rejected(errorForOf(jmsType, ""), ErrorCode.MALFORMED_MESSAGE, "body is not valid UTF-8");
        }
    }

    /** Parses a message whose body arrived as text (a JMS TextMessage); a null body reads as empty. */
    public ParseResult parse(String jmsType, String body) {
        try {
            return parseChecked(jmsType == null ? "" : jmsType, body == null ? "" : body);
        } catch (RuntimeException e) {
            // A defect in a body reader must cost one error event, not the caller's thread.
            return rejected(errorForOf(jmsType, ""), ErrorCode.MALFORMED_MESSAGE, "unreadable command: " + e.getClass().getSimpleName());
        }
    }

    private ParseResult parseChecked(String jmsType, String body) {
        if (jmsType.isBlank()) {
            return rejected("", ErrorCode.MALFORMED_MESSAGE, "empty JMSType");
        }
        if (jmsType.length() > limits.maxTypeChars()) {
            return rejected("", ErrorCode.MALFORMED_MESSAGE, "JMSType longer than " + limits.maxTypeChars() + " characters");
        }
        int utf8Length = utf8Length(body);
        if (utf8Length > limits.maxBodyBytes()) {
            return tooLarge(jmsType, utf8Length);
        }
        int hash = jmsType.indexOf('#');
        if (hash < 0) {
            return rejected("", ErrorCode.MALFORMED_MESSAGE, "JMSType has no separator: expected <Command>, the separator, then the id");
        }
        String id = jmsType.substring(hash + 1).strip();
        String commandText = jmsType.substring(0, hash).strip();
        if (hasControlCharacter(jmsType)) {
            return rejected(safeId(id), ErrorCode.MALFORMED_MESSAGE, "control character in JMSType");
        }
        if (hasControlCharacter(body)) {
            return rejected(safeId(id), ErrorCode.MALFORMED_MESSAGE, "control character in body");
        }
        Optional<CommandName> name = CommandName.lookup(commandText);
        if (id.indexOf('#') >= 0) {
            return rejected("", ErrorCode.MALFORMED_MESSAGE, "JMSType has more than one separator: expected <Command> then one id");
        }
        if (id.isEmpty()) {
            String fallback = name.filter(CommandName::namesDestination).map(n -> safeId(new BodyFields(body).get(0))).orElse("");
            return rejected(fallback, ErrorCode.MALFORMED_MESSAGE, "JMSType has no id after the separator");
        }
        if (name.isEmpty()) {
            return rejected(id, ErrorCode.UNKNOWN_COMMAND, "unknown command '" + commandText + "'");
        }
        try {
            return new ParseResult.Parsed(CommandBodies.parse(name.get(), id, body));
        } catch (ArgumentProblem problem) {
            return rejected(id, problem.code(), name.get().wireName() + ": " + problem.getMessage());
        }
    }

    private ParseResult tooLarge(String jmsType, int size) {
        return rejected(errorForOf(jmsType, ""), ErrorCode.MALFORMED_MESSAGE,
                "body of " + size + " bytes exceeds the limit of " + limits.maxBodyBytes());
    }

    /** The id in a JMSType when one can be read safely, for addressing an error. */
    private static String errorForOf(String jmsType, String fallback) {
        if (jmsType == null) {
            return fallback;
        }
        int hash = jmsType.indexOf('#');
        return hash < 0 ? fallback : safeId(jmsType.substring(hash + 1).strip());
    }

    /** An id with control characters or a '#' cannot name anyone in an event. */
    private static String safeId(String id) {
        return hasControlCharacter(id) || id.indexOf('#') >= 0 || id.length() > 256 ? "" : id;
    }

    /**
     * C0/C1 controls other than tab, CR and LF (which trimming or the value itself may carry), and
     * lone surrogates (text that was not valid UTF-16, so cannot be valid UTF-8 on the way out).
     */
    private static boolean hasControlCharacter(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c) && c != '\t' && c != '\r' && c != '\n') {
                return true;
            }
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                return true;
            }
        }
        return false;
    }

    private static int utf8Length(String s) {
        int bytes = 0;
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c < 0x80) {
                bytes += 1;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }

    private static ParseResult rejected(String errorFor, ErrorCode code, String detail) {
        return new ParseResult.Rejected(new ProtocolError(errorFor, code, detail));
    }
}
