package org.genericconnector.simulator.ami;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;

/** Reads the server-to-client packets of a real Asterisk capture (src/test/resources/ami/*.txt.gz). Stateless. */
final class AmiCapture {
    private AmiCapture() {
    }

    static List<AmiTestClient.Packet> serverPackets(String name) throws IOException {
        InputStream raw = AmiCapture.class.getResourceAsStream("/ami/" + name + ".txt.gz");
        if (raw == null) {
            throw new IOException("no capture " + name);
        }
        List<AmiTestClient.Packet> out = new ArrayList<>();
        try (BufferedReader in = new BufferedReader(new InputStreamReader(new GZIPInputStream(raw), StandardCharsets.UTF_8))) {
            boolean fromServer = false;
            List<String[]> headers = new ArrayList<>();
            String line;
            while ((line = in.readLine()) != null) {
                if (line.startsWith("@@")) {
                    fromServer = line.contains(" << ");
                    headers = new ArrayList<>();
                } else if (fromServer && line.endsWith("\\r\\n")) {
                    String text = line.substring(0, line.length() - 4);
                    if (text.isEmpty()) {
                        if (!headers.isEmpty()) {
                            out.add(new AmiTestClient.Packet(headers));
                        }
                        headers = new ArrayList<>();
                    } else if (text.contains(":")) {
                        int colon = text.indexOf(':');
                        headers.add(new String[] {text.substring(0, colon), text.substring(colon + 1).strip()});
                    }
                }
            }
        }
        return out;
    }

    static List<String> ALL = List.of("a_protocol", "b_agent_login", "c_acd_call", "d_rona_abandon", "e_click_to_dial",
            "f1_vars_status_spy", "f2_blind_transfer_redirect", "f3_attended_transfer", "g_shutdown_reconnect");
}
