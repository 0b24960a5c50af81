package org.scalemodel.api.units;

/** Argument checks shared by the quantity types; not API. */
final class Checks {

    private Checks() {
    }

    /** Returns {@code value} if it is finite and not negative, else throws naming {@code what}. */
    static double nonNegative(double value, String what) {
        if (!Double.isFinite(value) || value < 0) {
            throw new IllegalArgumentException(what + " must be a finite number >= 0, got " + value);
        }
        return value;
    }
}
