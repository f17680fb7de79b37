package org.genericconnector.simulator.model;

/** When an agent goes into wrap-up (WORK / WORK_READY) after a call, as Finesse's "work mode on incoming". */
public enum WrapUpPolicy {
    /** Wrap-up only when the agent asks for it during the call (MakeWorkReady, MakeWorkNotReady). */
    OPTIONAL,
    /** Wrap-up after every ACD or campaign call, and when the agent asks for it. */
    REQUIRED,
    /** Never wrap-up. */
    NOT_ALLOWED,
    /** Like REQUIRED, and the agent cannot leave wrap-up by request before a wrap-up reason is applied. */
    REQUIRED_WITH_WRAP_UP_DATA;

    /** Whether the agent may be in wrap-up at all. */
    public boolean allowsWrapUp() {
        return this != NOT_ALLOWED;
    }

    /** Whether wrap-up follows an ACD or campaign call without the agent asking. */
    public boolean isAutomatic() {
        return this == REQUIRED || this == REQUIRED_WITH_WRAP_UP_DATA;
    }
}
