package org.doppel.domains.medical.pk;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PkDataReaderTest {

  private static final String HEADER =
      "subject,route,weight_kg,dose_mg_per_kg,dose_mg,time_h,conc_mg_per_L\n";

  @Nested
  class ShippedStudies {

    @Test
    void theophyllineHasTwelveOralSubjectsOfElevenSamples() throws IOException {
      List<PkSubject> subjects = PkStudies.theophylline();

      assertEquals(12, subjects.size());
      assertTrue(subjects.stream().allMatch(s -> s.samples() == 11));
      assertTrue(subjects.stream().allMatch(s -> s.route() == PkSubject.Route.ORAL));
      PkSubject first = subjects.get(0);
      assertEquals("1", first.id());
      assertEquals(79.6, first.weightKg());
      assertEquals(320, first.doseMg());
      assertEquals(0.74, first.concentrations()[0]);
      assertEquals(24.37, first.timesH()[10]);
      assertEquals(267.8, subjects.get(8).doseMg());
    }

    @Test
    void indomethacinHasSixIntravenousSubjectsWithTheAssumedDose() throws IOException {
      List<PkSubject> subjects = PkStudies.indomethacin(25);

      assertEquals(6, subjects.size());
      assertTrue(subjects.stream().allMatch(s -> s.route() == PkSubject.Route.IV));
      assertTrue(subjects.stream().allMatch(s -> s.doseMg() == 25));
      assertTrue(Double.isNaN(subjects.get(0).weightKg()));
      assertArrayEquals(new double[] {0.25, 0.5, 0.75, 1, 1.25, 2, 3, 4, 5, 6, 8},
          subjects.get(0).timesH());
    }
  }

  @Nested
  class BadInput {

    @Test
    void aNegativeTimeNamesItsLineAndColumn() {
      PkDataException error = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,0,0.74\n"
          + "1,oral,79.6,4.02,320,-0.5,2.84\n"));

      assertEquals(3, error.line());
      assertEquals("time_h", error.column());
      assertTrue(error.getMessage().startsWith("test.csv line 3, column time_h: time -0.5 h is"
          + " negative"), error.getMessage());
      assertTrue(error.getMessage().contains("before the dose"), error.getMessage());
    }

    @Test
    void aConcentrationBeforeTheDoseOfItsSubjectIsRefused() {
      // The second subject's first sample is drawn 1 h before its dose.
      PkDataException error = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,0,0.74\n"
          + "2,oral,72.4,4.4,318.6,-1,1.72\n"));

      assertEquals(3, error.line());
      assertEquals("time_h", error.column());
      assertTrue(error.getMessage().contains("concentration before the dose"),
          error.getMessage());
    }

    @Test
    void aMissingWeightNamesItsLineAndColumn() {
      PkDataException error = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,0,0.74\n"
          + "1,oral,79.6,4.02,320,0.25,2.84\n"
          + "1,oral,,4.02,320,0.57,6.57\n"));

      assertEquals(4, error.line());
      assertEquals("weight_kg", error.column());
      assertEquals("test.csv line 4, column weight_kg: missing weight", error.getMessage());
    }

    @Test
    void aNonNumericConcentrationNamesItsLineAndColumn() {
      PkDataException error = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,0,n/a\n"));

      assertEquals(2, error.line());
      assertEquals("conc_mg_per_L", error.column());
      assertTrue(error.getMessage().contains("'n/a' is not a number"), error.getMessage());
    }

    @Test
    void timesOutOfOrderAndAChangingWeightAreRefused() {
      PkDataException order = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,1,0.74\n"
          + "1,oral,79.6,4.02,320,0.5,2.84\n"));
      PkDataException weight = assertThrows(PkDataException.class, () -> read(HEADER
          + "1,oral,79.6,4.02,320,0,0.74\n"
          + "1,oral,80,4.02,320,0.5,2.84\n"));

      assertEquals("time_h", order.column());
      assertEquals(3, order.line());
      assertEquals("weight_kg", weight.column());
      assertEquals(3, weight.line());
    }

    @Test
    void aMissingRequiredColumnIsNamed() {
      PkDataException error = assertThrows(PkDataException.class,
          () -> read("subject,time_h,dose_mg\n1,0,320\n"));

      assertEquals("conc_mg_per_L", error.column());
      assertEquals(1, error.line());
    }

    @Test
    void aByteOrderMarkDoesNotHideTheFirstColumn() throws IOException {
      List<PkSubject> subjects = read("\uFEFF" + HEADER + "1,oral,79.6,4.02,320,0,0.74\n");

      assertEquals("1", subjects.get(0).id());
    }
  }

  private static List<PkSubject> read(String text) throws IOException {
    InputStream in = new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    return new PkDataReader("test.csv", PkSubject.Route.ORAL, Double.NaN).read(in);
  }
}
