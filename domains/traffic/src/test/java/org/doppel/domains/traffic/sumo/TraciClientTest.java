package org.doppel.domains.traffic.sumo;

import static org.doppel.domains.traffic.sumo.FakeTraciServer.compound;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.concat;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.ok;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.response;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.status;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.typedDouble;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.typedInt;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.typedString;
import static org.doppel.domains.traffic.sumo.FakeTraciServer.typedStrings;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import org.doppel.domains.traffic.sumo.FakeTraciServer.Command;
import org.doppel.domains.traffic.sumo.TraciClient.Program;
import org.doppel.domains.traffic.sumo.TraciClient.Query;
import org.junit.jupiter.api.Test;

/** The TraCI client against a fake server on loopback that speaks the wire format. */
class TraciClientTest {

  private static final Duration TIMEOUT = Duration.ofSeconds(5);

  /** Answers like SUMO 1.15 for a small two-phase light {@code J}, lanes and the clock. */
  private static byte[] fakeSumo(List<Command> commands) {
    ByteArrayOutputStream answer = new ByteArrayOutputStream();
    for (Command c : commands) {
      answer.writeBytes(switch (c.id()) {
        case 0x00 -> concat(ok(0x00), TraciWire.command(0x00, versionContent(20,
            "SUMO 1.15.0")));
        case 0x02 -> concat(ok(0x02), ByteBuffer.allocate(4).putInt(0).array());
        case 0x7f, 0xc2 -> ok(c.id());
        case 0xab -> concat(ok(0xab), response(c, c.variable() == 0x66 ? typedDouble(21690)
            : typedInt(7)));
        case 0xa3 -> concat(ok(0xa3), response(c, typedInt(c.object().length())));
        case 0xa2 -> concat(ok(0xa2), response(c, switch (c.variable()) {
          case 0x26 -> typedStrings(List.of("N_0", "N_1", "E_0"));
          case 0x2b -> program();
          default -> typedInt(2);
        }));
        default -> status(c.id(), 0x01, "command not implemented");
      });
    }
    return answer.toByteArray();
  }

  private static byte[] versionContent(int level, String software) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    out.writeBytes(ByteBuffer.allocate(4).putInt(level).array());
    FakeTraciServer.writeString(out, software);
    return out.toByteArray();
  }

  /** One static program of four phases, as SUMO sends its complete definition. */
  private static byte[] program() {
    return compound(compound(typedString("0"), typedInt(0), typedInt(2),
        compound(phase(42, "GGr"), phase(3, "yyr"), phase(42, "rrG"), phase(3, "rry")),
        compound()));
  }

  private static byte[] phase(double duration, String state) {
    return compound(typedDouble(duration), typedString(state), typedDouble(duration),
        typedDouble(duration), compound(), typedString(""));
  }

  private static FakeTraciServer server(Function<List<Command>, byte[]> script)
      throws Exception {
    return new FakeTraciServer(script);
  }

  @Test
  void handshakeStepsReadsAFewVariablesInOneMessageAndCloses() throws Exception {
    try (FakeTraciServer server = server(TraciClientTest::fakeSumo);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      assertEquals(new TraciClient.Version(20, "SUMO 1.15.0"), client.handshake());
      client.step(21690);
      List<Object> values = client.get(List.of(
          new Query(TraciClient.SIMULATION, TraciClient.SIM_TIME, ""),
          new Query(TraciClient.LANE, TraciClient.LAST_STEP_VEHICLE_NUMBER, "A0A1_0"),
          new Query(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_CONTROLLED_LANES, "J"),
          new Query(TraciClient.SIMULATION, TraciClient.SIM_ARRIVED_NUMBER, "")));
      assertEquals(List.of(21690.0, 6, List.of("N_0", "N_1", "E_0"), 7), values);
      assertEquals(2, client.getInt(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_CURRENT_PHASE,
          "J"));
      client.close();

      List<Integer> ids = server.received().stream().map(Command::id).toList();
      assertEquals(List.of(0x00, 0x02, 0xab, 0xa3, 0xa2, 0xab, 0xa2, 0x7f), ids);
      assertEquals(21690.0, server.received().get(1).buffer().getDouble());
    }
  }

  @Test
  void readsAProgramsCompleteDefinition() throws Exception {
    try (FakeTraciServer server = server(TraciClientTest::fakeSumo);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      List<Program> programs = client.programs("J");
      assertEquals(1, programs.size());
      Program p = programs.get(0);
      assertEquals("0", p.programId());
      assertEquals(2, p.currentPhase());
      assertEquals(90.0, p.cycleSeconds());
      assertEquals(List.of("GGr", "yyr", "rrG", "rry"), p.phases().stream()
          .map(TraciClient.Phase::state).toList());
      assertTrue(p.phases().get(0).green(1) && !p.phases().get(0).green(2));
    }
  }

  @Test
  void writesTypedValuesOnTheWire() throws Exception {
    try (FakeTraciServer server = server(TraciClientTest::fakeSumo);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      client.setDouble(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_PHASE_DURATION, "B1", 37);
      client.setInt(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_PHASE_INDEX, "B1", 2);

      Command duration = server.received().get(0);
      assertEquals(0xc2, duration.id());
      ByteBuffer b = duration.buffer();
      assertEquals(0x24, b.get() & 0xff);
      assertEquals("B1", FakeTraciServer.string(b));
      assertEquals(0x0b, b.get());
      assertEquals(37.0, b.getDouble());
      ByteBuffer phase = server.received().get(1).buffer();
      phase.position(1 + 4 + 2);
      assertEquals(0x09, phase.get());
      assertEquals(2, phase.getInt());
    }
  }

  @Test
  void aLongCommandUsesTheLongLengthForm() throws Exception {
    String lane = "l".repeat(300);
    try (FakeTraciServer server = server(TraciClientTest::fakeSumo);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      assertEquals(300, client.getInt(TraciClient.LANE, TraciClient.LAST_STEP_VEHICLE_NUMBER,
          lane));
      assertEquals(lane, server.received().get(0).object());
    }
  }

  @Test
  void anErrorStatusNamesTheCommandAndSumosMessage() throws Exception {
    Function<List<Command>, byte[]> script = commands -> {
      Command c = commands.get(0);
      return c.id() == 0xc2 ? status(0xc2, 0xff, "Traffic light 'X9' is not known")
          : fakeSumo(commands);
    };
    try (FakeTraciServer server = server(script);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      TraciException e = assertThrows(TraciException.class, () -> client.setDouble(
          TraciClient.TRAFFIC_LIGHT, TraciClient.TL_PHASE_DURATION, "X9", 30));
      assertTrue(e.getMessage().contains("set traffic light variable 0x24 of 'X9' to 30.0"),
          e.getMessage());
      assertTrue(e.getMessage().contains("SUMO answered error: Traffic light 'X9' is not"
          + " known"), e.getMessage());

      // The stream stays in step: the next exchange works.
      assertEquals(2, client.getInt(TraciClient.TRAFFIC_LIGHT, TraciClient.TL_CURRENT_PHASE,
          "J"));
    }
  }

  @Test
  void aRefusedQueryInABatchIsNamed() throws Exception {
    Function<List<Command>, byte[]> script = commands -> concat(fakeSumo(commands.subList(0,
        1)), status(0xa3, 0xff, "Lane 'nope' is not known"));
    try (FakeTraciServer server = server(script);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      TraciException e = assertThrows(TraciException.class, () -> client.get(List.of(
          new Query(TraciClient.SIMULATION, TraciClient.SIM_TIME, ""),
          new Query(TraciClient.LANE, TraciClient.LAST_STEP_VEHICLE_NUMBER, "nope"))));
      assertTrue(e.getMessage().contains("get lane variable 0x10 of 'nope': SUMO answered"
          + " error: Lane 'nope' is not known"), e.getMessage());
    }
  }

  @Test
  void aWrongApiLevelIsRefusedNamingBothLevels() throws Exception {
    Function<List<Command>, byte[]> script = commands -> commands.get(0).id() == 0x7f
        ? ok(0x7f) : concat(ok(0x00), TraciWire.command(0x00, versionContent(21,
            "SUMO 1.16.0")));
    try (FakeTraciServer server = server(script);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      TraciException e = assertThrows(TraciException.class, client::handshake);
      assertTrue(e.getMessage().contains("SUMO 1.16.0") && e.getMessage().contains("level 21")
          && e.getMessage().contains("level 20"), e.getMessage());
    }
  }

  @Test
  void aPeerClosingMidMessageIsALocatedError() throws Exception {
    try (FakeTraciServer server = server(commands -> FakeTraciServer.CLOSE_MID_MESSAGE);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      TraciException e = assertThrows(TraciException.class, () -> client.step(21700));
      assertTrue(e.getMessage().contains("simulation step to 21700.0 s"), e.getMessage());
      assertTrue(e.getMessage().contains("closed the connection before its answer was"
          + " complete"), e.getMessage());
      TraciException after = assertThrows(TraciException.class, () -> client.step(21790));
      assertTrue(after.getMessage().contains("is closed (after: simulation step to 21700.0"),
          after.getMessage());
    }
  }

  @Test
  void aSilentPeerTimesOutInsteadOfHanging() throws Exception {
    Duration shortWait = Duration.ofMillis(300);
    try (FakeTraciServer server = server(commands -> FakeTraciServer.SILENT);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, shortWait)) {
      long start = System.nanoTime();
      TraciException e = assertThrows(TraciException.class, () -> client.getInt(
          TraciClient.SIMULATION, TraciClient.SIM_ARRIVED_NUMBER, ""));
      double seconds = (System.nanoTime() - start) / 1e9;
      assertTrue(e.getMessage().contains("get simulation variable 0x79: no answer from")
          && e.getMessage().contains("within 300 ms"), e.getMessage());
      assertTrue(seconds < 3, "gave up after " + seconds + " s");
    }
  }

  @Test
  void aMalformedAnswerIsAnErrorNotAnotherException() throws Exception {
    // A response whose typed value is cut short after its type byte.
    Function<List<Command>, byte[]> script = commands -> commands.get(0).id() == 0x7f
        ? ok(0x7f) : concat(ok(0xa3), response(commands.get(0), new byte[] {0x0b, 1, 2}));
    try (FakeTraciServer server = server(script);
        TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT)) {
      TraciException e = assertThrows(TraciException.class, () -> client.getDouble(
          TraciClient.LANE, TraciClient.LAST_STEP_MEAN_SPEED, "A0A1_0"));
      assertTrue(e.getMessage().contains("get lane variable 0x11 of 'A0A1_0': the answer is"
          + " malformed"), e.getMessage());
    }
  }

  @Test
  void commandsAfterCloseFailClearly() throws Exception {
    try (FakeTraciServer server = server(TraciClientTest::fakeSumo)) {
      TraciClient client = TraciClient.connect(server.port(), TIMEOUT, TIMEOUT);
      client.close();
      client.close();
      TraciException e = assertThrows(TraciException.class, () -> client.step(1));
      assertTrue(e.getMessage().contains("is closed"), e.getMessage());
      assertArrayEquals(new Object[] {0x7f}, server.received().stream().map(Command::id)
          .toArray());
    }
  }
}
