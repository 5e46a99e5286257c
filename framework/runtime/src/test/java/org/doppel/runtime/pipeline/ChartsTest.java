package org.doppel.runtime.pipeline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ChartsTest {

  private static final byte[] PNG_SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a,
      '\n'};

  @Test
  void everyChartKindIsAnEmbeddablePng() {
    double[] x = {1, 2, 3, 4};
    double[] y = {4, 3, 5, 1};
    Map<String, double[]> points = new LinkedHashMap<>();
    points.put("uncompressed", new double[] {120_000, 1.4});
    points.put("prune-magnitude", new double[] {60_000, 1.5});

    List<String> images = List.of(
        Charts.lines("lines", "x", "y", List.of(new Charts.Line("a", x, y)), true),
        Charts.timeLines("time", "MW", List.of(new Charts.Line("a", new double[] {0, 1.8e6,
            3.6e6, 5.4e6}, y))),
        Charts.scatter("scatter", "bytes", "MAPE %", points, true),
        Charts.heatmap("heat", "query", new String[] {"t0", "t1", "t2"},
            new double[][] {{0.2, 0.3, 0.5}, {1, 0, 0}}),
        Charts.bars("bars", "weight", new String[] {"t0", "t1"}, new double[] {0.4, 0.6}));

    for (String image : images) {
      assertTrue(image.startsWith("data:image/png;base64,"), image.substring(0, 30));
      byte[] png = Base64.getDecoder().decode(image.substring(image.indexOf(',') + 1));
      assertArrayEquals(PNG_SIGNATURE, Arrays.copyOf(png, 8));
      assertTrue(png.length > 2_000, "a drawn chart, not an empty image: " + png.length);
    }
  }

  @Test
  void tokensNameTheStretchOfHistoryTheyHold() {
    LocalDateTime origin = LocalDateTime.parse("2000-08-14T00:00:00");

    List<Explanation.Token> tokens = Explanation.tokens(336, 8, Duration.ofMinutes(30),
        origin);

    assertEquals(42, tokens.size(), "42 patches of 8 in a week");
    Explanation.Token oldest = tokens.get(0);
    Explanation.Token newest = tokens.get(41);
    assertEquals(new Explanation.Token(0, 336, 329, "7 d before 00:00–03:30"), oldest);
    assertEquals(new Explanation.Token(41, 8, 1, "1 d before 20:00–23:30"), newest);
  }

  @Test
  void scatterPointsAtOnePlaceStayVisibleOneInsideTheOther() {
    for (int i = 0; i < 6; i++) {
      java.awt.geom.Rectangle2D earlier = Charts.scatterShape(i).getBounds2D();
      java.awt.geom.Rectangle2D later = Charts.scatterShape(i + 1).getBounds2D();

      assertTrue(later.getWidth() < earlier.getWidth(), "point " + (i + 1) + " is smaller");
      assertEquals(0, later.getCenterX(), 1e-9);
      assertEquals(0, later.getCenterY(), 1e-9);
    }
  }
}
