package org.doppel.domains.logistics.demand;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.doppel.domains.logistics.LogisticsDomain;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.doppel.sdk.data.IngestSpec.GapPolicy;

/** The bundle's shipped sales series, read as a run reads it. */
public final class ShippedSales {

  private static DemandSeries cached;

  private ShippedSales() {
  }

  public static synchronized DemandSeries read() {
    if (cached == null) {
      try (InputStream in = new LogisticsDomain().datasets().get(LogisticsDomain.SALES)
          .openStream()) {
        cached = DemandData.read(new CsvTimeSeriesIngest(), in.readAllBytes(),
            LogisticsDomain.SALES_FILE, DemandData.SALES, GapPolicy.FAIL);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return cached;
  }
}
