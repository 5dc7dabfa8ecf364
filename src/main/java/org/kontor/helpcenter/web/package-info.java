/** The Help Center's web pages for end users under {@code /hc}. */
package org.kontor.helpcenter.web;
