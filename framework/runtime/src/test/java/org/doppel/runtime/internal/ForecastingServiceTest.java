package org.doppel.runtime.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Hashtable;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.concurrent.Callable;
import org.doppel.plugins.attention.MultiHeadAttention;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.PluginProperties;
import org.doppel.sdk.attention.AttentionVariant;
import org.doppel.sdk.compute.ComputeInfo;
import org.doppel.sdk.compute.ComputeService;
import org.doppel.sdk.forecast.ForecasterSettings;
import org.doppel.sdk.forecast.SequenceForecaster;
import org.doppel.sdk.forecast.SequenceForecasting;
import org.doppel.sdk.forecast.WindowSet;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.ServiceRegistration;
import org.osgi.framework.launch.Framework;
import org.osgi.framework.launch.FrameworkFactory;

/**
 * The runtime's activator in a real (empty) Felix: it registers the forecasting service,
 * which finds attention variants in the plugin registry and the compute service when it
 * trains.
 */
class ForecastingServiceTest {

  @TempDir
  Path storage;

  private Framework framework;
  private BundleContext context;
  private RuntimeActivator activator;
  private final List<String> computeOwners = new ArrayList<>();

  @BeforeEach
  void startFramework() throws Exception {
    FrameworkFactory factory = ServiceLoader.load(FrameworkFactory.class).findFirst()
        .orElseThrow();
    framework = factory.newFramework(Map.of(Constants.FRAMEWORK_STORAGE, storage.toString(),
        Constants.FRAMEWORK_STORAGE_CLEAN, Constants.FRAMEWORK_STORAGE_CLEAN_ONFIRSTINIT));
    framework.start();
    context = framework.getBundleContext();
    activator = new RuntimeActivator();
    activator.start(context);

    Hashtable<String, Object> properties = new Hashtable<>();
    properties.put(PluginProperties.ID, MultiHeadAttention.ID);
    properties.put(PluginProperties.TYPE, "attention");
    properties.put(PluginProperties.DESCRIPTION, "multi-head");
    context.registerService(AttentionVariant.class, new MultiHeadAttention(), properties);
  }

  @AfterEach
  void stopFramework() throws Exception {
    activator.stop(context);
    framework.stop();
    framework.waitForStop(10_000);
  }

  @Test
  void theServiceTrainsOnTheSharedComputeServiceWithARegisteredVariant() {
    registerCompute();

    SequenceForecaster forecaster = forecasting().train(windows(), settings("multi-head"),
        null);
    forecaster.predict(windows());

    assertEquals(List.of("forecast/train", "forecast/predict"), computeOwners);
    assertEquals("multi-head", forecaster.describe().get("attention"));
  }

  @Test
  void anUnknownVariantNamesTheRegisteredOnes() {
    registerCompute();

    PluginException error = assertThrows(PluginException.class,
        () -> forecasting().train(windows(), settings("sparse"), null));

    assertEquals("unknown attention plugin 'sparse'; installed attention plugins: "
        + "multi-head", error.getMessage());
  }

  @Test
  void withoutAComputeServiceTrainingSaysSo() {
    IllegalStateException error = assertThrows(IllegalStateException.class,
        () -> forecasting().train(windows(), settings("multi-head"), null));

    assertTrue(error.getMessage().contains("the compute service is not running"),
        error.getMessage());
  }

  private SequenceForecasting forecasting() {
    ServiceReference<SequenceForecasting> reference =
        context.getServiceReference(SequenceForecasting.class);
    return context.getService(reference);
  }

  private ServiceRegistration<ComputeService> registerCompute() {
    return context.registerService(ComputeService.class, new ComputeService() {
      @Override
      public ComputeInfo info() {
        return new ComputeInfo("CPU", List.of(), "test", 1, -1, -1);
      }

      @Override
      public <T> T run(String owner, Callable<T> work) {
        computeOwners.add(owner);
        try {
          return work.call();
        } catch (Exception e) {
          throw new IllegalStateException(e);
        }
      }
    }, new Hashtable<>());
  }

  private static ForecasterSettings settings(String attention) {
    return new ForecasterSettings(attention, Parameters.of("attention/" + attention,
        Map.of()), 8, 1, 32, 1e-2, 1e-4, 0.2, 0, 7);
  }

  private static WindowSet windows() {
    double[][][] inputs = new double[10][3][2];
    double[][] targets = new double[10][1];
    for (int w = 0; w < 10; w++) {
      for (int t = 0; t < 3; t++) {
        inputs[w][t][0] = w + t;
        inputs[w][t][1] = w * t % 4;
      }
      targets[w][0] = w;
    }
    return new WindowSet(inputs, null, targets, List.of("a", "b"), List.of("y"),
        List.of("t0", "t1", "t2"));
  }
}
