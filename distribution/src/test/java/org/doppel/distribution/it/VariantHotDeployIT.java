package org.doppel.distribution.it;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A researcher's hot swap (issue 4): the framework runs without the attention bundle, a run
 * naming a variant is refused with the installed ids; the bundle is copied into
 * {@code deploy/}, and the next run of the same running framework uses the variant; the
 * bundle is then removed while unused, cleanly.
 */
class VariantHotDeployIT {

  private static final String ATTENTION_JAR = "doppel-attention.jar";

  private TestHost host;
  private Path runs;

  @BeforeEach
  void bootWithoutTheAttentionBundle() throws IOException {
    Path bundles = Files.createTempDirectory(Files.createDirectories(Path.of("target",
        "it-work")), "bundles-");
    try (Stream<Path> jars = Files.list(TestHost.DIST.resolve("bundle"))) {
      for (Path jar : jars.filter(j -> !j.getFileName().toString().equals(ATTENTION_JAR))
          .toList()) {
        Files.copy(jar, bundles.resolve(jar.getFileName()));
      }
    }
    host = TestHost.boot("variant-deploy", bundles);
    runs = host.work.resolve("runs");
  }

  @AfterEach
  void stop() {
    host.close();
  }

  private TestHost.Result run(String variant) {
    return host.execute("run", "smart-grid", "--quick", "--quiet", "--out", runs.toString(),
        "--set", "attention=" + variant, "--set", "compression=[]");
  }

  @Test
  void aVariantDeployedIntoTheRunningFrameworkIsUsedByTheNextRun() throws IOException {
    TestHost.Result refused = run("dot-product");
    assertEquals(2, refused.code(), refused.err());
    assertTrue(refused.err().contains("unknown attention plugin 'dot-product'"),
        refused.err());

    Path jar = host.deploy.resolve(ATTENTION_JAR);
    Path temp = host.deploy.resolve(ATTENTION_JAR + ".tmp");
    Files.copy(TestHost.DIST.resolve("bundle").resolve(ATTENTION_JAR), temp);
    Files.move(temp, jar, StandardCopyOption.ATOMIC_MOVE);
    TestHost.await("dot-product in the registry", () -> host.plugin("dot-product")
        .isPresent());

    TestHost.Result used = run("dot-product");
    assertEquals(0, used.code(), used.err());
    JsonNode metrics;
    try (Stream<Path> folders = Files.list(runs)) {
      List<Path> finished = folders.filter(f -> !f.getFileName().toString().startsWith("."))
          .toList();
      assertEquals(1, finished.size(), finished.toString());
      metrics = new ObjectMapper().readTree(finished.get(0).resolve("metrics.json").toFile());
    }
    assertEquals("dot-product", metrics.path("surrogate").path("attention").path("id")
        .asText());
    assertTrue(metrics.path("forecast").path("models").path("twin").path("mape").asDouble()
        < metrics.path("forecast").path("models").path("persistence").path("mape")
        .asDouble());

    Files.delete(jar);
    TestHost.await("dot-product gone", () -> host.plugin("dot-product").isEmpty());
    assertTrue(host.plugin("lqr").isPresent(), "the other plugins keep running");
  }
}
