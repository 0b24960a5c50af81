package org.scalemodel.workload.transformer;

/**
 * Multi-head latent attention as DeepSeek-V2/V3 use it (arXiv 2405.04434, Sec. 2.1).
 *
 * @param qLoraRank  rank of the query compression, 0 for none
 * @param kvLoraRank rank of the key-value compression (d_c)
 * @param qkNopeDim  per-head query/key dimension without rotary position (d_h)
 * @param qkRopeDim  per-head rotary dimension (d_h^R)
 * @param vHeadDim   per-head value dimension
 */
record Mla(long qLoraRank, long kvLoraRank, long qkNopeDim, long qkRopeDim, long vHeadDim) {
}
