package org.doppel.sdk.compression;

import java.util.Map;
import java.util.Objects;
import org.doppel.sdk.model.SurrogateModel;

/**
 * A compressed model and what the strategy did to it.
 *
 * @param model the compressed model
 * @param details what was done, for the report (achieved sparsity, ranks per layer, ...)
 * @param note a caveat worth showing, such as "sparse weights run on a dense kernel: the
 *     saving is on disk only"; {@code ""} when none
 */
public record CompressionOutcome(SurrogateModel model, Map<String, Object> details,
    String note) {

  public CompressionOutcome {
    Objects.requireNonNull(model, "model");
    details = Map.copyOf(details);
    Objects.requireNonNull(note, "note");
  }
}
