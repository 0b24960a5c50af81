package org.scalemodel.workload.transformer;

/** The MLP's activation, which decides how many weight matrices it has. */
enum Activation {
    /** Two matrices (up, down), as GPT-3 and BLOOM. */
    GELU(2),
    /** Three matrices (gate, up, down), as Llama. */
    SWIGLU(3);

    private final int matrices;

    Activation(int matrices) {
        this.matrices = matrices;
    }

    /** @return weight matrices of one MLP: 2 or 3 */
    int matrices() {
        return matrices;
    }
}
