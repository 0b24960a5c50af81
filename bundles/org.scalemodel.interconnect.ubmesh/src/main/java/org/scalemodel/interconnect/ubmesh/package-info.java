/** UB-Mesh: Huawei's hierarchically localised nD-FullMesh (arXiv 2503.20377). */
package org.scalemodel.interconnect.ubmesh;
