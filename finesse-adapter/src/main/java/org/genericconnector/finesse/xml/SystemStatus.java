package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * SystemInfo {@code <status>}. PARTIAL_SERVICE is named in the error documentation (503 while in it);
 * anything else, or nothing, reads as UNKNOWN, which a client must treat as not in service.
 */
public enum SystemStatus {
    IN_SERVICE,
    OUT_OF_SERVICE,
    PARTIAL_SERVICE,
    @JsonEnumDefaultValue
    UNKNOWN
}
