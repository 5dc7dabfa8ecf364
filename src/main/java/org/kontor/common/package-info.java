/** Shared kernel: the domain exceptions every feature raises and the API maps to Zendesk's error shape. */
package org.kontor.common;
