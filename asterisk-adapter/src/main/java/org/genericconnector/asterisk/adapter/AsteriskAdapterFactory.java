package org.genericconnector.asterisk.adapter;

import java.time.InstantSource;

import javax.net.ssl.SSLSocketFactory;

import org.genericconnector.asterisk.ami.AmiClient;
import org.genericconnector.asterisk.ami.AmiClientConfig;
import org.genericconnector.asterisk.ami.ExecutorAmiScheduler;
import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;

/** Builds the Asterisk adapter ({@code acd.type: asterisk}); settings under {@code acd.asterisk}. Stateless. */
public final class AsteriskAdapterFactory implements AcdAdapterFactory {

    @Override
    public String name() {
        return "asterisk";
    }

    @Override
    public AcdAdapter create(AdapterConfig config) {
        AsteriskSettings settings = AsteriskSettings.from(config);
        AgentDirectory directory = AgentDirectory.load(settings.agentsFile());
        ExecutorAmiScheduler scheduler = new ExecutorAmiScheduler("asterisk-timer");
        return create(settings, directory, scheduler, InstantSource.system());
    }

    /** An adapter on the given scheduler (tests pass a manual one); the adapter closes it if it is AutoCloseable. */
    public static AsteriskAdapter create(AsteriskSettings settings, AgentDirectory directory,
                                         org.genericconnector.asterisk.ami.AmiScheduler scheduler, InstantSource clock) {
        AmiClientConfig.Builder b = AmiClientConfig.builder(settings.host(), settings.port(), settings.username(), settings.secret())
                .authType(settings.authType()).events(settings.events()).actionTimeout(settings.actionTimeout())
                .pingInterval(settings.pingInterval()).pingTimeout(settings.pingTimeout()).clock(clock);
        if (settings.tls()) {
            b.socketFactory(SSLSocketFactory.getDefault());
        }
        return new AsteriskAdapter(settings, directory, new AmiClient(b.build(), scheduler), scheduler);
    }
}
