package org.doppel.compute.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import org.doppel.sdk.compute.ComputeException;
import org.junit.jupiter.api.Test;

/** A backend that cannot start: jobs are refused by owner and never run. */
class BackendFailureTest {

  private final IllegalStateException broken = new IllegalStateException(
      "the ND4J backend did not start; searched class loader app");

  private final Backend backend = new Backend() {
    @Override
    public void start() {
      throw broken;
    }

    @Override
    public Properties environment() {
      throw broken;
    }

    @Override
    public HostMemory hostMemory() {
      return new HostMemory(-1, -1);
    }
  };

  private final Nd4jComputeService service = new Nd4jComputeService(backend,
      new ComputeQueue(), "test");

  @Test
  void aJobIsRefusedNamingItsOwnerAndTheBackendsReason() {
    AtomicInteger ran = new AtomicInteger();

    ComputeException error = assertThrows(ComputeException.class,
        () -> service.run("smart-grid", ran::incrementAndGet));

    assertEquals("compute job of 'smart-grid' cannot run: the ND4J backend did not start;"
        + " searched class loader app", error.getMessage());
    assertSame(broken, error.getCause());
    assertEquals(0, ran.get());
  }

  @Test
  void infoPassesTheReasonOn() {
    assertSame(broken, assertThrows(IllegalStateException.class, service::info));
  }
}
