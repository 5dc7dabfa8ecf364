/** Requests: the end user's own view of their tickets (Zendesk's Requests API), public tickets and public comments only. */
package org.kontor.request;
