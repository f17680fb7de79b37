package org.genericconnector.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import javax.imageio.ImageIO;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Draws latency (p50, p99, logarithmic) against the open-loop rate for the baseline and the connector
 * into a PNG, with java.awt in headless mode.
 */
final class LatencyChart {
    private static final int W = 900;
    private static final int H = 560;
    private static final int LEFT = 80;
    private static final int RIGHT = 200;
    private static final int TOP = 50;
    private static final int BOTTOM = 60;

    private record Series(String name, Color color, boolean dashed, List<double[]> points) {
    }

    private LatencyChart() {
    }

    static void write(JsonNode protocolResult, String title, Path file) throws IOException {
        System.setProperty("java.awt.headless", "true");
        List<Series> series = List.of(
                series("baseline p50", new Color(0x1f77b4), true, protocolResult.path("baseline"), "p50"),
                series("baseline p99", new Color(0x1f77b4), false, protocolResult.path("baseline"), "p99"),
                series("connector p50", new Color(0xd62728), true, protocolResult.path("connector"), "p50"),
                series("connector p99", new Color(0xd62728), false, protocolResult.path("connector"), "p99"));
        BufferedImage img = new BufferedImage(W, H, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = img.createGraphics();
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.WHITE);
        g.fillRect(0, 0, W, H);
        double maxRate = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[0]).max().orElse(1000);
        double maxMs = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).max().orElse(10);
        double minMs = series.stream().flatMap(s -> s.points().stream()).mapToDouble(p -> p[1]).min().orElse(0.1);
        double lo = Math.pow(10, Math.floor(Math.log10(Math.max(0.01, minMs))));
        double hi = Math.pow(10, Math.ceil(Math.log10(Math.max(lo * 10, maxMs))));
        double xMax = Math.ceil(maxRate / 1000.0) * 1000;
        axes(g, title, xMax, lo, hi);
        for (int i = 0; i < series.size(); i++) {
            draw(g, series.get(i), xMax, lo, hi, i);
        }
        g.dispose();
        ImageIO.write(img, "png", file.toFile());
    }

    private static Series series(String name, Color color, boolean dashed, JsonNode system, String field) {
        List<double[]> points = new ArrayList<>();
        for (JsonNode r : system.path("openLoop")) {
            points.add(new double[] {r.path("rate").asDouble(), Math.max(0.01, r.path("latency").path(field).asDouble())});
        }
        points.sort((a, b) -> Double.compare(a[0], b[0]));
        return new Series(name, color, dashed, points);
    }

    private static int x(double rate, double xMax) {
        return LEFT + (int) Math.round(rate / xMax * (W - LEFT - RIGHT));
    }

    private static int y(double ms, double lo, double hi) {
        double f = (Math.log10(ms) - Math.log10(lo)) / (Math.log10(hi) - Math.log10(lo));
        return H - BOTTOM - (int) Math.round(f * (H - TOP - BOTTOM));
    }

    private static void axes(Graphics2D g, String title, double xMax, double lo, double hi) {
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
        g.drawString(title, LEFT, 30);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
        g.drawLine(LEFT, H - BOTTOM, W - RIGHT, H - BOTTOM);
        g.drawLine(LEFT, TOP, LEFT, H - BOTTOM);
        for (double r = 0; r <= xMax; r += xMax <= 5000 ? 500 : 1000) {
            int px = x(r, xMax);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(px, TOP, px, H - BOTTOM);
            g.setColor(Color.BLACK);
            g.drawString(String.valueOf((int) r), px - 12, H - BOTTOM + 18);
        }
        for (double ms = lo; ms <= hi * 1.001; ms *= 10) {
            int py = y(ms, lo, hi);
            g.setColor(new Color(0xeeeeee));
            g.drawLine(LEFT, py, W - RIGHT, py);
            g.setColor(Color.BLACK);
            g.drawString(ms < 1 ? String.valueOf(ms) : String.valueOf((long) ms), LEFT - 45, py + 4);
        }
        g.drawString("commands per second (open loop)", LEFT + 180, H - 15);
        g.rotate(-Math.PI / 2);
        g.drawString("latency from intended send, ms (log)", -(H / 2) - 110, 20);
        g.rotate(Math.PI / 2);
    }

    private static void draw(Graphics2D g, Series s, double xMax, double lo, double hi, int index) {
        g.setColor(s.color());
        g.setStroke(s.dashed() ? new BasicStroke(2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 1f, new float[] {6f, 4f}, 0f)
                : new BasicStroke(2.5f));
        int[] prev = null;
        for (double[] p : s.points()) {
            int px = x(p[0], xMax);
            int py = y(p[1], lo, hi);
            g.fillOval(px - 3, py - 3, 7, 7);
            if (prev != null) {
                g.drawLine(prev[0], prev[1], px, py);
            }
            prev = new int[] {px, py};
        }
        int ly = TOP + 20 + index * 22;
        g.drawLine(W - RIGHT + 20, ly, W - RIGHT + 50, ly);
        g.setColor(Color.BLACK);
        g.drawString(s.name(), W - RIGHT + 58, ly + 4);
    }
}
