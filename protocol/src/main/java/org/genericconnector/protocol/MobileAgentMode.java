package org.genericconnector.protocol;

/**
 * How the ACD reaches a mobile agent: a new call per customer call, or one nailed-up call for the
 * whole session. On the wire ({@code MOBILEAGENTLOGIN}) {@code true} means call by call and
 * {@code false} a nailed connection.
 */
public enum MobileAgentMode {
    CALL_BY_CALL,
    NAILED_CONNECTION
}
