package org.dang.engine.monitor;

import java.util.Arrays;

/**
 * A dense, immutable matrix of doubles stored row by row.
 *
 * <p>Immutable so that a fitted model can hand its loadings out without copies going stale; the
 * few hot loops read the backing array through {@link #get} only.
 */
public final class Matrix {

    private final int rows;
    private final int cols;
    private final double[] data;

    private Matrix(int rows, int cols, double[] data) {
        this.rows = rows;
        this.cols = cols;
        this.data = data;
    }

    /** A copy of the given rows, which must all have the same length. */
    public static Matrix of(double[][] values) {
        int r = values.length;
        int c = r == 0 ? 0 : values[0].length;
        double[] d = new double[r * c];
        for (int i = 0; i < r; i++) {
            if (values[i].length != c) {
                throw new IllegalArgumentException("row " + i + " has " + values[i].length + " values, expected " + c);
            }
            System.arraycopy(values[i], 0, d, i * c, c);
        }
        return new Matrix(r, c, d);
    }

    /** The n x n identity. */
    public static Matrix identity(int n) {
        double[] d = new double[n * n];
        for (int i = 0; i < n; i++) {
            d[i * n + i] = 1.0;
        }
        return new Matrix(n, n, d);
    }

    /** A matrix whose columns are the given vectors. */
    public static Matrix ofColumns(double[]... columns) {
        int c = columns.length;
        int r = c == 0 ? 0 : columns[0].length;
        double[] d = new double[r * c];
        for (int j = 0; j < c; j++) {
            if (columns[j].length != r) {
                throw new IllegalArgumentException("column " + j + " has " + columns[j].length + " values, expected "
                        + r);
            }
            for (int i = 0; i < r; i++) {
                d[i * c + j] = columns[j][i];
            }
        }
        return new Matrix(r, c, d);
    }

    /** Number of rows. */
    public int rows() {
        return rows;
    }

    /** Number of columns. */
    public int cols() {
        return cols;
    }

    /** The element at row i, column j. */
    public double get(int i, int j) {
        return data[i * cols + j];
    }

    /** A copy of row i. */
    public double[] row(int i) {
        return Arrays.copyOfRange(data, i * cols, (i + 1) * cols);
    }

    /** A copy of column j. */
    public double[] column(int j) {
        double[] c = new double[rows];
        for (int i = 0; i < rows; i++) {
            c[i] = data[i * cols + j];
        }
        return c;
    }

    /** A copy as an array of rows. */
    public double[][] toArray() {
        double[][] a = new double[rows][];
        for (int i = 0; i < rows; i++) {
            a[i] = row(i);
        }
        return a;
    }

    /** Rows from (inclusive) to (exclusive). */
    public Matrix rowRange(int from, int to) {
        if (from < 0 || to > rows || from > to) {
            throw new IndexOutOfBoundsException("rows [" + from + ", " + to + ") of " + rows);
        }
        return new Matrix(to - from, cols, Arrays.copyOfRange(data, from * cols, to * cols));
    }

    /** The rows at the given indices, in that order. */
    public Matrix selectRows(int[] indices) {
        double[] d = new double[indices.length * cols];
        for (int r = 0; r < indices.length; r++) {
            int i = indices[r];
            if (i < 0 || i >= rows) {
                throw new IndexOutOfBoundsException("row " + i + " of " + rows);
            }
            System.arraycopy(data, i * cols, d, r * cols, cols);
        }
        return new Matrix(indices.length, cols, d);
    }

    /** The first {@code count} columns. */
    public Matrix leftColumns(int count) {
        if (count < 0 || count > cols) {
            throw new IndexOutOfBoundsException(count + " columns of " + cols);
        }
        double[] d = new double[rows * count];
        for (int i = 0; i < rows; i++) {
            System.arraycopy(data, i * cols, d, i * count, count);
        }
        return new Matrix(rows, count, d);
    }

    /** The transpose. */
    public Matrix transpose() {
        double[] d = new double[data.length];
        for (int i = 0; i < rows; i++) {
            for (int j = 0; j < cols; j++) {
                d[j * rows + i] = data[i * cols + j];
            }
        }
        return new Matrix(cols, rows, d);
    }

    /** This times {@code other}. */
    public Matrix times(Matrix other) {
        if (cols != other.rows) {
            throw new IllegalArgumentException(rows + "x" + cols + " times " + other.rows + "x" + other.cols);
        }
        int n = other.cols;
        double[] d = new double[rows * n];
        // i-k-j order walks both operands row by row, which keeps the inner loop on contiguous memory.
        for (int i = 0; i < rows; i++) {
            for (int k = 0; k < cols; k++) {
                double a = data[i * cols + k];
                if (a == 0.0) {
                    continue;
                }
                int o = k * n;
                int r = i * n;
                for (int j = 0; j < n; j++) {
                    d[r + j] += a * other.data[o + j];
                }
            }
        }
        return new Matrix(rows, n, d);
    }

    /** This times the column vector v. */
    public double[] times(double[] v) {
        if (v.length != cols) {
            throw new IllegalArgumentException(rows + "x" + cols + " times a vector of " + v.length);
        }
        double[] out = new double[rows];
        for (int i = 0; i < rows; i++) {
            double s = 0;
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                s += data[r + j] * v[j];
            }
            out[i] = s;
        }
        return out;
    }

    /** The transpose of this times the column vector v, without forming the transpose. */
    public double[] transposeTimes(double[] v) {
        if (v.length != rows) {
            throw new IllegalArgumentException("transpose of " + rows + "x" + cols + " times a vector of " + v.length);
        }
        double[] out = new double[cols];
        for (int i = 0; i < rows; i++) {
            double a = v[i];
            int r = i * cols;
            for (int j = 0; j < cols; j++) {
                out[j] += data[r + j] * a;
            }
        }
        return out;
    }

    /** Largest absolute element-wise difference to {@code other} (same shape). */
    public double maxAbsDifference(Matrix other) {
        if (rows != other.rows || cols != other.cols) {
            throw new IllegalArgumentException(rows + "x" + cols + " against " + other.rows + "x" + other.cols);
        }
        double m = 0;
        for (int i = 0; i < data.length; i++) {
            m = Math.max(m, Math.abs(data[i] - other.data[i]));
        }
        return m;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Matrix m && rows == m.rows && cols == m.cols && Arrays.equals(data, m.data);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * rows + cols) + Arrays.hashCode(data);
    }

    @Override
    public String toString() {
        return "Matrix " + rows + "x" + cols;
    }
}
