/** Acme's scalemodel plugins: one of each kind, a test fixture for hot deployment. */
package com.acme.scalemodel.plugin;
