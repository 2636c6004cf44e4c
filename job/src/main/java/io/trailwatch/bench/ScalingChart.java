package io.trailwatch.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * Draws throughput against pattern count as a PNG: two panels (condition filtering alone, and the
 * whole detect pipeline), each with its own linear scale from zero, so neither flattens the other.
 */
final class ScalingChart {

    /** One measured pattern count. */
    record Point(int patterns, double filterRecordsPerSecond, double detectRecordsPerSecond) {}

    private static final int WIDTH = 900;
    private static final int PANEL_HEIGHT = 300;
    private static final int LEFT = 110;
    private static final int RIGHT = 30;
    private static final int TOP = 50;
    private static final int GAP = 70;
    private static final Color FILTER_COLOR = new Color(0x1f77b4);
    private static final Color DETECT_COLOR = new Color(0xd62728);

    private ScalingChart() {}

    static void write(List<Point> points, Corpus corpus, Path png) throws IOException {
        System.setProperty("java.awt.headless", "true");
        int height = TOP + 2 * PANEL_HEIGHT + GAP + 60;
        BufferedImage image = new BufferedImage(WIDTH, height, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(
                    RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setColor(Color.WHITE);
            g.fillRect(0, 0, WIDTH, height);
            g.setColor(Color.BLACK);
            g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 16));
            g.drawString(
                    String.format(
                            Locale.ROOT,
                            "TrailWatch throughput against pattern count (%,d records, %.0f MB)",
                            corpus.records(),
                            corpus.uncompressedBytes() / 1e6),
                    LEFT,
                    28);
            double[] filter = new double[points.size()];
            double[] detect = new double[points.size()];
            int[] counts = new int[points.size()];
            for (int i = 0; i < points.size(); i++) {
                counts[i] = points.get(i).patterns();
                filter[i] = points.get(i).filterRecordsPerSecond();
                detect[i] = points.get(i).detectRecordsPerSecond();
            }
            panel(
                    g,
                    TOP,
                    counts,
                    filter,
                    FILTER_COLOR,
                    "filter: every condition on each record (1 thread), records/s");
            panel(
                    g,
                    TOP + PANEL_HEIGHT + GAP,
                    counts,
                    detect,
                    DETECT_COLOR,
                    "detect: whole pipeline, parallelism 2, records/s (job start-up taken out)");
        } finally {
            g.dispose();
        }
        if (png.getParent() != null) {
            Files.createDirectories(png.getParent());
        }
        ImageIO.write(image, "png", png.toFile());
    }

    private static void panel(
            Graphics2D g, int top, int[] counts, double[] values, Color color, String title) {
        int plotWidth = WIDTH - LEFT - RIGHT;
        int bottom = top + PANEL_HEIGHT;
        double max = 0;
        for (double value : values) {
            max = Math.max(max, value);
        }
        double step = niceStep(max / 5);
        double topValue = Math.ceil(max / step) * step;
        int maxCount = 1;
        for (int count : counts) {
            maxCount = Math.max(maxCount, count);
        }

        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.setColor(Color.BLACK);
        g.drawString(title, LEFT, top - 8);
        g.setColor(new Color(0xdddddd));
        for (double tick = 0; tick <= topValue + step / 2; tick += step) {
            int y = bottom - (int) Math.round(tick / topValue * PANEL_HEIGHT);
            g.drawLine(LEFT, y, LEFT + plotWidth, y);
        }
        g.setColor(Color.BLACK);
        g.drawLine(LEFT, bottom, LEFT + plotWidth, bottom);
        g.drawLine(LEFT, top, LEFT, bottom);
        for (double tick = 0; tick <= topValue + step / 2; tick += step) {
            int y = bottom - (int) Math.round(tick / topValue * PANEL_HEIGHT);
            String label = String.format(Locale.ROOT, "%,.0f", tick);
            g.drawString(label, LEFT - 8 - g.getFontMetrics().stringWidth(label), y + 5);
        }
        int[] xs = new int[counts.length];
        int[] ys = new int[counts.length];
        for (int i = 0; i < counts.length; i++) {
            xs[i] = LEFT + (int) Math.round((double) counts[i] / maxCount * plotWidth);
            ys[i] = bottom - (int) Math.round(values[i] / topValue * PANEL_HEIGHT);
            String label = Integer.toString(counts[i]);
            g.drawLine(xs[i], bottom, xs[i], bottom + 4);
            g.drawString(label, xs[i] - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
        }
        g.drawString("patterns", LEFT + plotWidth / 2 - 25, bottom + 36);
        g.setColor(color);
        g.setStroke(new BasicStroke(2.5f));
        g.drawPolyline(xs, ys, counts.length);
        for (int i = 0; i < counts.length; i++) {
            g.fillOval(xs[i] - 5, ys[i] - 5, 10, 10);
            String label = String.format(Locale.ROOT, "%,.0f", values[i]);
            int x = Math.min(xs[i] + 8, LEFT + plotWidth - g.getFontMetrics().stringWidth(label));
            // Below the point when it is near the top, so the label stays inside the panel.
            g.drawString(label, x, ys[i] - top < 20 ? ys[i] + 20 : ys[i] - 8);
        }
        g.setStroke(new BasicStroke(1f));
    }

    /** 1, 2 or 5 times a power of ten, at least {@code rough}. */
    private static double niceStep(double rough) {
        if (rough <= 0) {
            return 1;
        }
        double power = Math.pow(10, Math.floor(Math.log10(rough)));
        for (double factor : new double[] {1, 2, 5, 10}) {
            if (factor * power >= rough) {
                return factor * power;
            }
        }
        return 10 * power;
    }
}
