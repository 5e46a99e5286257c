package org.doppel.domains.logistics;

import java.net.URL;
import java.util.Map;
import java.util.Optional;
import org.doppel.sdk.domain.DomainModule;
import org.doppel.sdk.study.DomainStudy;

/**
 * The logistics domain, id {@code logistics}: a serial supply chain (retailer, wholesaler,
 * distributor, factory) whose end demand is the monthly US beverage wholesale sales series;
 * its twin forecasts demand 1 to 12 months ahead and orders against the forecast. Stateless
 * and thread-safe.
 */
public final class LogisticsDomain implements DomainModule {

  /** The plugin id. */
  public static final String ID = "logistics";

  /** The name of the demand dataset in {@link #datasets()}. */
  public static final String SALES = "beverage-sales";

  /** The shipped demand file, under the bundle's resources. */
  public static final String SALES_FILE = "data/us_beverage_wholesale_monthly.csv";

  private static final LogisticsStudy STUDY = new LogisticsStudy();
  private static final String RESOURCES = "/org/doppel/domains/logistics/";

  private static final String ATTRIBUTION = "Demand: US merchant wholesalers' monthly sales of"
      + " beer, wine and distilled alcoholic beverages, January 1992 to September 2017,"
      + " millions of US dollars, not seasonally adjusted. Produced by the U.S. Census Bureau"
      + " (Monthly Wholesale Trade Survey), published by FRED (Federal Reserve Bank of"
      + " St. Louis) as series S4248SM144NCEN; taken from the dataset 'drinks' of the R"
      + " package modeldata (Kuhn, MIT licence). Plant: a serial supply chain simulated by"
      + " this bundle; its stock, orders and costs are simulated, not observed.";

  @Override
  public String id() {
    return ID;
  }

  @Override
  public String description() {
    return "US beverage wholesale demand forecast 1-12 months ahead, and a serial supply"
        + " chain ordering against it (order-up-to, pass-along, MPC)";
  }

  @Override
  public URL defaultScenario() {
    return resource("logistics.yaml");
  }

  @Override
  public Map<String, URL> datasets() {
    return Map.of(SALES, resource(SALES_FILE));
  }

  @Override
  public String dataAttribution() {
    return ATTRIBUTION;
  }

  @Override
  public Optional<DomainStudy> study() {
    return Optional.of(STUDY);
  }

  static URL resource(String path) {
    URL url = LogisticsDomain.class.getResource(RESOURCES + path);
    if (url == null) {
      throw new IllegalStateException("the logistics bundle lacks its resource " + RESOURCES
          + path);
    }
    return url;
  }
}
