package org.scalemodel.api.hardware;

import java.util.List;
import java.util.Objects;

import org.scalemodel.api.model.Precision;

/**
 * Achievable fraction of dense peak for matrix multiplication, by size: small GEMMs run far
 * below peak. Points are (n, fraction) for an n x n x n GEMM, n increasing, fraction in (0, 1].
 *
 * @param precision the precision the points were measured at
 * @param points    at least one point
 */
public record MatmulCurve(Precision precision, List<Point> points) {

    /**
     * One measured size.
     *
     * @param n        GEMM dimension (n x n x n), &gt; 0
     * @param fraction achieved / dense peak, in (0, 1]
     */
    public record Point(long n, double fraction) {

        public Point {
            if (n <= 0) {
                throw new IllegalArgumentException("n must be > 0, got " + n);
            }
            if (!(fraction > 0 && fraction <= 1)) {
                throw new IllegalArgumentException("fraction must be in (0, 1], got " + fraction);
            }
        }
    }

    /** @throws IllegalArgumentException if there is no point or sizes do not increase */
    public MatmulCurve {
        Objects.requireNonNull(precision, "precision");
        points = List.copyOf(points);
        if (points.isEmpty()) {
            throw new IllegalArgumentException("a matmul curve needs at least one point");
        }
        for (int i = 1; i < points.size(); i++) {
            if (points.get(i).n() <= points.get(i - 1).n()) {
                throw new IllegalArgumentException("matmul sizes must increase: " + points.get(i - 1).n()
                        + " then " + points.get(i).n());
            }
        }
    }

    /**
     * @param n GEMM dimension, &gt; 0
     * @return the fraction at {@code n}: linear in log(n) between points, flat beyond the ends
     */
    public double fractionAt(double n) {
        List<Point> p = points;
        if (n <= p.get(0).n()) {
            return p.get(0).fraction();
        }
        for (int i = 1; i < p.size(); i++) {
            if (n <= p.get(i).n()) {
                double t = Math.log(n / p.get(i - 1).n()) / Math.log((double) p.get(i).n() / p.get(i - 1).n());
                return p.get(i - 1).fraction() + t * (p.get(i).fraction() - p.get(i - 1).fraction());
            }
        }
        return p.get(p.size() - 1).fraction();
    }
}
