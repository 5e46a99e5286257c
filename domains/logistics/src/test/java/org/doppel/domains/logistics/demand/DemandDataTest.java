package org.doppel.domains.logistics.demand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.YearMonth;
import java.util.Map;
import org.doppel.sdk.data.DataIssue;
import org.doppel.sdk.data.IngestException;
import org.doppel.sdk.data.IngestSpec.GapPolicy;
import org.doppel.runtime.ingest.CsvTimeSeriesIngest;
import org.junit.jupiter.api.Test;

class DemandDataTest {

  private final CsvTimeSeriesIngest ingest = new CsvTimeSeriesIngest();

  @Test
  void shippedSalesAreThreeHundredNineConsecutiveMonths() {
    DemandSeries sales = ShippedSales.read();

    assertEquals(309, sales.size());
    assertEquals(YearMonth.of(1992, 1), sales.months()[0]);
    assertEquals(YearMonth.of(2017, 9), sales.months()[308]);
    assertEquals(3459, sales.values()[0]);
    assertEquals(11917, sales.values()[308]);
    assertEquals(Map.of(), sales.repairs());
    assertEquals("c1af6814b23ed14fe401dc068241fd446d7b09b6149f86cee2a1b870bd114083",
        sales.sha256());
  }

  @Test
  void negativeDemandIsAnErrorNamingFileLineAndColumn() {
    String csv = "month,sales_musd\n1992-01,3459\n1992-02,3458\n1992-03,-4002\n1992-04,0\n";

    IngestException error = assertThrows(IngestException.class, () -> read(csv, GapPolicy.FAIL));

    assertEquals(2, error.issues().size());
    DataIssue negative = error.issues().get(0);
    assertEquals("bad.csv", negative.file());
    assertEquals(4, negative.line());
    assertEquals("sales_musd", negative.column());
    assertTrue(negative.message().contains("-4002.0 is negative"), negative.message());
    assertEquals(5, error.issues().get(1).line());
    assertTrue(error.issues().get(1).message().contains("zero"));
  }

  @Test
  void aMissingMonthIsAnErrorUnlessItsInterpolationIsDeclared() {
    String csv = "month,sales_musd\n1992-01,3000\n1992-02,3100\n1992-04,3300\n1992-05,3200\n";

    IngestException error = assertThrows(IngestException.class, () -> read(csv, GapPolicy.FAIL));
    assertEquals(1, error.issues().size());
    assertEquals(4, error.issues().get(0).line());
    assertTrue(error.getMessage().contains("bad.csv"), error.getMessage());

    DemandSeries repaired = read(csv, GapPolicy.INTERPOLATE);
    assertEquals(5, repaired.size());
    assertEquals(YearMonth.of(1992, 3), repaired.months()[2]);
    assertEquals(3200, repaired.values()[2], 1e-9);
    assertEquals(Map.of("gaps_interpolated", 1), repaired.repairs());
  }

  @Test
  void aNonNumericCellIsLocatedByTheIngestService() {
    String csv = "month,sales_musd\n1992-01,3000\n1992-02,lots\n";

    IngestException error = assertThrows(IngestException.class, () -> read(csv, GapPolicy.FAIL));

    assertEquals(3, error.issues().get(0).line());
    assertEquals("sales_musd", error.issues().get(0).column());
  }

  private DemandSeries read(String csv, GapPolicy gaps) {
    return DemandData.read(ingest, csv.getBytes(StandardCharsets.UTF_8), "bad.csv",
        DemandData.SALES, gaps);
  }
}
