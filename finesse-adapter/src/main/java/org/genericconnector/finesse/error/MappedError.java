package org.genericconnector.finesse.error;

import java.util.Objects;

import org.genericconnector.protocol.ErrorCode;
import org.genericconnector.protocol.spi.AcdException;

/**
 * A Finesse failure as the connector sees it: the GC error code for the client, whether trying again
 * can help, and a detail for the log (Finesse's own words; never a credential). Immutable.
 */
public record MappedError(ErrorCode code, AcdException.Kind kind, String detail) {

    public MappedError {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail;
    }

    static MappedError of(ErrorCode code, AcdException.Kind kind) {
        return new MappedError(code, kind, "");
    }

    MappedError withDetail(String text) {
        return new MappedError(code, kind, text);
    }

    /** The exception the adapter SPI throws for this failure. */
    public AcdException toException() {
        return new AcdException(code, kind, detail);
    }

    /** The exception the adapter SPI throws for this failure, with its cause chained. */
    public AcdException toException(Throwable cause) {
        return new AcdException(code, kind, detail, cause);
    }
}
