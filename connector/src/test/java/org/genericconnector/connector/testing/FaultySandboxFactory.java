package org.genericconnector.connector.testing;

import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;
import java.util.Set;
import java.time.InstantSource;

import org.genericconnector.protocol.LinkStatus;
import org.genericconnector.protocol.command.CommandName;
import org.genericconnector.protocol.event.Event;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AcdException;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.genericconnector.protocol.spi.AdapterContext;
import org.genericconnector.protocol.spi.CommandRequest;
import org.genericconnector.protocol.spi.ScenarioControl;

/**
 * {@code faulty-sandbox}: the real sandbox with a link a test can cut ({@link Faulty#cut} /
 * {@link Faulty#restore}), as a lost Finesse node or AMI socket would be reported.
 */
public final class FaultySandboxFactory implements AcdAdapterFactory {
    public static volatile Faulty current;

    @Override
    public String name() {
        return "faulty-sandbox";
    }

    @Override
    public AcdAdapter create(AdapterConfig config) {
        AcdAdapterFactory sandbox = ServiceLoader.load(AcdAdapterFactory.class).stream().map(ServiceLoader.Provider::get)
                .filter(f -> f.name().equals("sandbox")).findFirst().orElseThrow();
        current = new Faulty(sandbox.create(config));
        return current;
    }

    /** Delegates to the sandbox, except for the link status it reports. Thread-safe. */
    public static final class Faulty implements AcdAdapter {
        private final AcdAdapter delegate;
        private volatile AdapterContext context;
        private volatile boolean cut;

        Faulty(AcdAdapter delegate) {
            this.delegate = delegate;
        }

        public void cut() {
            cut = true;
            context.linkStatusChanged(LinkStatus.OUT_OF_SERVICE);
        }

        public void restore() {
            cut = false;
            context.linkStatusChanged(LinkStatus.IN_SERVICE);
        }

        @Override
        public void start(AdapterContext ctx) throws AcdException {
            context = ctx;
            delegate.start(new AdapterContext() {
                @Override
                public void publish(Event event) {
                    ctx.publish(event);
                }

                @Override
                public void linkStatusChanged(LinkStatus status) {
                    ctx.linkStatusChanged(cut ? LinkStatus.OUT_OF_SERVICE : status);
                }

                @Override
                public InstantSource clock() {
                    return ctx.clock();
                }
            });
        }

        @Override
        public Set<CommandName> supportedCommands() {
            return delegate.supportedCommands();
        }

        @Override
        public void execute(CommandRequest request) throws AcdException {
            delegate.execute(request);
        }

        @Override
        public LinkStatus linkStatus() {
            return cut ? LinkStatus.OUT_OF_SERVICE : delegate.linkStatus();
        }

        @Override
        public List<Event> snapshot(String agentId) {
            return delegate.snapshot(agentId);
        }

        @Override
        public void agentReleased(String agentId) {
            delegate.agentReleased(agentId);
        }

        @Override
        public Optional<ScenarioControl> scenarioControl() {
            return delegate.scenarioControl();
        }

        @Override
        public void close() {
            delegate.close();
        }
    }
}
