package dev.llmobs.it.bench;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import javax.imageio.ImageIO;

/**
 * The targets as a PNG: one row per figure, a bar from 1.0 (the reference variant) to the measured
 * ratio, green when it meets its target and red when not, and the target as a dashed mark. Drawn
 * with Java2D, headless.
 */
final class RatioChart {

  private static final int WIDTH = 900;
  private static final int ROW = 56;
  private static final int TOP = 60;
  private static final int LEFT = 330;
  private static final int RIGHT = 40;
  private static final Color PASS = new Color(0x2e7d32);
  private static final Color FAIL = new Color(0xc62828);
  private static final Color GRID = new Color(0xdddddd);

  private RatioChart() {}

  static void write(List<Target> targets, Path file) throws IOException {
    double min = 0.8;
    double max = 1.3;
    for (Target t : targets) {
      if (t.isMeasured()) {
        min = Math.min(min, Math.floor(Math.min(t.ratio(), t.limitRatio()) * 10 - 0.5) / 10);
        max = Math.max(max, Math.ceil(Math.max(t.ratio(), t.limitRatio()) * 10 + 0.5) / 10);
      }
    }
    int height = TOP + ROW * targets.size() + 50;
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
      g.drawString("llmobs agent: ratio to its reference variant (1.0 = same as it)", 20, 28);
      g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 12));
      g.drawString(
          "bar: measured (green meets the target, red does not);  dashed: target;  see"
              + " BENCHMARKS.md",
          20,
          46);

      Scale x = new Scale(min, max, LEFT, WIDTH - RIGHT);
      int bottom = TOP + ROW * targets.size();
      for (double tick = Math.ceil(min * 10) / 10; tick <= max + 1e-9; tick += 0.1) {
        int px = x.at(tick);
        g.setColor(Math.abs(tick - 1.0) < 1e-9 ? Color.GRAY : GRID);
        g.setStroke(new BasicStroke(Math.abs(tick - 1.0) < 1e-9 ? 2f : 1f));
        g.drawLine(px, TOP - 4, px, bottom);
        g.setColor(Color.DARK_GRAY);
        String label = String.format(Locale.ROOT, "%.1f", tick);
        g.drawString(label, px - g.getFontMetrics().stringWidth(label) / 2, bottom + 18);
      }

      for (int i = 0; i < targets.size(); i++) {
        Target t = targets.get(i);
        int y = TOP + i * ROW;
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 13));
        g.drawString(t.figure().replace("`", ""), 20, y + 22);
        g.setFont(new Font(Font.SANS_SERIF, Font.PLAIN, 11));
        g.setColor(Color.DARK_GRAY);
        g.drawString("target " + t.target() + ": " + t.verdict(), 20, y + 38);
        if (!t.isMeasured()) {
          continue;
        }
        int from = x.at(1.0);
        int to = x.at(t.ratio());
        int limit = x.at(t.limitRatio());
        g.setColor(t.passes() ? PASS : FAIL);
        g.fillRect(Math.min(from, to), y + 12, Math.max(2, Math.abs(to - from)), 22);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 12));
        String value = String.format(Locale.ROOT, "%.3f", t.ratio());
        // Beside the bar's end, clear of the target mark when that lies just beyond it.
        int width = g.getFontMetrics().stringWidth(value);
        int textX = to >= from ? Math.max(to, limit) + 6 : Math.min(to, limit) - 6 - width;
        g.drawString(value, textX, y + 28);
        g.setStroke(
            new BasicStroke(
                2f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {4f, 3f}, 0f));
        g.drawLine(limit, y + 6, limit, y + 40);
        g.setStroke(new BasicStroke(1f));
      }
    } finally {
      g.dispose();
    }
    ImageIO.write(image, "png", file.toFile());
  }

  /** Maps a ratio to a horizontal pixel. */
  private record Scale(double min, double max, int left, int right) {
    int at(double value) {
      return (int) Math.round(left + (value - min) / (max - min) * (right - left));
    }
  }
}
