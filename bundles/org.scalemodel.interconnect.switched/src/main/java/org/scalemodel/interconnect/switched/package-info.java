/** Switched scale-up domains: NVLink/NVSwitch and the UB switch planes of Huawei SuperPoDs. */
package org.scalemodel.interconnect.switched;
