package org.scalemodel.server;

import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

import org.scalemodel.api.catalog.CatalogSnapshot;
import org.scalemodel.api.catalog.PluginInfo;
import org.scalemodel.api.plugin.PluginKind;

/**
 * Chooses the exporter of a response: {@code ?format=ID} first, then the {@code Accept} header
 * (by the exporters' media types), then JSON.
 */
final class Formats {

    static final String DEFAULT = "json";

    private Formats() {
    }

    /** @return the media type of every active exporter, by format id, in id order */
    static Map<String, String> mediaTypes(CatalogSnapshot snapshot) {
        Map<String, String> types = new TreeMap<>();
        for (PluginInfo plugin : snapshot.plugins()) {
            if (plugin.kind() == PluginKind.EXPORTER && plugin.active()) {
                snapshot.exporter(plugin.id()).ifPresent(e -> types.put(plugin.id(), e.mediaType()));
            }
        }
        return types;
    }

    /**
     * @param mediaTypes the installed formats, as {@link #mediaTypes(CatalogSnapshot)} gives them
     * @return the chosen format id
     */
    static String choose(String format, String accept, Map<String, String> mediaTypes) {
        if (format != null && !format.isBlank()) {
            if (!mediaTypes.containsKey(format)) {
                throw new ApiException(400, "unknown format '" + format + "'; installed formats: "
                        + String.join(", ", mediaTypes.keySet()), "format");
            }
            return format;
        }
        if (accept == null || accept.isBlank()) {
            return DEFAULT;
        }
        for (String range : accept.split(",")) {
            String type = base(range);
            if (quality(range) == 0) {
                continue; // q=0 says "not this one"
            }
            if (type.equals("*/*") || type.equals("application/*")) {
                return DEFAULT;
            }
            String match = byMediaType(type, mediaTypes);
            if (match != null) {
                return match;
            }
        }
        throw new ApiException(406, "no installed format produces " + accept + "; use ?format= with one of "
                + String.join(", ", mediaTypes.keySet()));
    }

    /** The format whose media type is {@code type}; json before other JSON formats, then in id order. */
    private static String byMediaType(String type, Map<String, String> mediaTypes) {
        if (type.equals(base(mediaTypes.getOrDefault(DEFAULT, "")))) {
            return DEFAULT;
        }
        for (Map.Entry<String, String> format : mediaTypes.entrySet()) {
            if (base(format.getValue()).equals(type)) {
                return format.getKey();
            }
        }
        return null;
    }

    /** The q parameter of a media range (1 when absent or unreadable). */
    private static double quality(String range) {
        for (String parameter : range.split(";")) {
            String p = parameter.trim();
            if (p.startsWith("q=")) {
                try {
                    return Double.parseDouble(p.substring(2));
                } catch (NumberFormatException e) {
                    return 1;
                }
            }
        }
        return 1;
    }

    private static String base(String mediaType) {
        int semicolon = mediaType.indexOf(';');
        return (semicolon < 0 ? mediaType : mediaType.substring(0, semicolon)).trim().toLowerCase(Locale.ROOT);
    }
}
