package org.scalemodel.api.interconnect;

import java.util.Locale;

/**
 * Which all-reduce algorithm to price: the one the platform's library would pick, or one forced,
 * as {@code NCCL_ALGO} forces NCCL's choice (published measurements often say
 * {@code NCCL_ALGO=Ring}).
 */
public enum AllReduceAlgorithm {
    /** The cheapest the level offers, as NCCL's tuner picks by size. */
    AUTO("auto"),
    /** Ring: 2(p-1) steps. */
    RING("ring"),
    /** Double binary tree (NCCL 2.4): log2(p) steps each way. */
    TREE("tree"),
    /** Reduction in the switch: NVLink SHARP (NVLS), InfiniBand SHARP (CollNet). */
    IN_NETWORK("in-network");

    private final String label;

    AllReduceAlgorithm(String label) {
        this.label = label;
    }

    /** @return the name users write and reports show */
    public String label() {
        return label;
    }

    /**
     * @param text {@code auto}, {@code ring}, {@code tree} or {@code in-network}, any case
     * @throws IllegalArgumentException naming the accepted values
     */
    public static AllReduceAlgorithm parse(String text) {
        String wanted = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
        for (AllReduceAlgorithm algorithm : values()) {
            if (algorithm.label.equals(wanted)) {
                return algorithm;
            }
        }
        throw new IllegalArgumentException("unknown all-reduce algorithm '" + text
                + "'; expected auto, ring, tree or in-network");
    }
}
