package org.genericconnector.protocol.event;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

import org.genericconnector.protocol.CallState;

/**
 * decode(encode(e)) == e for every event type, with free text drawn from an alphabet rich in the
 * protocol's separators. Events are built reflectively from each record's components, so a new event
 * type is covered as soon as it exists.
 */
class EventCodecProperties {
    /** Components that may be absent (null) in their record. */
    private static final Set<String> NULLABLE = Set.of("State.pendingState", "State.stateChangeTime",
            "TeamUser.pendingState", "DialogStatus.dialog", "DialogStatus.associated");

    @Property(tries = 3000)
    void everyEventSurvivesTheWire(@ForAll("events") Event event) {
        String wire = EventEncoder.encode(event);
        assertThat(EventDecoder.decode(wire)).isEqualTo(new DecodeResult.Decoded(event));
    }

    @Property(tries = 2000)
    void decodingArbitraryTextNeverThrows(@ForAll("bodies") String body) {
        assertThat(EventDecoder.decode(body)).isNotNull();
    }

    @Provide
    Arbitrary<String> bodies() {
        return Arbitraries.oneOf(
                Arbitraries.strings().withChars("#,|:%=0123ABSstateDROPInboundCallQueueName").ofMaxLength(80),
                events().map(EventEncoder::encode).map(s -> s.substring(0, s.length() / 2)));
    }

    @Provide
    Arbitrary<Event> events() {
        List<Arbitrary<Event>> perType = new ArrayList<>();
        for (Class<?> type : Event.class.getPermittedSubclasses()) {
            perType.add(recordOf(type).map(Event.class::cast));
        }
        return Arbitraries.oneOf(perType);
    }

    /** Free text: ordinary characters plus every separator and escape character of the protocol. */
    private static Arbitrary<String> text() {
        return Arbitraries.strings().withChars("aZ09 .-_#,|:=%23C7éü").ofMaxLength(12);
    }

    private static Arbitrary<Object> recordOf(Class<?> type) {
        RecordComponent[] components = type.getRecordComponents();
        List<Arbitrary<Object>> parts = new ArrayList<>();
        for (RecordComponent c : components) {
            Arbitrary<Object> a = valueOf(type, c.getName(), c.getGenericType());
            parts.add(NULLABLE.contains(type.getSimpleName() + "." + c.getName()) ? a.injectNull(0.3) : a);
        }
        Class<?>[] types = Arrays.stream(components).map(RecordComponent::getType).toArray(Class<?>[]::new);
        return Combinators.combine(parts).as(values -> construct(type, types, values)).filter(v -> v != null);
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static Arbitrary<Object> valueOf(Class<?> owner, String name, Type type) {
        if (type == String.class) {
            // Ids that the wire joins with ':' (a supervisor's team list) cannot hold ':'.
            return (Arbitrary) (owner == Values.Team.class && name.equals("id") ? text().filter(s -> !s.contains(":")) : text());
        }
        if (type == boolean.class) {
            return (Arbitrary) Arbitraries.of(true, false);
        }
        if (type == int.class) {
            return (Arbitrary) Arbitraries.integers().between(0, 100_000);
        }
        if (type == Instant.class) {
            return (Arbitrary) Arbitraries.longs().between(0, 4_102_444_800_000L).map(Instant::ofEpochMilli);
        }
        if (type instanceof Class<?> c && c.isEnum()) {
            Arbitrary<Object> values = (Arbitrary) Arbitraries.of((Class<Enum>) c);
            // FAILED dialogs have records of their own.
            return c == CallState.class ? values.filter(v -> v != CallState.FAILED) : values;
        }
        if (type instanceof Class<?> c && c.isRecord()) {
            return recordOf(c);
        }
        if (type instanceof Class<?> c && c.isSealed()) {
            return Arbitraries.oneOf(Arrays.stream(c.getPermittedSubclasses()).map(EventCodecProperties::recordOf).toList());
        }
        if (type instanceof ParameterizedType p && p.getRawType() == List.class) {
            Arbitrary<Object> element = valueOf(owner, name, p.getActualTypeArguments()[0]);
            // A list of one empty string is written like an empty list: the documented ambiguity.
            return (Arbitrary) element.list().ofMaxSize(4).filter(l -> !(l.size() == 1 && "".equals(l.get(0))));
        }
        throw new IllegalStateException("no arbitrary for " + type + " in " + owner.getSimpleName());
    }

    private static Object construct(Class<?> type, Class<?>[] types, List<Object> values) {
        try {
            Constructor<?> constructor = type.getDeclaredConstructor(types);
            return constructor.newInstance(values.toArray());
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException) {
                return null; // a combination the record itself refuses
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
