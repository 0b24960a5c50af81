/** Fat-tree (Clos) scale-out fabrics: InfiniBand, RoCE, UB over Ethernet; rail-optimised or not. */
package org.scalemodel.interconnect.fattree;
