/** Account-wide settings, changed by admins only (R8). */
package org.kontor.settings;
