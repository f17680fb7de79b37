package org.genericconnector.connector.config;

import java.time.Duration;
import java.util.List;

/**
 * Every key of conf/connector.yaml except the adapter sections ({@code acd.<type>.*}, which the chosen
 * adapter reads and validates). Each key is declared here once; docs/CONFIGURATION.md is generated from
 * {@link #ALL}.
 */
public final class ConfigKeys {
    private ConfigKeys() {
    }

    public static final ConfigKey<String> ACD_TYPE = ConfigKey.string("acd.type", "sandbox",
            "The ACD adapter to load, by its factory name (sandbox, finesse, asterisk). Its settings are the "
                    + "section acd.<type> and are passed to the adapter as they are.");

    public static final ConfigKey<Boolean> BROKER_EMBEDDED = ConfigKey.bool("broker.embedded", true,
            "Start an Apache Artemis broker inside the connector. When false, the connector connects to broker.url.");
    public static final ConfigKey<String> BROKER_CONFIG = ConfigKey.string("broker.config", "broker.xml",
            "The embedded broker's Artemis configuration, relative to the folder of this file.");
    public static final ConfigKey<String> BROKER_HOST = ConfigKey.string("broker.host", "127.0.0.1",
            "The address the embedded broker's acceptor binds to; 0.0.0.0 for every interface.");
    public static final ConfigKey<Integer> BROKER_PORT = ConfigKey.integer("broker.port", 61616, 0, "TCP port",
            "The embedded broker's acceptor port, serving CORE, OPENWIRE, STOMP and AMQP; 0 picks a free port.");
    public static final ConfigKey<String> BROKER_URL = ConfigKey.string("broker.url", "tcp://127.0.0.1:61616",
            "The external Artemis broker (CORE protocol URL) used when broker.embedded is false.");
    public static final ConfigKey<String> BROKER_USER = ConfigKey.string("broker.user", "",
            "User name for the broker connection; empty for none.");
    public static final ConfigKey<String> BROKER_PASSWORD = ConfigKey.secret("broker.password",
            "Password for the broker connection; better given as GC_BROKER_PASSWORD.");
    public static final ConfigKey<Duration> RECONNECT_INITIAL = ConfigKey.duration("broker.reconnect.initial-delay",
            Duration.ofMillis(100), "First wait before reconnecting to a lost broker.");
    public static final ConfigKey<Duration> RECONNECT_MAX = ConfigKey.duration("broker.reconnect.max-delay",
            Duration.ofSeconds(5), "Longest wait between reconnection attempts (the wait doubles up to it).");
    public static final ConfigKey<Duration> BROKER_FAILURE_CHECK = ConfigKey.duration("broker.failure-check-period",
            Duration.ofSeconds(5), "How often the client checks the broker connection; a silent broker is noticed after about twice this.");

    public static final ConfigKey<String> COMMANDS_TOPIC = ConfigKey.string("commands.topic", "gc.commands",
            "The topic clients send commands to.");
    public static final ConfigKey<String> COMMANDS_SUBSCRIPTION = ConfigKey.string("commands.subscription", "gc-connector",
            "Name of the shared subscription on commands.topic: connectors with the same name share the commands.");
    public static final ConfigKey<Integer> COMMANDS_MAX_BODY = ConfigKey.integer("commands.max-body-bytes", 65536, 64, "bytes",
            "Largest command body accepted; larger ones get Error#MALFORMED_MESSAGE.");
    public static final ConfigKey<String> CONTROL_TOPIC = ConfigKey.string("control.topic", "gc.sandbox.control",
            "Topic of the scenario control of a simulated ACD (the sandbox); unused with a real ACD.");

    public static final ConfigKey<Integer> MAX_AGENTS = ConfigKey.integer("sessions.max-agents", 5000, 1, "agents",
            "Most agents with a session at once; one more gets Error#LICENSES_EXCEEDED.");
    public static final ConfigKey<Duration> DESTINATION_EXPIRY = ConfigKey.duration("sessions.destination-expiry",
            Duration.ofSeconds(90), "A client destination that sent no command for this long is dropped with its agent sessions.");
    public static final ConfigKey<Duration> EXPIRY_CHECK = ConfigKey.duration("sessions.expiry-check-interval",
            Duration.ofSeconds(5), "How often destinations are checked for expiry.");
    public static final ConfigKey<Boolean> LOGOUT_ON_EXPIRY = ConfigKey.bool("sessions.logout-on-expiry", false,
            "Log the agents of an expired destination out on the ACD; by default they stay logged in.");

    public static final ConfigKey<Integer> MAILBOX_CAPACITY = ConfigKey.integer("dispatch.mailbox-capacity", 64, 1, "commands",
            "Commands waiting per agent; one more gets Error#PLEASE_RETRY.");
    public static final ConfigKey<Integer> SENDER_THREADS = ConfigKey.integer("transport.sender-threads", 2, 1, "threads",
            "Threads (each with its own JMS session) sending events; a destination always uses the same one.");
    public static final ConfigKey<Integer> SENDER_QUEUE = ConfigKey.integer("transport.sender-queue-capacity", 65536, 16, "events",
            "Events waiting per sender thread; beyond it events are dropped with a warning.");
    public static final ConfigKey<Duration> SHUTDOWN_GRACE = ConfigKey.duration("shutdown.grace-period",
            Duration.ofSeconds(5), "On stop, how long commands in flight may take before they are failed with Error#PLEASE_RETRY.");

    public static final ConfigKey<Integer> ADMIN_PORT = ConfigKey.integer("admin.port", 61680, 0, "TCP port",
            "Port of the local admin endpoint that gcctl reads (status, agents, destinations) and that changes log levels; "
                    + "bound to 127.0.0.1 only, every request authenticated by a token made at each start; 0 disables it.");
    public static final ConfigKey<String> ADMIN_TOKEN_FILE = ConfigKey.string("admin.token-file", "../run/admin.token",
            "File the admin endpoint's URL and bearer token are written to at each start (owner-only, 0600; removed at stop), "
                    + "relative to the folder of this file; gcctl reads it. The scripts set GC_ADMIN_TOKEN_FILE.");

    public static final List<ConfigKey<?>> ALL = List.of(ACD_TYPE,
            BROKER_EMBEDDED, BROKER_CONFIG, BROKER_HOST, BROKER_PORT, BROKER_URL, BROKER_USER, BROKER_PASSWORD,
            RECONNECT_INITIAL, RECONNECT_MAX, BROKER_FAILURE_CHECK,
            COMMANDS_TOPIC, COMMANDS_SUBSCRIPTION, COMMANDS_MAX_BODY, CONTROL_TOPIC,
            MAX_AGENTS, DESTINATION_EXPIRY, EXPIRY_CHECK, LOGOUT_ON_EXPIRY,
            MAILBOX_CAPACITY, SENDER_THREADS, SENDER_QUEUE, SHUTDOWN_GRACE,
            ADMIN_PORT, ADMIN_TOKEN_FILE);
}
