package org.genericconnector.servicemanager;

import java.nio.file.Files;
import java.nio.file.Path;

import org.genericconnector.connector.config.ConfigKeys;
import org.genericconnector.connector.config.ConnectorConfig;

/** Where the broker is, as the installation's configuration says: embedded (and where) or external (URL and credentials). */
record BrokerFacts(boolean embedded, String url, String user, String password) {

    static BrokerFacts of(Path configFile) throws GcctlException {
        if (!Files.isRegularFile(configFile)) {
            return new BrokerFacts(true, "tcp://127.0.0.1:61616", "", "");
        }
        ConnectorConfig c = ConfigCommand.load(configFile);
        if (c.get(ConfigKeys.BROKER_EMBEDDED)) {
            String host = c.get(ConfigKeys.BROKER_HOST);
            host = host.equals("0.0.0.0") || host.equals("::") ? "127.0.0.1" : host;
            return new BrokerFacts(true, "tcp://" + host + ":" + c.get(ConfigKeys.BROKER_PORT), c.get(ConfigKeys.BROKER_USER),
                    c.get(ConfigKeys.BROKER_PASSWORD));
        }
        return new BrokerFacts(false, c.get(ConfigKeys.BROKER_URL), c.get(ConfigKeys.BROKER_USER), c.get(ConfigKeys.BROKER_PASSWORD));
    }

    /** Start and stop do not apply to the broker: say why. */
    String notApplicable(String action) {
        return embedded
                ? "the broker is embedded in the connector and cannot " + action + " on its own: use 'gcctl " + action + " connector'"
                : "the broker at " + url + " is external (broker.embedded: false): gcctl does not " + action + " it";
    }

    @Override
    public String toString() {
        return "BrokerFacts[embedded=" + embedded + ", url=" + url + ", user=" + user + ", password=****]";
    }
}
