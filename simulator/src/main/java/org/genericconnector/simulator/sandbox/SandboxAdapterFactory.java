package org.genericconnector.simulator.sandbox;

import java.time.Instant;
import java.time.InstantSource;

import org.genericconnector.protocol.spi.AcdAdapter;
import org.genericconnector.protocol.spi.AcdAdapterFactory;
import org.genericconnector.protocol.spi.AdapterConfig;
import org.genericconnector.simulator.config.DirectoryBuilder;
import org.genericconnector.simulator.config.PopulationFile;
import org.genericconnector.simulator.config.PopulationLoader;
import org.genericconnector.simulator.model.CenterSettings;
import org.genericconnector.simulator.model.ContactCenter;
import org.genericconnector.simulator.model.ExecutorTimers;
import org.genericconnector.simulator.model.SimulatedTimers;
import org.genericconnector.simulator.model.TimerService;

/** Builds the in-process sandbox ACD ({@code acd.type: sandbox}). Stateless; registered for ServiceLoader. */
public final class SandboxAdapterFactory implements AcdAdapterFactory {
    /** Where simulated time starts, so that simulated runs print the same times. */
    static final Instant SIMULATED_EPOCH = Instant.parse("2026-01-05T08:00:00Z");

    @Override
    public String name() {
        return "sandbox";
    }

    @Override
    public AcdAdapter create(AdapterConfig config) {
        SandboxSettings settings = SandboxSettings.from(config);
        TimerService timers = settings.simulatedTime() ? new SimulatedTimers(SIMULATED_EPOCH) : new ExecutorTimers(InstantSource.system());
        return create(settings, timers);
    }

    /** Builds an adapter on the given timers (tests pass {@link SimulatedTimers}). */
    public static SandboxAdapter create(SandboxSettings settings, TimerService timers) {
        PopulationLoader loader = new PopulationLoader();
        PopulationFile population = settings.population().map(loader::load).orElseGet(loader::loadDefault);
        CenterSettings center = new CenterSettings(settings.licenseLimit(), settings.ringTimeout(), settings.seed());
        return new SandboxAdapter(new ContactCenter(DirectoryBuilder.build(population), center, timers), timers, settings.seed());
    }
}
