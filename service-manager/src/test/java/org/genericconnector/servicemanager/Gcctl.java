package org.genericconnector.servicemanager;

import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;

import picocli.CommandLine;

/** Runs gcctl in this JVM with its output captured. */
final class Gcctl {
    /** The exit code and what gcctl printed. */
    record Run(int code, String out, String err) {
        @Override
        public String toString() {
            return "exit " + code + "\n--- out\n" + out + "--- err\n" + err;
        }
    }

    private Gcctl() {
    }

    static Run run(Layout layout, String... args) {
        return runWithInput(layout, "", args);
    }

    static Run runWithInput(Layout layout, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = GcCtl.commandLine(layout, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)));
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int code = cl.execute(args);
        return new Run(code, out.toString(), err.toString());
    }
}
