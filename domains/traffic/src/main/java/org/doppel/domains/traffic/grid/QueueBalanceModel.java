package org.doppel.domains.traffic.grid;

import java.util.Arrays;
import org.apache.commons.math3.linear.MatrixUtils;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.SingularValueDecomposition;
import org.doppel.sdk.control.ControlProblem;
import org.doppel.sdk.dynamics.Linearization;

/**
 * The linear control problem of green-split control (TUC), in coordinates a linear
 * controller can stabilise. Immutable.
 *
 * <p>The plant's linearisation x[k+1] = x[k] + B g[k] + G d[k] has A = I: every queue is an
 * integrator. With the cycle constraint each junction has one free input, the shift u_j of
 * green from its east-west to its north-south stage around the equal split
 * (g = g_N + P u), so 16 inputs act on 64 queues and (I, B P) is not stabilisable: the
 * Riccati design of {@code lqr} and {@code mpc} rightly refuses it. What the greens can
 * move is the range of B P; the controller works on the projection z = Vᵀ x onto an
 * orthonormal basis V of that range (from the SVD of B P), where (I, Vᵀ B P) is
 * controllable. The state weight is Vᵀ Q V with Q = diag(1 / storage) (queues weighed
 * relative to the room their link has, as in TUC), the input weight r·I. The gain then
 * reads u = −K Vᵀ x: a junction's split answers the queues it can influence.
 */
public final class QueueBalanceModel {

  private static final double RANK_TOLERANCE = 1e-9;

  private final GridModel model;
  private final double[][] basis;
  private final ControlProblem problem;
  private final double[] nominal;
  private final java.util.BitSet saturated = new java.util.BitSet();

  /**
   * The model where every approach is saturated (every link holding its storage): TUC's.
   *
   * @param inputWeight r of R = r·I
   * @param greenRateSeconds the most a split may move from one cycle to the next, s
   */
  public QueueBalanceModel(StoreAndForwardPlant plant, double inputWeight,
      double greenRateSeconds) {
    this(plant, plant.model().storage(), new double[plant.model().queues()], inputWeight,
        greenRateSeconds);
  }

  /**
   * The model linearised at {@code queues} with {@code arrivals} (veh/h) under the equal
   * split: only the saturated approaches there respond to the greens.
   */
  public QueueBalanceModel(StoreAndForwardPlant plant, double[] queues, double[] arrivals,
      double inputWeight, double greenRateSeconds) {
    this.model = plant.model();
    SignalTiming timing = model.timing();
    int junctions = model.network().junctions().size();
    this.nominal = new double[junctions];
    Arrays.fill(nominal, timing.equalGreen());

    Linearization full = plant.linearize(queues, timing.greens(nominal), arrivals);
    double[][] fullB = full.b();
    for (int z = 0; z < fullB.length; z++) {
      if (fullB[z][model.greenOf(z)] < 0) {
        saturated.set(z);
      }
    }
    RealMatrix bu = MatrixUtils.createRealMatrix(full.b()).multiply(splitMap(junctions));
    SingularValueDecomposition svd = new SingularValueDecomposition(bu);
    double[] sigma = svd.getSingularValues();
    int rank = 0;
    while (rank < sigma.length && sigma[rank] > RANK_TOLERANCE * Math.max(sigma[0], 1e-300)
        && sigma[rank] > 0) {
      rank++;
    }
    if (rank == 0) {
      throw new IllegalArgumentException("no approach is saturated at this operating point,"
          + " so no green moves a queue");
    }
    RealMatrix v = svd.getU().getSubMatrix(0, model.queues() - 1, 0, rank - 1);
    this.basis = v.transpose().getData();

    RealMatrix vt = v.transpose();
    double[][] q = new double[model.queues()][model.queues()];
    for (int z = 0; z < model.queues(); z++) {
      q[z][z] = 1 / model.storage()[z];
    }
    double[][] stateWeight = vt.multiply(MatrixUtils.createRealMatrix(q)).multiply(v)
        .getData();
    double[][] inputWeight1 = MatrixUtils.createRealIdentityMatrix(junctions)
        .scalarMultiply(inputWeight).getData();
    Linearization reduced = new Linearization(
        MatrixUtils.createRealIdentityMatrix(rank).getData(), vt.multiply(bu).getData(),
        vt.multiply(MatrixUtils.createRealMatrix(full.g())).getData(), full.samplePeriod());
    double[] low = new double[junctions];
    double[] high = new double[junctions];
    double[] rate = new double[junctions];
    for (int j = 0; j < junctions; j++) {
      low[j] = timing.minGreenSeconds() - nominal[j];
      high[j] = timing.maxGreenSeconds() - nominal[j];
      rate[j] = greenRateSeconds / full.samplePeriod();
    }
    this.problem = new ControlProblem(reduced, stateWeight, inputWeight1,
        MatrixUtils.createRealIdentityMatrix(rank).getData(), new double[rank],
        new ControlProblem.Bounds(low, high, rate, null, null), full.samplePeriod());
  }

  private static RealMatrix splitMap(int junctions) {
    RealMatrix p = MatrixUtils.createRealMatrix(2 * junctions, junctions);
    for (int j = 0; j < junctions; j++) {
      p.setEntry(2 * j, j, 1);
      p.setEntry(2 * j + 1, j, -1);
    }
    return p;
  }

  /** The approaches saturated at the operating point. */
  public java.util.BitSet saturated() {
    return (java.util.BitSet) saturated.clone();
  }

  /** The problem for the {@code lqr} and {@code mpc} controllers. */
  public ControlProblem problem() {
    return problem;
  }

  /** The number of controllable queue combinations (the reduced state's size). */
  public int rank() {
    return basis.length;
  }

  /** z = Vᵀ x. */
  public double[] reduce(double[] queues) {
    double[] z = new double[basis.length];
    for (int i = 0; i < basis.length; i++) {
      for (int j = 0; j < queues.length; j++) {
        z[i] += basis[i][j] * queues[j];
      }
    }
    return z;
  }

  /** The greens of split shifts {@code u} around the equal split, projected on the timing. */
  public double[] greens(double[] shifts) {
    double[] ns = nominal.clone();
    for (int j = 0; j < ns.length; j++) {
      ns[j] += shifts[j];
    }
    return model.timing().greens(ns);
  }

  /** The equal-split greens. */
  public double[] nominalGreens() {
    return model.timing().greens(nominal);
  }
}
