package org.doppel.plugins.compression;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipException;
import org.doppel.sdk.PluginException;
import org.doppel.sdk.model.SurrogateModel;
import org.nd4j.autodiff.samediff.SDVariable;
import org.nd4j.autodiff.samediff.SameDiff;
import org.nd4j.autodiff.samediff.VariableType;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/**
 * A surrogate whose weight matrices are stored as int8 with per-channel scales.
 *
 * <p>Inference runs a copy of the original model whose weight matrices hold the dequantized
 * values (code × scale), so forecasts are exactly those of the int8 weights, on the same
 * dense float kernel as before: the file shrinks, the speed does not change.
 * {@link #save} writes the int8 codes, the scales and every other trainable array (biases,
 * as float32), gzip-compressed; {@link #load} reads them back onto a model of the same
 * architecture.
 *
 * <p>{@link #graph()} is the dequantized float graph. Changing its weight matrices does not
 * change the int8 codes that {@link #save} writes, so strategies that rewrite weights refuse
 * a quantized model ({@link #refuse}): quantization goes last in a chain. Not thread-safe,
 * like every surrogate.
 */
public final class QuantizedSurrogate implements SurrogateModel {

  private static final byte[] MAGIC = "DOPPEL-INT8".getBytes(StandardCharsets.US_ASCII);
  private static final int VERSION = 1;
  private static final byte FLOAT32 = 0;
  private static final byte INT8 = 1;

  private final SurrogateModel dequantized;
  private final Map<String, Int8Tensor> tensors;

  /**
   * @param dequantized the model whose weight matrices already hold {@code tensors}'
   *     dequantized values; this object takes it over
   * @param tensors the int8 weight matrices by variable name
   */
  QuantizedSurrogate(SurrogateModel dequantized, Map<String, Int8Tensor> tensors) {
    this.dequantized = Objects.requireNonNull(dequantized, "dequantized");
    this.tensors = Map.copyOf(tensors);
  }

  /** Fails, naming {@code strategy}, when {@code model} is already int8-quantized. */
  static void refuse(String strategy, SurrogateModel model) {
    if (model instanceof QuantizedSurrogate) {
      throw new PluginException(strategy + ": the model is already int8-quantized and its "
          + "stored int8 weights cannot be rewritten; put " + strategy + " before "
          + "quantize-int8 in the chain");
    }
  }

  /** The int8 weight matrices by variable name. */
  Map<String, Int8Tensor> tensors() {
    return tensors;
  }

  @Override
  public INDArray predict(INDArray windows) {
    return dequantized.predict(windows);
  }

  @Override
  public INDArray attentionWeights(INDArray windows) {
    return dequantized.attentionWeights(windows);
  }

  @Override
  public SameDiff graph() {
    return dequantized.graph();
  }

  @Override
  public long parameterCount() {
    return dequantized.parameterCount();
  }

  @Override
  public long nonZeroParameterCount() {
    return dequantized.nonZeroParameterCount();
  }

  @Override
  public QuantizedSurrogate copy() {
    return new QuantizedSurrogate(dequantized.copy(), tensors);
  }

  @Override
  public Map<String, Object> describe() {
    Map<String, Object> facts = new LinkedHashMap<>(dequantized.describe());
    facts.put("weights", "int8, symmetric, one scale per output channel");
    facts.put("int8_matrices", tensors.size());
    return facts;
  }

  /**
   * Writes, gzip-compressed: a header, then every trainable variable of the graph by name,
   * the weight matrices as int8 codes with float32 scales, the others as float32.
   */
  @Override
  public long save(Path file) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    try (OutputStream raw = Files.newOutputStream(partial);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(
            new GZIPOutputStream(raw)))) {
      out.write(MAGIC);
      out.writeInt(VERSION);
      SameDiff graph = graph();
      out.writeInt(trainableCount(graph));
      for (SDVariable variable : graph.variables()) {
        if (variable.getVariableType() == VariableType.VARIABLE) {
          writeVariable(out, variable);
        }
      }
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(partial);
      throw e;
    }
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
    return Files.size(file);
  }

  private void writeVariable(DataOutputStream out, SDVariable variable) throws IOException {
    out.writeUTF(variable.name());
    Int8Tensor tensor = tensors.get(variable.name());
    if (tensor != null) {
      out.writeByte(INT8);
      writeShape(out, tensor.shape());
      for (float scale : tensor.scales()) {
        out.writeFloat(scale);
      }
      out.write(tensor.values());
      return;
    }

    INDArray array = variable.getArr();
    out.writeByte(FLOAT32);
    writeShape(out, array.shape());
    for (float value : array.castTo(DataType.FLOAT).dup('c').data().asFloat()) {
      out.writeFloat(value);
    }
  }

  private static void writeShape(DataOutputStream out, long[] shape) throws IOException {
    out.writeByte(shape.length);
    for (long size : shape) {
      out.writeLong(size);
    }
  }

  /**
   * Reads a model written by {@link #save} onto a copy of {@code architecture}, a model of
   * the same architecture (the uncompressed original, or the same configuration untrained):
   * the file holds every trainable array, the architecture supplies the graph.
   *
   * @throws IOException when the file is not an int8 model, is truncated, or its variables
   *     do not match {@code architecture}'s by name and shape
   */
  public static QuantizedSurrogate load(Path file, SurrogateModel architecture)
      throws IOException {
    SurrogateModel model = architecture.copy();
    SameDiff graph = model.graph();
    Map<String, Int8Tensor> tensors = new LinkedHashMap<>();
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(new BufferedInputStream(
            new GZIPInputStream(raw)))) {
      byte[] magic = in.readNBytes(MAGIC.length);
      if (!Arrays.equals(magic, MAGIC)) {
        throw new IOException(file + ": not a Doppel int8 model (bad header)");
      }
      int version = in.readInt();
      if (version != VERSION) {
        throw new IOException(file + ": int8 model format version " + version
            + " is not supported (expected " + VERSION + ")");
      }
      int count = in.readInt();
      int expected = trainableCount(graph);
      if (count != expected) {
        throw new IOException(file + ": holds " + count + " trainable arrays, the "
            + "architecture has " + expected);
      }
      for (int i = 0; i < count; i++) {
        readVariable(file, in, graph, tensors);
      }
    } catch (EOFException | ZipException e) {
      throw new IOException(file + ": truncated or corrupt int8 model: " + e.getMessage(), e);
    }
    return new QuantizedSurrogate(model, tensors);
  }

  private static void readVariable(Path file, DataInputStream in, SameDiff graph,
      Map<String, Int8Tensor> tensors) throws IOException {
    String name = in.readUTF();
    byte kind = in.readByte();
    long[] shape = readShape(in);
    SDVariable variable = graph.hasVariable(name) ? graph.getVariable(name) : null;
    if (variable == null || variable.getVariableType() != VariableType.VARIABLE) {
      throw new IOException(file + ": variable '" + name + "' is not a trainable variable "
          + "of the architecture");
    }
    INDArray target = variable.getArr();
    if (!Arrays.equals(shape, target.shape())) {
      throw new IOException(file + ": variable '" + name + "' has shape "
          + Arrays.toString(shape) + ", the architecture's is "
          + Arrays.toString(target.shape()));
    }

    int length = Math.toIntExact(target.length());
    float[] values;
    if (kind == INT8) {
      float[] scales = new float[(int) shape[shape.length - 1]];
      for (int c = 0; c < scales.length; c++) {
        scales[c] = in.readFloat();
      }
      Int8Tensor tensor = new Int8Tensor(shape, in.readNBytes(length), scales);
      if (tensor.values().length != length) {
        throw new EOFException("variable '" + name + "' ends early");
      }
      tensors.put(name, tensor);
      values = tensor.dequantize();
    } else if (kind == FLOAT32) {
      values = new float[length];
      for (int k = 0; k < length; k++) {
        values[k] = in.readFloat();
      }
    } else {
      throw new IOException(file + ": variable '" + name + "' has unknown kind " + kind);
    }
    assign(target, values);
  }

  private static long[] readShape(DataInputStream in) throws IOException {
    long[] shape = new long[in.readByte()];
    for (int d = 0; d < shape.length; d++) {
      shape[d] = in.readLong();
    }
    return shape;
  }

  private static int trainableCount(SameDiff graph) {
    int count = 0;
    for (SDVariable variable : graph.variables()) {
      count += variable.getVariableType() == VariableType.VARIABLE ? 1 : 0;
    }
    return count;
  }

  /** Copies row-major {@code values} into {@code target}, in its own data type. */
  static void assign(INDArray target, float[] values) {
    target.assign(Nd4j.create(values, target.shape(), 'c').castTo(target.dataType()));
  }
}
