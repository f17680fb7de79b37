package org.genericconnector.connector.admin;

/** The connector's version: the jar manifest's, else the system property gc.version (set by bin/ scripts), else "dev". */
public final class Versions {
    private Versions() {
    }

    public static String current() {
        String v = Versions.class.getPackage().getImplementationVersion();
        if (v == null || v.isBlank()) {
            v = System.getProperty("gc.version", "dev");
        }
        return v;
    }
}
