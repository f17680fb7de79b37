package org.genericconnector.servicemanager;

import picocli.CommandLine.Option;

/** The broker options every messaging command shares (a picocli mixin). */
public final class BrokerOptions {
    @Option(names = "--broker-url", paramLabel = "URL", defaultValue = "${env:GC_BROKER_URL:-tcp://127.0.0.1:61616}",
            description = "Broker URL (Artemis CORE; env GC_BROKER_URL). Default: ${DEFAULT-VALUE}.")
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:GC_BROKER_USER}",
            description = "Broker user (env GC_BROKER_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:GC_BROKER_PASSWORD}",
            description = "Broker password; better given as env GC_BROKER_PASSWORD (never shown).")
    String password;

    public String url() {
        return url;
    }

    public String user() {
        return user == null ? "" : user;
    }

    public String password() {
        return password == null ? "" : password;
    }
}
