package org.scalemodel.interconnect.switched;

/** Argument checks every topology of this bundle shares. */
final class Checks {

    private Checks() {
    }

    static void arguments(int groupSize, long devices, double bytes) {
        if (groupSize < 1 || groupSize > devices) {
            throw new IllegalArgumentException("groupSize must be in [1, " + devices + "], got " + groupSize);
        }
        if (!Double.isFinite(bytes) || bytes < 0) {
            throw new IllegalArgumentException("bytes must be finite and >= 0, got " + bytes);
        }
    }
}
