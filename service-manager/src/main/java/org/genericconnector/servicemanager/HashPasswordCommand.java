package org.genericconnector.servicemanager;

import java.io.BufferedReader;
import java.io.Console;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.Callable;

import org.apache.activemq.artemis.utils.DefaultSensitiveStringCodec;
import org.apache.activemq.artemis.utils.PasswordMaskingUtil;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/** {@code gcctl hash-password}: a PBKDF2 hash for a password in a configuration file (never the password itself). */
@Command(name = "hash-password", mixinStandardHelpOptions = true,
        description = {"Print a password hash for conf/asterisk-agents.yaml (format pbkdf2-sha256$ITERATIONS$SALT$KEY).",
                "The password is read from the terminal without echo (asked twice), or as one line from stdin with --stdin.",
                "With --artemis: an ENC(...) hash for the secured broker's artemis-users.properties."})
final class HashPasswordCommand implements Callable<Integer> {
    @ParentCommand
    GcCtl parent;
    @Spec
    CommandSpec spec;

    @Option(names = "--stdin", description = "Read the password as one line from standard input.")
    boolean stdin;

    @Option(names = "--artemis", description = "Print an Artemis ENC(...) hash for artemis-users.properties (a secured broker) instead.")
    boolean artemis;

    @Option(names = "--iterations", defaultValue = "" + PasswordHash.DEFAULT_ITERATIONS, description = "PBKDF2 iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Override
    public Integer call() throws Exception {
        if (iterations < 100_000) {
            throw new GcctlException(ExitCodes.USAGE, "--iterations must be at least 100000");
        }
        char[] password = stdin ? fromStdin() : fromConsole();
        try {
            if (password.length == 0) {
                throw new GcctlException(ExitCodes.FAILED, "empty password");
            }
            spec.commandLine().getOut().println(artemis ? artemisHash(password) : PasswordHash.hash(password, iterations));
            return ExitCodes.OK;
        } finally {
            PasswordHash.wipe(password);
        }
    }

    /** Artemis's one-way codec (PBKDF2), as its PropertiesLoginModule verifies it. */
    private static String artemisHash(char[] password) throws Exception {
        DefaultSensitiveStringCodec codec = new DefaultSensitiveStringCodec();
        codec.init(Map.of(DefaultSensitiveStringCodec.ALGORITHM, DefaultSensitiveStringCodec.ONE_WAY));
        return PasswordMaskingUtil.wrap(codec.encode(new String(password)));
    }

    private char[] fromStdin() throws IOException {
        BufferedReader reader = new BufferedReader(new InputStreamReader(parent.in(), StandardCharsets.UTF_8));
        String line = reader.readLine();
        return line == null ? new char[0] : line.toCharArray();
    }

    private char[] fromConsole() throws GcctlException {
        Console console = System.console();
        if (console == null) {
            throw new GcctlException(ExitCodes.USAGE, "no terminal to ask for the password: use --stdin");
        }
        char[] first = console.readPassword("Password: ");
        char[] second = console.readPassword("Again: ");
        try {
            if (first == null || !Arrays.equals(first, second)) {
                throw new GcctlException(ExitCodes.FAILED, "the two passwords differ");
            }
            return first.clone();
        } finally {
            PasswordHash.wipe(first);
            PasswordHash.wipe(second);
        }
    }
}
