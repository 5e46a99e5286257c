package org.doppel.sdk.data;

import java.io.InputStream;
import java.nio.file.Path;
import org.osgi.annotation.versioning.ProviderType;

/**
 * The framework's CSV ingest service, shared by all domains.
 *
 * <p>It checks that timestamps parse and increase at the declared interval and finds gaps,
 * duplicates, empty cells, NaN, non-numeric text, a decimal comma and a byte-order mark.
 * Each problem is an error naming file, line and column unless the spec names a repair
 * policy; every repair is counted. The source is never modified. Thread-safe.
 */
@ProviderType
public interface TimeSeriesIngest {

  /**
   * Reads and validates a CSV file.
   *
   * @throws IngestException listing every problem when the file does not meet the spec
   * @throws java.io.UncheckedIOException when the file cannot be read
   */
  IngestResult read(Path file, IngestSpec spec);

  /**
   * Reads and validates CSV bytes; {@code name} stands for the file in error messages.
   *
   * @throws IngestException listing every problem when the data does not meet the spec
   */
  IngestResult read(InputStream csv, String name, IngestSpec spec);
}
