package org.doppel.domains.traffic.grid;

import java.io.IOException;
import java.io.UncheckedIOException;

/** The shipped grid, read and calibrated once for all tests. */
final class GridFixture {

  private static GridModel model;

  private GridFixture() {
  }

  static synchronized GridModel model() {
    if (model == null) {
      try {
        model = GridSettings.defaults().calibrate(GridDataset.shipped());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return model;
  }

  static StoreAndForwardPlant plant() {
    return new StoreAndForwardPlant(model());
  }
}
