package org.genericconnector.servicemanager;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The broker options every messaging command shares (a picocli mixin). */
public final class BrokerOptions {
    static final String DEFAULT_URL = "tcp://127.0.0.1:61616";

    @Spec(Spec.Target.MIXEE)
    CommandSpec mixee;

    @Option(names = "--broker-url", paramLabel = "URL", defaultValue = "${env:GC_BROKER_URL}",
            description = {"Broker URL (Artemis CORE; env GC_BROKER_URL). Default: the broker of the installation's",
                    "connector.yaml (embedded: broker.host/broker.port, else broker.url), else " + DEFAULT_URL + "."})
    String url;

    @Option(names = "--user", paramLabel = "NAME", defaultValue = "${env:GC_BROKER_USER}",
            description = "Broker user (env GC_BROKER_USER).")
    String user;

    @Option(names = "--password", paramLabel = "PASSWORD", defaultValue = "${env:GC_BROKER_PASSWORD}",
            description = "Broker password; better given as env GC_BROKER_PASSWORD (never shown).")
    String password;

    public String url() {
        if (url == null || url.isBlank()) {
            url = fromInstallation();
        }
        return url;
    }

    /** The broker the installation's connector uses; the default URL when there is no readable configuration. */
    private String fromInstallation() {
        if (mixee != null && mixee.root().userObject() instanceof GcCtl gcctl) {
            try {
                return BrokerFacts.of(gcctl.layout().configFile()).url();
            } catch (GcctlException e) {
                return DEFAULT_URL;
            }
        }
        return DEFAULT_URL;
    }

    public String user() {
        return user == null ? "" : user;
    }

    public String password() {
        return password == null ? "" : password;
    }
}
