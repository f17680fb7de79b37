package org.genericconnector.simulator.model;

/** When an agent goes into wrap-up (WORK / WORK_READY) after an ACD call. */
public enum WrapUpPolicy {
    OPTIONAL,
    REQUIRED,
    NOT_ALLOWED,
    /** Like REQUIRED, and the agent cannot leave wrap-up before a wrap-up reason is applied to the call. */
    REQUIRED_WITH_WRAP_UP_DATA;

    public boolean appliesAfterCall() {
        return this != NOT_ALLOWED;
    }
}
