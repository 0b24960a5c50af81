/** Tori with wraparound (TPU pods): collectives dimension by dimension. */
package org.scalemodel.interconnect.torus;
