package org.genericconnector.servicemanager;

import java.time.Duration;
import java.util.concurrent.Callable;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.event.DecodeResult;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.event.EventDecoder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code gcctl health}: a real GC handshake. Sends {@code Hello#<topic>} with JMSReplyTo a topic unique to
 * this run and waits for {@code System#IN_SERVICE|OUT_OF_SERVICE}.
 */
@Command(name = "health", mixinStandardHelpOptions = true,
        description = {"Check the connector end to end with a GC handshake (Hello, expect System#IN_SERVICE).",
                "Exit codes for monitoring: 0 in service, 1 out of service (ACD link down) or an error answer,",
                "2 no answer in time (connector down or busy), 3 broker unreachable."})
final class HealthCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    BrokerOptions broker;

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the answer (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Option(names = "--commands-topic", defaultValue = "gc.commands", description = "The connector's command topic (default ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Option(names = {"-q", "--quiet"}, description = "Print nothing; only the exit code tells.")
    boolean quiet;

    @Override
    public Integer call() throws GcctlException, JMSException {
        String own = Topics.unique("health");
        try (BrokerSession bs = BrokerSession.open(broker)) {
            Session s = bs.session();
            Topic reply = s.createTopic(own);
            MessageConsumer consumer = s.createConsumer(reply);
            TextMessage hello = s.createTextMessage(own);
            hello.setJMSType("Hello#" + own);
            hello.setJMSReplyTo(reply);
            s.createProducer(s.createTopic(commandsTopic)).send(hello);
            if (!quiet) {
                spec.commandLine().getErr().println("sent Hello#" + own + " to " + commandsTopic + "; waiting up to "
                        + timeout.toMillis() + " ms for System#...");
                spec.commandLine().getErr().flush();
            }
            Message answer = consumer.receive(timeout.toMillis());
            return judge(answer);
        }
    }

    private int judge(Message answer) throws JMSException {
        var out = spec.commandLine().getOut();
        if (answer == null) {
            say("NO ANSWER: the connector did not answer Hello within " + timeout.toSeconds() + "s (broker " + broker.url() + ")");
            return ExitCodes.TIMEOUT;
        }
        String body = answer instanceof TextMessage t ? t.getText() : "";
        if (EventDecoder.decode(body) instanceof DecodeResult.Decoded(Event.SystemStatus status)) {
            boolean in = status.status() == LinkStatus.IN_SERVICE;
            say((in ? "IN_SERVICE" : "OUT_OF_SERVICE: the connector runs but its ACD link is down") + " (broker " + broker.url() + ")");
            return in ? ExitCodes.OK : ExitCodes.FAILED;
        }
        say("UNEXPECTED ANSWER: " + body);
        out.flush();
        return ExitCodes.FAILED;
    }

    private void say(String line) {
        if (!quiet) {
            spec.commandLine().getOut().println(line);
            spec.commandLine().getOut().flush();
        }
    }
}
