package org.doppel.domains.medical.pk;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Simulated subjects drawn from a {@link PopulationPrior}, to give the attention surrogate
 * more curves than a dozen real subjects: each takes log-normal parameters (independent,
 * with the prior's means and SDs), the weight, dose per kg and sampling times of a randomly
 * chosen real subject, and the prior's residual SD as additive assay noise (a negative
 * noisy value is reported as 0, as an assay would). Their ids start with {@code virtual-};
 * they are simulator output and labelled so wherever they are shown. Stateless.
 */
public final class VirtualSubjects {

  private VirtualSubjects() {
  }

  /**
   * {@code count} virtual subjects like {@code templates}, from {@code prior}.
   *
   * @param seed the seed of every draw
   */
  public static List<PkSubject> draw(PopulationPrior prior, List<PkSubject> templates,
      int count, long seed) {
    Random random = new Random(seed);
    PkModel model = prior.model();
    List<PkSubject> subjects = new ArrayList<>(count);
    for (int v = 0; v < count; v++) {
      PkSubject template = templates.get(random.nextInt(templates.size()));
      PkSubject doseFrom = templates.get(random.nextInt(templates.size()));
      double weight = template.weightKg();
      double dose = Double.isNaN(weight) || Double.isNaN(doseFrom.weightKg())
          ? doseFrom.doseMg() : doseFrom.doseMg() / doseFrom.weightKg() * weight;
      PkSubject shape = new PkSubject("virtual-" + v, template.route(), weight, dose,
          template.timesH(), template.concentrations());

      double[] mean = prior.logMean(shape);
      double[] sd = prior.logSd();
      double[] parameters = new double[mean.length];
      for (int j = 0; j < mean.length; j++) {
        parameters[j] = Math.exp(mean[j] + sd[j] * random.nextGaussian());
      }
      parameters = model.canonical(parameters);

      double[] times = shape.timesH();
      double[] concentrations = new double[times.length];
      for (int i = 0; i < times.length; i++) {
        double clean = model.concentration(parameters, dose, times[i]);
        concentrations[i] = Math.max(0, clean + prior.residualSd() * random.nextGaussian());
      }
      subjects.add(new PkSubject(shape.id(), shape.route(), weight, dose, times,
          concentrations));
    }
    return subjects;
  }
}
