package org.scalemodel.api.training;

/**
 * An overlap of communication with compute that published runs state (a framework flag) but that
 * no measurement sizes. Validation prices a stated overlap as hiding nothing; naming one in
 * {@link TrainingEngine#validate(org.scalemodel.api.catalog.CatalogSnapshot, java.io.InputStream, String,
 * java.util.function.Predicate, java.util.Set)} credits it as hiding what it overlaps, as a what-if.
 *
 * @since 0.4
 */
public enum StatedOverlap {
    /** Tensor-parallel collectives beside the GEMMs: Megatron's --tp-comm-overlap, NeMo's userbuffers, AsyncTP, MC2. */
    TENSOR,
    /** The pipeline's sends beside another model chunk's compute: Megatron's and NeMo's p2p overlap. */
    PIPELINE
}
