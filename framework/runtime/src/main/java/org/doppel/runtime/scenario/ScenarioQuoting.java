package org.doppel.runtime.scenario;

import com.fasterxml.jackson.dataformat.yaml.util.StringQuotingChecker;

/**
 * Decides which texts {@link ScenarioDocument#toYaml()} must quote: those Jackson quotes,
 * and any other that this package's reader would not read back as the same text, such as
 * {@code 1e3} (a number) or {@code x{y}} (the compact plugin form).
 *
 * <p>Stateless and thread-safe.
 */
final class ScenarioQuoting extends StringQuotingChecker.Default {

  private static final long serialVersionUID = 1L;

  @Override
  public boolean needToQuoteValue(String value) {
    return super.needToQuoteValue(value) || !readsBackAsText(value);
  }

  private static boolean readsBackAsText(String value) {
    if (value.isEmpty() || value.indexOf('\n') >= 0) {
      return true;
    }
    try {
      Node read = YamlTreeReader.read("v: " + value, "", false);
      return read instanceof Node.Mapping mapping
          && mapping.entries().get("v").value() instanceof Node.Scalar scalar
          && value.equals(scalar.value());
    } catch (ScenarioException notPlain) {
      return false;
    }
  }
}
