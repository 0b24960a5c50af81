/** Plugins that misbehave on purpose: a test fixture for the catalog's fault isolation. */
package com.acme.scalemodel.faulty;
