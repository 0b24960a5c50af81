/** Decoder-only transformer training (dense and MoE) as per-device work under every kind of parallelism. */
package org.scalemodel.workload.transformer;
