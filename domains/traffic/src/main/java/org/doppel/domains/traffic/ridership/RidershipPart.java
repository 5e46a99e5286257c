package org.doppel.domains.traffic.ridership;

import java.io.IOException;
import org.doppel.domains.traffic.TrafficPart;
import org.doppel.sdk.Parameters;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.study.StudyContext;

/** Daily rail ridership at Clark/Lake, section {@code ridership}. Not built yet. */
public final class RidershipPart implements TrafficPart {

  @Override
  public String section() {
    return "ridership";
  }

  @Override
  public void validate(StudyContext context, Parameters section) {
    throw new PluginException("ridership: this part is not built yet; remove the section");
  }

  @Override
  public void run(StudyContext context, Parameters section) throws IOException {
    throw new PluginException("ridership: this part is not built yet; remove the section");
  }
}
