package org.dang.engine.module.forecast;

import java.util.HashMap;
import java.util.Map;

import ml.dmlc.xgboost4j.java.Booster;
import ml.dmlc.xgboost4j.java.DMatrix;
import ml.dmlc.xgboost4j.java.XGBoost;
import ml.dmlc.xgboost4j.java.XGBoostError;

/**
 * Gradient-boosted trees (xgboost4j) with squared-error loss.
 *
 * @param maxDepth  tree depth
 * @param eta       learning rate
 * @param rounds    boosting rounds
 * @param subsample row fraction per tree
 * @param nthread   native threads; keep at or below the core count
 * @param seed      random seed, so fits are repeatable
 */
public record XgbRegressor(int maxDepth, double eta, int rounds, double subsample, int nthread, long seed)
        implements Regressor {

    /** Validates the parameters. */
    public XgbRegressor {
        if (maxDepth < 1 || rounds < 1 || nthread < 1) {
            throw new IllegalArgumentException("xgboost maxDepth, rounds and nthread must be ≥ 1");
        }
        if (!(eta > 0 && eta <= 1) || !(subsample > 0 && subsample <= 1)) {
            throw new IllegalArgumentException("xgboost eta and subsample must be in (0, 1]");
        }
    }

    /** Defaults: depth 4, eta 0.1, 200 rounds, subsample 0.8, 2 threads, seed 42. */
    public XgbRegressor() {
        this(4, 0.1, 200, 0.8, 2, 42L);
    }

    /** The same parameters with another number of rounds. */
    public XgbRegressor withRounds(int newRounds) {
        return new XgbRegressor(maxDepth, eta, newRounds, subsample, nthread, seed);
    }

    /** The same parameters with another seed. */
    public XgbRegressor withSeed(long newSeed) {
        return new XgbRegressor(maxDepth, eta, rounds, subsample, nthread, newSeed);
    }

    @Override
    public String name() {
        return "xgboost";
    }

    @Override
    public FittedModel fit(double[][] x, double[] y) {
        return fit(x, y, () -> { });
    }

    /** Trains round by round so {@code checkpoint} runs between boosting rounds. */
    @Override
    public FittedModel fit(double[][] x, double[] y, Runnable checkpoint) {
        int p = Regressor.checkShape(x, y);
        Map<String, Object> params = new HashMap<>();
        params.put("objective", "reg:squarederror");
        params.put("max_depth", maxDepth);
        params.put("eta", eta);
        params.put("subsample", subsample);
        params.put("nthread", nthread);
        params.put("seed", seed);
        params.put("verbosity", 0);
        float[] labels = new float[y.length];
        for (int i = 0; i < y.length; i++) {
            labels[i] = (float) y[i];
        }
        DMatrix train = null;
        try {
            train = matrix(x, p);
            train.setLabel(labels);
            Booster booster = XGBoost.train(train, params, 0, Map.of(), null, null);
            for (int round = 0; round < rounds; round++) {
                checkpoint.run();
                booster.update(train, round);
            }
            return new Fitted(booster, p);
        } catch (XGBoostError e) {
            throw new IllegalStateException("xgboost training failed: " + e.getMessage(), e);
        } finally {
            if (train != null) {
                train.dispose();
            }
        }
    }

    static DMatrix matrix(double[][] x, int p) throws XGBoostError {
        float[] flat = new float[x.length * p];
        for (int i = 0; i < x.length; i++) {
            if (x[i].length != p) {
                throw new IllegalArgumentException("expected " + p + " features, got " + x[i].length);
            }
            for (int j = 0; j < p; j++) {
                flat[i * p + j] = (float) x[i][j];
            }
        }
        return new DMatrix(flat, x.length, p, Float.NaN);
    }

    /** Reads a booster written by {@link FittedModel#toBytes()} of an XGBoost fit (XGBoost's UBJSON format). */
    public static FittedModel load(byte[] bytes, int featureCount) {
        try {
            Booster booster = XGBoost.loadModel(bytes);
            return new Fitted(booster, featureCount);
        } catch (XGBoostError | java.io.IOException e) {
            throw new IllegalArgumentException("not a readable XGBoost model: " + e.getMessage(), e);
        }
    }

    private record Fitted(Booster booster, int featureCount) implements FittedModel {
        @Override
        public byte[] toBytes() {
            try {
                synchronized (booster) {
                    return booster.toByteArray("ubj");
                }
            } catch (XGBoostError e) {
                throw new IllegalStateException("xgboost model could not be serialised: " + e.getMessage(), e);
            }
        }

        @Override
        public double predict(double[] x) {
            return predict(new double[][] {x})[0];
        }

        @Override
        public double[] predict(double[][] x) {
            if (x.length == 0) {
                return new double[0];
            }
            DMatrix dm = null;
            try {
                dm = matrix(x, featureCount);
                // Booster prediction is not documented as thread-safe; one model serves one caller at a time.
                float[][] out;
                synchronized (booster) {
                    out = booster.predict(dm);
                }
                double[] result = new double[out.length];
                for (int i = 0; i < out.length; i++) {
                    result[i] = out[i][0];
                }
                return result;
            } catch (XGBoostError e) {
                throw new IllegalStateException("xgboost prediction failed: " + e.getMessage(), e);
            } finally {
                if (dm != null) {
                    dm.dispose();
                }
            }
        }
    }
}
