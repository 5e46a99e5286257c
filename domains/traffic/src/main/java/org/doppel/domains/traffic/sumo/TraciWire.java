package org.doppel.domains.traffic.sumo;

import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.BufferUnderflowException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * TraCI's wire format, as {@link TraciClient} speaks it: the framing of messages and
 * commands, Latin-1 strings, typed values and status answers. Stateless.
 */
final class TraciWire {

  static final int CMD_GET_VERSION = 0x00;
  static final int CMD_SIMSTEP = 0x02;
  static final int CMD_CLOSE = 0x7f;
  static final int SET_OFFSET = 0x20;
  static final int RESPONSE_OFFSET = 0x10;

  static final int TYPE_POSITION_2D = 0x01;
  static final int TYPE_UBYTE = 0x07;
  static final int TYPE_BYTE = 0x08;
  static final int TYPE_INTEGER = 0x09;
  static final int TYPE_DOUBLE = 0x0b;
  static final int TYPE_STRING = 0x0c;
  static final int TYPE_STRING_LIST = 0x0e;
  static final int TYPE_COMPOUND = 0x0f;
  static final int TYPE_DOUBLE_LIST = 0x10;

  private TraciWire() {
  }

  static void status(ByteBuffer answer, int command, String name)
      throws TraciException {
    int end = commandEnd(answer);
    int id = answer.get() & 0xff;
    int result = answer.get() & 0xff;
    String description = string(answer);
    answer.position(end);
    if (id != command) {
      throw new TraciException(name + ": the status answers command " + hex(id)
          + ", not " + hex(command));
    }
    if (result != 0) {
      String kind = result == 0x01 ? "not implemented" : result == 0xff ? "error"
          : "status " + hex(result);
      throw new TraciException(name + ": SUMO answered " + kind + ": " + description);
    }
  }

  /** Moves past the response part that follows a status. */
  static void skipResponse(ByteBuffer answer, int command) {
    if (command == CMD_SIMSTEP) {
      int subscriptions = answer.getInt();
      if (subscriptions != 0) {
        answer.position(answer.limit());
      }
    } else if (command == CMD_GET_VERSION || isGet(command)) {
      answer.position(commandEnd(answer));
    }
  }

  static boolean isGet(int command) {
    return command >= 0xa0 && command <= 0xbf;
  }

  static Object typed(ByteBuffer answer, String name) throws TraciException {
    int type = answer.get() & 0xff;
    switch (type) {
      case TYPE_UBYTE:
        return answer.get() & 0xff;
      case TYPE_BYTE:
        return (int) answer.get();
      case TYPE_INTEGER:
        return answer.getInt();
      case TYPE_DOUBLE:
        return answer.getDouble();
      case TYPE_STRING:
        return string(answer);
      case TYPE_STRING_LIST: {
        int n = count(answer, name);
        List<String> list = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          list.add(string(answer));
        }
        return list;
      }
      case TYPE_COMPOUND: {
        int n = count(answer, name);
        List<Object> items = new ArrayList<>(n);
        for (int i = 0; i < n; i++) {
          items.add(typed(answer, name));
        }
        return items;
      }
      case TYPE_DOUBLE_LIST: {
        double[] values = new double[count(answer, name)];
        for (int i = 0; i < values.length; i++) {
          values[i] = answer.getDouble();
        }
        return values;
      }
      case TYPE_POSITION_2D:
        return new double[] {answer.getDouble(), answer.getDouble()};
      default:
        throw new TraciException(name + ": the answer holds a value of type " + hex(type)
            + ", which this client does not read");
    }
  }

  static int count(ByteBuffer answer, String name) throws TraciException {
    int n = answer.getInt();
    if (n < 0 || n > answer.remaining()) {
      throw new TraciException(name + ": the answer announces " + n + " items in "
          + answer.remaining() + " bytes");
    }
    return n;
  }

  /** Reads a command length at the buffer's position and returns where the command ends. */
  static int commandEnd(ByteBuffer answer) {
    int start = answer.position();
    int length = answer.get() & 0xff;
    if (length == 0) {
      length = answer.getInt();
    }
    return start + length;
  }

  static String string(ByteBuffer answer) {
    int length = answer.getInt();
    if (length < 0 || length > answer.remaining()) {
      throw new BufferUnderflowException();
    }
    byte[] bytes = new byte[length];
    answer.get(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }

  static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  /** A command: its length (short or long form), id and content. */
  static byte[] command(int id, byte[] content) {
    int shortLength = 2 + content.length;
    ByteBuffer buffer;
    if (shortLength <= 255) {
      buffer = ByteBuffer.allocate(shortLength).put((byte) shortLength);
    } else {
      buffer = ByteBuffer.allocate(shortLength + 4).put((byte) 0).putInt(shortLength + 4);
    }
    return buffer.put((byte) id).put(content).array();
  }

  static int commandId(byte[] command) {
    return command[0] != 0 ? command[1] & 0xff : command[5] & 0xff;
  }

  static byte[] message(List<byte[]> commands) {
    int length = 4 + commands.stream().mapToInt(c -> c.length).sum();
    ByteArrayOutputStream bytes = new ByteArrayOutputStream(length);
    try (DataOutputStream data = new DataOutputStream(bytes)) {
      data.writeInt(length);
      for (byte[] c : commands) {
        data.write(c);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return bytes.toByteArray();
  }

  static void expect(int actual, int expected, String name) throws TraciException {
    if (actual != expected) {
      throw new TraciException(name + ": the answer is for command " + hex(actual));
    }
  }

  static String hex(int value) {
    return String.format("0x%02x", value);
  }

  /** A parse step that may find the answer short or malformed. */
  interface Reader<T> {
    T read() throws TraciException;
  }

  static <T> T read(String name, Reader<T> reader) throws TraciException {
    try {
      return reader.read();
    } catch (BufferUnderflowException | IndexOutOfBoundsException | ClassCastException
        | IllegalArgumentException e) {
      throw new TraciException(name + ": the answer is malformed (" + e + ")", e);
    }
  }
}
