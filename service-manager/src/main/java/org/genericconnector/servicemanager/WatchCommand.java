package org.genericconnector.servicemanager;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcctl watch <topic>}: prints every event on a topic, decoded, until Ctrl-C (or --count / --duration). */
@Command(name = "watch", mixinStandardHelpOptions = true,
        description = {"Print the events arriving on a topic, decoded (or --raw), until Ctrl-C.",
                "Example: gcctl watch my.client.topic"})
final class WatchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    BrokerOptions broker;

    @Parameters(index = "0", paramLabel = "TOPIC", description = "The topic to watch (a client's topic, or gc.commands).")
    String topic;

    @Option(names = "--raw", description = "Print bodies exactly as received.")
    boolean raw;

    @Option(names = "--count", paramLabel = "N", defaultValue = "0", description = "Stop after N messages (0: never).")
    int count;

    @Option(names = "--duration", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "Stop after this long (default: never).")
    Duration duration;

    @Override
    public Integer call() throws GcctlException, JMSException {
        PrintWriter out = spec.commandLine().getOut();
        try (BrokerSession bs = BrokerSession.open(broker)) {
            MessageConsumer consumer = bs.session().createConsumer(bs.session().createTopic(topic));
            spec.commandLine().getErr().println("watching topic " + topic + " on " + broker.url() + " (Ctrl-C stops)");
            spec.commandLine().getErr().flush();
            Instant end = duration == null ? Instant.MAX : Instant.now().plus(duration);
            int seen = 0;
            while ((count == 0 || seen < count) && Instant.now().isBefore(end)) {
                Message m = consumer.receive(200);
                if (m == null) {
                    continue;
                }
                String text = MessageText.of(m);
                String type = m.getJMSType();
                out.println(raw ? text : EventFormatter.readable(text) + (type == null ? "" : "  [JMSType " + type + "]"));
                out.flush();
                seen++;
            }
            return ExitCodes.OK;
        }
    }
}
