package org.genericconnector.protocol.spi;

import java.util.List;
import java.util.Set;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;

/**
 * An ACD behind the connector (the sandbox, Cisco Finesse, an Asterisk PBX). The connector finds
 * adapters through {@link AcdAdapterFactory} and {@link java.util.ServiceLoader}.
 *
 * <h2>Lifecycle</h2>
 * {@link #start} once, then any number of {@link #execute} calls, then {@link #close} once. The
 * adapter reports its link to the ACD through {@link AdapterContext#linkStatusChanged}; after a loss
 * it reconnects by itself, resynchronises, and reports {@link LinkStatus#IN_SERVICE} again, upon which
 * the connector asks {@link #snapshot} for every session and re-publishes it.
 *
 * <h2>Threads</h2>
 * {@link #execute} runs on the calling agent's mailbox thread (a virtual thread): calls for one agent
 * never overlap and come in the order the client sent them; calls for different agents run
 * concurrently. It may block on the ACD; it must not block on other agents. Every other method may be
 * called from any thread. Events are handed to {@link CommandRequest#reply} or
 * {@link AdapterContext#publish}, from any thread, in the order the client must see them for each agent.
 *
 * <h2>Errors</h2>
 * A command that fails throws {@link AcdException} carrying the GC error code; the connector sends
 * it to the client. A command outside {@link #supportedCommands()} is never passed in.
 */
public interface AcdAdapter extends AutoCloseable {

    /** Connects to the ACD (or starts connecting) and keeps {@code context} for events and link status. */
    void start(AdapterContext context) throws AcdException;

    /**
     * The commands this adapter performs. Hello and Beat are answered by the connector and need not be
     * listed; Connect is passed in so that the adapter checks credentials and subscribes the agent.
     */
    Set<CommandName> supportedCommands();

    /** Performs one command, handing the events that answer it to {@code request.reply}. */
    void execute(CommandRequest request) throws AcdException;

    /** The link to the ACD as it is now. */
    LinkStatus linkStatus();

    /**
     * The events that describe an agent's current situation (its State and DialogStatus), for
     * re-publishing after an outage or to a client that reconnects. Empty for an unknown agent.
     */
    List<Event> snapshot(String agentId);

    /**
     * The connector dropped its session for this agent (the client went away, or reconnected elsewhere):
     * release per-agent resources such as notification subscriptions. The agent stays logged in on the ACD.
     */
    void agentReleased(String agentId);

    /** The scenario control of a simulated ACD; empty for a real one. */
    default java.util.Optional<ScenarioControl> scenarioControl() {
        return java.util.Optional.empty();
    }

    /** Disconnects from the ACD and releases everything; idempotent. */
    @Override
    void close();
}
