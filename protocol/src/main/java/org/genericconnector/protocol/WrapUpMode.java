package org.genericconnector.protocol;

/** An agent's configured wrap-up mode, as AgentInfo carries it. */
public enum WrapUpMode {
    OPTIONAL,
    REQUIRED,
    NOT_ALLOWED,
    REQUIRED_WITH_WRAP_UP_DATA
}
