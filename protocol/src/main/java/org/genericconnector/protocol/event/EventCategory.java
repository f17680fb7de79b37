package org.genericconnector.protocol.event;

/**
 * The guide's "Event Category" of each event, spelled as the guide spells it. The connector puts it in
 * a message property so that a server client can filter with a selector. {@link #ADMIN_INFO} and
 * {@link #ERROR} are this implementation's names where the guide leaves the category blank.
 */
public enum EventCategory {
    SYSTEM("System"),
    DESTINATION("Destination"),
    INFO("Info"),
    AGENT_INFO("agent_info"),
    AGENT_STATE("agent_state"),
    AGENT_WORK("agent_work"),
    AGENT_DIALOG("agent_dialog"),
    AGENT_CONTROL("agent_control"),
    SUPERVISOR_INFO("supervisor_info"),
    SUPERVISOR_QUEUE_INFO("supervisor_queue_info"),
    SUPERVISOR_TEAM_USER("supervisor_team_user"),
    SUPERVISOR_TEAM_INFO("supervisor_team_info"),
    PHONEBOOK("phonebook"),
    CONTACTS("contacts"),
    ADMIN_INFO("admin_info"),
    ERROR("error");

    private final String wireName;

    EventCategory(String wireName) {
        this.wireName = wireName;
    }

    /** The category as written in message properties. */
    public String wireName() {
        return wireName;
    }
}
