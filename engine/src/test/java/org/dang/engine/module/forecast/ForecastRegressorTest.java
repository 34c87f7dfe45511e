package org.dang.engine.module.forecast;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecastRegressorTest {

    @Test
    void ridgeRecoversALinearRelation() {
        Random rnd = new Random(7);
        int n = 300;
        double[][] x = new double[n][2];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // Different scales per column: standardisation must keep the fit right anyway.
            x[i][0] = rnd.nextDouble() * 100;
            x[i][1] = rnd.nextDouble() * 0.01;
            y[i] = 2 * x[i][0] - 300 * x[i][1] + 1 + rnd.nextGaussian() * 0.01;
        }
        FittedModel m = new RidgeRegressor(1e-6).fit(x, y);
        assertEquals(2, m.featureCount());
        assertEquals(1.0, m.predict(new double[] {0, 0}), 0.05);
        assertEquals(2 * 50 - 300 * 0.005 + 1, m.predict(new double[] {50, 0.005}), 0.05);
        double[] batch = m.predict(new double[][] {{10, 0}, {0, 0.01}});
        assertEquals(21.0, batch[0], 0.05);
        assertEquals(-2.0, batch[1], 0.05);
        // The default lambda 1.0 barely shrinks with 300 standardised rows.
        assertEquals(2 * 50 - 300 * 0.005 + 1, new RidgeRegressor().fit(x, y).predict(new double[] {50, 0.005}), 0.5);
    }

    @Test
    void xgboostFitsAThresholdBetterThanRidgeOnHeldOutData() {
        Random rnd = new Random(11);
        double[][] train = new double[400][];
        double[] trainY = new double[400];
        double[][] test = new double[200][];
        double[] testY = new double[200];
        for (int i = 0; i < 600; i++) {
            double a = rnd.nextDouble();
            double b = rnd.nextDouble();
            double v = (a > 0.5 ? 5 : 0) + (b > 0.3 ? 0 : -2) + rnd.nextGaussian() * 0.1;
            if (i < 400) {
                train[i] = new double[] {a, b};
                trainY[i] = v;
            } else {
                test[i - 400] = new double[] {a, b};
                testY[i - 400] = v;
            }
        }
        double xgb = mse(new XgbRegressor().fit(train, trainY).predict(test), testY);
        double ridge = mse(new RidgeRegressor().fit(train, trainY).predict(test), testY);
        assertTrue(xgb < ridge / 5, "xgboost MSE " + xgb + " vs ridge " + ridge);
        assertTrue(xgb < 0.1, "xgboost MSE " + xgb);
    }

    @Test
    void xgboostIsRepeatableWithTheSameSeed() {
        Random rnd = new Random(3);
        double[][] x = new double[100][];
        double[] y = new double[100];
        for (int i = 0; i < 100; i++) {
            x[i] = new double[] {rnd.nextDouble()};
            y[i] = Math.sin(6 * x[i][0]);
        }
        XgbRegressor reg = new XgbRegressor().withRounds(30);
        assertEquals(reg.fit(x, y).predict(new double[] {0.3}), reg.fit(x, y).predict(new double[] {0.3}));
    }

    private static double mse(double[] p, double[] y) {
        double s = 0;
        for (int i = 0; i < y.length; i++) {
            s += (p[i] - y[i]) * (p[i] - y[i]);
        }
        return s / y.length;
    }
}
