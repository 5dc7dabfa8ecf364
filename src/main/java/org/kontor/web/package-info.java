/**
 * The web pages' shell: sign-in, where each role lands, the language of the pages, the workspace layout's
 * shared model, and the start-up message that tells a newcomer where to go.
 */
package org.kontor.web;
