/**
 * Training prediction: the evaluator (per-operator roofline, collectives on the placement,
 * pipeline schedule, overlap), the planner, and the validation runner. Pure Java, testable
 * without a framework; private to the engine.
 */
package org.scalemodel.engine.training;
