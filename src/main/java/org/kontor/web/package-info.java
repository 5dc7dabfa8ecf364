/** The web pages' shell: sign-in, the landing page, and the start-up message that tells a newcomer where to go. */
package org.kontor.web;
