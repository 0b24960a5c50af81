package org.scalemodel.api.workload;

/**
 * Activation recomputation: the three levels of Korthikanti et al. 2022 (arXiv 2205.05198) and
 * PyTorch's per-operator selective checkpointing as torchtitan applies it. Declared from the least
 * recomputation to the most: a later level never runs faster, and none holds more activations
 * than {@link #NONE}.
 */
public enum Recompute {
    /** Every activation the backward pass needs is kept. */
    NONE,
    /** Only the attention core (scores, softmax, attention over V) is recomputed. */
    SELECTIVE,
    /**
     * torchtitan's per-operator selective checkpointing ({@code selective_ac_option = 'op'}): the
     * outputs of matrix multiplications and attention are kept, except every second matrix
     * multiplication of a layer, which the backward pass redoes with every element-wise operator.
     */
    SELECTIVE_OP,
    /** Only each layer's input is kept; the whole layer's forward is redone in the backward pass. */
    FULL
}
