package org.doppel.runtime.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * The characters of a CSV source, decoded as UTF-8, with an index from character position
 * to 1-based line number.
 *
 * <p>A UTF-8 byte-order mark at the very start of the bytes is dropped (spreadsheet tools
 * write one, and it would otherwise become part of the first header name); a mark anywhere
 * else stays in the text, where it makes its cell an error. Immutable.
 */
final class SourceText {

  private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

  private final String text;
  private final boolean bomRemoved;
  private final int[] lineStarts;

  private SourceText(String text, boolean bomRemoved) {
    this.text = text;
    this.bomRemoved = bomRemoved;
    this.lineStarts = indexLines(text);
  }

  /**
   * Decodes {@code bytes}; malformed UTF-8 is reported at its line through {@code issues}.
   */
  static SourceText decode(byte[] bytes, IssueCollector issues) {
    boolean bom = startsWithBom(bytes);
    int offset = bom ? BOM.length : 0;
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    try {
      CharBuffer chars = decoder.decode(ByteBuffer.wrap(bytes, offset, bytes.length - offset));
      return new SourceText(chars.toString(), bom);
    } catch (CharacterCodingException e) {
      throw issues.fail(lineOfFirstBadByte(bytes, offset), "",
          "the file is not UTF-8 text; save it as UTF-8");
    }
  }

  String text() {
    return text;
  }

  boolean bomRemoved() {
    return bomRemoved;
  }

  /** The 1-based line of the first non-line-break character at or after {@code position}. */
  long lineOfRecordAt(long position) {
    int at = (int) Math.min(position, text.length());
    while (at < text.length() && (text.charAt(at) == '\n' || text.charAt(at) == '\r')) {
      at++;
    }
    int index = Arrays.binarySearch(lineStarts, at);
    return index >= 0 ? index + 1 : -index - 1;
  }

  /** The first line, without its line break, for sniffing the delimiter. */
  String firstLine() {
    int end = 0;
    while (end < text.length() && text.charAt(end) != '\n' && text.charAt(end) != '\r') {
      end++;
    }
    return text.substring(0, end);
  }

  private static boolean startsWithBom(byte[] bytes) {
    return bytes.length >= BOM.length
        && Arrays.equals(bytes, 0, BOM.length, BOM, 0, BOM.length);
  }

  private static int[] indexLines(String text) {
    int[] starts = new int[16];
    int count = 1;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      boolean lineBreak = c == '\n' || (c == '\r'
          && (i + 1 == text.length() || text.charAt(i + 1) != '\n'));
      if (lineBreak) {
        if (count == starts.length) {
          starts = Arrays.copyOf(starts, count * 2);
        }
        starts[count++] = i + 1;
      }
    }
    return Arrays.copyOf(starts, count);
  }

  private static long lineOfFirstBadByte(byte[] bytes, int offset) {
    CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, offset, bytes.length - offset);
    CharBuffer out = CharBuffer.allocate(bytes.length);
    decoder.decode(in, out, true);
    long line = 1;
    for (int i = offset; i < in.position(); i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
