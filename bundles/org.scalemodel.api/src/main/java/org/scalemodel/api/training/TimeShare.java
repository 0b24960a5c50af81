package org.scalemodel.api.training;

/**
 * One part of an iteration's time on the critical path.
 *
 * @param part    e.g. {@code compute}, {@code tp-comm}, {@code bubble}
 * @param seconds its share, &gt;= 0
 */
public record TimeShare(String part, double seconds) {
}
