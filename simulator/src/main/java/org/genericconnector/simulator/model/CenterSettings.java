package org.genericconnector.simulator.model;

import java.time.Duration;

/**
 * Tunables of the simulated contact center.
 *
 * @param licenseLimit most agents logged in at once
 * @param ringTimeout  how long an offered call rings before it is taken back (ring no answer); zero for never
 * @param seed         seeds the randomness (dialog id numbering, generated caller numbers) so runs repeat
 */
public record CenterSettings(int licenseLimit, Duration ringTimeout, long seed) {
    public CenterSettings {
        if (licenseLimit < 0) {
            throw new IllegalArgumentException("licenseLimit must not be negative");
        }
        if (ringTimeout.isNegative()) {
            throw new IllegalArgumentException("ringTimeout must not be negative");
        }
    }

    public static CenterSettings defaults() {
        return new CenterSettings(1000, Duration.ofSeconds(15), 1L);
    }
}
