package org.doppel.domains.traffic.sumo;

import static org.doppel.domains.traffic.sumo.TraciWire.CMD_CLOSE;
import static org.doppel.domains.traffic.sumo.TraciWire.CMD_GET_VERSION;
import static org.doppel.domains.traffic.sumo.TraciWire.CMD_SIMSTEP;
import static org.doppel.domains.traffic.sumo.TraciWire.RESPONSE_OFFSET;
import static org.doppel.domains.traffic.sumo.TraciWire.SET_OFFSET;
import static org.doppel.domains.traffic.sumo.TraciWire.TYPE_DOUBLE;
import static org.doppel.domains.traffic.sumo.TraciWire.TYPE_INTEGER;
import static org.doppel.domains.traffic.sumo.TraciWire.command;
import static org.doppel.domains.traffic.sumo.TraciWire.commandEnd;
import static org.doppel.domains.traffic.sumo.TraciWire.commandId;
import static org.doppel.domains.traffic.sumo.TraciWire.expect;
import static org.doppel.domains.traffic.sumo.TraciWire.hex;
import static org.doppel.domains.traffic.sumo.TraciWire.message;
import static org.doppel.domains.traffic.sumo.TraciWire.read;
import static org.doppel.domains.traffic.sumo.TraciWire.skipResponse;
import static org.doppel.domains.traffic.sumo.TraciWire.status;
import static org.doppel.domains.traffic.sumo.TraciWire.string;
import static org.doppel.domains.traffic.sumo.TraciWire.typed;
import static org.doppel.domains.traffic.sumo.TraciWire.writeString;

import java.io.ByteArrayOutputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A minimal client of SUMO's TraCI protocol over a TCP socket on the loopback interface.
 * Not thread-safe: one client drives one simulation.
 *
 * <p>Hand-written because no Java TraCI library resolves here ({@code
 * org.eclipse.sumo:libtraci} does not resolve from Maven Central, TraaS is not on Central,
 * and Debian's SUMO packages have no Java binding); the wire format was learnt from SUMO's
 * Python client, no code is taken from it. What it speaks ({@link TraciWire} encodes it):
 *
 * <ul>
 *   <li>a message is a 4-byte big-endian length (itself included) followed by commands;
 *   <li>a command is its length (one unsigned byte, or 0 and a 4-byte length for long
 *   commands), its id and its content; strings are a 4-byte length and Latin-1 bytes;
 *   <li>SUMO answers each command with a status (the command id, 0 for success, and a
 *   description), followed for a variable query by a response (the query's domain + 0x10,
 *   the variable, the object id and a typed value).
 * </ul>
 *
 * <p>Commands used: get version (0x00), simulation step (0x02), close (0x7F), and variable
 * get / set in the domains {@link #SIMULATION}, {@link #TRAFFIC_LIGHT}, {@link #LANE},
 * {@link #EDGE}, {@link #VEHICLE} and {@link #INDUCTION_LOOP} (set = get + 0x20). Several
 * queries go in one message ({@link #get(List)}), so one round trip reads a whole grid.
 * Subscriptions are not supported: a step answer announcing any is an error.
 *
 * <p>Every read has the socket timeout given at connect: a silent peer is a
 * {@link TraciException} naming the command, never a hang.
 */
public final class TraciClient implements AutoCloseable {

  /** The TraCI API level this client speaks (SUMO 1.15). */
  public static final int API_LEVEL = 20;

  /** Variable domains (the get command ids). */
  public static final int INDUCTION_LOOP = 0xa0;
  public static final int TRAFFIC_LIGHT = 0xa2;
  public static final int LANE = 0xa3;
  public static final int VEHICLE = 0xa4;
  public static final int EDGE = 0xaa;
  public static final int SIMULATION = 0xab;

  /** Variables of every domain. */
  public static final int ID_LIST = 0x00;
  public static final int ID_COUNT = 0x01;

  /** Lane, edge and loop variables: over the last step. */
  public static final int LAST_STEP_VEHICLE_NUMBER = 0x10;
  public static final int LAST_STEP_MEAN_SPEED = 0x11;
  public static final int LAST_STEP_HALTING_NUMBER = 0x14;
  public static final int LANE_MAX_SPEED = 0x41;
  public static final int LANE_LENGTH = 0x44;

  /** Traffic-light variables. */
  public static final int TL_STATE = 0x20;
  public static final int TL_PHASE_INDEX = 0x22;
  public static final int TL_PHASE_DURATION = 0x24;
  public static final int TL_CONTROLLED_LANES = 0x26;
  public static final int TL_CURRENT_PHASE = 0x28;
  public static final int TL_CURRENT_PROGRAM = 0x29;
  public static final int TL_COMPLETE_DEFINITION = 0x2b;
  public static final int TL_NEXT_SWITCH = 0x2d;

  /** Simulation variables. */
  public static final int SIM_TIME = 0x66;
  public static final int SIM_LOADED_NUMBER = 0x71;
  public static final int SIM_DEPARTED_NUMBER = 0x73;
  public static final int SIM_DEPARTED_IDS = 0x74;
  public static final int SIM_TELEPORT_STARTING_NUMBER = 0x75;
  public static final int SIM_ARRIVED_NUMBER = 0x79;
  public static final int SIM_DELTA_T = 0x7b;
  public static final int SIM_MIN_EXPECTED = 0x7d;

  private static final Map<Integer, String> DOMAINS = Map.of(INDUCTION_LOOP, "induction loop",
      TRAFFIC_LIGHT, "traffic light", LANE, "lane", VEHICLE, "vehicle", EDGE, "edge",
      SIMULATION, "simulation");

  /** The largest message accepted from the peer, bytes: a guard against a garbled length. */
  private static final int MAX_MESSAGE = 64 << 20;

  private final Socket socket;
  private final DataInputStream in;
  private final OutputStream out;
  private final String peer;
  private String broken;

  /**
   * A variable query.
   *
   * @param domain such as {@link #LANE}
   * @param variable such as {@link #LAST_STEP_VEHICLE_NUMBER}
   * @param object the object id, such as a lane id ("" for the simulation)
   */
  public record Query(int domain, int variable, String object) {

    String describe() {
      return "get " + DOMAINS.getOrDefault(domain, hex(domain)) + " variable "
          + hex(variable) + (object.isEmpty() ? "" : " of '" + object + "'");
    }
  }

  /**
   * What the server says it is.
   *
   * @param apiLevel the TraCI API level
   * @param software the server's name and version, such as {@code SUMO 1.15.0}
   */
  public record Version(int apiLevel, String software) {
  }

  /**
   * One phase of a signal program.
   *
   * @param duration s
   * @param state one character per controlled link: {@code G g} green, {@code y} amber,
   *     {@code r} red, ...
   */
  public record Phase(double duration, String state) {

    /** Whether link {@code index} may go in this phase. */
    public boolean green(int index) {
      char c = state.charAt(index);
      return c == 'G' || c == 'g';
    }
  }

  /**
   * A traffic light's signal program.
   *
   * @param programId SUMO's program id
   * @param type 0 for a static program
   * @param currentPhase the index of the phase running now
   * @param phases in order
   */
  public record Program(String programId, int type, int currentPhase, List<Phase> phases) {

    public Program {
      phases = List.copyOf(phases);
    }

    /** The sum of the phase durations, s. */
    public double cycleSeconds() {
      return phases.stream().mapToDouble(Phase::duration).sum();
    }
  }

  TraciClient(Socket socket, Duration readTimeout) throws IOException {
    this.socket = socket;
    this.peer = socket.getRemoteSocketAddress().toString();
    socket.setSoTimeout(Math.toIntExact(Math.max(1, readTimeout.toMillis())));
    socket.setTcpNoDelay(true);
    this.in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream()));
    this.out = new java.io.BufferedOutputStream(socket.getOutputStream());
  }

  /**
   * Connects to a TraCI server on the loopback interface (never another host).
   *
   * @param port the server's port
   * @param connectTimeout how long to wait for the connection
   * @param readTimeout how long any answer may take (a simulation step included)
   * @throws IOException when nothing accepts on that port in time
   */
  public static TraciClient connect(int port, Duration connectTimeout, Duration readTimeout)
      throws IOException {
    Socket socket = new Socket();
    try {
      socket.connect(new InetSocketAddress(InetAddress.getLoopbackAddress(), port),
          Math.toIntExact(Math.max(1, connectTimeout.toMillis())));
      return new TraciClient(socket, readTimeout);
    } catch (IOException e) {
      socket.close();
      throw e;
    }
  }

  /** The peer's address, for messages. */
  public String peer() {
    return peer;
  }

  /**
   * Asks the server for its version.
   *
   * @throws TraciException when the answer is not a version
   */
  public Version version() throws TraciException {
    ByteBuffer answer = exchange(List.of(command(CMD_GET_VERSION, new byte[0])),
        List.of("get version"));
    return read("get version", () -> {
      int end = commandEnd(answer);
      expect(answer.get() & 0xff, CMD_GET_VERSION, "get version");
      Version version = new Version(answer.getInt(), string(answer));
      answer.position(end);
      return version;
    });
  }

  /**
   * Checks the server speaks {@link #API_LEVEL}.
   *
   * @throws TraciException naming both levels when it does not
   */
  public Version handshake() throws TraciException {
    Version version = version();
    if (version.apiLevel() != API_LEVEL) {
      throw new TraciException("TraCI server at " + peer + " (" + version.software()
          + ") speaks API level " + version.apiLevel() + "; this client speaks level "
          + API_LEVEL + " (SUMO 1.15)");
    }
    return version;
  }

  /**
   * Runs the simulation up to {@code time} (s); a time not after the current one runs one
   * step.
   *
   * @throws TraciException with SUMO's message when it refuses, or when the answer
   *     announces subscription results this client does not read
   */
  public void step(double time) throws TraciException {
    String name = "simulation step to " + time + " s";
    byte[] content = ByteBuffer.allocate(8).putDouble(time).array();
    ByteBuffer answer = exchange(List.of(command(CMD_SIMSTEP, content)), List.of(name));
    int subscriptions = read(name, answer::getInt);
    if (subscriptions != 0) {
      throw new TraciException(name + ": SUMO sent " + subscriptions + " subscription"
          + " results; this client makes no subscriptions");
    }
  }

  /**
   * Reads several variables in one message, in order.
   *
   * @return the values: {@link Integer} (int, byte, ubyte), {@link Double}, {@link String},
   *     {@code List<String>} (string list), {@code List<Object>} (compound),
   *     {@code double[]} (double list, 2-D position)
   * @throws TraciException naming the first query SUMO refused, with its message
   */
  public List<Object> get(List<Query> queries) throws TraciException {
    if (queries.isEmpty()) {
      return List.of();
    }
    List<byte[]> commands = new ArrayList<>(queries.size());
    List<String> names = new ArrayList<>(queries.size());
    for (Query q : queries) {
      ByteArrayOutputStream content = new ByteArrayOutputStream();
      content.write(q.variable());
      writeString(content, q.object());
      commands.add(command(q.domain(), content.toByteArray()));
      names.add(q.describe());
    }
    ByteBuffer answer = exchange(commands, names);
    List<Object> values = new ArrayList<>(queries.size());
    for (int i = 0; i < queries.size(); i++) {
      Query q = queries.get(i);
      values.add(read(names.get(i), () -> response(answer, q)));
    }
    return values;
  }

  /** One variable. */
  public Object get(int domain, int variable, String object) throws TraciException {
    return get(List.of(new Query(domain, variable, object))).get(0);
  }

  /** One integer variable. */
  public int getInt(int domain, int variable, String object) throws TraciException {
    return as(Integer.class, new Query(domain, variable, object), get(domain, variable,
        object));
  }

  /** One double variable. */
  public double getDouble(int domain, int variable, String object) throws TraciException {
    return as(Double.class, new Query(domain, variable, object), get(domain, variable,
        object));
  }

  /** One string variable. */
  public String getString(int domain, int variable, String object) throws TraciException {
    return as(String.class, new Query(domain, variable, object), get(domain, variable,
        object));
  }

  /** One string-list variable. */
  @SuppressWarnings("unchecked")
  public List<String> getStringList(int domain, int variable, String object)
      throws TraciException {
    return as(List.class, new Query(domain, variable, object), get(domain, variable, object));
  }

  /**
   * Sets an integer variable, such as a traffic light's phase index.
   *
   * @throws TraciException with SUMO's message when it refuses
   */
  public void setInt(int domain, int variable, String object, int value)
      throws TraciException {
    ByteBuffer typed = ByteBuffer.allocate(5).put((byte) TYPE_INTEGER).putInt(value);
    set(domain, variable, object, typed.array(), String.valueOf(value));
  }

  /**
   * Sets a double variable, such as a traffic light's remaining phase duration.
   *
   * @throws TraciException with SUMO's message when it refuses
   */
  public void setDouble(int domain, int variable, String object, double value)
      throws TraciException {
    ByteBuffer typed = ByteBuffer.allocate(9).put((byte) TYPE_DOUBLE).putDouble(value);
    set(domain, variable, object, typed.array(), String.valueOf(value));
  }

  /**
   * A traffic light's programs (its complete red-yellow-green definition).
   *
   * @throws TraciException when SUMO refuses or the answer is not a list of programs
   */
  public List<Program> programs(String light) throws TraciException {
    Query query = new Query(TRAFFIC_LIGHT, TL_COMPLETE_DEFINITION, light);
    List<?> logics = as(List.class, query, get(query.domain(), query.variable(), light));
    return read(query.describe(), () -> {
      List<Program> programs = new ArrayList<>();
      // The answer is a compound of programs, each a compound of program id, type, current
      // phase, the phases (a compound of compounds) and its parameters.
      for (Object item : logics) {
        List<?> logic = (List<?>) item;
        List<Phase> phases = new ArrayList<>();
        for (Object entry : (List<?>) logic.get(3)) {
          List<?> phase = (List<?>) entry;
          phases.add(new Phase((Double) phase.get(0), (String) phase.get(1)));
        }
        programs.add(new Program((String) logic.get(0), (Integer) logic.get(1),
            (Integer) logic.get(2), phases));
      }
      return programs;
    });
  }

  /**
   * Asks SUMO to end the simulation and closes the socket; the socket is closed even when
   * the close command fails. Idempotent.
   */
  @Override
  public void close() throws TraciException {
    if (socket.isClosed()) {
      return;
    }
    if (broken != null) {
      closeSocket();
      return;
    }
    try {
      exchange(List.of(command(CMD_CLOSE, new byte[0])), List.of("close"));
    } finally {
      closeSocket();
    }
  }

  private void closeSocket() {
    try {
      socket.close();
    } catch (IOException e) {
      // Nothing more to release: the socket is gone either way.
    }
  }

  /**
   * Marks the connection unusable after a transport failure (the stream may be out of step
   * with the peer), closes the socket and returns the error to throw.
   */
  private TraciException broken(TraciException e) {
    broken = e.getMessage();
    closeSocket();
    return e;
  }

  private void set(int domain, int variable, String object, byte[] typedValue,
      String shown) throws TraciException {
    ByteArrayOutputStream content = new ByteArrayOutputStream();
    content.write(variable);
    writeString(content, object);
    content.writeBytes(typedValue);
    String name = "set " + DOMAINS.getOrDefault(domain, hex(domain)) + " variable "
        + hex(variable) + " of '" + object + "' to " + shown;
    exchange(List.of(command(domain + SET_OFFSET, content.toByteArray())), List.of(name));
  }

  /**
   * Sends the commands in one message, reads the whole answer, checks every status and
   * returns the responses alone, in order.
   */
  private ByteBuffer exchange(List<byte[]> commands, List<String> names)
      throws TraciException {
    String first = names.get(0) + (names.size() > 1 ? " (and " + (names.size() - 1)
        + " more commands)" : "");
    if (socket.isClosed()) {
      throw new TraciException(first + ": the connection to " + peer + " is closed"
          + (broken == null ? "" : " (after: " + broken + ")"));
    }
    byte[] message = message(commands);
    try {
      out.write(message);
      out.flush();
    } catch (IOException e) {
      throw broken(new TraciException(first + ": could not write to " + peer + ": "
          + e.getMessage(), e));
    }
    ByteBuffer answer;
    try {
      answer = ByteBuffer.wrap(receive(first));
    } catch (TraciException e) {
      throw broken(e);
    }
    return read(first, () -> {
      // The answer holds, per command, its status and then (for a query, a step or the
      // version) its response; statuses are checked here and the responses returned alone,
      // in command order.
      ByteArrayOutputStream responses = new ByteArrayOutputStream(answer.remaining());
      for (int i = 0; i < commands.size(); i++) {
        int id = commandId(commands.get(i));
        status(answer, id, names.get(i));
        int from = answer.position();
        skipResponse(answer, id);
        responses.write(answer.array(), from, answer.position() - from);
      }
      return ByteBuffer.wrap(responses.toByteArray());
    });
  }

  private byte[] receive(String name) throws TraciException {
    try {
      int length = in.readInt();
      if (length < 4 || length > MAX_MESSAGE) {
        throw new TraciException(name + ": " + peer + " announced a message of " + length
            + " bytes");
      }
      byte[] body = new byte[length - 4];
      in.readFully(body);
      return body;
    } catch (SocketTimeoutException e) {
      throw new TraciException(name + ": no answer from " + peer + " within "
          + timeoutMillis() + " ms", e);
    } catch (EOFException e) {
      throw new TraciException(name + ": " + peer + " closed the connection before its"
          + " answer was complete", e);
    } catch (TraciException e) {
      throw e;
    } catch (IOException e) {
      throw new TraciException(name + ": reading from " + peer + " failed: "
          + e.getMessage(), e);
    }
  }

  private int timeoutMillis() {
    try {
      return socket.getSoTimeout();
    } catch (IOException e) {
      return -1;
    }
  }

  private Object response(ByteBuffer answer, Query q) throws TraciException {
    int end = commandEnd(answer);
    int id = answer.get() & 0xff;
    int variable = answer.get() & 0xff;
    String object = string(answer);
    if (id != q.domain() + RESPONSE_OFFSET || variable != q.variable()
        || !object.equals(q.object())) {
      throw new TraciException(q.describe() + ": the answer is for " + hex(id) + " variable "
          + hex(variable) + " of '" + object + "'");
    }
    Object value = typed(answer, q.describe());
    answer.position(end);
    return value;
  }

  private <T> T as(Class<T> type, Query q, Object value) throws TraciException {
    if (!type.isInstance(value)) {
      throw new TraciException(q.describe() + ": expected a " + type.getSimpleName()
          + ", SUMO sent " + (value == null ? "nothing" : value.getClass().getSimpleName()));
    }
    return type.cast(value);
  }


}
