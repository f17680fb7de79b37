package org.genericconnector.servicemanager;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code gcctl sandbox <line...>}: one scenario-control line to the sandbox ACD, and its one-line reply. */
@Command(name = "sandbox", mixinStandardHelpOptions = true,
        description = {"Send a scenario-control line to the sandbox ACD and print its reply (OK ... or ERROR ...).",
                "Example: gcctl sandbox call 1001 from 5551234   (see the sandbox's HELP line for the verbs)",
                "Exit 0 on OK, 1 on ERROR, 2 no reply in time, 3 broker unreachable."})
final class SandboxCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    BrokerOptions broker;

    @Parameters(arity = "1..*", paramLabel = "WORD", description = "The control line, word by word.")
    List<String> words;

    @Option(names = "--control-topic", defaultValue = "gc.sandbox.control", description = "The control topic (default ${DEFAULT-VALUE}).")
    String controlTopic;

    @Option(names = "--timeout", defaultValue = "5s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to wait for the reply (default ${DEFAULT-VALUE}).")
    Duration timeout;

    @Override
    public Integer call() throws GcctlException, JMSException {
        String line = String.join(" ", words);
        try (BrokerSession bs = BrokerSession.open(broker)) {
            Session s = bs.session();
            Topic reply = s.createTopic(Topics.unique("sandbox"));
            MessageConsumer consumer = s.createConsumer(reply);
            TextMessage m = s.createTextMessage(line);
            m.setJMSReplyTo(reply);
            m.setJMSCorrelationID(UUID.randomUUID().toString());
            s.createProducer(s.createTopic(controlTopic)).send(m);
            spec.commandLine().getErr().println("sent '" + line + "' to " + controlTopic + "; waiting up to " + timeout.toMillis() + " ms for the reply");
            spec.commandLine().getErr().flush();
            Message answer = consumer.receive(timeout.toMillis());
            if (answer == null) {
                throw new GcctlException(ExitCodes.TIMEOUT, "no reply on " + controlTopic + " within " + timeout.toSeconds()
                        + "s: is the connector running with acd.type sandbox?");
            }
            String text = MessageText.of(answer);
            spec.commandLine().getOut().println(text);
            spec.commandLine().getOut().flush();
            return text.startsWith("OK") ? ExitCodes.OK : ExitCodes.FAILED;
        }
    }
}
