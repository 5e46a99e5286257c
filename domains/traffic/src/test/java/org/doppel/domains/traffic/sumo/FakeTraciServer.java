package org.doppel.domains.traffic.sumo;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A TraCI server for tests, on 127.0.0.1 and a port the system picks: it accepts one
 * client and answers each message with what {@code script} writes for its commands. A
 * script may also return {@link #CLOSE_MID_MESSAGE} or {@link #SILENT} to break the
 * exchange on purpose. Written to test the client against the wire format without SUMO.
 */
final class FakeTraciServer implements AutoCloseable {

  /** A command as received: its id and content (after the id). */
  record Command(int id, byte[] content) {

    ByteBuffer buffer() {
      return ByteBuffer.wrap(content);
    }

    int variable() {
      return content[0] & 0xff;
    }

    String object() {
      ByteBuffer b = buffer();
      b.get();
      return string(b);
    }
  }

  /** Answer: announce a long message, send part of it and close the socket. */
  static final byte[] CLOSE_MID_MESSAGE = new byte[0];

  /** Answer: send nothing and keep the socket open. */
  static final byte[] SILENT = new byte[0];

  private final ServerSocket server;
  private final Thread thread;
  private final List<Command> received = new CopyOnWriteArrayList<>();
  private volatile Throwable failure;

  FakeTraciServer(Function<List<Command>, byte[]> script) throws IOException {
    server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
    thread = new Thread(() -> serve(script), "fake-traci");
    thread.setDaemon(true);
    thread.start();
  }

  int port() {
    return server.getLocalPort();
  }

  List<Command> received() {
    return received;
  }

  Throwable failure() {
    return failure;
  }

  private void serve(Function<List<Command>, byte[]> script) {
    try (Socket socket = server.accept()) {
      DataInputStream in = new DataInputStream(socket.getInputStream());
      DataOutputStream out = new DataOutputStream(socket.getOutputStream());
      while (true) {
        List<Command> commands;
        try {
          commands = commands(in);
        } catch (EOFException e) {
          return;
        }
        received.addAll(commands);
        byte[] answer = script.apply(commands);
        if (answer == SILENT) {
          // Keep the connection open without answering until the client gives up.
          while (in.read() >= 0) {
            continue;
          }
          return;
        }
        if (answer == CLOSE_MID_MESSAGE) {
          out.writeInt(4 + 100);
          out.write(new byte[10]);
          out.flush();
          return;
        }
        out.writeInt(4 + answer.length);
        out.write(answer);
        out.flush();
      }
    } catch (IOException | RuntimeException e) {
      if (!server.isClosed()) {
        failure = e;
      }
    }
  }

  private static List<Command> commands(DataInputStream in) throws IOException {
    int length = in.readInt();
    byte[] body = new byte[length - 4];
    in.readFully(body);
    ByteBuffer b = ByteBuffer.wrap(body);
    List<Command> commands = new ArrayList<>();
    while (b.hasRemaining()) {
      int start = b.position();
      int size = b.get() & 0xff;
      if (size == 0) {
        size = b.getInt();
      }
      int id = b.get() & 0xff;
      byte[] content = new byte[start + size - b.position()];
      b.get(content);
      commands.add(new Command(id, content));
    }
    return commands;
  }

  @Override
  public void close() throws IOException {
    server.close();
  }

  // Answer builders.

  /** A status: command id, result (0 = OK, 0xff = error), description. */
  static byte[] status(int command, int result, String description) {
    byte[] text = description.getBytes(StandardCharsets.ISO_8859_1);
    return TraciWire.command(command, ByteBuffer.allocate(1 + 4 + text.length)
        .put((byte) result).putInt(text.length).put(text).array());
  }

  static byte[] ok(int command) {
    return status(command, 0, "");
  }

  /** A variable response with a typed value. */
  static byte[] response(Command query, byte[] typedValue) {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(query.variable());
    writeString(content, query.object());
    content.writeBytes(typedValue);
    return TraciWire.command(query.id() + 0x10, content.toByteArray());
  }

  static byte[] typedInt(int value) {
    return ByteBuffer.allocate(5).put((byte) 0x09).putInt(value).array();
  }

  static byte[] typedDouble(double value) {
    return ByteBuffer.allocate(9).put((byte) 0x0b).putDouble(value).array();
  }

  static byte[] typedString(String value) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0c);
    writeString(out, value);
    return out.toByteArray();
  }

  static byte[] typedStrings(List<String> values) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0e);
    out.writeBytes(ByteBuffer.allocate(4).putInt(values.size()).array());
    values.forEach(v -> writeString(out, v));
    return out.toByteArray();
  }

  static byte[] compound(byte[]... items) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.write(0x0f);
    out.writeBytes(ByteBuffer.allocate(4).putInt(items.length).array());
    for (byte[] item : items) {
      out.writeBytes(item);
    }
    return out.toByteArray();
  }

  static byte[] concat(byte[]... parts) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (byte[] p : parts) {
      out.writeBytes(p);
    }
    return out.toByteArray();
  }

  static void writeString(ByteArrayOutputStream out, String value) {
    byte[] bytes = value.getBytes(StandardCharsets.ISO_8859_1);
    out.writeBytes(ByteBuffer.allocate(4).putInt(bytes.length).array());
    out.writeBytes(bytes);
  }

  static String string(ByteBuffer b) {
    byte[] bytes = new byte[b.getInt()];
    b.get(bytes);
    return new String(bytes, StandardCharsets.ISO_8859_1);
  }
}
