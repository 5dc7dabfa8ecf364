/**
 * The Help Center: the knowledge base (categories, sections, articles) and the end-user portal under
 * {@code /hc} (My activities, requests, search, articles, password links).
 */
package org.kontor.helpcenter;
