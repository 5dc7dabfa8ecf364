/** Zendesk's uploads and attachments API. */
package org.kontor.attachment.api;
