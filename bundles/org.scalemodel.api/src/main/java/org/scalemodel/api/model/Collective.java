package org.scalemodel.api.model;

/** Communication patterns among the members of a parallel group. */
public enum Collective {
    ALL_REDUCE, REDUCE_SCATTER, ALL_GATHER, ALL_TO_ALL, BROADCAST,
    /** Point-to-point send/receive between two members (pipeline stages). */
    SEND_RECV
}
