package org.doppel.domains.traffic;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.doppel.domains.traffic.grid.GridDataset;
import org.doppel.domains.traffic.grid.GridForecast;
import org.doppel.domains.traffic.grid.GridNetwork;
import org.doppel.domains.traffic.grid.GridPart;
import org.doppel.domains.traffic.motorway.MotorwayLoops;
import org.doppel.domains.traffic.motorway.MotorwayPart;
import org.doppel.domains.traffic.motorway.StationForecast;
import org.doppel.domains.traffic.ridership.RidershipData;
import org.doppel.domains.traffic.ridership.RidershipForecast;
import org.doppel.domains.traffic.ridership.RidershipPart;
import org.doppel.plugins.controllers.LqrController;
import org.doppel.plugins.controllers.MpcController;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.control.Controller;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.doppel.sdk.testkit.RecordingStudyContext;
import org.junit.jupiter.api.Test;

/**
 * Every traffic part checks the shared forecaster settings in {@code validate}, for the
 * shape of the windows it will train on, as the other domains do: a faulty setting is refused
 * before any training.
 */
class ForecasterCheckTest {

  /** Records each check's window shape; refuses every check when told to. */
  private static final class RecordingChecks implements SequenceForecasting {

    final List<List<Integer>> shapes = new ArrayList<>();
    private final boolean refuse;

    RecordingChecks(boolean refuse) {
      this.refuse = refuse;
    }

    @Override
    public SequenceForecaster train(WindowSet training, ForecasterSettings settings,
        EpochListener listener) {
      throw new AssertionError("validate must not train");
    }

    @Override
    public void check(ForecasterSettings settings, int tokens, int features) {
      shapes.add(List.of(tokens, features));
      if (refuse) {
        throw new PluginException("attention/" + settings.attentionId()
            + ": parameter 'heads' refused on purpose");
      }
    }
  }

  private static RecordingStudyContext context(RecordingChecks checks) {
    return RecordingStudyContext.builder()
        .section("attention", Map.of("id", "multi-head", "heads", 2))
        .plugin(Controller.class, "lqr", new LqrController())
        .plugin(Controller.class, "mpc", new MpcController())
        .forecasting(checks)
        .build();
  }

  private static List<Integer> shape(WindowSet windows) {
    return List.of(windows.tokens(), windows.features());
  }

  @Test
  void theGridChecksTheShapeOfItsLoopWindows() throws Exception {
    RecordingChecks checks = new RecordingChecks(false);

    new GridPart().validate(context(checks), Parameters.of("grid",
        Map.of("neighbours", 4, "lookback_min", 20)));

    GridDataset data = GridDataset.shipped();
    GridNetwork network = data.network();
    WindowSet windows = new GridForecast(network, data.loops(network), 20, 15, 60, 4).test();
    assertEquals(List.of(shape(windows)), checks.shapes);
  }

  @Test
  void ridershipChecksTheShapeOfItsDayWindows() throws Exception {
    RecordingChecks checks = new RecordingChecks(false);

    new RidershipPart().validate(context(checks), Parameters.of("ridership",
        Map.of("lookback_days", 10)));

    RidershipData data = RidershipData.read(RidershipPart.class.getResource(
        "/org/doppel/domains/traffic/data/ridership/chicago_clark_lake_daily.csv"), "shipped");
    WindowSet windows = new RidershipForecast(data, 10, 730, 365).test();
    assertEquals(List.of(shape(windows)), checks.shapes);
  }

  @Test
  void theMotorwayChecksTheShapeOfItsStationWindows() throws Exception {
    RecordingChecks checks = new RecordingChecks(false);

    new MotorwayPart().validate(context(checks), Parameters.of("motorway",
        Map.of("forecast", Map.of("input_minutes", 10))));

    WindowSet windows = StationForecast.of(MotorwayLoops.shipped(), 10, 15, 180).test();
    assertEquals(List.of(shape(windows)), checks.shapes);
  }

  @Test
  void aRefusedSettingStopsEveryPartsValidation() {
    RecordingStudyContext context = context(new RecordingChecks(true));

    for (TrafficPart part : TrafficParts.all()) {
      PluginException error = assertThrows(PluginException.class,
          () -> part.validate(context, Parameters.of(part.section(), Map.of())),
          part.section());
      assertEquals("attention/multi-head: parameter 'heads' refused on purpose",
          error.getMessage());
    }
  }
}
