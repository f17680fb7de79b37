package org.genericconnector.servicemanager;

import java.lang.reflect.RecordComponent;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Collection;
import java.util.StringJoiner;

import org.genericconnector.protocol.event.DecodeResult;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventDecoder;

/**
 * Turns an event body into one readable line: time, agent, event name, then the fields that have a
 * value ({@code name=value}), decoded with the protocol module. Stateless.
 */
final class EventFormatter {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss.SSS");

    private EventFormatter() {
    }

    static String readable(String body) {
        String time = LocalTime.now().format(TIME);
        DecodeResult result = EventDecoder.decode(body);
        if (result instanceof DecodeResult.Decoded d) {
            Event e = d.event();
            String agent = e.agentId().isEmpty() ? "-" : e.agentId();
            return time + "  " + agent + "  " + e.type() + fields(e);
        }
        DecodeResult.Undecodable u = (DecodeResult.Undecodable) result;
        return time + "  ?  (not a GC event: " + u.reason() + ")  " + body;
    }

    private static String fields(Event e) {
        StringJoiner out = new StringJoiner(" ", "  ", "").setEmptyValue("");
        for (RecordComponent c : e.getClass().getRecordComponents()) {
            if (c.getName().equals("agentId")) {
                continue;
            }
            Object v;
            try {
                v = c.getAccessor().invoke(e);
            } catch (ReflectiveOperationException ex) {
                continue;
            }
            if (v == null || "".equals(v) || v instanceof Collection<?> col && col.isEmpty()) {
                continue;
            }
            out.add(c.getName() + "=" + v);
        }
        return out.toString();
    }
}
