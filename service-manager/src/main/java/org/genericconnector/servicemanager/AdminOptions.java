package org.genericconnector.servicemanager;

import java.nio.file.Path;

import picocli.CommandLine.Option;

/** Where to find the connector's admin endpoint (a picocli mixin). */
public final class AdminOptions {
    @Option(names = "--token-file", paramLabel = "FILE", defaultValue = "${env:GC_ADMIN_TOKEN_FILE}",
            description = "The connector's admin token file (env GC_ADMIN_TOKEN_FILE; default run/admin.token of the installation).")
    Path tokenFile;

    public Path tokenFile(Layout layout) {
        return tokenFile != null ? tokenFile : layout.tokenFile();
    }

    public AdminClient client(Layout layout) throws GcctlException {
        return AdminClient.fromTokenFile(tokenFile(layout));
    }
}
