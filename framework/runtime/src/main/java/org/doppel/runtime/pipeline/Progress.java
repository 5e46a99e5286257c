package org.doppel.runtime.pipeline;

import java.io.PrintStream;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress bars for a run's long stages, drawn on the user's terminal (stderr), or nothing
 * when progress is switched off (tests, {@code --quiet}). Not thread-safe.
 */
public final class Progress {

  private final PrintStream terminal;

  private Progress(PrintStream terminal) {
    this.terminal = terminal;
  }

  /** Progress drawn on {@code terminal}. */
  public static Progress on(PrintStream terminal) {
    return new Progress(terminal);
  }

  /** No progress output. */
  public static Progress off() {
    return new Progress(null);
  }

  /** A bar for {@code total} steps of the stage {@code task}; close it when done. */
  public Bar start(String task, long total, String unit) {
    if (terminal == null) {
      return new Bar(null);
    }
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.ASCII)
        .setMaxRenderedLength(120).continuousUpdate()
        .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    return new Bar(bar);
  }

  /** One stage's bar. */
  public static final class Bar implements AutoCloseable {

    private final ProgressBar bar;

    private Bar(ProgressBar bar) {
      this.bar = bar;
    }

    public void step(String message) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(message);
      }
    }

    public void stepTo(long done, String message) {
      if (bar != null) {
        bar.stepTo(done);
        bar.setExtraMessage(message);
      }
    }

    /** Shrinks the bar's total, for example when early stopping ends training. */
    public void finishEarly(String message) {
      if (bar != null) {
        bar.maxHint(bar.getCurrent());
        bar.setExtraMessage(message);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }
}
