package org.doppel.domains.medical.pk;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.List;

/**
 * The two pharmacokinetic studies the bundle ships (with their READMEs beside them):
 * theophylline, 12 subjects after one oral dose (R's {@code Theoph}), and indomethacin,
 * 6 subjects after one intravenous bolus (R's {@code Indometh}), whose dose the data do not
 * carry.
 */
public final class PkStudies {

  /** The theophylline file inside the bundle. */
  public static final String THEOPHYLLINE =
      "/org/doppel/domains/medical/data/theophylline/theoph.csv";

  /** The indomethacin file inside the bundle. */
  public static final String INDOMETHACIN =
      "/org/doppel/domains/medical/data/indomethacin/indometh.csv";

  /** Source, citation and licence of both studies, for the report. */
  public static final String ATTRIBUTION = "Theophylline: R datasets 'Theoph' (R 4.2.2),"
      + " 12 subjects, oral dose, serum concentration over 25 h; Boeckmann, Sheiner and Beal"
      + " (1994) NONMEM Users Guide Part V (data of Dr. Robert Upton). Indomethacin: R"
      + " datasets 'Indometh', 6 subjects, intravenous dose, plasma concentration over 8 h;"
      + " Kwan, Breault, Umbenhauer, McMahon and Duggan (1976) J. Pharmacokinet. Biopharm."
      + " 4, 255-280. Both part of R, distributed under GPL-2 | GPL-3.";

  private PkStudies() {
  }

  /** The URL of a shipped file. */
  public static URL resource(String path) {
    URL url = PkStudies.class.getResource(path);
    if (url == null) {
      throw new IllegalStateException("the bundle lacks its data file " + path);
    }
    return url;
  }

  /** The theophylline study. */
  public static List<PkSubject> theophylline() throws IOException {
    try (InputStream in = resource(THEOPHYLLINE).openStream()) {
      return new PkDataReader("theoph.csv", PkSubject.Route.ORAL, Double.NaN).read(in);
    }
  }

  /**
   * The indomethacin study with an assumed dose, which the data set does not record.
   *
   * @param doseMg the dose every subject is taken to have received
   */
  public static List<PkSubject> indomethacin(double doseMg) throws IOException {
    try (InputStream in = resource(INDOMETHACIN).openStream()) {
      return new PkDataReader("indometh.csv", PkSubject.Route.IV, doseMg).read(in);
    }
  }
}
