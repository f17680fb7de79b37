package org.genericconnector.protocol.spi;

import java.util.Locale;

/** Recognises setting names that hold secrets, so that they are masked wherever settings are shown. */
public final class Secrets {
    private Secrets() {
    }

    public static boolean looksSecret(String key) {
        String k = key.toLowerCase(Locale.ROOT);
        return k.contains("password") || k.contains("secret") || k.contains("token") || k.endsWith("key")
                || k.contains("passphrase");
    }
}
