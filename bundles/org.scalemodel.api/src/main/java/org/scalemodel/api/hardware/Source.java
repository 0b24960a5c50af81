package org.scalemodel.api.hardware;

import java.util.Objects;

/**
 * A publication a figure is taken from.
 *
 * @param key   the short key figures cite, e.g. {@code "N2"}
 * @param title title and author
 * @param url   where to read it; empty if none
 */
public record Source(String key, String title, String url) {

    public Source {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(title, "title");
        Objects.requireNonNull(url, "url");
    }
}
