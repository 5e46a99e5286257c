package org.doppel.runtime.pipeline;

import java.io.PrintStream;
import java.util.Locale;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

/**
 * Progress of a run's long stages on the user's terminal (stderr): redrawn bars when the
 * session is interactive, one plain line per step otherwise (a log file or a pipe, where a
 * bar redrawn with carriage returns every second piles up on one line and is cut at the
 * library's guess of a width), or nothing when progress is switched off (tests,
 * {@code --quiet}). Not thread-safe.
 */
public final class Progress {

  private final PrintStream terminal;
  private final boolean interactive;

  private Progress(PrintStream terminal, boolean interactive) {
    this.terminal = terminal;
    this.interactive = interactive;
  }

  /** Progress on {@code terminal}: bars when this JVM has a console, lines otherwise. */
  public static Progress on(PrintStream terminal) {
    return on(terminal, System.console() != null);
  }

  /** Progress on {@code terminal}, as bars when {@code interactive}, else as lines. */
  public static Progress on(PrintStream terminal, boolean interactive) {
    return new Progress(terminal, interactive);
  }

  /** No progress output. */
  public static Progress off() {
    return new Progress(null, false);
  }

  /** A bar for {@code total} steps of the stage {@code task}; close it when done. */
  public Bar start(String task, long total, String unit) {
    if (terminal == null) {
      return new Bar(null, null);
    }
    if (!interactive) {
      return new Bar(null, new Lines(terminal, task, total, unit));
    }
    ProgressBar bar = new ProgressBarBuilder().setTaskName(task).setInitialMax(total)
        .setUnit(" " + unit, 1).setStyle(ProgressBarStyle.ASCII)
        .setMaxRenderedLength(120).continuousUpdate()
        .setConsumer(new ConsoleProgressBarConsumer(terminal)).build();
    return new Bar(bar, null);
  }

  /** One stage's bar. */
  public static final class Bar implements AutoCloseable {

    private final ProgressBar bar;
    private final Lines lines;

    private Bar(ProgressBar bar, Lines lines) {
      this.bar = bar;
      this.lines = lines;
    }

    public void step(String message) {
      if (bar != null) {
        bar.step();
        bar.setExtraMessage(message);
      } else if (lines != null) {
        lines.reach(lines.done + 1, message);
      }
    }

    public void stepTo(long done, String message) {
      if (bar != null) {
        bar.stepTo(done);
        bar.setExtraMessage(message);
      } else if (lines != null) {
        lines.reach(done, message);
      }
    }

    /** Shrinks the bar's total, for example when early stopping ends training. */
    public void finishEarly(String message) {
      if (bar != null) {
        bar.maxHint(bar.getCurrent());
        bar.setExtraMessage(message);
      } else if (lines != null) {
        lines.stop(message);
      }
    }

    @Override
    public void close() {
      if (bar != null) {
        bar.close();
      }
    }
  }

  /**
   * A stage's progress as whole lines: one per step, or per tenth of the total when there
   * are more than ten steps (a closed loop reports every percent).
   */
  private static final class Lines {

    private final PrintStream out;
    private final String task;
    private final long total;
    private final String unit;
    private final long started = System.nanoTime();
    private long done;
    private long shown;

    Lines(PrintStream out, String task, long total, String unit) {
      this.out = out;
      this.task = task;
      this.total = total;
      this.unit = unit;
    }

    void reach(long value, String message) {
      done = value;
      long stride = Math.max(1, total / 10);
      if (done != shown && (done >= total || done - shown >= stride)) {
        shown = done;
        print(done + "/" + total + " " + unit, message);
      }
    }

    void stop(String message) {
      print("stopped at " + done + "/" + total + " " + unit, message);
    }

    private void print(String where, String message) {
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;
      out.printf(Locale.ROOT, "%s: %s (%d:%02d:%02d)%s%n", task, where, seconds / 3600,
          seconds / 60 % 60, seconds % 60, message.isBlank() ? "" : " " + message.strip());
      out.flush();
    }
  }
}
