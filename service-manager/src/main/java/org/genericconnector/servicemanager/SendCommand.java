package org.genericconnector.servicemanager;

import java.io.PrintWriter;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageConsumer;
import jakarta.jms.Session;
import jakarta.jms.TextMessage;
import jakarta.jms.Topic;

import org.genericconnector.protocol.command.CommandParser;
import org.genericconnector.protocol.command.ParseResult;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code gcctl send <JMSType> [body]}: sends one GC command as a client would (JMSReplyTo a reply topic)
 * and prints the events that come back during {@code --wait}.
 */
@Command(name = "send", mixinStandardHelpOptions = true,
        description = {"Send one GC command and print the replies that arrive within --wait.",
                "Example: gcctl send Connect#1001 my.topic,secret --reply-topic my.topic",
                "Exit 0 when sent (even without replies), 3 broker unreachable."})
final class SendCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;
    @Mixin
    BrokerOptions broker;

    @Parameters(index = "0", paramLabel = "JMSType", description = "<Command>#<AgentId>, e.g. Login#1001 or Hello#my.topic.")
    String jmsType;

    @Parameters(index = "1", arity = "0..1", paramLabel = "BODY", defaultValue = "", description = "Comma-separated arguments.")
    String body;

    @Option(names = "--reply-topic", paramLabel = "TOPIC", description = "JMSReplyTo topic (default: a topic unique to this run).")
    String replyTopic;

    @Option(names = "--wait", defaultValue = "3s", paramLabel = "DURATION", converter = DurationConverter.class,
            description = "How long to print replies (default ${DEFAULT-VALUE}).")
    Duration wait;

    @Option(names = "--correlation-id", paramLabel = "ID", description = "JMSCorrelationID to set.")
    String correlationId;

    @Option(names = "--commands-topic", defaultValue = "gc.commands", description = "The command topic (default ${DEFAULT-VALUE}).")
    String commandsTopic;

    @Option(names = "--raw", description = "Print reply bodies exactly as received.")
    boolean raw;

    @Override
    public Integer call() throws GcctlException, JMSException {
        if (!jmsType.contains("#")) {
            throw new GcctlException(ExitCodes.USAGE, "JMSType must be <Command>#<AgentId>, e.g. Login#1001, not '" + jmsType + "'");
        }
        String own = replyTopic != null ? replyTopic : Topics.unique("send");
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        try (BrokerSession bs = BrokerSession.open(broker)) {
            Session s = bs.session();
            Topic reply = s.createTopic(own);
            MessageConsumer consumer = s.createConsumer(reply);
            TextMessage m = s.createTextMessage(body);
            m.setJMSType(jmsType);
            m.setJMSReplyTo(reply);
            if (correlationId != null) {
                m.setJMSCorrelationID(correlationId);
            }
            s.createProducer(s.createTopic(commandsTopic)).send(m);
            err.println("sent " + jmsType + " [" + shownBody() + "] to " + commandsTopic + ", replies to " + own
                    + "; waiting " + wait.toSeconds() + "s for replies");
            err.flush();
            int n = printReplies(consumer, out);
            if (n == 0) {
                err.println("(no reply within " + wait.toSeconds() + "s)");
            }
            err.flush();
            return ExitCodes.OK;
        }
    }

    private int printReplies(MessageConsumer consumer, PrintWriter out) throws JMSException {
        Instant end = Instant.now().plus(wait);
        int n = 0;
        while (true) {
            long left = Duration.between(Instant.now(), end).toMillis();
            if (left <= 0) {
                return n;
            }
            Message m = consumer.receive(left);
            if (m == null) {
                return n;
            }
            String text = MessageText.of(m);
            out.println(raw ? text : EventFormatter.readable(text));
            out.flush();
            n++;
        }
    }

    /** The body as typed, except that a password (Connect, Login, MOBILEAGENTLOGIN) is never echoed. */
    private String shownBody() {
        if (new CommandParser().parse(jmsType, body) instanceof ParseResult.Parsed p
                && (p.command() instanceof org.genericconnector.protocol.command.Command.Connect
                || p.command() instanceof org.genericconnector.protocol.command.Command.Login
                || p.command() instanceof org.genericconnector.protocol.command.Command.MobileAgentLogin)) {
            return p.command().toString();
        }
        return body;
    }
}
