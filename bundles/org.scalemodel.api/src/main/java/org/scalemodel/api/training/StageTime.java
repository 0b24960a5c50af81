package org.scalemodel.api.training;

/**
 * One pipeline stage's time for one micro-batch (all its model chunks together), exposed
 * communication included: what a schedule is built from.
 *
 * @param stage           the stage, 0 = first
 * @param forwardSeconds  its forward pass
 * @param backwardSeconds its backward pass, recomputation included
 */
public record StageTime(int stage, double forwardSeconds, double backwardSeconds) {
}
