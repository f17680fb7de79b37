package org.genericconnector.finesse.xml;

import com.fasterxml.jackson.annotation.JsonEnumDefaultValue;

/**
 * A Finesse user (agent) state. LOGIN is only ever requested, never reported. A value this
 * enum does not know, or an empty state, reads as {@link #UNKNOWN}.
 */
public enum UserState {
    LOGOUT,
    LOGIN,
    NOT_READY,
    READY,
    RESERVED,
    RESERVED_OUTBOUND,
    RESERVED_OUTBOUND_PREVIEW,
    TALKING,
    HOLD,
    WORK,
    WORK_READY,
    @JsonEnumDefaultValue
    UNKNOWN
}
