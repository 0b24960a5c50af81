package org.scalemodel.api.workload;

/** Activation recomputation, as Korthikanti et al. 2022 (arXiv 2205.05198) define the three levels. */
public enum Recompute {
    /** Every activation the backward pass needs is kept. */
    NONE,
    /** Only the attention core (scores, softmax, attention over V) is recomputed. */
    SELECTIVE,
    /** Only each layer's input is kept; the whole layer's forward is redone in the backward pass. */
    FULL
}
