package org.doppel.domains.traffic.sumo;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exit hook that takes SUMO's working folder away, without SUMO. */
class ExitCleanupTest {

  /** Keeps the hook instead of registering it, so a test can "send SIGTERM". */
  private static final class CapturedHooks implements ExitCleanup.Hooks {
    Thread added;
    Thread removed;

    @Override
    public void add(Thread hook) {
      added = hook;
    }

    @Override
    public void remove(Thread hook) {
      removed = hook;
    }
  }

  @TempDir
  Path temp;

  /** A working folder as SUMO leaves it: scenario files and logs, one level down too. */
  private Path workingFolder() throws IOException {
    Path folder = Files.createDirectory(temp.resolve("doppel-sumo-test"));
    Files.writeString(folder.resolve("grid.net.xml"), "<net/>");
    Files.writeString(folder.resolve("sumo-stderr.log"), "Warning: ...\n");
    Files.createDirectory(folder.resolve("output"));
    Files.writeString(folder.resolve("output/tripinfo.xml"), "<tripinfos/>");
    return folder;
  }

  @Test
  void theHookDeletesTheFolderItGuards() throws Exception {
    Path folder = workingFolder();
    CapturedHooks hooks = new CapturedHooks();
    ExitCleanup.register(folder, hooks);

    hooks.added.start();
    hooks.added.join(10_000);

    assertFalse(Files.exists(folder), "the working folder is left behind");
  }

  @Test
  void theHookEndsTheWatchedProcessBeforeDeletingItsFolder() throws Exception {
    Path sleep = Path.of("/bin/sleep");
    Assumptions.assumeTrue(Files.isExecutable(sleep), "needs /bin/sleep as a stand-in");
    Path folder = workingFolder();
    CapturedHooks hooks = new CapturedHooks();
    ExitCleanup cleanup = ExitCleanup.register(folder, hooks);
    Process standIn = new ProcessBuilder(sleep.toString(), "60").directory(folder.toFile())
        .start();
    cleanup.watch(standIn);

    hooks.added.start();
    hooks.added.join(10_000);

    assertFalse(standIn.isAlive(), "the process outlived the JVM's exit");
    assertFalse(Files.exists(folder), "the working folder is left behind");
  }

  @Test
  void closingRemovesTheHookAndLeavesTheFolderToItsOwner() throws IOException {
    Path folder = workingFolder();
    CapturedHooks hooks = new CapturedHooks();
    ExitCleanup cleanup = ExitCleanup.register(folder, hooks);
    assertNull(hooks.removed);

    cleanup.close();

    assertSame(hooks.added, hooks.removed);
    assertTrue(Files.isDirectory(folder));
  }

  @Test
  void onTheJvmTheHookIsRegisteredUntilClosed() throws IOException {
    Path folder = workingFolder();
    ExitCleanup closed = ExitCleanup.register(folder);
    ExitCleanup open = ExitCleanup.register(folder);

    closed.close();

    assertFalse(Runtime.getRuntime().removeShutdownHook(closed.hook()));
    assertTrue(Runtime.getRuntime().removeShutdownHook(open.hook()));
  }

  @Test
  void deletingAFolderThatIsAlreadyGoneIsNoError() throws IOException {
    Path folder = workingFolder();
    ExitCleanup.delete(folder);

    ExitCleanup.delete(folder);

    assertFalse(Files.exists(folder));
  }
}
