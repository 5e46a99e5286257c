package org.doppel.runtime.surrogate;

import java.util.LinkedHashMap;
import java.util.Map;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.attention.AttentionBlock;
import org.doppel.sdk.attention.AttentionSpec;
import org.doppel.sdk.attention.AttentionVariant;
import org.nd4j.autodiff.samediff.SDIndex;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.factory.Nd4j;

/**
 * Builds the surrogate's SameDiff graph (layout in {@code docs/notes/surrogate.md}):
 * patches of the input window embedded to {@code width} with a learned position embedding,
 * the attention variant's block, and a linear head whose output is added to the value one
 * season earlier (the seasonal-naive forecast), so the network learns the departure from
 * last week's profile.
 */
final class SurrogateNetwork {

  static final String INPUT = "input";
  static final String LABEL = "label";
  static final String FORECAST = "forecast";
  static final String WEIGHTS = "attention_weights";
  static final String LOSS = "loss";
  static final String KEEP = "head/keep";
  static final String ATTENTION_PREFIX = "attention";

  private SurrogateNetwork() {
  }

  /**
   * A new, untrained surrogate.
   *
   * @param seasonalLag steps back to the seasonal-naive start of the forecast; 0 for none
   * @throws PluginException from the variant, naming an invalid parameter
   */
  static SameDiffSurrogate build(SurrogateSettings settings, int seasonalLag,
      AttentionVariant variant, Parameters attentionParameters, long seed) {
    int window = settings.inputWindow();
    int tokens = settings.tokens();
    int patchWidth = settings.patch() * SurrogateFeatures.count();
    int width = settings.width();
    SameDiff sd = SameDiff.create();

    SDVariable input = sd.placeHolder(INPUT, DataType.FLOAT, -1, window,
        SurrogateFeatures.count());
    SDVariable label = sd.placeHolder(LABEL, DataType.FLOAT, -1, settings.horizon());

    // A patch is patch consecutive steps of all features, so reshaping the c-ordered window
    // gives one row per token.
    SDVariable patches = sd.reshape(input, -1, tokens, patchWidth);
    SDVariable embedW = sd.var("embed/W", SeededInit.glorot(seed, "embed/W", patchWidth, width));
    SDVariable embedB = sd.var("embed/b", SeededInit.zeros(width));
    SDVariable position = sd.var("embed/position",
        SeededInit.glorot(seed, "embed/position", tokens, width));
    SDVariable embedded = sd.reshape(sd.mmul(sd.reshape(patches, -1, patchWidth), embedW)
        .add(embedB), -1, tokens, width).add(position);

    // Full windows: every key is real. The mask is derived from the input so it has the
    // batch's size, from one feature of each patch (a view) rather than a sum over all of
    // them, which cost a tenth of a millisecond per call at batch 64.
    SDVariable keyMask = sd.onesLike("key_mask",
        patches.get(SDIndex.all(), SDIndex.all(), SDIndex.point(0)));
    AttentionBlock block = variant.build(sd, embedded, keyMask, new AttentionSpec(
        ATTENTION_PREFIX, tokens, width, attentionParameters, seed));
    int flatWidth = block.queries() * block.width();

    SDVariable flat = sd.reshape(block.output(), -1, flatWidth);
    if (settings.dropout() > 0) {
      flat = flat.mul(sd.placeHolder(KEEP, DataType.FLOAT, -1, flatWidth));
    }
    // A zero head starts training at the seasonal-naive forecast instead of at noise.
    SDVariable headW = sd.var("head/W", Nd4j.zeros(DataType.FLOAT, flatWidth,
        settings.horizon()));
    SDVariable headB = sd.var("head/b", SeededInit.zeros(settings.horizon()));
    SDVariable departure = sd.mmul(flat, headW).add(headB);

    SDVariable forecast = seasonalLag > 0
        ? departure.add(seasonalStart(sd, input, window, settings.horizon(), seasonalLag))
        : departure;
    sd.identity(FORECAST, forecast);
    if (block.weights() != null) {
      sd.identity(WEIGHTS, block.weights());
    }
    SDVariable error = forecast.sub(label);
    sd.mean(LOSS, error.mul(error));
    sd.setLossVariables(LOSS);

    return new SameDiffSurrogate(sd, settings.dropout() > 0,
        describe(settings, seasonalLag, variant, attentionParameters, block));
  }

  /** The value {@code lag} steps before each forecast step, from the window itself. */
  private static SDVariable seasonalStart(SameDiff sd, SDVariable input, int window,
      int horizon, int lag) {
    int[] indices = new int[horizon];
    for (int h = 0; h < horizon; h++) {
      indices[h] = window - lag + h % lag;
    }
    SDVariable values = input.get(SDIndex.all(), SDIndex.all(), SDIndex.point(0));
    return sd.gather("seasonal_start", values, indices, 1);
  }

  private static Map<String, Object> describe(SurrogateSettings settings, int seasonalLag,
      AttentionVariant variant, Parameters attentionParameters, AttentionBlock block) {
    Map<String, Object> facts = new LinkedHashMap<>();
    facts.put("architecture", "patch embedding + attention + linear head"
        + (seasonalLag > 0 ? " on the seasonal-naive start" : ""));
    facts.put("attention", variant.id());
    facts.put("attention_parameters", attentionParameters.asMap());
    facts.put("tokens", settings.tokens());
    facts.put("patch", settings.patch());
    facts.put("width", settings.width());
    facts.put("queries", block.queries());
    facts.put("horizon", settings.horizon());
    facts.put("seasonal_lag", seasonalLag);
    facts.put("features", SurrogateFeatures.NAMES);
    return facts;
  }
}
