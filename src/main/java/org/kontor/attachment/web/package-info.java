/** The download address of files (content_url), for web sessions and API clients. */
package org.kontor.attachment.web;
