package org.scalemodel.hardware.definitions;

/** Where definitions come from, lowest precedence first: a later layer overrides an id. */
enum Layer {
    /** Shipped inside this bundle. */
    BUILT_IN("built-in"),
    /** Carried by plugin bundles with a {@code Scalemodel-Definitions} header. */
    BUNDLE("plugin bundle"),
    /** Files in the watched definitions folder. */
    FOLDER("definitions folder");

    private final String label;

    Layer(String label) {
        this.label = label;
    }

    String label() {
        return label;
    }
}
