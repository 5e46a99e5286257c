package org.doppel.domains.medical.glucose;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class GlucoseTablesTest {

  @Test
  void readsThirtyPatientsTwoPumpsAndThreeSensors() throws IOException {
    GlucoseTables tables = GlucoseTables.load();

    assertEquals(30, tables.patients().size());
    assertEquals(2, tables.pumps().size());
    assertEquals(3, tables.sensors().size());
    VirtualPatient first = tables.patient("adolescent#001");
    assertEquals(68.706, first.bodyWeight(), 1e-12);
    assertEquals(149.02, first.basalGlucose(), 1e-12);
    assertEquals(12, first.carbRatio(), 1e-12);
    assertEquals(1.21697571391 * 68.706 / 6000, first.basalRate(), 1e-15);
    assertEquals(250.621836, first.initialState()[UvaPadovaModel.GP], 1e-12);
    assertEquals(5, tables.sensors().get("GuardianRT").samplePeriod(), 0);
    assertEquals(30, tables.pumps().get("Insulet").maxBolus(), 0);
  }

  @Test
  void theDatasetsAndAttributionNameTheShippedTables() throws IOException {
    Map<String, java.net.URL> datasets = GlucoseTables.datasets();

    assertEquals(java.util.List.of("simglucose-patients", "simglucose-therapy",
        "simglucose-pumps", "simglucose-sensors"), java.util.List.copyOf(datasets.keySet()));
    try (InputStream in = datasets.get("simglucose-pumps").openStream()) {
      assertTrue(new String(in.readAllBytes(), StandardCharsets.UTF_8).startsWith("Name,"));
    }
    assertTrue(GlucoseTables.ATTRIBUTION.contains("MIT"));
  }

  @Test
  void aBadNumberIsNamedByFileLineAndColumn() throws IOException {
    Map<String, String> files = shipped();
    files.put(GlucoseTables.PUMPS, "Name,min_bolus,max_bolus,inc_bolus,min_basal,max_basal,"
        + "inc_basal,sample_time\nCozmo,0.0,75.0,0.05,0.0,35.0,0.05,1.0\n"
        + "Insulet,0.0,lots,0.05,0.0,30.0,0.05,1.0\n");

    IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
        () -> GlucoseTables.load(name -> open(files, name)));

    assertEquals("pump_params.csv line 3, column 'max_bolus': expected a finite number,"
        + " got 'lots'", error.getMessage());
  }

  @Test
  void aMissingColumnAndAMissingTherapyRowAreNamed() throws IOException {
    Map<String, String> files = shipped();
    files.put(GlucoseTables.THERAPY, files.get(GlucoseTables.THERAPY).replace("CR,", "C_R,"));
    IllegalArgumentException column = assertThrows(IllegalArgumentException.class,
        () -> GlucoseTables.load(name -> open(files, name)));
    assertTrue(column.getMessage().startsWith("Quest.csv: no column 'CR'"),
        column.getMessage());

    Map<String, String> other = shipped();
    other.put(GlucoseTables.THERAPY, other.get(GlucoseTables.THERAPY)
        .replace("child#010", "child#011"));
    IllegalArgumentException row = assertThrows(IllegalArgumentException.class,
        () -> GlucoseTables.load(name -> open(other, name)));
    assertEquals("Quest.csv: no row for patient 'child#010' of vpatient_params.csv line 31",
        row.getMessage());
  }

  private static Map<String, String> shipped() throws IOException {
    Map<String, String> files = new HashMap<>();
    for (String name : new String[] {GlucoseTables.PATIENTS, GlucoseTables.THERAPY,
        GlucoseTables.PUMPS, GlucoseTables.SENSORS}) {
      try (InputStream in = GlucoseTables.class.getResourceAsStream(GlucoseTables.FOLDER
          + name)) {
        files.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    return files;
  }

  private static InputStream open(Map<String, String> files, String name) {
    String text = files.get(name);
    return text == null ? null : new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
  }
}
