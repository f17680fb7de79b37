package org.genericconnector.servicemanager;

import java.time.Duration;

import org.genericconnector.protocol.spi.Durations;
import picocli.CommandLine.ITypeConverter;

/** Reads durations as the configuration does: 500ms, 5s, 2m, 1h or ISO-8601. */
final class DurationConverter implements ITypeConverter<Duration> {
    @Override
    public Duration convert(String value) {
        return Durations.parse("duration", value);
    }
}
