package org.scalemodel.api.model;

/** The dimensions along which a job is split across devices. */
public enum ParallelAxis {
    TENSOR, PIPELINE, DATA, EXPERT, CONTEXT
}
