package org.doppel.runtime.scenario;

import java.util.HashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The compact plugin form {@code prune-structured{sparsity: 0.5}}, meaning
 * {@code {id: prune-structured, sparsity: 0.5}}.
 *
 * <p>Plain YAML cannot read that form (in a block list it becomes a one-key mapping whose
 * key is the text up to the colon; in a flow list it is a syntax error), so the text is
 * rewritten before parsing and parser columns are mapped back to the columns written. An
 * identifier directly followed by an opening brace is rewritten where a value starts: at the start
 * of the text, or after {@code - }, {@code [}, {@code ,} or {@code : }. Quoted text and
 * comments are left alone. Known limit: the contents of a block scalar ({@code |} or
 * {@code >}) are not told apart from values, so a line in one that looks like
 * {@code - name{...}} is rewritten too. Immutable.
 */
final class FlowIdForm {

  private static final Pattern QUOTED_FORM =
      Pattern.compile("([A-Za-z][A-Za-z0-9_.-]*)\\s*(\\{.*})", Pattern.DOTALL);

  private final String text;
  private final Map<Integer, int[]> columnMaps;

  private FlowIdForm(String text, Map<Integer, int[]> columnMaps) {
    this.text = text;
    this.columnMaps = columnMaps;
  }

  /** Rewrites every compact form in {@code yaml}. */
  static FlowIdForm rewrite(String yaml) {
    StringBuilder out = new StringBuilder(yaml.length() + 16);
    Map<Integer, int[]> maps = new HashMap<>();
    Scanner scanner = new Scanner();
    int lineNumber = 1;
    int start = 0;
    while (start <= yaml.length()) {
      int end = yaml.indexOf('\n', start);
      String line = yaml.substring(start, end < 0 ? yaml.length() : end);
      int[] columns = scanner.rewriteLine(line, out);
      if (columns != null) {
        maps.put(lineNumber, columns);
      }
      if (end < 0) {
        break;
      }
      out.append('\n');
      start = end + 1;
      lineNumber++;
    }
    return new FlowIdForm(out.toString(), maps);
  }

  String text() {
    return text;
  }

  /** The column as written for a 1-based {@code column} of the rewritten {@code line}. */
  int originalColumn(int line, int column) {
    int[] map = columnMaps.get(line);
    if (map == null || column < 1) {
      return column;
    }
    if (column - 1 < map.length) {
      return map[column - 1];
    }
    int lastOriginal = map.length == 0 ? 0 : map[map.length - 1];
    return lastOriginal + (column - map.length);
  }

  /**
   * The id and the flow mapping text of a scalar written in the compact form, as when it
   * was quoted; {@code null} when {@code scalar} is not in that form.
   */
  static String[] split(String scalar) {
    Matcher matcher = QUOTED_FORM.matcher(scalar.strip());
    return matcher.matches() ? new String[] {matcher.group(1), matcher.group(2)} : null;
  }

  /** A rewritten line and, per character, the 1-based column it came from. */
  private static final class LineBuilder {

    private final StringBuilder text = new StringBuilder();
    private int[] origin = new int[64];

    void append(char c, int originalColumn) {
      if (text.length() == origin.length) {
        int[] grown = new int[origin.length * 2];
        System.arraycopy(origin, 0, grown, 0, origin.length);
        origin = grown;
      }
      origin[text.length()] = originalColumn;
      text.append(c);
    }

    void copy(String line, int from, int to) {
      for (int k = from; k < to; k++) {
        append(line.charAt(k), k + 1);
      }
    }

    /** Whether what precedes (ignoring spaces) lets a value start here. */
    boolean atValueStart() {
      int at = text.length() - 1;
      while (at >= 0 && text.charAt(at) == ' ') {
        at--;
      }
      if (at < 0) {
        return true;
      }
      char previous = text.charAt(at);
      boolean spaced = at < text.length() - 1;
      return previous == '[' || previous == ','
          || ((previous == '-' || previous == ':' || previous == '?') && spaced);
    }

    int[] columns() {
      int[] columns = new int[text.length()];
      System.arraycopy(origin, 0, columns, 0, columns.length);
      return columns;
    }
  }

  /** Walks lines, remembering whether a quoted scalar continues from the line before. */
  private static final class Scanner {

    private char openQuote;

    /** Appends the rewritten line; returns its column map, or null when unchanged. */
    int[] rewriteLine(String line, StringBuilder out) {
      LineBuilder rewritten = new LineBuilder();
      boolean changed = false;
      int i = 0;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (openQuote != 0) {
          i = copyQuoted(line, i, rewritten);
        } else if (c == '#' && (i == 0 || Character.isWhitespace(line.charAt(i - 1)))) {
          rewritten.copy(line, i, line.length());
          i = line.length();
        } else if ((c == '\'' || c == '"') && rewritten.atValueStart()) {
          openQuote = c;
          rewritten.copy(line, i, i + 1);
          i++;
        } else {
          int identifierEnd = identifierEnd(line, i);
          if (identifierEnd > i && identifierEnd < line.length()
              && line.charAt(identifierEnd) == '{' && rewritten.atValueStart()) {
            insertId(line, i, identifierEnd, rewritten);
            changed = true;
            i = identifierEnd + 1;
          } else {
            int next = Math.max(identifierEnd, i + 1);
            rewritten.copy(line, i, next);
            i = next;
          }
        }
      }
      out.append(rewritten.text);
      return changed ? rewritten.columns() : null;
    }

    /** Copies up to and including the closing quote, or to the end of the line. */
    private int copyQuoted(String line, int from, LineBuilder rewritten) {
      int i = from;
      while (i < line.length()) {
        char c = line.charAt(i);
        if (openQuote == '"' && c == '\\') {
          i += 2;
        } else if (c == openQuote && openQuote == '\'' && i + 1 < line.length()
            && line.charAt(i + 1) == '\'') {
          i += 2;
        } else if (c == openQuote) {
          openQuote = 0;
          i++;
          break;
        } else {
          i++;
        }
      }
      int end = Math.min(i, line.length());
      rewritten.copy(line, from, end);
      return end;
    }

    /** Writes the id entry in place of the identifier and its brace, which opens the mapping. */
    private static void insertId(String line, int start, int end, LineBuilder rewritten) {
      String name = line.substring(start, end);
      boolean emptyBody = line.substring(end + 1).stripLeading().startsWith("}");
      String inserted = "{id: " + name + (emptyBody ? "" : ", ");
      for (int k = 0; k < inserted.length(); k++) {
        rewritten.append(inserted.charAt(k), start + 1);
      }
    }

    private static int identifierEnd(String line, int from) {
      if (!Character.isLetter(line.charAt(from))
          || (from > 0 && isIdentifierPart(line.charAt(from - 1)))) {
        return from;
      }
      int end = from;
      while (end < line.length() && isIdentifierPart(line.charAt(end))) {
        end++;
      }
      return end;
    }

    private static boolean isIdentifierPart(char c) {
      return Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '.';
    }
  }
}
