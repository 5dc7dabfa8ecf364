/**
 * The Help Center's web pages: the end users' pages under {@code /hc}, forgotten password and set-password links
 * ({@code /password/reset}), sign-up, and the agents' knowledge-base pages under {@code /agent/kb}.
 */
package org.kontor.helpcenter.web;
