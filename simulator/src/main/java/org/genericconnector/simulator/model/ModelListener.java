package org.genericconnector.simulator.model;

/**
 * Hears every {@link ModelChange}, in the order the changes happened. Called while the contact center's
 * lock is held, on the thread that made the change: it must be quick and must not call back into the
 * contact center from another thread (the same thread may read it).
 */
@FunctionalInterface
public interface ModelListener {
    void changed(ModelChange change);
}
