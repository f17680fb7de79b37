package org.genericconnector.bench;

import java.util.ArrayList;
import java.util.List;

/** The first few unexpected answers of a run, kept for the report. Thread-safe. */
final class ErrorSamples {
    private static final List<String> SAMPLES = new ArrayList<>();

    private ErrorSamples() {
    }

    static synchronized void note(String body) {
        if (SAMPLES.size() < 5) {
            SAMPLES.add(body.length() > 200 ? body.substring(0, 200) : body);
        }
    }

    static synchronized List<String> drain() {
        List<String> copy = List.copyOf(SAMPLES);
        SAMPLES.clear();
        return copy;
    }
}
