package org.doppel.runtime.study;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A study run's {@code report.html}: one self-contained page in the look of the day-ahead
 * report, headed by the scenario, data attribution, compute backend and run time, then what
 * the study reported in the order reported, then every metric. A failed run's page says so
 * first and ends with the error. Stateless.
 */
final class StudyPage {

  /** What the page says about the run besides the study's own content. */
  record Header(String runId, String scenarioName, String scenarioSource, String domainId,
      String dataAttribution, boolean quick, long seed, double seconds, String backend) {
  }

  private StudyPage() {
  }

  /**
   * @param error the failure's description, or {@code null} for a finished run
   */
  static String html(Header header, List<String> fragments, Map<String, Double> metrics,
      String error) {
    StringBuilder html = new StringBuilder(1 << 16);
    html.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\">")
        .append("<title>Doppel run ").append(esc(header.runId())).append("</title><style>")
        .append("body{font-family:sans-serif;max-width:1000px;margin:2em auto;color:#222}")
        .append("table{border-collapse:collapse;margin:0.5em 0 0.5em}")
        .append("td,th{border:1px solid #ccc;padding:4px 10px;text-align:right}")
        .append("th{background:#f3f3f3}td:first-child,th:first-child{text-align:left}")
        .append("img{max-width:100%;border:1px solid #eee;margin:0.5em 0}")
        .append("figure{margin:0}.note{color:#555;font-size:0.9em}.error{color:#b00}")
        .append("pre{white-space:pre-wrap}")
        .append("</style></head><body>\n");
    html.append("<h1>Doppel: ").append(esc(header.scenarioName())).append("</h1>\n");
    html.append("<p class=\"note\">Run <code>").append(esc(header.runId()))
        .append("</code> of domain <b>").append(esc(header.domainId())).append("</b> from ")
        .append(esc(header.scenarioSource())).append(header.quick() ? " (quick run)" : "")
        .append(", seed ").append(header.seed()).append(", ")
        .append(String.format(Locale.ROOT, "%.0f", header.seconds())).append(" s, backend ")
        .append(esc(header.backend())).append(". The resolved scenario is ")
        .append("<a href=\"scenario.yaml\">scenario.yaml</a>, the figures ")
        .append("<a href=\"metrics.json\">metrics.json</a>.</p>\n");
    html.append("<p class=\"note\">Data: ").append(esc(header.dataAttribution()))
        .append("</p>\n");
    if (error != null) {
      html.append("<p class=\"error\"><b>The study failed</b>; this page shows what it had "
          + "reported before the error, which is given at the end.</p>\n");
    }

    fragments.forEach(html::append);

    if (!metrics.isEmpty()) {
      html.append("<h2>Metrics</h2>\n<details><summary>").append(metrics.size())
          .append(metrics.size() == 1 ? " metric" : " metrics")
          .append(", as in metrics.json</summary>\n<table><tr><th>metric</th>")
          .append("<th>value</th></tr>\n");
      metrics.forEach((name, value) -> html.append("<tr><td>").append(esc(name))
          .append("</td><td>").append(esc(RunStudyReport.number(value)))
          .append("</td></tr>\n"));
      html.append("</table></details>\n");
    }
    if (error != null) {
      html.append("<h2 class=\"error\">Error</h2>\n<pre class=\"error\">").append(esc(error))
          .append("</pre>\n<p class=\"note\">The full trace is in ")
          .append("<a href=\"error.txt\">error.txt</a>.</p>\n");
    }
    html.append("</body></html>\n");
    return html.toString();
  }

  static String esc(String text) {
    return text == null ? "" : text.replace("&", "&amp;").replace("<", "&lt;")
        .replace(">", "&gt;").replace("\"", "&quot;").replace("'", "&#39;");
  }
}
