package org.genericconnector.protocol.command;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.genericconnector.protocol.CallVariable;
import org.genericconnector.protocol.ProtocolError;

/** The command parser fuzzed: no input makes it throw, and what the encoder writes it reads back. */
class CommandParserProperties {
    private final CommandParser parser = new CommandParser(new ParserLimits(256, 64));

    @Property(tries = 3000)
    void anyInputGivesACommandOrATypedError(@ForAll("jmsTypes") String jmsType, @ForAll("bodies") String body) {
        ParseResult result = parser.parse(jmsType, body);
        if (result instanceof ParseResult.Rejected rejected) {
            ProtocolError error = rejected.error();
            assertThat(error.errorFor()).doesNotContain("#");
            assertThat(error.detail()).isNotBlank();
        } else {
            assertThat(((ParseResult.Parsed) result).command().agentId()).isNotBlank().doesNotContain("#");
        }
    }

    @Property(tries = 1000)
    void anyBytesGiveACommandOrATypedError(@ForAll("jmsTypes") String jmsType, @ForAll byte[] body) {
        assertThat(parser.parse(jmsType, body)).isNotNull();
    }

    @Property(tries = 3000)
    void everyCommandSurvivesTheWire(@ForAll("commands") Command command) {
        WireCommand wire = CommandEncoder.encode(command);
        assertThat(new CommandParser().parse(wire.jmsType(), wire.body())).isEqualTo(new ParseResult.Parsed(command));
    }

    @Provide
    Arbitrary<String> jmsTypes() {
        Arbitrary<String> names = Arbitraries.of(CommandName.values()).flatMap(n -> Arbitraries.of(n.spellings()));
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(80),
                Combinators.combine(names, Arbitraries.strings().withChars("#10 \u0000\t\ud800a").ofMaxLength(6))
                        .as((n, id) -> n + "#" + id),
                names);
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().ofMaxLength(300),
                Arbitraries.strings().withChars("0123abc,|= #\u0001\ud800SSO").ofMaxLength(40));
    }

    @Provide
    Arbitrary<Command> commands() {
        List<Arbitrary<Command>> perType = new ArrayList<>();
        for (Class<?> type : Command.class.getPermittedSubclasses()) {
            perType.add(commandOf(type));
        }
        return Arbitraries.oneOf(perType);
    }

    /** A token as clients send it: no separators, no surrounding space. */
    private static Arbitrary<String> token() {
        return Arbitraries.strings().withChars("aZ09.-_é").ofMinLength(1).ofMaxLength(10);
    }

    private static Arbitrary<Command> commandOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (RecordComponent c : components) {
            parts.add(valueOf(type, c.getName(), c.getGenericType()));
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return Combinators.combine(parts).as(values -> construct(type, types, values));
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Object> valueOf(Class<?> owner, String name, Type type) {
        if (type == boolean.class) {
            return (Arbitrary) Arbitraries.of(true, false);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            return (Arbitrary) Arbitraries.of((Class<Enum>) c);
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Arbitrary<CallVariable> variable = Combinators.combine(token(),
                    Arbitraries.strings().withChars("ab1 ,=.").ofMaxLength(8).map(String::strip)).as(CallVariable::new);
            return (Arbitrary) variable.list().ofMinSize(1).ofMaxSize(4);
        }
        return (Arbitrary) switch (name) {
            // Login reads the extension as digits; passwords may hold commas and inner spaces.
            case "extension" -> owner == Command.Login.class || owner == Command.MobileAgentLogin.class
                    ? Arbitraries.strings().numeric().ofMinLength(1).ofMaxLength(6) : token();
            case "password" -> Arbitraries.strings().withChars("pw,9 #").ofMinLength(1).ofMaxLength(10).map(String::strip)
                    .filter(p -> !p.isEmpty() && !p.endsWith(",") && !p.startsWith(",") && !p.toLowerCase().endsWith(",sso"));
            default -> token();
        };
    }

    private static Command construct(Class<?> type, Class<?>[] types, List<Object> values) {
        try {
            return (Command) type.getDeclaredConstructor(types).newInstance(values.toArray());
        } catch (InvocationTargetException e) {
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
